import type { Issue, IssuePath } from "../../kernel/errors.js";

/** A non-null, non-array object: what a JSON object parses to. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The own entries of a JSON object keyed by codes, read without building a new object: a key such as
 * `__proto__` (which `JSON.parse` keeps as an own key) is returned like any other, so the caller reports it
 * as an unknown code instead of losing it to the prototype chain.
 */
export function readCodeRecord(value: unknown, path: IssuePath, issues: Issue[], required: boolean): [string, unknown][] {
  if (value === undefined) {
    if (required) issues.push({ code: "required", path, params: {} });
    return [];
  }
  if (!isPlainObject(value)) {
    issues.push({ code: "invalid_type", path, params: { expected: "object", received: value === null ? "null" : Array.isArray(value) ? "array" : typeof value } });
    return [];
  }
  return Object.keys(value).map((key) => [key, value[key]]);
}
