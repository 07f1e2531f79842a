import type { Dataset, Scheme, Unit, UnitScore } from "@chiso/core";
import { refusedFigures } from "./comparison.js";
import type { RejectedRowView } from "./types.js";

/**
 * Items a unit takes from an ancestor's figures (the scheme's `inheritedBy`, e.g. a commune's 1.1–1.3 from
 * the province) that are missing because the ancestor's row for the period was rejected: the unit's figures
 * are incomplete through no row of its own, and its card must say where the cause is.
 */
export interface InheritedLoss<Row extends RejectedRow = RejectedRowView> {
  /** The ancestor whose rejected row the items would have come from. */
  readonly from: Unit;
  /** The missing items' codes. */
  readonly items: readonly string[];
  readonly rows: readonly Row[];
}

/** What is read of a rejected row: the documents' rows and the viewer's payload entries both have it. */
export type RejectedRow = Pick<RejectedRowView, "kind" | "unit" | "period">;

/** The nearest ancestor with a rejected row of figures for the period, and the inherited items it leaves missing. */
export function inheritedLoss<Row extends RejectedRow>(scheme: Scheme, dataset: Dataset, score: UnitScore, rejectedRows: readonly Row[] | undefined): InheritedLoss<Row> | null {
  if (!rejectedRows?.length || score.completeness.status !== "incomplete") return null;
  const items = score.completeness.missingItems.filter((code) => scheme.itemByCode.get(code)?.inheritedBy.includes(score.unit.level));
  if (items.length === 0) return null;
  for (let id = score.unit.parent; id; id = dataset.unitById.get(id)?.parent) {
    // The ancestor's own rejected figure rows that cover a month of the period (the test comparisons use).
    const ancestor = id;
    const rows = rejectedRows.filter((row) => (row.kind ?? "figures") === "figures" && row.unit === ancestor && refusedFigures([row], () => null).has(ancestor, score.period));
    const from = dataset.unitById.get(id);
    if (from && rows.length > 0) return { from, items, rows };
  }
  return null;
}
