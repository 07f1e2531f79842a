/** How a text file (CSV, JSON) was decoded, or why it was not. */
export type DecodedText =
  | { readonly text: string; readonly encoding: "utf-8" | "utf-16le" | "utf-16be" }
  | { readonly problem: "not_utf8"; readonly line: number; readonly bytes: string }
  | { readonly problem: "utf16_without_bom" };

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence; -1 when all are. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    const second = bytes[index + 1]!;
    // Overlong forms, surrogates and code points beyond U+10FFFF are ill-formed (RFC 3629).
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return index;
    for (let next = 2; next < length; next += 1) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    index += length;
  }
  return -1;
}

/**
 * Decodes a text file: UTF-8 with or without a byte-order mark, UTF-16 with one. Anything else —
 * Windows-1258, TCVN3 or VNI from older Vietnamese software, UTF-16 without a mark — is refused
 * with where it starts, never decoded into U+FFFD: a name read wrongly is printed on an official card.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const invalid = firstInvalidUtf8(bytes.subarray(3));
    if (invalid >= 0) return notUtf8(bytes, invalid + 3);
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  // UTF-16 text without a mark has a zero byte in almost every other position; UTF-8 text has none.
  const sample = bytes.subarray(0, 4096);
  if (sample.length >= 4 && sample.filter((byte) => byte === 0).length >= sample.length / 4) return { problem: "utf16_without_bom" };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) return notUtf8(bytes, invalid);
  return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
}

function notUtf8(bytes: Uint8Array, offset: number): DecodedText {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  const shown = [...bytes.subarray(offset, offset + 3)].map((byte) => byte.toString(16).toUpperCase().padStart(2, "0")).join(" ");
  return { problem: "not_utf8", line, bytes: shown };
}
