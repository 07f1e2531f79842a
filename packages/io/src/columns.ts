import type { Bilingual, Scheme } from "@chiso/core";
import { normalizeText } from "./normalize.js";

/** What a column holds. Item columns are `CODE.numerator` / `CODE.denominator`. */
export type ColumnKey = string;

export interface ColumnSpec {
  readonly key: ColumnKey;
  readonly header: Bilingual;
  /** Counts are whole numbers ≥ 0; `decimal` allows a decimal (tracked values); `text` is text. */
  readonly kind: "count" | "decimal" | "text";
}

const UNIT_COLUMNS: readonly ColumnSpec[] = [
  { key: "unit", header: { vi: "Mã đơn vị", en: "Unit id" }, kind: "text" },
  { key: "name", header: { vi: "Tên đơn vị", en: "Unit name" }, kind: "text" },
  { key: "level", header: { vi: "Cấp", en: "Level" }, kind: "text" },
  { key: "parent", header: { vi: "Mã đơn vị cấp trên", en: "Parent unit id" }, kind: "text" },
  { key: "period", header: { vi: "Kỳ", en: "Period" }, kind: "text" },
];

const COMPONENT_COLUMNS: readonly ColumnSpec[] = [
  { key: "channels.received", header: { vi: "Hồ sơ tiếp nhận", en: "Dossiers received" }, kind: "count" },
  { key: "channels.online", header: { vi: "Tiếp nhận trực tuyến", en: "Received online" }, kind: "count" },
  { key: "channels.direct", header: { vi: "Tiếp nhận trực tiếp", en: "Received in person" }, kind: "count" },
  { key: "channels.post", header: { vi: "Tiếp nhận qua bưu chính công ích", en: "Received by public post" }, kind: "count" },
  { key: "settlement.settled", header: { vi: "Hồ sơ đã giải quyết", en: "Dossiers settled" }, kind: "count" },
  { key: "settlement.early", header: { vi: "Giải quyết trước hạn", en: "Settled early" }, kind: "count" },
  { key: "settlement.onTime", header: { vi: "Giải quyết đúng hạn", en: "Settled on time" }, kind: "count" },
  { key: "settlement.overdue", header: { vi: "Giải quyết quá hạn", en: "Settled overdue" }, kind: "count" },
];

/** Alternative names people use for the unit columns (already normalised). */
const UNIT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  unit: ["ma don vi", "ma dv", "unit id", "unit", "id", "don vi ma"],
  name: ["ten don vi", "ten dv", "don vi", "unit name", "name", "ten"],
  level: ["cap", "cap don vi", "level", "loai don vi"],
  parent: ["ma don vi cap tren", "don vi cap tren", "cap tren", "parent unit id", "parent", "ma cap tren"],
  period: ["ky", "ky bao cao", "ky danh gia", "thang", "period", "month"],
};

/** The item's numerator and denominator columns, with the scheme's wording in the header. */
function itemColumns(scheme: Scheme): ColumnSpec[] {
  return scheme.items.flatMap((item) => [
    {
      key: `${item.code}.numerator`,
      header: { vi: `${item.id} Tử số: ${item.numerator.vi} [${item.code}.numerator]`, en: `${item.id} Numerator: ${item.numerator.en} [${item.code}.numerator]` },
      kind: "count" as const,
    },
    {
      key: `${item.code}.denominator`,
      header: { vi: `${item.id} Mẫu số: ${item.denominator.vi} [${item.code}.denominator]`, en: `${item.id} Denominator: ${item.denominator.en} [${item.code}.denominator]` },
      kind: "count" as const,
    },
  ]);
}

/** Every column a figures sheet can have, in template order. */
export function figureColumns(scheme: Scheme): ColumnSpec[] {
  const tracked = scheme.definition.tracked.map((entry) => ({
    key: `tracked.${entry.code}`,
    header: { vi: `${entry.id} ${entry.name.vi} [tracked.${entry.code}]`, en: `${entry.id} ${entry.name.en} [tracked.${entry.code}]` },
    kind: "decimal" as const,
  }));
  return [...UNIT_COLUMNS.filter((column) => column.key !== "level" && column.key !== "parent"), ...itemColumns(scheme), ...COMPONENT_COLUMNS, ...tracked];
}

/** The columns of a units sheet. */
export function unitColumns(): ColumnSpec[] {
  return UNIT_COLUMNS.filter((column) => column.key !== "period");
}

const NUMERATOR_WORDS = ["tu so", "numerator", "tu"];
const DENOMINATOR_WORDS = ["mau so", "denominator", "mau"];

/**
 * Finds which column a header means, tolerantly: the `[KEY]` the template writes, the column's
 * Vietnamese or English header, an alias ("Mã ĐV"), or an item's code or number with "tử số"/"mẫu số"
 * ("1.1 Tử số", "PUBLISH_ON_TIME mẫu số", a merged "1.1 Công bố…" over "Tử số").
 */
export function matchHeader(header: string, scheme: Scheme, columns: readonly ColumnSpec[]): ColumnKey | null {
  const bracketed = /\[([A-Za-z0-9_.]+)\]/.exec(header)?.[1];
  if (bracketed && columns.some((column) => column.key === bracketed)) return bracketed;
  const text = normalizeText(header);
  if (text === "") return null;
  const known = namesOf(columns).get(text);
  if (known !== undefined) return known;
  const field = NUMERATOR_WORDS.some((word) => new RegExp(`(^| )${word}( |$)`).test(text))
    ? "numerator"
    : DENOMINATOR_WORDS.some((word) => new RegExp(`(^| )${word}( |$)`).test(text))
      ? "denominator"
      : null;
  if (!field) return null;
  // The longest code that appears wins: "PETITION_PROCESSING_ON_TIME" is not "ON_TIME".
  let best: { key: ColumnKey; strength: number } | null = null;
  const keys = new Set(columns.map((column) => column.key));
  for (const item of itemNamesOf(scheme)) {
    const strength = item.code.test(text) ? 1000 + item.codeLength : text.startsWith(`${item.id} `) ? 500 + item.id.length : item.name === text.replace(/ ?(tu so|mau so)$/, "") ? 1 : 0;
    const key = `${item.key}.${field}`;
    if (strength > (best?.strength ?? 0) && keys.has(key)) best = { key, strength };
  }
  return best?.key ?? null;
}

/** Each column's names, normalised once per list of columns (headers are matched many times per file). */
const columnNames = new WeakMap<readonly ColumnSpec[], Map<string, ColumnKey>>();
function namesOf(columns: readonly ColumnSpec[]): Map<string, ColumnKey> {
  let names = columnNames.get(columns);
  if (!names) {
    names = new Map();
    for (const column of columns) {
      for (const name of [normalizeText(column.header.vi), normalizeText(column.header.en), normalizeText(column.key), ...(UNIT_ALIASES[column.key] ?? [])]) {
        if (!names.has(name)) names.set(name, column.key);
      }
    }
    columnNames.set(columns, names);
  }
  return names;
}

/** Each item's code (as a whole-word pattern), number and name, normalised once per scheme. */
const itemNames = new WeakMap<Scheme, { key: string; code: RegExp; codeLength: number; id: string; name: string }[]>();
function itemNamesOf(scheme: Scheme) {
  let names = itemNames.get(scheme);
  if (!names) {
    names = scheme.items.map((item) => {
      const code = normalizeText(item.code);
      return { key: item.code, code: new RegExp(`(^| )${code}( |$)`), codeLength: code.length, id: normalizeText(item.id), name: normalizeText(item.name.vi) };
    });
    itemNames.set(scheme, names);
  }
  return names;
}
