import type { FiguresFile, ParAssessmentInput, SipasSurveyInput } from "@chiso/core";
import { MAX_CELL_LENGTH, OversizedText, cellText, isBlank, parseCount, parseDecimal, parsePeriodCell } from "./cells.js";
import { normalizeText, columnLetter } from "./normalize.js";
import type { ReadTable } from "./read-tables.js";
import type { Sheet } from "./tables.js";

/** A problem found in a survey or PAR sheet, located like the figures' ones. */
export interface CompanionProblem {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly header: string;
  readonly unit: string;
  readonly code: "missing_value" | "not_a_number" | "not_integer" | "negative" | "ambiguous_number" | "formula_without_value" | "formula_error" | "too_large" | "invalid_period" | "invalid_value" | "cell_too_long";
  readonly params: Readonly<Record<string, string | number>>;
  /** Which data the row was: a SIPAS tally or a PAR score. */
  readonly companion?: "sipas" | "par";
}

/** A cell of a survey or PAR sheet: where a problem the core finds in what it held is shown. */
export interface CompanionPlace {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly header: string;
}

/**
 * Where each part of one survey or assessment was read: the key is a path inside the entry (as
 * JSON of its parts, `["tallies","ACCESS_PLACE","5"]`); `[]` is the entry's first row.
 */
export type CompanionPlaces = ReadonlyMap<string, CompanionPlace>;

/** The place of a path inside an entry: the longest recorded part of it (a question's row, then its level's cell). */
export function placeOf(places: CompanionPlaces, path: readonly (string | number)[]): CompanionPlace | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const place = places.get(JSON.stringify(path.slice(0, length).map(String)));
    if (place) return place;
  }
  return undefined;
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

/** The rows of the PAR extras sheet, by their (normalised) entry name: the field of the assessment each fills. */
const EXTRA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "diem thuong": ["bonus"],
  bonus: ["bonus"],
  "diem tru": ["penalty"],
  penalty: ["penalty"],
  "nhiem vu hoan thanh": ["tasks", "done"],
  "tasks done": ["tasks", "done"],
  "nhiem vu ke hoach": ["tasks", "planned"],
  "tasks planned": ["tasks", "planned"],
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
export function readCompanionSheets(sheets: readonly Sheet[]): {
  surveys?: SipasSurveyInput[];
  par?: ParAssessmentInput[];
  problems: CompanionProblem[];
  sheets: Set<string>;
  /** Where each survey and assessment was read (aligned with `surveys` and `par`). */
  places: { surveys: CompanionPlaces[]; par: CompanionPlaces[] };
  /** The tables read and their data rows: where hidden rows and columns are looked for. */
  tables: ReadTable[];
} {
  const tables: ReadTable[] = [];
  const readTable = (table: Table, rows: readonly Sheet["rows"][number][]) => {
    const columns = new Set(table.index.values());
    tables.push({ sheet: table.sheet, headerRow: table.headerRow, headers: table.headers, rows, reads: (column) => columns.has(column), unitColumn: table.index.get("unit") });
  };
  const problems: CompanionProblem[] = [];
  const places = { surveys: new Map<string, Map<string, CompanionPlace>>(), par: new Map<string, Map<string, CompanionPlace>>() };
  /** Records where a part of an entry was read (the first row read for the entry itself). */
  const record = (kind: "surveys" | "par", at: { unit: string; period: string }, path: readonly string[], place: CompanionPlace) => {
    const entry = places[kind].get(`${at.unit}|${at.period}`) ?? new Map<string, CompanionPlace>();
    places[kind].set(`${at.unit}|${at.period}`, entry);
    for (const [key, where] of [[JSON.stringify([]), place], [JSON.stringify(path), place]] as const) if (!entry.has(key)) entry.set(key, where);
  };
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
      problems.push({ ...locate(table, row, key, unit), code: parsed.problem, params: { shown: parsed.shown, ...parsed.details } });
      return undefined;
    }
    if (kind === "decimal" && parsed.value < 0) {
      problems.push({ ...locate(table, row, key, unit), code: "negative", params: { shown: String(parsed.value) } });
      return undefined;
    }
    return parsed.value;
  };

  /** Marks the problems found since `first` as the given data's. */
  const tag = (first: number, companion: "sipas" | "par") => {
    for (let index = first; index < problems.length; index += 1) problems[index] = { ...problems[index]!, companion };
  };
  for (const sheet of sheets) {
    const first = problems.length;
    const surveys = findTable(sheet, ["unit", "period", "item", "level1"]);
    if (surveys) {
      const byKey = new Map<string, { unit: string; period: string; tallies: Record<string, Record<string, number>>; respondents?: number }>();
      const levelColumns = [...surveys.index.entries()].filter(([key]) => key.startsWith("level")).map(([, column]) => column);
      // The template lists every question with no unit: an unfilled line is not a problem, nor read.
      const filled = rowsOf(surveys).filter((row) => !(isBlank(cell(surveys, row, "unit")) && levelColumns.every((column) => isBlank(row.cells[column]))));
      readTable(surveys, filled);
      for (const row of filled) {
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
        record("surveys", at, ["unit"], locate(surveys, row, "unit", at.unit));
        record("surveys", at, ["period"], locate(surveys, row, "period", at.unit));
        record("surveys", at, ["tallies", item], locate(surveys, row, "item", at.unit));
        for (const key of surveys.index.keys()) if (key.startsWith("level")) record("surveys", at, ["tallies", item, key.slice(5)], locate(surveys, row, key, at.unit));
        if (surveys.index.has("respondents")) {
          record("surveys", at, ["respondents"], locate(surveys, row, "respondents", at.unit));
          // The question's own row: where answers above the respondents are shown.
          record("surveys", at, ["tallies", item, "respondents"], locate(surveys, row, "respondents", at.unit));
        }
        if (respondents !== undefined) entry.respondents = Math.max(entry.respondents ?? 0, respondents);
        byKey.set(`${at.unit}|${at.period}`, entry);
      }
      result.surveys = [...(result.surveys ?? []), ...byKey.values()];
      read.add(sheet.name);
      tag(first, "sipas");
      continue;
    }
    const scores = findTable(sheet, ["unit", "period", "criterion", "self"]);
    const extras = scores ? null : findTable(sheet, ["unit", "period", "entry", "value"]);
    if (!scores && !extras) continue;
    read.add(sheet.name);
    readTable((scores ?? extras)!, rowsOf((scores ?? extras)!));
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
        record("par", at, ["unit"], locate(scores, row, "unit", at.unit));
        record("par", at, ["period"], locate(scores, row, "period", at.unit));
        record("par", at, ["scores", criterion], locate(scores, row, "criterion", at.unit));
        record("par", at, ["scores", criterion, "self"], locate(scores, row, "self", at.unit));
        (["appraisal1", "appraisal2"] as const).forEach((key, round) => scores.index.has(key) && record("par", at, ["scores", criterion, "appraisal", String(round)], locate(scores, row, key, at.unit)));
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
        const field = survey ? ["survey", survey[2]!.toUpperCase().replace(/ /g, ".")] : EXTRA_FIELDS[name];
        if (!field) {
          problems.push({ ...locate(extras, row, "entry", at.unit), code: "invalid_value", params: { detail: cellText(cell(extras, row, "entry")), allowed: "Điều tra <lĩnh vực>, Điểm thưởng, Điểm trừ, Nhiệm vụ hoàn thành, Nhiệm vụ kế hoạch" } });
          continue;
        }
        record("par", at, ["unit"], locate(extras, row, "unit", at.unit));
        record("par", at, ["period"], locate(extras, row, "period", at.unit));
        record("par", at, field, locate(extras, row, "value", at.unit));
        if (field[0] === "survey") target.survey = { ...target.survey, [field[1]!]: value };
        else if (field[0] === "bonus") target.bonus = value;
        else if (field[0] === "penalty") target.penalty = value;
        else if (field[1] === "done") target.tasks = { done: value, planned: target.tasks?.planned ?? 0 };
        else target.tasks = { done: target.tasks?.done ?? 0, planned: value };
      }
    }
    result.par = [...assessments.values()];
    tag(first, "par");
  }
  const placesOf = (kind: "surveys" | "par", entries: readonly { unit: string; period: string }[] | undefined) => (entries ?? []).map((entry) => places[kind].get(`${entry.unit}|${entry.period}`) ?? new Map<string, CompanionPlace>());
  return { ...result, problems, sheets: read, tables, places: { surveys: placesOf("surveys", result.surveys as { unit: string; period: string }[] | undefined), par: placesOf("par", result.par as { unit: string; period: string }[] | undefined) } };
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
