import { ChisoError, getParScheme, getScheme, getSipasScheme, parseParScheme, parseScheme, parseSipasScheme, type CompanionOptions, type Dataset, type Language, type ParScheme, type Scheme, type SipasScheme } from "@chiso/core";
import { describeImportIssue, importFiles, type ImportResult } from "@chiso/io";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";
import { jsonLocation, readJsonFile, type JsonFile } from "./json-file.js";
import { readBytes } from "./read-bytes.js";
import { problemList } from "../output/problem-list.js";
import { badValue } from "../option-values.js";

export { readBytes };


/**
 * A scheme of any kind: built-in by id (`get`), or a JSON file by path (`parse`). A scheme with problems is
 * refused listing them (exit 3 for a file, 2 for an unknown id).
 */
async function loadAnyScheme<T>(idOrPath: string, language: Language, get: (id: string) => T, parse: (json: unknown) => T): Promise<T> {
  const isFile = idOrPath.endsWith(".json");
  let json: JsonFile | undefined;
  try {
    if (!isFile) return get(idOrPath);
    json = await readJsonFile(idOrPath, "scheme", language);
    return parse(json.value);
  } catch (error) {
    if (error instanceof ChisoError) {
      // A file's problems at their lines ("par-xa.json › dòng 12 › criteria[3].max: …"); a built-in id's as they are.
      const file = json;
      const lines = error.describe(language).map((line, index) => (file ? `${jsonLocation(idOrPath, file, error.issues[index]!.path, language)} › ${line}` : line));
      throw new CliError(problemList(messagesFor(language).invalidScheme(idOrPath, error.issues.length), lines, language), isFile ? EXIT.invalidInput : EXIT.usage, { cause: error });
    }
    throw error;
  }
}

/** A built-in scheme by id, or a scheme JSON file by path; `undefined` when none is given (the file's own, or the default). */
export async function loadScheme(idOrPath: string | undefined, language: Language): Promise<Scheme | undefined> {
  return idOrPath === undefined ? undefined : loadAnyScheme(idOrPath, language, getScheme, parseScheme);
}

const PAR_LEVELS: Readonly<Record<string, "department" | "commune">> = { department: "department", so: "department", "sở": "department", commune: "commune", xa: "commune", "xã": "commune" };

/**
 * The SIPAS questionnaire (`--sipas-scheme sipas-2017|file.json`) and the PAR trees per level
 * (`--par-scheme so=par-so.json --par-scheme xa=par-xa.json`) of a province, instead of the built-in examples.
 */
export async function loadCompanionSchemes(sipas: string | undefined, par: readonly string[], language: Language): Promise<CompanionOptions | undefined> {
  const options: { sipasScheme?: SipasScheme; parSchemes?: Partial<Record<"department" | "commune", ParScheme>> } = {};
  if (sipas !== undefined) options.sipasScheme = await loadAnyScheme(sipas, language, getSipasScheme, parseSipasScheme);
  if (par.length > 0) {
    const trees: Partial<Record<"department" | "commune", ParScheme>> = { department: getParScheme("par-department-example"), commune: getParScheme("par-commune-example") };
    for (const entry of par) {
      const [word, source] = entry.includes("=") ? [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)] : ["", entry];
      const level = Object.hasOwn(PAR_LEVELS, word.trim().toLowerCase()) ? PAR_LEVELS[word.trim().toLowerCase()] : undefined;
      if (!level || source === "") throw badValue("--par-scheme", entry, "parScheme", language);
      trees[level] = await loadAnyScheme(source, language, getParScheme, parseParScheme);
    }
    options.parSchemes = trees;
  }
  return Object.keys(options).length > 0 ? options : undefined;
}

export interface ReadOptions {
  readonly skipInvalid?: boolean;
  readonly maxBytes?: number;
  /** Period for files without a period column. */
  readonly period?: string;
  /** The province's SIPAS and PAR schemes. */
  readonly companions?: CompanionOptions;
}

export interface ReadFigures {
  readonly dataset: Dataset;
  readonly checksum: string;
  readonly result: ImportResult;
  /** Warnings and, with --skip-invalid, the rejected rows' problems, as lines for stderr. */
  readonly notes: readonly string[];
}

/**
 * Reads and validates figures files (.xlsx, .csv or .json) — several are merged, or refused with the
 * reason — and rejects them listing every problem. Without a scheme, the one the files declare (or
 * the default) is used.
 */
export async function readFigures(paths: string | readonly string[], scheme: Scheme | undefined, language: Language, options: ReadOptions = {}): Promise<ReadFigures> {
  const files = [];
  for (const path of typeof paths === "string" ? [paths] : paths) files.push({ data: await readBytes(path, language, options.maxBytes), fileName: path });
  return figuresOf(files, scheme, language, options);
}

/** Like {@link readFigures} for bytes already in memory (the demo's). */
export async function figuresFrom(data: Uint8Array, fileName: string, scheme: Scheme | undefined, language: Language, options: ReadOptions = {}): Promise<ReadFigures> {
  return figuresOf([{ data, fileName }], scheme, language, options);
}

async function figuresOf(files: readonly { data: Uint8Array; fileName: string }[], scheme: Scheme | undefined, language: Language, options: ReadOptions): Promise<ReadFigures> {
  const result = await importFiles(files, {
    ...(scheme && { scheme }),
    language,
    ...(options.skipInvalid && { skipInvalid: true }),
    ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
    ...(options.period && { period: options.period }),
    ...(options.companions && { companions: options.companions }),
  });
  const lines = (severity: "error" | "warning") => result.issues.filter((issue) => issue.severity === severity).map((issue) => describeImportIssue(issue, language));
  if (!result.dataset) {
    // --skip-invalid helps only when every error is a row's own; a problem of the whole file stops it too.
    const ofRows = new Set(result.rows.flatMap((row) => row.reasons));
    const rowsOnly = !options.skipInvalid && ofRows.size > 0 && result.issues.every((issue) => issue.severity !== "error" || ofRows.has(issue));
    const all = language === "vi" ? `chiso validate --input … in đủ (thêm --out loi.xlsx để có bảng tính)` : `chiso validate --input … prints them all (add --out problems.xlsx for a workbook)`;
    throw new CliError(problemList(messagesFor(language).invalidInput(result.fileName, lines("error").length, rowsOnly), [...lines("error"), ...lines("warning")], language, all), EXIT.invalidInput);
  }
  // Rows left out for an error (repeated identical rows are only warned about).
  const rejected = result.rows.filter((row) => row.status === "rejected" && row.reasons.some((reason) => reason.severity === "error")).length;
  // SIPAS surveys and PAR assessments (or rows of them) left out are counted and their reasons printed too.
  const entries = (kind: "sipas" | "par") => result.companionRows.filter((outcome) => outcome.scope === "entry" && outcome.kind === kind).length;
  const [surveys, par] = [entries("sipas"), entries("par")];
  const unreadable = result.companionRows.length - surveys - par;
  const headers = [...(rejected > 0 ? [messagesFor(language).rejectedRows(rejected, result.rows.length)] : []), ...(result.companionRows.length > 0 ? [messagesFor(language).rejectedCompanions(surveys, par, unreadable)] : [])];
  const notes = [...lines("warning"), ...(headers.length > 0 ? [...headers, ...lines("error")] : [])];
  return { dataset: result.dataset, checksum: result.checksum, result, notes };
}
