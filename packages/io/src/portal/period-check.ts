import { monthsOf, type Period } from "@chiso/core";
import type { PortalIssue } from "./issues.js";
import type { ReadResponse } from "./read-response.js";
import { onlineChartSchema, progressChartSchema } from "./schemas.js";

/**
 * The responses carry no period, but two of them carry a chart of the year's twelve months in which the
 * months outside the requested period are 0: a month with figures outside the period the user states
 * shows the response was saved for another one. (The chart has no year: the year cannot be checked.)
 * The chart itself is display-only and is not imported.
 */
export function checkChart(response: ReadResponse, period: Period, retrievedAt?: string): PortalIssue[] {
  const { chart, file } = response;
  if (chart === undefined || (Array.isArray(chart) && chart.length === 0)) return [];
  const at = { file, record: "monthlyChart" };
  const entries = Array.isArray(chart) ? chart.length : 0;
  const months = (() => {
    if (response.endpoint === "dvc-progress-tree") {
      const parsed = progressChartSchema.safeParse(chart);
      return parsed.success ? parsed.data.map((entry) => ({ month: Number(entry.month), value: entry.onTimePct, active: entry.onTimePct !== 0 || entry.overduePct !== 0 })) : null;
    }
    if (response.endpoint === "provide-online-tree") {
      const parsed = onlineChartSchema.safeParse(chart);
      return parsed.success ? parsed.data.map((entry) => ({ month: Number(entry.label), value: entry.onlineDossierPct, active: entry.onlineDossierPct !== 0 })) : null;
    }
    return undefined;
  })();
  if (months === undefined) return [{ ...at, code: "chart_ignored", severity: "warning", params: { entries, checked: "" } }];
  if (months === null) return [{ ...at, code: "chart_unreadable", severity: "warning", params: {} }];

  const issues: PortalIssue[] = [{ ...at, code: "chart_ignored", severity: "warning", params: { entries, checked: "yes" } }];
  const inPeriod = new Set(monthsOf(period).map((month) => month.index!));
  const outside = months.filter((entry) => entry.active && !inPeriod.has(entry.month)).map((entry) => String(entry.month).padStart(2, "0"));
  if (outside.length > 0) issues.push({ ...at, code: "period_mismatch", severity: "error", params: { months: outside.join(", "), period: period.key } });
  // A quarter's or a year's response has figures in every month of it that had begun when it was
  // retrieved: a month missing shows a response of a shorter period (a month's saved as its quarter).
  // A chart with no figures at all says nothing of the period and is left to the records.
  const active = new Set(months.filter((entry) => entry.active).map((entry) => entry.month));
  if (outside.length === 0 && period.kind !== "month" && active.size > 0) {
    const begun = monthsOf(period).filter((month) => retrievedAt === undefined || `${month.key}-01` <= retrievedAt.slice(0, 10));
    const missing = begun.filter((month) => !active.has(month.index!)).map((month) => String(month.index).padStart(2, "0"));
    if (missing.length > 0) {
      const shown = [...active].sort((a, b) => a - b).map((month) => String(month).padStart(2, "0"));
      issues.push({ ...at, code: "months_missing", severity: "error", params: { months: shown.join(", "), missing: missing.join(", "), period: period.key, suggested: suggestedPeriod(period.year, [...active]) ?? "" } });
    }
  }
  // For a month, the chart's value is the province's own on-time rate.
  const ratio = response.root?.value.ratio;
  if (outside.length === 0 && period.kind === "month" && response.endpoint === "dvc-progress-tree" && typeof ratio === "number") {
    const shown = months.find((entry) => entry.month === period.index);
    if (shown && Math.abs(shown.value - ratio) > 0.005) {
      issues.push({ ...at, code: "period_unconfirmed", severity: "warning", params: { chart: shown.value, month: String(period.index).padStart(2, "0"), ratio, period: period.key } });
    }
  }
  return issues;
}

/** The period whose months are exactly these (one month, or a whole quarter), if there is one: "2026-08", "2026-Q3". */
function suggestedPeriod(year: number, months: readonly number[]): string | undefined {
  const sorted = [...months].sort((a, b) => a - b);
  if (sorted.length === 1) return `${year}-${String(sorted[0]).padStart(2, "0")}`;
  if (sorted.length === 3 && sorted[0]! % 3 === 1 && sorted[2]! - sorted[0]! === 2) return `${year}-Q${(sorted[0]! + 2) / 3}`;
  return undefined;
}
