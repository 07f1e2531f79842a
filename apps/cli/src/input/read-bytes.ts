import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Language } from "@chiso/core";
import { DEFAULT_MAX_BYTES, describeImportIssue } from "@chiso/io";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";

/**
 * A file's bytes, never more than `maxBytes` (+1 to know it is over): a 10 GB file is refused from its
 * size, and a device or a pipe that never ends (`/dev/zero`) is read only up to the limit.
 */
export async function readBytes(path: string, language: Language, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const cannotRead = (error: unknown, reason?: string) => {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const shown = reason ?? (code === "ENOENT" ? (language === "vi" ? "không tìm thấy tệp" : "no such file") : code === "EISDIR" ? (language === "vi" ? "đây là một thư mục" : "it is a folder") : code === "EACCES" ? (language === "vi" ? "không có quyền đọc" : "permission denied") : String((error as Error).message));
    return new CliError(messagesFor(language).cannotRead(path, shown), EXIT.invalidInput, { cause: error });
  };
  // A file's size is known; a device or pipe is only known to be over the limit.
  const tooLarge = (size: number | null) =>
    new CliError(describeImportIssue({ file: path, code: "file_too_large", severity: "error", params: { ...(size !== null && { size }), limit: maxBytes } }, language), EXIT.invalidInput);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw cannotRead(error);
  }
  if (info.isDirectory()) throw cannotRead({ code: "EISDIR" });
  if (info.isFile() && info.size > maxBytes) throw tooLarge(info.size);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(null);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw cannotRead(error);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
