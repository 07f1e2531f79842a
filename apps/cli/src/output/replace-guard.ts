import { readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Language } from "@chiso/core";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";

/** The `--force` option of every command that writes a file the user may have filled in or edited. */
export const FORCE_OPTION = {
  force: { type: "boolean", description: { vi: "ghi đè tệp đã có (mặc định: không ghi đè tệp khác với nội dung sắp ghi)", en: "replace an existing file (default: a file that differs from what would be written is never replaced)" } },
} as const;

/**
 * Refuses to replace a file chiso did not write as it stands: a template the office has filled in, a profile
 * it has edited, figures imported earlier. A file that already holds exactly what would be written is
 * replaced (running a command twice is harmless); anything else needs `--force`. The folder must exist: a
 * mistyped path is refused instead of creating folders anywhere.
 */
export async function refuseReplacing(path: string, data: Uint8Array | string, force: boolean, language: Language, option = "--out"): Promise<void> {
  const messages = messagesFor(language);
  const folder = dirname(resolve(path));
  const place = await stat(folder).catch(() => null);
  if (!place) throw new CliError(messages.folderMissing(`${option} ${path}`, folder), EXIT.output);
  const existing = await stat(path).catch(() => null);
  if (!existing?.isFile() || force) return;
  const wanted = typeof data === "string" ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (existing.size === wanted.length && (await readFile(path)).equals(wanted)) return;
  throw new CliError(messages.wouldReplace(path), EXIT.output);
}
