// Importing a whole province's six portal responses (163 units) through @chiso/io/portal — recognition,
// zod validation of every record, the mapping and the core's validation of the figures built — next to
// reading the same bytes with JSON.parse alone, in the same run. The two are timed in turn, run after run,
// so that a busy machine slows both alike and their ratio stays meaningful.
import { getScheme, safeParseDataset } from "@chiso/core";
import { importPortalResponses } from "@chiso/io/portal";
import { COMMUNES, DEPARTMENTS, provinceResponses } from "./portal-data.mjs";

const RUNS = 11;
const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

export async function benchPortal() {
  const files = provinceResponses();
  const bytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  const units = 1 + DEPARTMENTS + COMMUNES;
  const decoder = new TextDecoder();

  const parseAll = () => {
    let records = 0;
    for (const file of files) {
      const data = JSON.parse(decoder.decode(file.bytes)).data;
      records += (data.evaluation ?? data.children).length + 1;
    }
    if (records !== units * files.length) throw new Error(`JSON.parse read ${records} records`);
  };
  const importAll = () => {
    const result = importPortalResponses(files, { period: "2026-08" });
    // Checked on every timed run: every unit in, one row each, no error, no list truncated.
    if (!result.document || result.document.units.length !== units || result.document.figures.length !== units) throw new Error("the province should import whole");
    if (result.issues.some((issue) => issue.severity === "error" || issue.code === "truncated_list" || issue.code === "unit_not_in_all")) throw new Error("the province should import without problems");
  };

  // The core's share: validating the document the import builds (the import does it once, as score will).
  const document = importPortalResponses(files, { period: "2026-08" }).document;
  const scheme = getScheme(document.scheme);
  const coreAlone = () => {
    if (!safeParseDataset(document, scheme).success) throw new Error("the core should accept the import");
  };

  parseAll();
  importAll();
  coreAlone();
  const parseTimes = [];
  const importTimes = [];
  const coreTimes = [];
  for (let run = 0; run < RUNS; run += 1) {
    for (const [task, times] of [[parseAll, parseTimes], [importAll, importTimes], [coreAlone, coreTimes]]) {
      globalThis.gc?.();
      const start = performance.now();
      task();
      times.push(performance.now() - start);
    }
  }
  const parse = median(parseTimes);
  const imported = median(importTimes);
  const core = median(coreTimes);
  return {
    title: `@chiso/io/portal — import a province's six responses (${units} units)`,
    rows: [
      ["responses", `${files.length} files, ${(bytes / 1024).toFixed(0)} KB of compact JSON, ${units} units each`],
      ["JSON.parse of the same bytes alone", `${parse.toFixed(1)} ms`],
      ["recognise, validate, map, core validation", `${imported.toFixed(1)} ms`, `${(imported / parse).toFixed(1)}× JSON.parse; target < 1000 ms`],
      ["  of which the core's validation of the figures", `${core.toFixed(1)} ms`, `${(core / parse).toFixed(1)}× JSON.parse`],
    ],
    // An office imports a province once a month: under a second, on a shared 2-core machine, is the need.
    pass: imported < 1000,
  };
}
