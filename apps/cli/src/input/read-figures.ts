import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ChisoError, getScheme, parseDataset, parseScheme, type Dataset, type Language, type Scheme } from "@chiso/core";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";

/** SHA-256 of input bytes, printed on every report so a reader can tell which data it came from. */
export function checksumOf(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

async function readText(path: string, language: Language): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? (language === "vi" ? "không tìm thấy tệp" : "no such file") : String((error as Error).message);
    throw new CliError(messagesFor(language).cannotRead(path, reason), EXIT.invalidInput, { cause: error });
  }
}

function parseJson(text: string, path: string, language: Language): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliError(messagesFor(language).notJson(path, (error as Error).message), EXIT.invalidInput, { cause: error });
  }
}

function describeIssues(header: string, error: ChisoError, language: Language): string {
  const lines = error.describe(language);
  const shown = lines.slice(0, 200).map((line) => `  - ${line}`);
  if (lines.length > shown.length) shown.push(`  … (+${lines.length - shown.length})`);
  return [header, ...shown].join("\n");
}

/** A built-in scheme by id, or a scheme JSON file by path. */
export async function loadScheme(idOrPath: string | undefined, language: Language): Promise<Scheme> {
  if (idOrPath === undefined || !idOrPath.endsWith(".json")) {
    try {
      return getScheme(idOrPath);
    } catch (error) {
      if (error instanceof ChisoError) throw new CliError(describeIssues(messagesFor(language).invalidScheme(String(idOrPath), error.issues.length), error, language), EXIT.usage, { cause: error });
      throw error;
    }
  }
  try {
    return parseScheme(parseJson(await readText(idOrPath, language), idOrPath, language));
  } catch (error) {
    if (error instanceof ChisoError) throw new CliError(describeIssues(messagesFor(language).invalidScheme(idOrPath, error.issues.length), error, language), EXIT.invalidInput, { cause: error });
    throw error;
  }
}

/** Validates an already-read figures document; every problem is listed, in the user's language. */
export function datasetFrom(document: unknown, scheme: Scheme, label: string, language: Language): Dataset {
  try {
    return parseDataset(document, scheme);
  } catch (error) {
    if (error instanceof ChisoError) throw new CliError(describeIssues(messagesFor(language).invalidInput(label, error.issues.length), error, language), EXIT.invalidInput, { cause: error });
    throw error;
  }
}

/** Reads and validates a `chiso.figures/1` JSON file. */
export async function readFiguresFile(path: string, scheme: Scheme, language: Language): Promise<{ dataset: Dataset; checksum: string }> {
  const text = await readText(path, language);
  return { dataset: datasetFrom(parseJson(text, path, language), scheme, path, language), checksum: checksumOf(text) };
}
