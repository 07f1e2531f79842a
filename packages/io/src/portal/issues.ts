import { describeIssue, type IssueCode, type Language } from "@chiso/core";
import type { z } from "zod";
import { describePortalProblem, isPortalProblem, type PortalParams, type PortalProblem } from "./messages.js";

/** Where something is in the responses: `transparency.json › evaluation[3] › metrics[2].numerator`. */
export interface PortalLocation {
  readonly file?: string;
  /** The record: `overview`, `evaluation[3]`, `parent`, `children[0]`, `pagination`, … */
  readonly record?: string;
  /** The field inside the record: `metrics[2].numerator`, `totalOnTime`. */
  readonly field?: string;
  /** The unit's name, when the record is a unit's. */
  readonly unit?: string;
}

/** One problem with the responses, located as precisely as they allow. */
export interface PortalIssue extends PortalLocation {
  readonly code: PortalProblem | IssueCode;
  readonly severity: "error" | "warning";
  readonly params: PortalParams;
  /** Found by the core's validation of the figures built from the responses (its message catalogue). */
  readonly core?: true;
}

/** Where an issue is, in the reader's language: `transparency.json › evaluation[3] › metrics[2].numerator › đơn vị Sở Y tế`. */
export function portalIssueLocation(issue: PortalLocation, language: Language = "vi"): string {
  const unit = issue.unit ? `${language === "vi" ? "đơn vị" : "unit"} ${issue.unit}` : undefined;
  return [issue.file, issue.record, issue.field, unit].filter(Boolean).join(" › ");
}

/** What is wrong and how to fix it, without the location. */
export function portalIssueMessage(issue: PortalIssue, language: Language = "vi"): string {
  const message = !issue.core && isPortalProblem(issue.code)
    ? describePortalProblem(issue.code, issue.params, language)
    : describeIssue({ code: issue.code as IssueCode, path: [], params: issue.params }, language);
  return `${issue.severity === "warning" ? (language === "vi" ? "(cảnh báo) " : "(warning) ") : ""}${message}`;
}

/** One issue as a line: where, then what. */
export function describePortalIssue(issue: PortalIssue, language: Language = "vi"): string {
  const where = portalIssueLocation(issue, language);
  return `${where ? `${where}: ` : ""}${portalIssueMessage(issue, language)}`;
}

/** `metrics[2].numerator` from `["metrics", 2, "numerator"]`. */
export function formatField(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) text += typeof segment === "number" ? `[${segment}]` : text === "" ? String(segment) : `.${String(segment)}`;
  return text;
}

/** A value as a message shows it: short, typed (`"12"` is text, 12 a number). */
export function shown(value: unknown): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "[…]";
  if (typeof value === "object" && value !== null) return "{…}";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The value at a path of a parsed JSON document (zod 4 does not keep it on its issues); `undefined` when absent. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * zod's issues for one record as located problems in chiso's words. `input` is the record as read, to
 * show the offending value (zod 4 does not keep it).
 */
export function fromZod(issues: readonly z.core.$ZodIssue[], input: unknown, at: PortalLocation): PortalIssue[] {
  return issues.map((issue): PortalIssue => {
    const value = valueAt(input, issue.path);
    const field = formatField(issue.path);
    const base = { ...at, ...(field && { field }), severity: "error" as const };
    const name = String(issue.path[issue.path.length - 1] ?? "");
    switch (issue.code) {
      case "invalid_type":
        if (value === undefined) return { ...base, code: "missing_field", params: { field: name } };
        if (issue.expected === "int" && typeof value === "number") return { ...base, code: "not_integer", params: { shown: shown(value) } };
        return { ...base, code: "wrong_type", params: { expected: issue.expected, shown: shown(value) } };
      case "too_small":
        // An empty name or id is a missing one.
        if (issue.origin === "string") return { ...base, code: "missing_field", params: { field: name } };
        return { ...base, code: "negative", params: { shown: shown(value), minimum: String(issue.minimum) } };
      case "too_big":
        return { ...base, code: "too_large", params: { shown: shown(value), maximum: String(issue.maximum) } };
      case "invalid_value":
        return { ...base, code: "unknown_value", params: { shown: shown(value), allowed: issue.values.map(String).join(", ") } };
      default:
        return { ...base, code: "invalid_field", params: { reason: issue.message } };
    }
  });
}
