import { formatPath, type FiguresFile } from "@chiso/core";
import { MAX_CELL_LENGTH } from "./cells.js";
import type { ImportIssue, Origin, ReadResult } from "./issues.js";
import { scanJson, type JsonPath } from "./json-scan.js";

const ROW_LISTS = ["units", "figures"] as const;

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Finds strings (values and keys) longer than the cell limit, replacing each by "" (the row holding it is
 * rejected for it): a 10-million-character name must reach no message, document or terminal.
 */
function longStrings(document: Record<string, unknown>, limit: number): { path: JsonPath; length: number }[] {
  const found: { path: JsonPath; length: number }[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((entry, index) => [index, entry]) : Object.entries(value);
    for (const [key, entry] of entries) {
      if (typeof key === "string" && key.length > limit) {
        found.push({ path, length: key.length });
        delete (value as Record<string, unknown>)[key];
        continue;
      }
      if (typeof entry === "string" && entry.length > limit) {
        found.push({ path: [...path, key], length: entry.length });
        (value as Record<string | number, unknown>)[key] = "";
      } else if (entry !== null && typeof entry === "object") stack.push({ value: entry, path: [...path, key] });
    }
  }
  return found;
}

/**
 * Reads a `chiso.figures/1` JSON text. Syntax errors are located by line and column; the top level
 * must be an object; a key written twice and text over the cell limit are problems of the row that
 * holds them. Every unit and figure keeps its path and line, for messages and for `sources`.
 */
export function readJson(text: string, file: string): ReadResult | { readonly failure: Omit<ImportIssue, "file"> } {
  const scan = scanJson(text);
  if (scan.error) {
    return { failure: { code: "invalid_json", severity: "error", line: scan.error.line, params: { column: scan.error.column, expected: scan.error.expected } } };
  }
  const parsed = JSON.parse(text) as unknown;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { failure: { code: "json_not_object", severity: "error", line: 1, params: { kind: kindOf(parsed) } } };
  }
  const document = parsed as Record<string, unknown>;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const origin = (path: JsonPath): Origin => ({ path: formatPath(path), line: scan.lineOf(path) ?? 1, columns: new Map(), raw: [] });
  const unitOrigins = list(document.units).map((_, index) => origin(["units", index]));
  const figureOrigins = list(document.figures).map((_, index) => origin(["figures", index]));
  const issues: ImportIssue[] = [];
  const rowIssues: ImportIssue[][] = figureOrigins.map(() => []);
  const unitIssues: ImportIssue[][] = unitOrigins.map(() => []);
  /** A problem at a path belongs to its row (figure or unit) when it is inside one, else to the file. */
  const place = (path: JsonPath, issue: Omit<ImportIssue, "file" | "path" | "line" | "unit">, line = scan.lineOf(path) ?? 1) => {
    const [listName, index] = path;
    const row = typeof index === "number" && ROW_LISTS.includes(listName as (typeof ROW_LISTS)[number]) ? (listName === "figures" ? rowIssues : unitIssues)[index] : undefined;
    const entry = row ? (list(document[listName as string])[index as number] as Record<string, unknown> | null) : null;
    const unit = listName === "figures" ? entry?.unit : entry?.id;
    const located: ImportIssue = { ...issue, file, path: formatPath(path), line, ...(typeof unit === "string" && unit.length <= 200 && { unit }) };
    (row ?? issues).push(located);
  };
  for (const duplicate of scan.duplicateKeys) place(duplicate.path, { code: "duplicate_key", severity: "error", params: { key: String(duplicate.path.at(-1)) } }, duplicate.line);
  for (const long of longStrings(document, MAX_CELL_LENGTH)) place(long.path, { code: "cell_too_long", severity: "error", params: { shown: long.length, limit: MAX_CELL_LENGTH } });
  return {
    document: document as unknown as FiguresFile,
    issues,
    unitOrigins,
    figureOrigins,
    rowIssues,
    unitIssues,
    headers: [],
    ...(typeof document.scheme === "string" && { declaredScheme: document.scheme }),
    lineOf: (path) => scan.lineOf(path),
  };
}
