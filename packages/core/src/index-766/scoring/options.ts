import { ChisoError, type Issue } from "../../kernel/errors.js";
import { isCalendarDate, parsePeriod, PERIOD_YEARS, type Period } from "../../kernel/period.js";
import type { TieRule } from "../../kernel/rank.js";

const TIE_RULES: readonly string[] = ["competition", "dense"] satisfies readonly TieRule[];

/**
 * The options checked all at once: the period (`INVALID_PERIOD` when it alone is wrong), `asOf` a day that
 * exists, `tie` one of the rules (`INVALID_OPTIONS`, every problem named by its field). Returns the period.
 */
export function checkOptions(options: { readonly period: string; readonly asOf?: string; readonly tie?: TieRule }): Period {
  const issues: Issue[] = [];
  const text = options.period as unknown;
  const period = typeof text === "string" ? parsePeriod(text) : null;
  if (!period) {
    const year = typeof text === "string" ? /^\s*(\d{4})(?:-|\s*$)/.exec(text)?.[1] : undefined;
    const outOfRange = year !== undefined && (Number(year) < PERIOD_YEARS.min || Number(year) > PERIOD_YEARS.max);
    issues.push({ code: "invalid_period", path: ["period"], params: { received: String(text), ...(outOfRange && { minYear: PERIOD_YEARS.min, maxYear: PERIOD_YEARS.max }) } });
  }
  if (options.asOf !== undefined && (typeof options.asOf !== "string" || !isCalendarDate(options.asOf))) issues.push({ code: "invalid_date", path: ["asOf"], params: { received: String(options.asOf) } });
  if (options.tie !== undefined && !TIE_RULES.includes(options.tie)) issues.push({ code: "invalid_value", path: ["tie"], params: { detail: String(options.tie), allowed: TIE_RULES.join(", ") } });
  if (issues.length > 0 || !period) throw new ChisoError(issues.length === 1 && issues[0]!.code === "invalid_period" ? "INVALID_PERIOD" : "INVALID_OPTIONS", issues);
  return period;
}
