// A whole province's six portal responses at full size, built deterministically from the recorded
// samples' shapes: the province's own record as recorded, and 163 units (30 departments, 133 communes)
// that repeat the samples' 4 departments and 2 communes with their own ids, names and codes.
import { readFileSync } from "node:fs";

const SAMPLES = new URL("../packages/io/test/portal-samples/", import.meta.url);
export const PORTAL_ENDPOINTS = ["transparency", "dvc-progress-tree", "provide-online-tree", "formality-online-payment-tree", "dossier-digitized", "handling-satisfaction"];
export const DEPARTMENTS = 30;
export const COMMUNES = 133;

const sample = (endpoint) => JSON.parse(readFileSync(new URL(`${endpoint}.month-all.sample.json`, SAMPLES), "utf8"));
const isCommune = (record) => (record.level ?? record.departmentLevel) === "COMMUNE";

/** The same 163 units in every response: id, name and code by position. */
function identity(position) {
  const commune = position >= DEPARTMENTS;
  const number = commune ? position - DEPARTMENTS + 1 : position + 1;
  return {
    commune,
    departmentId: `019d2be3-0000-7000-8000-${String(position).padStart(12, "0")}`,
    departmentName: commune ? `UBND Xã Mẫu ${String(number).padStart(3, "0")}` : `Sở Mẫu ${String(number).padStart(2, "0")} - Tỉnh Phú Thọ`,
    departmentCode: commune ? `H44.${99 + number}` : `H44.${String(number).padStart(2, "0")}`,
  };
}

/** One endpoint's response with 163 units, as compact JSON bytes (the portal's own form). */
function fullResponse(endpoint) {
  const json = sample(endpoint);
  const listKey = Array.isArray(json.data.evaluation) ? "evaluation" : "children";
  const templates = { false: json.data[listKey].filter((record) => !isCommune(record)), true: json.data[listKey].filter(isCommune) };
  json.data[listKey] = Array.from({ length: DEPARTMENTS + COMMUNES }, (_, position) => {
    const { commune, ...names } = identity(position);
    const pool = templates[commune];
    const record = structuredClone(pool[position % pool.length]);
    Object.assign(record, { departmentId: names.departmentId, departmentName: names.departmentName });
    if ("departmentCode" in record) record.departmentCode = names.departmentCode;
    if ("stt" in record) record.stt = position + 1;
    return record;
  });
  return new TextEncoder().encode(JSON.stringify(json));
}

/** The six responses of a province of 163 units, as files. */
export function provinceResponses() {
  return PORTAL_ENDPOINTS.map((endpoint) => ({ name: `${endpoint}.json`, bytes: fullResponse(endpoint) }));
}
