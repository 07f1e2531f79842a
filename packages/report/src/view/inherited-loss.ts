import { monthsOf, parsePeriod, type Dataset, type Period, type Scheme, type Unit, type UnitScore } from "@chiso/core";
import type { RejectedRowView } from "./types.js";

/**
 * Items a unit takes from an ancestor's figures (the scheme's `inheritedBy`, e.g. a commune's 1.1–1.3 from
 * the province) that are missing because the ancestor's row for the period was rejected: the unit's figures
 * are incomplete through no row of its own, and its card must say where the cause is.
 */
export interface InheritedLoss {
  /** The ancestor whose rejected row the items would have come from. */
  readonly from: Unit;
  /** The missing items' codes. */
  readonly items: readonly string[];
  readonly rows: readonly RejectedRowView[];
}

/** Whether a rejected row's period covers any month of `period`. */
function overlaps(rowPeriod: string, period: Period): boolean {
  const row = parsePeriod(rowPeriod);
  if (!row) return false;
  const months = new Set((row.kind === "month" ? [row] : monthsOf(row)).map((month) => month.key));
  return (period.kind === "month" ? [period] : monthsOf(period)).some((month) => months.has(month.key));
}

/** The nearest ancestor with a rejected row of figures for the period, and the inherited items it leaves missing. */
export function inheritedLoss(scheme: Scheme, dataset: Dataset, score: UnitScore, rejectedRows: readonly RejectedRowView[] | undefined): InheritedLoss | null {
  if (!rejectedRows?.length || score.completeness.status !== "incomplete") return null;
  const items = score.completeness.missingItems.filter((code) => scheme.itemByCode.get(code)?.inheritedBy.includes(score.unit.level));
  if (items.length === 0) return null;
  for (let id = score.unit.parent; id; id = dataset.unitById.get(id)?.parent) {
    const rows = rejectedRows.filter((row) => (row.kind ?? "figures") === "figures" && row.unit === id && overlaps(row.period, score.period));
    const from = dataset.unitById.get(id);
    if (rows.length > 0 && from) return { from, items, rows };
  }
  return null;
}
