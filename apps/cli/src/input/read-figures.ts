import { readFile } from "node:fs/promises";
import { ChisoError, getScheme, parseScheme, type Dataset, type Language, type Scheme } from "@chiso/core";
import { describeImportIssue, importFigures, type ImportResult } from "@chiso/io";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";

async function readBytes(path: string, language: Language): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? (language === "vi" ? "không tìm thấy tệp" : "no such file") : String((error as Error).message);
    throw new CliError(messagesFor(language).cannotRead(path, reason), EXIT.invalidInput, { cause: error });
  }
}

function listed(header: string, lines: readonly string[]): string {
  const shown = lines.slice(0, 200).map((line) => `  - ${line}`);
  if (lines.length > shown.length) shown.push(`  … (+${lines.length - shown.length})`);
  return [header, ...shown].join("\n");
}

/** A built-in scheme by id, or a scheme JSON file by path. */
export async function loadScheme(idOrPath: string | undefined, language: Language): Promise<Scheme> {
  const isFile = idOrPath?.endsWith(".json") ?? false;
  try {
    if (!isFile) return getScheme(idOrPath);
    const text = new TextDecoder().decode(await readBytes(idOrPath!, language));
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new CliError(messagesFor(language).notJson(idOrPath!, (error as Error).message), EXIT.invalidInput, { cause: error });
    }
    return parseScheme(json);
  } catch (error) {
    if (error instanceof ChisoError) {
      throw new CliError(listed(messagesFor(language).invalidScheme(String(idOrPath), error.issues.length), error.describe(language)), isFile ? EXIT.invalidInput : EXIT.usage, { cause: error });
    }
    throw error;
  }
}

/**
 * The scheme to score a figures file with: `--scheme` when given, otherwise the scheme a JSON file declares
 * (`"scheme": "766-portal-one-procedure"`, as `chiso portal import` writes), otherwise the default. A file
 * declaring one scheme is not scored with another (exit 2): its figures were prepared for that rule.
 */
export async function schemeForInput(option: string | undefined, input: string, language: Language): Promise<Scheme> {
  const declared = input.toLowerCase().endsWith(".json") ? await declaredScheme(input) : undefined;
  if (declared === undefined) return loadScheme(option, language);
  if (option === undefined) return loadScheme(declared, language);
  const scheme = await loadScheme(option, language);
  if (scheme.id !== declared) throw new CliError(messagesFor(language).schemeConflict(input, declared, scheme.id), EXIT.usage);
  return scheme;
}

/** The `scheme` a JSON figures file declares; `undefined` when it declares none or cannot be read (the import says why). */
async function declaredScheme(path: string): Promise<string | undefined> {
  try {
    const json: unknown = JSON.parse((await readFile(path, "utf8")).replace(/^\uFEFF/, ""));
    const scheme = typeof json === "object" && json !== null ? (json as { scheme?: unknown }).scheme : undefined;
    return typeof scheme === "string" ? scheme : undefined;
  } catch {
    return undefined;
  }
}

export interface ReadOptions {
  readonly skipInvalid?: boolean;
  readonly maxBytes?: number;
  /** Period for files without a period column. */
  readonly period?: string;
}

export interface ReadFigures {
  readonly dataset: Dataset;
  readonly checksum: string;
  readonly result: ImportResult;
  /** Warnings and, with --skip-invalid, the rejected rows' problems, as lines for stderr. */
  readonly notes: readonly string[];
}

/** Reads and validates a figures file (.xlsx, .csv or .json); rejects it listing every problem. */
export async function readFigures(path: string, scheme: Scheme, language: Language, options: ReadOptions = {}): Promise<ReadFigures> {
  return figuresFrom(await readBytes(path, language), path, scheme, language, options);
}

/** Like {@link readFigures} for bytes already in memory (the demo's). */
export async function figuresFrom(data: Uint8Array, fileName: string, scheme: Scheme, language: Language, options: ReadOptions = {}): Promise<ReadFigures> {
  const result = await importFigures(data, {
    scheme,
    fileName,
    ...(options.skipInvalid && { skipInvalid: true }),
    ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
    ...(options.period && { period: options.period }),
  });
  const lines = (severity: "error" | "warning") => result.issues.filter((issue) => issue.severity === severity).map((issue) => describeImportIssue(issue, language));
  if (!result.dataset) throw new CliError(listed(messagesFor(language).invalidInput(fileName, lines("error").length), [...lines("error"), ...lines("warning")]), EXIT.invalidInput);
  const rejected = result.rows.filter((row) => row.status === "rejected").length;
  const notes = [...lines("warning"), ...(rejected > 0 ? [messagesFor(language).rejectedRows(rejected, result.rows.length), ...lines("error")] : [])];
  return { dataset: result.dataset, checksum: result.checksum, result, notes };
}
