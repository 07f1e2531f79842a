import { extname } from "node:path";
import type { Language } from "@chiso/core";
import { decodeText, describeImportIssue, scanJson, valueAt, wrongContent, type ExpectedContent, type JsonPath } from "@chiso/io";
import { CliError, EXIT } from "../cli-error.js";
import { readBytes } from "./read-bytes.js";

/** A JSON file the user wrote (profile, scheme, calendar year), with the line each of its values starts on. */
export interface JsonFile {
  readonly value: unknown;
  readonly lineOf: (path: JsonPath) => number | undefined;
}

/**
 * Parses a JSON file's text (a byte-order mark is allowed). Text that is not JSON is refused at its
 * line and column, saying what was expected, in the user's language — never with the engine's own
 * English message and character offset.
 */
export function parseJsonFile(file: string, text: string, language: Language): JsonFile {
  const body = text.replace(/^\uFEFF/, "");
  const scan = scanJson(body);
  if (scan.error) {
    const { line, column, expected } = scan.error;
    throw new CliError(describeImportIssue({ file, code: "invalid_json", severity: "error", line, params: { column, expected } }, language), EXIT.invalidInput);
  }
  return { value: JSON.parse(body) as unknown, lineOf: scan.lineOf };
}

/**
 * Refuses a file whose content is not what its reader takes, saying what it is and what to do ("tên tệp có
 * đuôi .json nhưng nội dung là một bảng tính Excel (.xlsx); …"). `needs` names the reader in the message.
 */
export function checkContent(file: string, bytes: Uint8Array, expected: ExpectedContent, needs: string, language: Language): void {
  const found = wrongContent(bytes, expected);
  if (found === null) return;
  throw new CliError(describeImportIssue({ file, code: "wrong_content", severity: "error", params: { found, extension: extname(file).toLowerCase(), needs } }, language), EXIT.invalidInput);
}

/** UTF-8 (or UTF-16 with a mark) text of a file; other encodings are refused at their line, never decoded into "�". */
export function textOf(file: string, bytes: Uint8Array, language: Language): string {
  const decoded = decodeText(bytes);
  if ("text" in decoded) return decoded.text;
  const issue = decoded.problem === "not_utf8" ? { code: "not_utf8" as const, line: decoded.line, params: { line: decoded.line, bytes: decoded.bytes } } : { code: "utf16_without_bom" as const, params: {} };
  throw new CliError(describeImportIssue({ file, severity: "error", ...issue }, language), EXIT.invalidInput);
}

/**
 * Reads a JSON file the user gives (profile, scheme, calendar): refused with what it is when it is not JSON
 * (a workbook, a PDF, a saved web page, a CSV), with its line when its text is not UTF-8 or not JSON.
 */
export async function readJsonFile(file: string, needs: "profile" | "scheme" | "calendar", language: Language): Promise<JsonFile> {
  const bytes = await readBytes(file, language);
  checkContent(file, bytes, "json", needs, language);
  return parseJsonFile(file, textOf(file, bytes, language), language);
}

/**
 * Where a problem at `path` is: "ho-so-tinh.json › dòng 4" — the line of the value, or of the
 * nearest object that holds it (a missing field is shown at the object that lacks it).
 */
export function jsonLocation(file: string, json: JsonFile, path: readonly (string | number)[], language: Language): string {
  for (let length = path.length; length >= 0; length -= 1) {
    const line = json.lineOf(path.slice(0, length));
    if (line !== undefined) return `${file} › ${language === "vi" ? "dòng" : "line"} ${line}`;
  }
  return file;
}

/** The parts of a schema library's issue that a message needs (zod's issues have this shape). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly format?: unknown;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { string: "chuỗi chữ", number: "số", int: "số nguyên", boolean: "true/false", array: "danh sách […]", object: "đối tượng {…}" };
const TYPE_NAMES_EN: Readonly<Record<string, string>> = { string: "text", number: "a number", int: "a whole number", boolean: "true or false", array: "a list […]", object: "an object {…}" };

/** A value found where another type is expected, as a message shows it: "số 5", "the text \"abc\"". */
function shownValue(value: unknown): { vi: string; en: string } {
  if (value === null) return { vi: "null", en: "null" };
  if (Array.isArray(value)) return { vi: "danh sách […]", en: "a list […]" };
  if (typeof value === "object") return { vi: "đối tượng {…}", en: "an object {…}" };
  const text = JSON.stringify(value) ?? String(value);
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  if (typeof value === "string") return { vi: `chuỗi ${short}`, en: `the text ${short}` };
  if (typeof value === "number") return { vi: `số ${short}`, en: `the number ${short}` };
  return { vi: `giá trị ${short}`, en: `the value ${short}` };
}

/**
 * A schema problem of a user's JSON file as "path: what is wrong; how to fix it" in the user's language
 * (the schema library's own messages are English only). The path of an unknown key ends with the key.
 */
export function describeSchemaIssue(issue: SchemaIssue, language: Language, root?: unknown): { readonly path: (string | number)[]; readonly text: string } {
  const base = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  const vi = language === "vi";
  const list = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(", ");
  switch (issue.code) {
    case "unrecognized_keys": {
      const keys = issue.keys ?? [];
      return { path: [...base, ...keys.slice(0, 1)], text: vi ? `trường không có trong định dạng: ${list(keys)}; hãy xóa hoặc sửa tên trường.` : `field not in the format: ${list(keys)}; remove it or correct its name.` };
    }
    case "invalid_type": {
      const expected = String(issue.expected);
      const needed = vi ? (TYPE_NAMES[expected] ?? expected) : (TYPE_NAMES_EN[expected] ?? `a ${expected}`);
      // A field that is there with the wrong type is not missing: what was found, and what is expected.
      const value = root === undefined ? undefined : valueAt(root, base);
      if (value === undefined) return { path: base, text: vi ? `thiếu trường này; cần ${needed} — hãy thêm vào.` : `the field is missing; ${needed} is needed — add it.` };
      const found = shownValue(value);
      return { path: base, text: vi ? `đang là ${found.vi}, nhưng cần ${needed}; hãy sửa giá trị.` : `is ${found.en}, but ${needed} is needed; correct the value.` };
    }
    case "invalid_value":
      return { path: base, text: vi ? `giá trị không hợp lệ; hãy dùng một trong: ${list(issue.values ?? [])}.` : `invalid value; use one of: ${list(issue.values ?? [])}.` };
    case "too_small":
      return { path: base, text: vi ? `quá nhỏ hoặc quá ngắn (tối thiểu ${String(issue.minimum)}); hãy sửa giá trị.` : `too small or too short (at least ${String(issue.minimum)}); correct the value.` };
    case "too_big":
      return { path: base, text: vi ? `quá lớn hoặc quá dài (tối đa ${String(issue.maximum)}); hãy sửa giá trị.` : `too large or too long (at most ${String(issue.maximum)}); correct the value.` };
    case "invalid_format":
      return { path: base, text: vi ? `sai định dạng (${String(issue.format)}); hãy sửa theo tệp mẫu.` : `wrong format (${String(issue.format)}); correct it as in the template.` };
    default:
      return { path: base, text: issue.message };
  }
}
