import type { FiguresFile, ParAssessmentInput, SipasSurveyInput } from "@chiso/core";
import { MAX_CELL_LENGTH, OversizedText, cellText, isBlank, parseCount, parseDecimal, parsePeriodCell } from "./cells.js";
import { normalizeText, columnLetter } from "./normalize.js";
import type { Sheet } from "./tables.js";

/** A problem found in a survey or PAR sheet, located like the figures' ones. */
export interface CompanionProblem {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly header: string;
  readonly unit: string;
  readonly code: "missing_value" | "not_a_number" | "not_integer" | "negative" | "ambiguous_number" | "formula_without_value" | "too_large" | "invalid_period" | "invalid_value" | "cell_too_long";
  readonly params: Readonly<Record<string, string | number>>;
}

type Key = "unit" | "period" | "item" | "respondents" | "criterion" | "self" | "appraisal1" | "appraisal2" | "entry" | "value" | `level${number}`;

const ALIASES: Readonly<Record<string, readonly string[]>> = {
  unit: ["ma don vi", "unit id", "unit"],
  period: ["ky", "period", "nam", "year"],
  item: ["ma cau hoi", "cau hoi ma", "item", "question"],
  respondents: ["so nguoi duoc khao sat", "so nguoi tra loi", "respondents"],
  criterion: ["ma tieu chi", "criterion", "tieu chi ma"],
  self: ["tu cham", "tu danh gia", "self", "self assessment"],
  appraisal1: ["tham dinh lan 1", "tham dinh", "appraisal 1", "appraisal"],
  appraisal2: ["tham dinh lan 2", "appraisal 2"],
  entry: ["muc", "entry", "noi dung"],
  value: ["gia tri", "diem", "value"],
};

/** Which column a header means; answer levels are "Mức 1 …" or "Level 1 …". */
function keyOf(header: string): Key | null {
  const text = normalizeText(header);
  const level = /^(muc|level) (\d+)\b/.exec(text);
  if (level) return `level${level[2]}` as Key;
  // Exact names first: "Thẩm định lần 2" must not be taken for "Thẩm định" followed by words.
  for (const [key, aliases] of Object.entries(ALIASES)) if (aliases.includes(text)) return key as Key;
  for (const [key, aliases] of Object.entries(ALIASES)) if (key !== "period" && aliases.some((alias) => text.startsWith(`${alias} `))) return key as Key;
  return null;
}

interface Table {
  readonly sheet: Sheet;
  readonly headerRow: number;
  readonly index: ReadonlyMap<Key, number>;
  readonly headers: readonly string[];
}

/** Sets a key as an own property: a question or criterion code typed as "__proto__" is data, not a prototype. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function findTable(sheet: Sheet, required: readonly Key[]): Table | null {
  for (const row of sheet.rows.slice(0, 15)) {
    const headers = Array.from({ length: row.cells.length }, (_, column) => cellText(row.cells[column]));
    const index = new Map<Key, number>();
    headers.forEach((header, column) => {
      const key = keyOf(header);
      if (key && !index.has(key)) index.set(key, column);
    });
    if (required.every((key) => index.has(key))) return { sheet, headerRow: row.number, index, headers };
  }
  return null;
}

function rowsOf(table: Table) {
  return table.sheet.rows.filter((row) => row.number > table.headerRow && !row.cells.every(isBlank));
}

/**
 * Reads SIPAS tallies (one row per unit, period and question: counts per answer level) and PAR
 * assessments (one row per unit, period and criterion: self-assessment and appraisal rounds; and rows
 * of survey points per field, bonus, penalty and tasks) from a workbook's sheets, where present.
 */
export function readCompanionSheets(sheets: readonly Sheet[]): { surveys?: SipasSurveyInput[]; par?: ParAssessmentInput[]; problems: CompanionProblem[]; sheets: Set<string> } {
  const problems: CompanionProblem[] = [];
  const read = new Set<string>();
  const result: { surveys?: SipasSurveyInput[]; par?: ParAssessmentInput[] } = {};
  const cell = (table: Table, row: Sheet["rows"][number], key: Key) => {
    const column = table.index.get(key);
    return column === undefined ? undefined : row.cells[column];
  };
  const locate = (table: Table, row: Sheet["rows"][number], key: Key, unit: string) => {
    const column = table.index.get(key) ?? 0;
    return { sheet: table.sheet.name, row: row.number, column: columnLetter(column + 1), header: table.headers[column] ?? "", unit };
  };
  /** A text cell (code, unit) that must be filled: empty or too long is a problem of the row, never a row skipped. */
  const required = (table: Table, row: Sheet["rows"][number], key: Key, unit: string): string | null => {
    const raw = cell(table, row, key);
    if (raw instanceof OversizedText) {
      problems.push({ ...locate(table, row, key, unit), code: "cell_too_long", params: { shown: raw.length, limit: MAX_CELL_LENGTH } });
      return null;
    }
    const text = cellText(raw);
    if (text === "") problems.push({ ...locate(table, row, key, unit), code: "missing_value", params: { field: key } });
    return text === "" ? null : text;
  };
  const base = (table: Table, row: Sheet["rows"][number]) => {
    const unit = required(table, row, "unit", "") ?? "";
    const raw = cell(table, row, "period");
    const text = cellText(raw);
    const period = parsePeriodCell(raw, normalizeText(text));
    if (!period) problems.push({ ...locate(table, row, "period", unit), code: text === "" ? "missing_value" : "invalid_period", params: { shown: text, field: "period" } });
    return unit !== "" && period ? { unit, period } : null;
  };
  const number = (table: Table, row: Sheet["rows"][number], key: Key, unit: string, kind: "count" | "decimal"): number | undefined => {
    const raw = cell(table, row, key);
    if (isBlank(raw)) return undefined;
    const parsed = kind === "count" ? parseCount(raw) : parseDecimal(raw);
    if ("problem" in parsed) {
      problems.push({ ...locate(table, row, key, unit), code: parsed.problem, params: { shown: parsed.shown } });
      return undefined;
    }
    if (kind === "decimal" && parsed.value < 0) {
      problems.push({ ...locate(table, row, key, unit), code: "negative", params: { shown: String(parsed.value) } });
      return undefined;
    }
    return parsed.value;
  };

  for (const sheet of sheets) {
    const surveys = findTable(sheet, ["unit", "period", "item", "level1"]);
    if (surveys) {
      const byKey = new Map<string, { unit: string; period: string; tallies: Record<string, Record<string, number>>; respondents?: number }>();
      const levelColumns = [...surveys.index.entries()].filter(([key]) => key.startsWith("level")).map(([, column]) => column);
      for (const row of rowsOf(surveys)) {
        // The template lists every question with no unit: an unfilled line is not a problem.
        if (isBlank(cell(surveys, row, "unit")) && levelColumns.every((column) => isBlank(row.cells[column]))) continue;
        const at = base(surveys, row);
        const item = required(surveys, row, "item", at?.unit ?? "");
        if (!at || item === null) continue;
        const before = problems.length;
        const counts: Record<string, number> = {};
        for (const key of surveys.index.keys()) {
          if (!key.startsWith("level")) continue;
          const value = number(surveys, row, key, at.unit, "count");
          if (value !== undefined) counts[key.slice(5)] = value;
        }
        const respondents = number(surveys, row, "respondents", at.unit, "count");
        if (problems.length > before) continue; // a row with a problem is rejected whole, never half-read
        const entry = byKey.get(`${at.unit}|${at.period}`) ?? { ...at, tallies: {} };
        setOwn(entry.tallies, item, counts);
        if (respondents !== undefined) entry.respondents = Math.max(entry.respondents ?? 0, respondents);
        byKey.set(`${at.unit}|${at.period}`, entry);
      }
      result.surveys = [...(result.surveys ?? []), ...byKey.values()];
      read.add(sheet.name);
      continue;
    }
    const scores = findTable(sheet, ["unit", "period", "criterion", "self"]);
    const extras = scores ? null : findTable(sheet, ["unit", "period", "entry", "value"]);
    if (!scores && !extras) continue;
    read.add(sheet.name);
    const assessments = new Map<string, ParAssessmentInput>();
    for (const entry of result.par ?? []) assessments.set(`${entry.unit}|${entry.period}`, entry);
    const assessment = (at: { unit: string; period: string }) => {
      const existing = assessments.get(`${at.unit}|${at.period}`) ?? { ...at, scores: {} };
      assessments.set(`${at.unit}|${at.period}`, existing);
      return existing as { -readonly [K in keyof ParAssessmentInput]: ParAssessmentInput[K] };
    };
    if (scores) {
      for (const row of rowsOf(scores)) {
        const at = base(scores, row);
        const criterion = required(scores, row, "criterion", at?.unit ?? "");
        if (!at || criterion === null) continue;
        const self = number(scores, row, "self", at.unit, "decimal");
        if (self === undefined) {
          if (isBlank(cell(scores, row, "self"))) problems.push({ ...locate(scores, row, "self", at.unit), code: "missing_value", params: { field: "self" } });
          continue;
        }
        const before = problems.length;
        const rounds = (["appraisal1", "appraisal2"] as const).map((key) => number(scores, row, key, at.unit, "decimal")).filter((value): value is number => value !== undefined);
        if (problems.length > before) continue;
        setOwn(assessment(at).scores as Record<string, ParAssessmentInput["scores"][string]>, criterion, rounds.length > 0 ? { self, appraisal: rounds } : { self });
      }
    } else if (extras) {
      for (const row of rowsOf(extras)) {
        const at = base(extras, row);
        const entry = required(extras, row, "entry", at?.unit ?? "");
        if (!at || entry === null) continue;
        const name = normalizeText(entry);
        const target = assessment(at);
        const survey = /^(dieu tra|survey) ([a-z0-9 ]+)$/.exec(name);
        const value = number(extras, row, "value", at.unit, name.startsWith("nhiem vu") || name.startsWith("tasks") ? "count" : "decimal");
        if (value === undefined) continue;
        if (survey) target.survey = { ...target.survey, [survey[2]!.toUpperCase().replace(/ /g, ".")]: value };
        else if (name === "diem thuong" || name === "bonus") target.bonus = value;
        else if (name === "diem tru" || name === "penalty") target.penalty = value;
        else if (name === "nhiem vu hoan thanh" || name === "tasks done") target.tasks = { done: value, planned: target.tasks?.planned ?? 0 };
        else if (name === "nhiem vu ke hoach" || name === "tasks planned") target.tasks = { done: target.tasks?.done ?? 0, planned: value };
        else problems.push({ ...locate(extras, row, "entry", at.unit), code: "invalid_value", params: { detail: cellText(cell(extras, row, "entry")), allowed: "Điều tra <lĩnh vực>, Điểm thưởng, Điểm trừ, Nhiệm vụ hoàn thành, Nhiệm vụ kế hoạch" } });
      }
    }
    result.par = [...assessments.values()];
  }
  return { ...result, problems, sheets: read };
}

/** Survey and PAR rows for the template (filled from data when given). */
export function companionRows(data: Pick<FiguresFile, "surveys" | "par"> | undefined) {
  const surveys = (data?.surveys ?? []) as SipasSurveyInput[];
  const par = (data?.par ?? []) as ParAssessmentInput[];
  return {
    surveys: surveys.flatMap((survey) =>
      "tallies" in survey ? Object.entries(survey.tallies).map(([item, counts]) => ({ unit: survey.unit, period: survey.period, item, counts, respondents: survey.respondents })) : [],
    ),
    scores: par.flatMap((entry) => Object.entries(entry.scores).map(([criterion, score]) => ({ unit: entry.unit, period: entry.period, criterion, self: score.self, appraisal: score.appraisal ?? [] }))),
    extras: par.flatMap((entry) => [
      ...Object.entries(entry.survey ?? {}).map(([field, value]) => ({ unit: entry.unit, period: entry.period, entry: `Điều tra ${field}`, value })),
      ...(entry.bonus !== undefined ? [{ unit: entry.unit, period: entry.period, entry: "Điểm thưởng", value: entry.bonus }] : []),
      ...(entry.penalty !== undefined ? [{ unit: entry.unit, period: entry.period, entry: "Điểm trừ", value: entry.penalty }] : []),
      ...(entry.tasks ? [{ unit: entry.unit, period: entry.period, entry: "Nhiệm vụ hoàn thành", value: entry.tasks.done }, { unit: entry.unit, period: entry.period, entry: "Nhiệm vụ kế hoạch", value: entry.tasks.planned }] : []),
    ]),
  };
}
