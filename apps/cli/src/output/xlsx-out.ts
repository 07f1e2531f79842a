import type { Language } from "@chiso/core";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";

/**
 * A workbook's output path, refused unless it ends in .xlsx: a workbook written under `.csv` or no extension
 * cannot be opened by name, and reading it back blames its encoding. Checked before anything is read or written.
 */
export function requireXlsxOut(path: string, language: Language, option = "out"): string {
  if (!/\.xlsx$/i.test(path)) throw new CliError(messagesFor(language).notXlsxOut(option, path), EXIT.usage);
  return path;
}
