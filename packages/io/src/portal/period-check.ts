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
export function checkChart(response: ReadResponse, period: Period): PortalIssue[] {
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
  // A quarter or a year whose chart shows a single month may be a month's response saved under a longer period.
  const active = months.filter((entry) => entry.active).map((entry) => entry.month);
  if (outside.length === 0 && period.kind !== "month" && active.length === 1) {
    issues.push({ ...at, code: "single_month", severity: "warning", params: { month: String(active[0]).padStart(2, "0"), period: period.key, year: String(period.year) } });
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
