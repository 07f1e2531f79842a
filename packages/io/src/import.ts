import { createHash } from "node:crypto";
import { extname } from "node:path";
import { describeIssue, formatPath, safeParseDataset, type Dataset, type FigureInput, type FiguresFile, type IssueCode, type Language, type Scheme, type UnitInput } from "@chiso/core";
import { cellText, isBlank, parseCount, parseDecimal, parseLevel, parsePeriodCell } from "./cells.js";
import { figureColumns, matchHeader, unitColumns, type ColumnKey, type ColumnSpec } from "./columns.js";
import { describeImportProblem, type ImportProblem } from "./messages.js";
import { columnLetter, normalizeText } from "./normalize.js";
import { readCompanionSheets } from "./companion-sheets.js";
import { readCsv, readXlsx, type Sheet } from "./tables.js";

type Params = Readonly<Record<string, string | number>>;

/** One problem, located as precisely as the file allows. */
export interface ImportIssue {
  readonly code: ImportProblem | IssueCode;
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
  readonly unit?: string;
  /** For JSON input: the path in the document (`figures[3].items.ON_TIME`). */
  readonly path?: string;
  readonly params: Params;
  /** Found by the core's validation (its message catalogue), not while reading cells. */
  readonly core?: true;
}

/** What became of each data row: scored, or rejected with its reasons. Every row is accounted for. */
export interface RowOutcome {
  readonly sheet?: string;
  readonly row?: number;
  readonly path?: string;
  readonly unit: string;
  readonly period: string;
  readonly status: "accepted" | "rejected";
  readonly reasons: readonly ImportIssue[];
  /** The row's cells as read, for the rejected-rows file (text, never formulas). */
  readonly cells: readonly string[];
}

export interface ImportResult {
  readonly fileName: string;
  /** SHA-256 of the file's bytes. */
  readonly checksum: string;
  /** The validated dataset; `null` when the file has errors and invalid rows are not skipped. */
  readonly dataset: Dataset | null;
  readonly issues: readonly ImportIssue[];
  readonly rows: readonly RowOutcome[];
  /** The header of the figures table as read (for the rejected-rows file). */
  readonly headers: readonly string[];
}

export interface ImportOptions {
  readonly scheme: Scheme;
  readonly fileName: string;
  /** Period for rows when the file has no period column. */
  readonly period?: string;
  /** Score the valid rows and reject the others (default: a file with errors is not scored). */
  readonly skipInvalid?: boolean;
  /** Largest file accepted, in bytes (default 25 MB). */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

interface Origin {
  readonly sheet?: string;
  readonly row?: number;
  readonly path?: string;
  readonly columns: ReadonlyMap<ColumnKey, { letter: string; header: string }>;
  /** The row's cells as read; turned into text only for rows that are rejected. */
  readonly raw: readonly unknown[];
}

interface ParsedTable {
  readonly sheet: Sheet;
  readonly headerRows: number;
  readonly keys: readonly (ColumnKey | null)[];
  readonly headers: readonly string[];
  readonly issues: ImportIssue[];
  /** Each known column's position (the first, when a key repeats) and how it is shown. */
  readonly index: ReadonlyMap<ColumnKey, number>;
  readonly columns: ReadonlyMap<ColumnKey, { letter: string; header: string }>;
}

/** Finds the header (one row, or a merged row over "Tử số"/"Mẫu số") and what each column means. */
function parseHeader(sheet: Sheet, scheme: Scheme, columns: readonly ColumnSpec[], file: string): ParsedTable | null {
  let best: ParsedTable | null = null;
  let bestCount = 0;
  for (const [index, candidate] of sheet.rows.slice(0, 15).entries()) {
    const below = sheet.rows[index + 1];
    const subHeader = below && below.number === candidate.number + 1 && below.cells.filter((cell) => /^(tu so|mau so|numerator|denominator)$/.test(normalizeText(cellText(cell)))).length >= 2;
    let carried = "";
    // Rows can be sparse (a streamed row omits empty cells), so walk every column explicitly.
    const width = Math.max(candidate.cells.length, subHeader ? below!.cells.length : 0);
    const headers = Array.from({ length: width }, (_, column) => {
      const own = cellText(candidate.cells[column]);
      if (own !== "") carried = own;
      return subHeader ? `${own === "" ? carried : own} ${cellText(below!.cells[column])}`.trim() : own;
    });
    const keys = headers.map((header) => matchHeader(header, scheme, columns));
    const count = keys.filter((key) => key !== null).length;
    if (keys.includes("unit") && count >= 2 && count > bestCount) {
      bestCount = count;
      const index = new Map<ColumnKey, number>();
      const located = new Map<ColumnKey, { letter: string; header: string }>();
      keys.forEach((key, position) => {
        if (key === null || index.has(key)) return;
        index.set(key, position);
        located.set(key, { letter: columnLetter(position + 1), header: headers[position]! });
      });
      best = { sheet, headerRows: candidate.number + (subHeader ? 1 : 0), keys, headers, issues: [], index, columns: located };
    }
  }
  if (!best) return null;
  const seen = new Map<ColumnKey, number>();
  best.keys.forEach((key, index) => {
    const header = best!.headers[index]!;
    const location = { file, sheet: sheet.name, row: best!.headerRows, column: columnLetter(index + 1), header };
    if (key === null) {
      if (header !== "") best!.issues.push({ ...location, code: "unknown_column", severity: "warning", params: { header } });
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) best!.issues.push({ ...location, code: "duplicate_column", severity: "error", params: { first: columnLetter(first + 1), key } });
    else seen.set(key, index);
  });
  return best;
}

function originOf(table: ParsedTable, row: { number: number; cells: readonly unknown[] }): Origin {
  return { sheet: table.sheet.name, row: row.number, columns: table.columns, raw: row.cells };
}

function cellOf(table: ParsedTable, row: { cells: readonly unknown[] }, key: ColumnKey): unknown {
  const index = table.index.get(key);
  return index === undefined ? undefined : row.cells[index];
}

/** Reads the data rows of a tabular file into a chiso.figures/1 document, with every cell problem. */
function readTables(sheets: readonly Sheet[], options: ImportOptions, file: string) {
  const { scheme } = options;
  const issues: ImportIssue[] = [];
  const figureSpecs = [...figureColumns(options.scheme), ...unitColumns().filter((column) => column.key === "level" || column.key === "parent")];
  const tables = sheets.flatMap((sheet) => {
    const table = parseHeader(sheet, scheme, figureSpecs, file);
    return table && table.keys.some((key) => key?.endsWith(".numerator") || key?.endsWith(".denominator")) ? [table] : [];
  });
  const unitTables = sheets.flatMap((sheet) => {
    const table = parseHeader(sheet, scheme, unitColumns(), file);
    return table && table.keys.includes("level") && !tables.some((figures) => figures.sheet === sheet) ? [table] : [];
  });
  const units: UnitInput[] = [];
  const unitOrigins: Origin[] = [];
  const figures: FigureInput[] = [];
  const figureOrigins: Origin[] = [];
  const rowIssues: ImportIssue[][] = [];
  if (tables.length === 0) {
    issues.push({ file, code: "no_figures_table", severity: "error", params: {} });
    return { document: { units, figures }, issues, unitOrigins, figureOrigins, rowIssues, headers: [] as string[] };
  }
  for (const table of [...tables, ...unitTables]) issues.push(...table.issues);

  const seenUnits = new Set<string>();
  const addUnit = (table: ParsedTable, row: Sheet["rows"][number], rowProblems: ImportIssue[]) => {
    const id = cellText(cellOf(table, row, "unit"));
    if (id === "" || seenUnits.has(id)) return;
    const levelText = cellText(cellOf(table, row, "level"));
    const level = parseLevel(normalizeText(levelText));
    const origin = originOf(table, row);
    const at = (key: ColumnKey) => ({ file, sheet: table.sheet.name, row: row.number, unit: id, column: origin.columns.get(key)?.letter ?? "", header: origin.columns.get(key)?.header ?? "" });
    if (!level) {
      rowProblems.push({ ...at("level"), code: levelText === "" ? "missing_value" : "invalid_level", severity: "error", params: { shown: levelText, field: "level" } });
      return;
    }
    seenUnits.add(id);
    const name = cellText(cellOf(table, row, "name")) || id;
    const parent = cellText(cellOf(table, row, "parent"));
    units.push(parent === "" ? { id, name, level } : { id, name, level, parent });
    unitOrigins.push(origin);
  };

  for (const table of unitTables) {
    for (const row of table.sheet.rows) {
      if (row.number <= table.headerRows || row.cells.every(isBlank)) continue;
      const problems: ImportIssue[] = [];
      addUnit(table, row, problems);
      issues.push(...problems);
    }
  }
  const unitsFromFigures = unitTables.length === 0 && tables.some((table) => table.keys.includes("level"));
  if (unitTables.length === 0 && !unitsFromFigures) issues.push({ file, code: "no_units", severity: "error", params: {} });

  for (const table of tables) {
    const specs = new Map(figureSpecs.map((spec) => [spec.key, spec]));
    if (!table.keys.includes("period") && !options.period) {
      issues.push({ file, sheet: table.sheet.name, row: table.headerRows, code: "missing_column", severity: "error", params: { header: "Kỳ / Period" } });
    }
    for (const row of table.sheet.rows) {
      if (row.number <= table.headerRows || row.cells.every(isBlank)) continue;
      const origin = originOf(table, row);
      const problems: ImportIssue[] = [];
      const unit = cellText(cellOf(table, row, "unit"));
      const at = (key: ColumnKey) => ({ file, sheet: table.sheet.name, row: row.number, unit, column: origin.columns.get(key)?.letter ?? "", header: origin.columns.get(key)?.header ?? "" });
      if (unit === "") problems.push({ ...at("unit"), code: "missing_value", severity: "error", params: { field: "unit" } });
      if (unitsFromFigures) addUnit(table, row, problems);
      const periodCell = cellOf(table, row, "period");
      const periodText = cellText(periodCell);
      const period = table.keys.includes("period") ? parsePeriodCell(periodCell, normalizeText(periodText)) : (options.period ?? null);
      if (table.keys.includes("period") && period === null) {
        problems.push({ ...at("period"), code: periodText === "" ? "missing_value" : "invalid_period", severity: "error", params: { shown: periodText, field: "period" } });
      }
      const items: Record<string, { numerator: number; denominator: number }> = {};
      const components: Record<string, Record<string, number>> = {};
      const tracked: Record<string, number> = {};
      for (const item of scheme.items) {
        const numeratorKey = `${item.code}.numerator`;
        const denominatorKey = `${item.code}.denominator`;
        const rawNumerator = cellOf(table, row, numeratorKey);
        const rawDenominator = cellOf(table, row, denominatorKey);
        if (isBlank(rawNumerator) && isBlank(rawDenominator)) continue; // not reported: "no data", never 0
        const pair: number[] = [];
        for (const [key, raw, field] of [[numeratorKey, rawNumerator, "numerator"], [denominatorKey, rawDenominator, "denominator"]] as const) {
          if (isBlank(raw)) {
            problems.push({ ...at(key), code: "missing_value", severity: "error", params: { field, item: `${item.id} (${item.code})` } });
            continue;
          }
          const parsed = parseCount(raw);
          if ("problem" in parsed) problems.push({ ...at(key), code: parsed.problem, severity: "error", params: { shown: parsed.shown } });
          else pair.push(parsed.value);
        }
        if (pair.length === 2) items[item.code] = { numerator: pair[0]!, denominator: pair[1]! };
      }
      for (const [key, spec] of specs) {
        if (!key.includes(".") || key.endsWith(".numerator") || key.endsWith(".denominator")) continue;
        const raw = cellOf(table, row, key);
        if (isBlank(raw)) continue;
        const parsed = spec.kind === "decimal" ? parseDecimal(raw) : parseCount(raw);
        if ("problem" in parsed) {
          problems.push({ ...at(key), code: parsed.problem, severity: "error", params: { shown: parsed.shown } });
          continue;
        }
        const [group, field] = key.split(".") as [string, string];
        if (group === "tracked") tracked[field] = parsed.value;
        else (components[group] ??= {})[field] = parsed.value;
      }
      const figure: FigureInput = { unit, period: period ?? periodText, items };
      const complete = (group: string, fields: readonly string[]) => fields.every((field) => components[group]?.[field] !== undefined);
      if (complete("channels", ["received", "online", "direct", "post"])) figure.channels = components.channels as unknown as NonNullable<FigureInput["channels"]>;
      if (complete("settlement", ["settled", "early", "onTime", "overdue"])) figure.settlement = components.settlement as unknown as NonNullable<FigureInput["settlement"]>;
      if (Object.keys(tracked).length > 0) figure.tracked = tracked;
      figures.push(figure);
      figureOrigins.push(origin);
      rowIssues.push(problems);
    }
  }
  return { document: { units, figures } as FiguresFile, issues, unitOrigins, figureOrigins, rowIssues, headers: tables[0]!.headers as string[] };
}

/** Where a core issue's path points in the file. */
function locate(path: readonly (string | number)[], file: string, document: FiguresFile, unitOrigins: readonly Origin[], figureOrigins: readonly Origin[]): Omit<ImportIssue, "code" | "severity" | "params"> {
  const [list, index, ...rest] = path;
  const origin = list === "figures" ? figureOrigins[index as number] : list === "units" ? unitOrigins[index as number] : undefined;
  if (!origin || origin.path !== undefined) return { file, path: formatPath(path), ...(origin && { unit: String((list === "figures" ? document.figures[index as number]?.unit : document.units[index as number]?.id) ?? "") }) };
  const key = list === "figures" && rest[0] === "items" && rest.length >= 2 ? `${String(rest[1])}.${rest[2] === "denominator" ? "denominator" : "numerator"}` : String(rest[0] ?? "unit");
  const column = origin.columns.get(key);
  const unit = list === "figures" ? document.figures[index as number]?.unit : document.units[index as number]?.id;
  return {
    file,
    ...(origin.sheet !== undefined && { sheet: origin.sheet }),
    ...(origin.row !== undefined && { row: origin.row }),
    ...(origin.path !== undefined && { path: origin.path }),
    ...(column && { column: column.letter, header: column.header }),
    ...(unit && { unit }),
  };
}

/** "25 MB", "980 KB". */
function formatSize(bytes: number): string {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1).replace(/\.0$/, "")} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function checksumOf(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function failure(fileName: string, checksum: string, issue: Omit<ImportIssue, "file">): ImportResult {
  return { fileName, checksum, dataset: null, issues: [{ ...issue, file: fileName } as ImportIssue], rows: [], headers: [] };
}

/**
 * Reads a month's (or several months') figures from .xlsx, .csv or .json, validates them with the
 * scheme, and accounts for every row: accepted, or rejected with its reasons. Every problem names the
 * file, sheet, row, column and unit. By default a file with any error is not scored (`dataset` is
 * `null`); with `skipInvalid` the valid rows are scored and the rest rejected.
 */
export async function importFigures(data: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const file = options.fileName;
  const checksum = checksumOf(data);
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (data.byteLength > limit) {
    return failure(file, checksum, { code: "file_too_large", severity: "error", params: { size: formatSize(data.byteLength), limit: formatSize(limit) } });
  }
  const extension = extname(file).toLowerCase();
  let read: ReturnType<typeof readTables>;
  try {
    if (extension === ".json") {
      read = readJson(new TextDecoder().decode(data), file);
    } else if (extension === ".csv" || extension === ".txt") {
      read = readTables(readCsv(new TextDecoder().decode(data), file), options, file);
    } else if (extension === ".xlsx") {
      const sheets = await readXlsx(data);
      read = withCompanions(readTables(sheets, options, file), readCompanionSheets(sheets), file);
    } else {
      return failure(file, checksum, { code: "unsupported_format", severity: "error", params: { extension: extension || file } });
    }
  } catch (error) {
    return failure(file, checksum, { code: "unreadable_file", severity: "error", params: { reason: error instanceof Error ? error.message.split("\n")[0]! : String(error), format: extension.slice(1).toUpperCase() || "?" } });
  }
  return validate(read, options, file, checksum);
}

/** Adds the workbook's SIPAS and PAR sheets to what was read; their cell problems are errors of the file. */
function withCompanions(read: ReturnType<typeof readTables>, companions: ReturnType<typeof readCompanionSheets>, file: string): ReturnType<typeof readTables> {
  const { problems, ...lists } = companions;
  return {
    ...read,
    document: { ...read.document, ...lists },
    issues: [...read.issues, ...problems.map((problem): ImportIssue => ({ file, severity: "error", ...problem }))],
  };
}

function readJson(text: string, file: string): ReturnType<typeof readTables> {
  const document = JSON.parse(text.replace(/^\uFEFF/, "")) as FiguresFile;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const origin = (path: string): Origin => ({ path, columns: new Map(), raw: [] });
  return {
    document,
    issues: [],
    unitOrigins: list(document?.units).map((_, index) => origin(`units[${index}]`)),
    figureOrigins: list(document?.figures).map((_, index) => origin(`figures[${index}]`)),
    rowIssues: list(document?.figures).map(() => []),
    headers: [],
  };
}

function validate(read: ReturnType<typeof readTables>, options: ImportOptions, file: string, checksum: string): ImportResult {
  const { document, unitOrigins, figureOrigins, rowIssues } = read;
  const fileIssues = [...read.issues];
  if (document.figures.length === 0 && !fileIssues.some((issue) => issue.severity === "error")) fileIssues.push({ file, code: "no_rows", severity: "error", params: {} });
  // Without a figures table, a list of units or a required column, no row can be judged.
  const blocking = fileIssues.some((issue) => issue.code === "no_figures_table" || issue.code === "no_units" || issue.code === "missing_column" || issue.code === "no_rows");
  // Rows with cell problems are already rejected; the core still checks what they hold (all
  // problems in one pass). With `skipInvalid`, rejected rows are then left out until the rest passes.
  const rejected = new Map<number, ImportIssue[]>();
  rowIssues.forEach((problems, index) => problems.length > 0 && rejected.set(index, [...problems]));
  const rejectedUnits = new Set<number>();
  const coreIssues: ImportIssue[] = [];
  let dataset: Dataset | null = null;
  for (let round = 0; round < 20 && !blocking; round += 1) {
    const keptFigures = document.figures.flatMap((figure, index) => (round > 0 && rejected.has(index) ? [] : [{ figure, index }]));
    const keptUnits = document.units.flatMap((unit, index) => (rejectedUnits.has(index) ? [] : [{ unit, index }]));
    // Everything besides the rows travels with them (JSON input): SIPAS surveys, PAR assessments, evidence,
    // provenance, `parentCounts`, the declared scheme — and an unknown field, which the core reports.
    const { units: _units, figures: _figures, ...companions } = document;
    const result = safeParseDataset({ ...companions, units: keptUnits.map((entry) => entry.unit), figures: keptFigures.map((entry) => entry.figure) }, options.scheme);
    if (result.success) {
      if (round > 0 || rejected.size === 0) {
        dataset = result.data;
        break;
      }
      if (!options.skipInvalid) break;
      continue;
    }
    for (const issue of result.error.issues) {
      const [list, position, ...rest] = issue.path;
      // Paths refer to the kept lists; map them back to the file's own rows.
      const original = list === "figures" ? keptFigures[position as number]?.index : list === "units" ? keptUnits[position as number]?.index : undefined;
      const path = original === undefined ? issue.path : [list!, original, ...rest];
      const located: ImportIssue = { ...locate(path, file, document, unitOrigins, figureOrigins), code: issue.code, severity: "error", params: issue.params, core: true };
      // A cell already reported while reading (e.g. an unreadable period) is not reported twice.
      const known = list === "figures" && original !== undefined && rowIssues[original]?.some((problem) => problem.column && problem.column === located.column);
      if (known) continue;
      coreIssues.push(located);
      if (list === "figures" && original !== undefined) rejected.set(original, [...(rejected.get(original) ?? []), located]);
      else if (list === "units" && original !== undefined) rejectedUnits.add(original);
    }
    if (!options.skipInvalid) break;
  }
  const issues = [...fileIssues, ...rowIssues.flat(), ...coreIssues];
  const hasErrors = issues.some((issue) => issue.severity === "error");
  const rows: RowOutcome[] = document.figures.map((figure, index) => {
    const origin = figureOrigins[index]!;
    const reasons = rejected.get(index) ?? [];
    return {
      ...(origin.sheet !== undefined && { sheet: origin.sheet }),
      ...(origin.row !== undefined && { row: origin.row }),
      ...(origin.path !== undefined && { path: origin.path }),
      unit: String(figure.unit ?? ""),
      period: String(figure.period ?? ""),
      status: reasons.length > 0 || blocking || (hasErrors && !options.skipInvalid) ? "rejected" : "accepted",
      reasons,
      cells: reasons.length > 0 ? origin.raw.map((cell) => cellText(cell)) : [],
    };
  });
  return {
    fileName: file,
    checksum,
    dataset: blocking || (hasErrors && !options.skipInvalid) ? null : dataset,
    issues,
    rows,
    headers: read.headers,
  };
}

/** Where an issue is: "so-lieu.xlsx › Số liệu › dòng 12 › cột F “1.1 Tử số…” › đơn vị HS-X001". */
export function importIssueLocation(issue: ImportIssue, language: Language = "vi"): string {
  const words = language === "vi" ? { row: "dòng", column: "cột", unit: "đơn vị" } : { row: "row", column: "column", unit: "unit" };
  return [
    issue.file,
    issue.sheet && issue.sheet !== issue.file ? issue.sheet : undefined,
    issue.row !== undefined ? `${words.row} ${issue.row}` : undefined,
    issue.column ? `${words.column} ${issue.column}${issue.header ? ` “${issue.header.length > 60 ? `${issue.header.slice(0, 57)}…` : issue.header}”` : ""}` : undefined,
    issue.path,
    issue.unit ? `${words.unit} ${issue.unit}` : undefined,
  ]
    .filter(Boolean)
    .join(" › ");
}

/** What is wrong and how to fix it, without the location. */
export function importIssueMessage(issue: ImportIssue, language: Language = "vi"): string {
  const message = !issue.core && isImportProblem(issue.code)
    ? describeImportProblem(issue.code, issue.params, language)
    : describeIssue({ code: issue.code as IssueCode, path: [], params: issue.params }, language);
  return `${issue.severity === "warning" ? (language === "vi" ? "(cảnh báo) " : "(warning) ") : ""}${message}`;
}

/** One issue as a line: where (file › sheet › row › column › unit), then what is wrong and how to fix it. */
export function describeImportIssue(issue: ImportIssue, language: Language = "vi"): string {
  return `${importIssueLocation(issue, language)}: ${importIssueMessage(issue, language)}`;
}

const IMPORT_PROBLEMS = new Set<string>(["file_too_large", "unreadable_file", "unsupported_format", "no_figures_table", "no_units", "no_rows", "missing_column", "unknown_column", "duplicate_column", "missing_value", "not_a_number", "not_integer", "negative", "ambiguous_number", "formula_without_value", "too_large", "invalid_level", "invalid_period"]);
function isImportProblem(code: string): code is ImportProblem {
  return IMPORT_PROBLEMS.has(code);
}
