import type { Issue, IssuePath } from "../../kernel/errors.js";

/** A non-null, non-array object: what a JSON object parses to. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The own keys of a JSON object keyed by codes, read without building a new object: a key such as
 * `__proto__` (which `JSON.parse` keeps as an own key) is returned like any other, so the caller reports it
 * as an unknown code instead of losing it to the prototype chain. `null` (with an issue) when the value is
 * not an object; an empty list when it is absent and not required.
 */
export function recordKeys(value: unknown, path: () => IssuePath, issues: Issue[], required: boolean): string[] | null {
  if (value === undefined) {
    if (required) issues.push({ code: "required", path: path(), params: {} });
    return null;
  }
  if (!isPlainObject(value)) {
    issues.push({ code: "invalid_type", path: path(), params: { expected: "object", received: value === null ? "null" : Array.isArray(value) ? "array" : typeof value } });
    return null;
  }
  return Object.keys(value);
}
