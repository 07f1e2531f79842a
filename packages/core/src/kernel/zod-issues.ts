import type { z } from "zod";
import type { Issue } from "./errors.js";

/**
 * Maps zod's issues to chiso's own, so callers never depend on zod and every message comes from
 * the project's catalogue (in Vietnamese or English).
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], basePath: readonly (string | number)[] = []): Issue[] {
  // One problem is said once: zod can report a value twice (1e20 fails both "safe integer" and the maximum).
  const seen = new Set<string>();
  return issues.flatMap((issue) => fromZodIssue(issue, basePath)).filter((issue) => {
    const key = JSON.stringify([issue.code, issue.path]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fromZodIssue(issue: z.core.$ZodIssue, basePath: readonly (string | number)[]): Issue[] {
  const path = [...basePath, ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment))];
  const received = "input" in issue ? describeValue(issue.input) : "";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return [{ code: "required", path, params: {} }];
      if (issue.expected === "int") return [{ code: "not_integer", path, params: { received } }];
      return [{ code: "invalid_type", path, params: { expected: issue.expected, received } }];
    case "too_small":
      if (Number(issue.minimum) === 0 && issue.inclusive) return [{ code: "negative", path, params: { received } }];
      return [{ code: "too_small", path, params: { received, minimum: String(issue.minimum), inclusive: issue.inclusive ? 1 : 0 } }];
    case "too_big":
      return [{ code: "too_large", path, params: { received, maximum: String(issue.maximum) } }];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ code: "unrecognized_key" as const, path: [...path, key], params: { key } }));
    case "invalid_format":
      // zod's own text ("Invalid string: must match pattern …") is English and technical: show the value.
      return [{ code: "invalid_value", path, params: { detail: received } }];
    case "invalid_value":
      return [{ code: "invalid_value", path, params: { allowed: issue.values.map(String).join(", ") } }];
    case "invalid_union": {
      // The branch that got furthest into the value explains the failure best: `[1.5, 10]` is
      // a wrong count in the tuple form, not "an object was expected".
      const depth = (branch: readonly z.core.$ZodIssue[]) => Math.min(...branch.map((inner) => inner.path.length));
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
      return best ? fromZodIssues(best, path) : [];
    }
    case "custom": {
      // chiso's own checks inside a schema name their issue code and parameters.
      const own = (issue.params ?? {}) as { chiso?: string; character?: string };
      if (own.chiso === "control_character") return [{ code: "control_character", path, params: { character: own.character ?? "" } }];
      return [{ code: "invalid_value", path, params: { detail: issue.message } }];
    }
    default:
      return [{ code: "invalid_value", path, params: { detail: issue.message } }];
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "array";
  return typeof value;
}
