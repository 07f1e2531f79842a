import { crc32, inflateRawSync } from "node:zlib";

/** Why an archive cannot be read; each becomes a located message for the user. */
export type ZipProblem =
  | { readonly kind: "empty" }
  | { readonly kind: "not_zip"; readonly legacy: boolean }
  | { readonly kind: "truncated" }
  | { readonly kind: "encrypted" }
  | { readonly kind: "unsupported"; readonly detail: string }
  | { readonly kind: "corrupt"; readonly entry: string }
  | { readonly kind: "too_large"; readonly limit: number };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip: ${problem.kind}`);
  }
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** An archive whose entries are inflated on demand, never beyond a budget of uncompressed bytes. */
export interface ZipArchive {
  has(name: string): boolean;
  /** The entry's bytes, checked against its CRC; `null` when the archive has no such entry. */
  read(name: string): Buffer | null;
}

const MAX_ENTRIES = 10_000;

/**
 * Reads a zip archive's central directory. Entries are inflated by zlib with `maxOutputLength`, so a
 * zip bomb stops at the budget instead of filling memory: the sizes an archive declares are not trusted.
 */
export function openZip(data: Uint8Array, maxUncompressedBytes: number): ZipArchive {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length === 0) throw new ZipError({ kind: "empty" });
  // An old .xls, and a password-protected .xlsx, are OLE compound files, not zips.
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) throw new ZipError({ kind: "not_zip", legacy: true });
  const signature = bytes.length >= 4 ? bytes.readUInt32LE(0) : 0;
  if (signature !== 0x04034b50 && signature !== 0x06054b50) throw new ZipError({ kind: "not_zip", legacy: false });
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) throw new ZipError({ kind: "truncated" });
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError({ kind: "unsupported", detail: "ZIP64" });
  if (count > MAX_ENTRIES) throw new ZipError({ kind: "unsupported", detail: `${count} entries` });
  if (directoryOffset + directorySize > end) throw new ZipError({ kind: "truncated" });

  const entries = new Map<string, Entry>();
  let position = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (position + 46 > end || bytes.readUInt32LE(position) !== 0x02014b50) throw new ZipError({ kind: "truncated" });
    const nameLength = bytes.readUInt16LE(position + 28);
    const extraLength = bytes.readUInt16LE(position + 30);
    const commentLength = bytes.readUInt16LE(position + 32);
    const name = bytes.toString("utf8", position + 46, position + 46 + nameLength);
    entries.set(name, {
      name,
      flags: bytes.readUInt16LE(position + 8),
      method: bytes.readUInt16LE(position + 10),
      crc: bytes.readUInt32LE(position + 16),
      compressedSize: bytes.readUInt32LE(position + 20),
      localOffset: bytes.readUInt32LE(position + 42),
    });
    position += 46 + nameLength + extraLength + commentLength;
  }

  let budget = maxUncompressedBytes;
  return {
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      if (entry.flags & 1) throw new ZipError({ kind: "encrypted" });
      const local = entry.localOffset;
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new ZipError({ kind: "corrupt", entry: name });
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      if (start + entry.compressedSize > bytes.length) throw new ZipError({ kind: "truncated" });
      const compressed = bytes.subarray(start, start + entry.compressedSize);
      let content: Buffer;
      if (entry.method === 0) {
        content = compressed;
      } else if (entry.method === 8) {
        try {
          // One byte over the budget tells "exactly at the limit" from "beyond it".
          content = inflateRawSync(compressed, { maxOutputLength: Math.max(1, budget + 1) });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) throw new ZipError({ kind: "too_large", limit: maxUncompressedBytes });
          throw new ZipError({ kind: "corrupt", entry: name });
        }
      } else {
        throw new ZipError({ kind: "unsupported", detail: `compression method ${entry.method}` });
      }
      if (content.length > budget) throw new ZipError({ kind: "too_large", limit: maxUncompressedBytes });
      budget -= content.length;
      if (crc32(content) !== entry.crc) throw new ZipError({ kind: "corrupt", entry: name });
      return content;
    },
  };
}

/** The end-of-central-directory record: searched backwards over the longest possible comment. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let position = bytes.length - 22; position >= lowest; position -= 1) {
    if (bytes.readUInt32LE(position) === 0x06054b50 && position + 22 + bytes.readUInt16LE(position + 20) <= bytes.length) return position;
  }
  return -1;
}
