import { createHash } from "node:crypto";
import { extname } from "node:path";
import { builtinSchemeIds, getScheme, type CompanionOptions, type Language, type Scheme, type UnitInput } from "@chiso/core";
import { MAX_CELL_LENGTH } from "./cells.js";
import { readCompanionSheets, type CompanionPlaces } from "./companion-sheets.js";
import type { ImportIssue, ImportResult, Origin, ReadResult } from "./issues.js";
import type { ImportProblem } from "./messages.js";
import { readJson } from "./read-json.js";
import { hiddenParts, mergedCell, readTables } from "./read-tables.js";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, readCsv } from "./tables.js";
import { decodeText } from "./text-encoding.js";
import { contentKind, wrongContent, type ExpectedContent } from "./content.js";
import { validateRead } from "./validate.js";
import { mergeReads, type FileRead } from "./merge.js";
import { readWorkbook } from "./xlsx/workbook.js";
import { ZipError, type ZipProblem } from "./xlsx/zip.js";

export type { ImportIssue, ImportResult, RowOutcome } from "./issues.js";

export interface ImportOptions {
  /**
   * The scheme to validate with. Without it, the scheme the file declares (JSON `"scheme"`) or the
   * default; with it, a file declaring another scheme is refused.
   */
  readonly scheme?: Scheme;
  readonly fileName: string;
  /** Period for rows when the file has no period column. */
  readonly period?: string;
  /** Score the valid rows and reject the others (default: a file with errors is not scored). */
  readonly skipInvalid?: boolean;
  /** Largest file accepted, in bytes (default 25 MB). */
  readonly maxBytes?: number;
  /** Bytes an .xlsx may inflate to (default 256 MB): a zip bomb stops here. */
  readonly maxUncompressedBytes?: number;
  /** Language of `sources` (default vi). */
  readonly language?: Language;
  /** The SIPAS survey and PAR trees to validate surveys and assessments with (default: the built-in ones). */
  readonly companions?: CompanionOptions;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;


const ZIP_PROBLEMS: Readonly<Record<ZipProblem["kind"], ImportProblem>> = {
  empty: "xlsx_empty",
  not_zip: "xlsx_not_zip",
  truncated: "xlsx_truncated",
  encrypted: "xlsx_encrypted",
  unsupported: "xlsx_unsupported",
  corrupt: "xlsx_corrupt",
  too_large: "uncompressed_too_large",
};

function zipIssue(problem: ZipProblem): Omit<ImportIssue, "file"> {
  const code = problem.kind === "not_zip" && problem.legacy ? "xlsx_legacy" : ZIP_PROBLEMS[problem.kind];
  const params = problem.kind === "corrupt" ? { entry: problem.entry } : problem.kind === "unsupported" ? { detail: problem.detail } : problem.kind === "too_large" ? { limit: problem.limit } : {};
  return { code, severity: "error", params };
}

/** The text of a CSV or JSON file, or why it cannot be decoded (a located problem). */
function textOf(data: Uint8Array): { text: string } | { issue: Omit<ImportIssue, "file"> } {
  const decoded = decodeText(data);
  if ("text" in decoded) return { text: decoded.text };
  if (decoded.problem === "not_utf8") return { issue: { code: "not_utf8", severity: "error", line: decoded.line, params: { line: decoded.line, bytes: decoded.bytes } } };
  return { issue: { code: "utf16_without_bom", severity: "error", params: {} } };
}

/** The format each extension is read as. */
const READERS: Readonly<Record<string, ExpectedContent>> = { ".json": "json", ".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx" };

/** A file with an extension no reader takes: what it is, when that says more than "unsupported". */
function unsupportedContent(data: Uint8Array): string | null {
  const found = contentKind(data);
  return found === "text" ? null : found;
}

/** The scheme to validate with, or the problem with the file's declaration. */
function schemeFor(declared: string | undefined, given: Scheme | undefined, read: ReadResult): Scheme | Omit<ImportIssue, "file"> {
  const line = read.lineOf?.(["scheme"]);
  const at = { path: "scheme", ...(line !== undefined && { line }) };
  if (given) return declared === undefined || declared === given.id ? given : { ...at, code: "scheme_conflict", severity: "error", params: { declared, chosen: given.id } };
  if (declared === undefined) return getScheme();
  if (!builtinSchemeIds.includes(declared)) return { ...at, code: "unknown_scheme", severity: "error", params: { scheme: declared, known: builtinSchemeIds.join(", ") } };
  return getScheme(declared);
}

/** One file read (not yet validated), or the problem that stops it being read at all. */
async function readFile(data: Uint8Array, file: string, options: Omit<ImportOptions, "fileName"> & { readonly unitsOnly?: boolean }): Promise<ReadResult | Omit<ImportIssue, "file">> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (data.byteLength > limit) return { code: "file_too_large", severity: "error", params: { size: data.byteLength, limit } };
  const scheme = options.scheme ?? getScheme();
  const extension = extname(file).toLowerCase();
  // What the file is, before reading it as what its name says: a workbook renamed to .csv is said to be one.
  const expected: ExpectedContent | undefined = READERS[extension];
  const found = expected ? wrongContent(data, expected) : unsupportedContent(data);
  if (found) return { code: "wrong_content", severity: "error", params: { found, extension, needs: "figures" } };
  try {
    if (extension === ".json") {
      const text = textOf(data);
      if ("issue" in text) return text.issue;
      const json = readJson(text.text, file);
      return "failure" in json ? json.failure : json;
    }
    if (extension === ".csv" || extension === ".txt") {
      const text = textOf(data);
      if ("issue" in text) return text.issue;
      return readTables(readCsv(text.text, file), scheme, file, { ...(options.period && { period: options.period }), ...(options.unitsOnly && { unitsOnly: true }) });
    }
    if (extension === ".xlsx" || extension === ".xlsm") {
      const sheets = readWorkbook(data, { maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES, maxCellLength: MAX_CELL_LENGTH });
      if (options.unitsOnly) return readTables(sheets, scheme, file, { unitsOnly: true });
      const companions = readCompanionSheets(sheets);
      const tables = readTables(sheets, scheme, file, { ...(options.period && { period: options.period }), companionSheets: companions.sheets });
      const { problems, sheets: _read, places, tables: read, ...lists } = companions;
      const origins = (list: readonly CompanionPlaces[]) => list.map((entry): Origin => ({ columns: new Map(), raw: [], places: entry }));
      return {
        ...tables,
        // Hidden rows and columns of the SIPAS and PAR sheets are said as the figures sheet's are.
        issues: [...tables.issues, ...read.flatMap((table) => hiddenParts(table, file))],
        document: { ...tables.document, ...lists },
        companionIssues: problems.map((problem): ImportIssue => mergedCell(sheets, { file, severity: "error", ...problem })),
        companionOrigins: { surveys: origins(places.surveys), par: origins(places.par) },
      };
    }
    return { code: "unsupported_format", severity: "error", params: { extension: extension || file } };
  } catch (error) {
    if (error instanceof ZipError) return zipIssue(error.problem);
    // Only the CSV parser's own refusals are the file's fault; anything else is a bug and must surface.
    if (!String((error as { code?: unknown }).code ?? "").startsWith("CSV_")) throw error;
    // Its message, first line only (never the file's content at length).
    const reason = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error).slice(0, 200);
    return { code: "unreadable_file", severity: "error", params: { reason, format: extension.slice(1).toUpperCase() || "?" } };
  }
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/**
 * Reads a month's (or several months') figures from .xlsx, .csv or .json, validates them with the
 * scheme, and accounts for every row: accepted, or rejected with its reasons. Every problem names the
 * file, sheet, row (or line), column and unit. By default a file with any error is not scored
 * (`dataset` is `null`); with `skipInvalid` the valid rows are scored and the rest rejected.
 *
 * Hostile files are refused with a located reason, never a crash or a hang: text that is not UTF-8,
 * JSON that is not an object, an .xlsx that is empty, truncated or inflates beyond the budget, cells
 * longer than Excel's limit, numbers that could be read two ways.
 *
 * @example
 * const result = await importFigures(await readFile("so-lieu.xlsx"), { fileName: "so-lieu.xlsx" });
 * if (!result.dataset) for (const issue of result.issues) console.error(describeImportIssue(issue));
 */
export async function importFigures(data: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { fileName, ...rest } = options;
  return importFiles([{ data, fileName }], rest);
}

/**
 * Reads several files for one run and merges them (see {@link mergeReads}): units united, figures of
 * different units and periods combined; the same unit and period with different figures in two files,
 * or a unit described differently, is refused with both places — never half-ignored.
 */
export async function importFiles(given: readonly { readonly data: Uint8Array; readonly fileName: string }[], options: Omit<ImportOptions, "fileName">): Promise<ImportResult> {
  // The same file named twice (a repeated --input) is read once, with a warning, not refused against itself.
  const files = given.filter((entry, index) => given.findIndex((other) => other.fileName === entry.fileName) === index);
  const repeated: ImportIssue[] = given.length === files.length ? [] : [...new Set(given.filter((entry, index) => given.findIndex((other) => other.fileName === entry.fileName) !== index).map((entry) => entry.fileName))].map((file) => ({ file, code: "file_repeated", severity: "warning", params: {} }));
  const reads: FileRead[] = [];
  const checksums = files.map((entry) => ({ name: entry.fileName, checksum: sha256(entry.data) }));
  const checksum = checksums.length === 1 ? checksums[0]!.checksum : sha256([...checksums].sort((a, b) => (a.name < b.name ? -1 : 1)).map((entry) => `${entry.checksum}  ${entry.name}\n`).join(""));
  const fileName = files.map((entry) => entry.fileName).join(", ");
  const failed = (issues: ImportIssue[], scheme: Scheme): ImportResult => ({ fileName, checksum, files: checksums, scheme, dataset: null, document: null, sources: [], issues, rows: [], companionRows: [], headers: [] });
  const fallbackScheme = options.scheme ?? getScheme();
  const failures: ImportIssue[] = [];
  for (const [index, entry] of files.entries()) {
    const read = await readFile(entry.data, entry.fileName, options);
    if ("document" in read) reads.push({ file: entry.fileName, checksum: checksums[index]!.checksum, read });
    else failures.push({ ...read, file: entry.fileName } as ImportIssue);
  }
  if (failures.length > 0) return failed(failures, fallbackScheme);
  // Every file that declares a scheme must declare the one used.
  let scheme = options.scheme;
  for (const { file, read } of reads) {
    const chosen = schemeFor(read.declaredScheme, scheme, read);
    if (!("id" in chosen)) return failed([{ ...chosen, file } as ImportIssue], fallbackScheme);
    if (read.declaredScheme !== undefined) scheme = chosen;
  }
  const used = scheme ?? getScheme();
  const merged = mergeReads(reads, used, options.language);
  const result = validateRead(merged.read, { scheme: used, file: fileName, checksum, files: checksums, ...(options.skipInvalid && { skipInvalid: true }), ...(options.language && { language: options.language }), ...(options.companions && { companions: options.companions }) });
  const declared = reads.find((entry) => entry.read.declaredScheme !== undefined)?.read.declaredScheme;
  return {
    ...result,
    ...(declared !== undefined && { declaredScheme: declared }),
    issues: [...repeated, ...result.issues, ...merged.repeatedRows.flatMap((row) => row.reasons).filter((issue) => !result.issues.includes(issue))],
    rows: [...result.rows, ...merged.repeatedRows],
  };
}

/**
 * Reads a list of units on its own (the units file of `chiso dossiers`): a workbook's "Đơn vị" sheet,
 * a CSV of the same columns, or a `chiso.figures/1` JSON's `units`. Every problem is located like a
 * figures file's (file, sheet, row, column, unit); `units` is `null` when there is any error.
 */
export async function importUnits(data: Uint8Array, options: { readonly fileName: string; readonly maxBytes?: number; readonly language?: Language }): Promise<{ readonly units: UnitInput[] | null; readonly issues: readonly ImportIssue[] }> {
  const { fileName: file } = options;
  const scheme = getScheme();
  const read = await readFile(data, file, { ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }), unitsOnly: true });
  if (!("document" in read)) return { units: null, issues: [{ ...read, file } as ImportIssue] };
  // A JSON units file is a figures file whose figures do not matter here.
  const document = { ...read.document, figures: [] };
  const result = validateRead({ ...read, document, figureOrigins: [], rowIssues: [] }, { scheme, file, checksum: sha256(data), unitsOnly: true, ...(options.language && { language: options.language }) });
  const units = result.issues.some((issue) => issue.severity === "error") ? null : (result.document?.units ?? null);
  return { units: units ? [...units] : null, issues: result.issues };
}
