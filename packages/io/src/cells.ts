/** Why a cell could not be read; the codes are described in messages.ts. */
export type CellProblem = "not_a_number" | "not_integer" | "negative" | "ambiguous_number" | "formula_without_value" | "formula_error" | "too_large" | "cell_too_long";

/** What a spreadsheet shows when a formula fails (#DIV/0!, #REF!, …): a formula error, not a number typed wrong. */
const FORMULA_ERROR = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
const formulaError = (value: unknown) => typeof value === "string" && FORMULA_ERROR.test(value.trim());

/** Excel's limit on the characters of one cell; longer text is refused, never cut or printed. */
export const MAX_CELL_LENGTH = 32_767;

/** A cell whose text is longer than the limit: only its length is kept. */
export class OversizedText {
  constructor(readonly length: number) {}
}

/**
 * `details` say more of a refused decimal, for advice that fits it: `decimal` the value as a number
 * ("1.234", JavaScript's notation; a numeric cell, shown to the user in their notation), `whole` the
 * count a thousands separator read as a decimal point would have meant ("1234").
 */
export type CellResult<T> = { readonly value: T } | { readonly problem: CellProblem; readonly shown: string; readonly details?: Readonly<Record<string, string>> };

interface FormulaValue {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

/** The value a cell holds: a formula's cached result, rich text as plain text, anything else as is. */
export function cellValue(raw: unknown): unknown {
  if (raw instanceof OversizedText) return raw;
  if (raw !== null && typeof raw === "object" && !(raw instanceof Date)) {
    const value = raw as FormulaValue & { richText?: { text: string }[]; text?: string; error?: string };
    if ("formula" in value || "sharedFormula" in value) return value.result === undefined ? FORMULA_WITHOUT_VALUE : cellValue(value.result);
    if (value.richText) return value.richText.map((run) => run.text).join("");
    if (typeof value.text === "string") return value.text;
    if (value.error) return value.error;
  }
  return raw;
}

/** A formula whose workbook was never calculated (no cached value) cannot be read. */
export const FORMULA_WITHOUT_VALUE = Symbol("formula without value");

export function isBlank(raw: unknown): boolean {
  const value = cellValue(raw);
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Text of a cell, trimmed and NFC; empty text for a blank cell. */
export function cellText(raw: unknown): string {
  const value = cellValue(raw);
  if (value === null || value === undefined || value === FORMULA_WITHOUT_VALUE || value instanceof OversizedText) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim().normalize("NFC");
}

const show = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value instanceof OversizedText ? `${value.length}` : String(value));

/**
 * A count (whole number ≥ 0) from a cell. Numbers stored as text are read; Vietnamese thousands
 * separators ("1.234") are read; anything that could be misread is rejected, never guessed:
 * "1,234" (a Vietnamese decimal or an English thousands?) and "12.5" are refused.
 */
export function parseCount(raw: unknown): CellResult<number> {
  const value = cellValue(raw);
  if (value === FORMULA_WITHOUT_VALUE) return { problem: "formula_without_value", shown: "=…" };
  if (value instanceof OversizedText) return { problem: "cell_too_long", shown: show(value) };
  if (typeof value === "number") return checkCount(value, show(value));
  if (formulaError(value)) return { problem: "formula_error", shown: String(value).trim() };
  if (typeof value !== "string") return { problem: "not_a_number", shown: show(value) };
  // Spaces only as a thousands separator ("12 345"); "1 2" is not read as 12.
  const trimmed = value.trim();
  const text = /^\d{1,3}([ \u00a0]\d{3})+$/.test(trimmed) ? trimmed.replace(/[ \u00a0]/g, "") : trimmed;
  if (/^-\d/.test(text)) return { problem: "negative", shown: value.trim() };
  if (/^\d+$/.test(text)) return checkCount(Number(text), value.trim());
  // "0.750" is a decimal in English, never a Vietnamese thousands ("1.234"): a group cannot start with 0.
  if (/^0\d{0,2}(\.\d{3})+$/.test(text)) return { problem: "ambiguous_number", shown: value.trim() };
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return checkCount(Number(text.replace(/\./g, "")), value.trim());
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return { problem: "ambiguous_number", shown: value.trim() };
  if (/^\d+[.,]\d+$/.test(text)) return { problem: "not_integer", shown: value.trim() };
  return { problem: "not_a_number", shown: value.trim() };
}

function checkCount(value: number, shown: string): CellResult<number> {
  if (!Number.isFinite(value)) return { problem: "not_a_number", shown };
  if (value < 0) return { problem: "negative", shown };
  if (!Number.isInteger(value)) return { problem: "not_integer", shown, details: decimalDetails(value) };
  if (!Number.isSafeInteger(value)) return { problem: "too_large", shown };
  return { value };
}

/**
 * A count stored as a decimal number (a numeric cell: text never reaches here with decimals): what it
 * is, and the count it would be had "." been a thousands separator (1.234 → 1234; 1.5 and 1.2345 have none).
 */
function decimalDetails(value: number): Record<string, string> {
  const text = String(value);
  const thousands = /^[1-9]\d{0,2}(\.\d{3})$/.test(text) ? text.replace(".", "") : undefined;
  return { decimal: text, ...(thousands && { whole: thousands }) };
}

/** A decimal (a tracked value such as days of processing); "3,5" and "3.5" are both 3.5. */
export function parseDecimal(raw: unknown): CellResult<number> {
  const value = cellValue(raw);
  if (value === FORMULA_WITHOUT_VALUE) return { problem: "formula_without_value", shown: "=…" };
  if (value instanceof OversizedText) return { problem: "cell_too_long", shown: show(value) };
  if (typeof value === "number" && Number.isFinite(value)) return { value };
  if (formulaError(value)) return { problem: "formula_error", shown: String(value).trim() };
  // "1.234" and "1,234" are a thousand in one convention and a decimal in the other: refused.
  if (typeof value === "string" && /^-?[1-9]\d{0,2}[.,]\d{3}$/.test(value.trim())) return { problem: "ambiguous_number", shown: value.trim() };
  if (typeof value === "string" && /^-?\d+([.,]\d+)?$/.test(value.trim())) return { value: Number(value.trim().replace(",", ".")) };
  return { problem: "not_a_number", shown: show(value) };
}

const LEVELS: Readonly<Record<string, "province" | "department" | "commune">> = {
  province: "province",
  tinh: "province",
  "thanh pho": "province",
  "cap tinh": "province",
  department: "department",
  so: "department",
  ban: "department",
  nganh: "department",
  "so ban nganh": "department",
  "so nganh": "department",
  commune: "commune",
  xa: "commune",
  phuong: "commune",
  "dac khu": "commune",
  "xa phuong": "commune",
  "cap xa": "commune",
};

/** A level from English or Vietnamese words ("Sở, ban, ngành", "xã"); `null` when unknown. */
export function parseLevel(normalized: string): "province" | "department" | "commune" | null {
  // Own keys only: "constructor" or "toString" typed in a cell is not a level.
  return Object.hasOwn(LEVELS, normalized) ? LEVELS[normalized]! : null;
}

/**
 * A period from the ways people write it: "2026-03", "03/2026", "3/2026", "T3/2026", "Tháng 3/2026",
 * a date cell (its month), "2026-Q1", "Quý I/2026", "2026". `null` when it is none of these.
 */
export function parsePeriodCell(raw: unknown, normalized: string): string | null {
  const value = cellValue(raw);
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  const iso = /^(\d{4}) (0?[1-9]|1[0-2])$/.exec(normalized);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, "0")}`;
  const month = /^(?:t|thang )?(0?[1-9]|1[0-2]) (\d{4})$/.exec(normalized);
  if (month) return `${month[2]}-${month[1]!.padStart(2, "0")}`;
  const quarter = /^(\d{4}) q([1-4])$/.exec(normalized) ?? /^(?:quy|q) (i{1,3}|iv|[1-4]) (\d{4})$/.exec(normalized);
  if (quarter) {
    const [year, index] = /^\d{4}$/.test(quarter[1]!) ? [quarter[1]!, quarter[2]!] : [quarter[2]!, quarter[1]!];
    const number = { i: "1", ii: "2", iii: "3", iv: "4" }[index] ?? index;
    return `${year}-Q${number}`;
  }
  if (/^\d{4}$/.test(normalized)) return normalized;
  return null;
}
