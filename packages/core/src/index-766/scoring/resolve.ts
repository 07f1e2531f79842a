import type { Dataset, FigureRow, ReportedCounts } from "../input/dataset.js";
import { ABSENT, NULL } from "../input/table.js";
import { monthsOf, type Period } from "../../kernel/period.js";
import type { CountsOrigin } from "./item.js";
import { originAt, resolvedBase, resolvedSlab, resolvePeriodCounts, viewIndex, type CountsSlab } from "./period-counts.js";

/** A unit's counts for a period after period and hierarchy roll-ups. */
export interface ResolvedCounts {
  readonly counts: readonly ReportedCounts[];
  readonly origins: readonly CountsOrigin[];
  /** The unit's own figures (one row, or the months of a longer period that exist). */
  readonly ownRows: readonly FigureRow[];
  /** The unit's own counts for the period (its row, or its months summed). */
  readonly ownCounts: readonly ReportedCounts[];
  /** Its children's counts summed, item by item; `null` for a unit without children. */
  readonly childCounts: readonly ReportedCounts[] | null;
  /** For a quarter or year built from months: the months with no own row. */
  readonly missingMonths: readonly string[];
  /** Whether any count at all is present. */
  readonly hasData: boolean;
}

/**
 * Adds two reported counts: "not reported" adds nothing; a count the source returned as `null` adds
 * nothing to real counts, and two such stay `null`.
 */
export function addCounts(a: ReportedCounts, b: ReportedCounts): ReportedCounts {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === null) return b;
  if (b === null) return a;
  return { numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator };
}

/** Adds counts item by item; an item is `undefined` only when no part reported it. */
export function sumCounts(parts: readonly (readonly ReportedCounts[])[], length: number): ReportedCounts[] {
  const sums: ReportedCounts[] = new Array(length).fill(undefined);
  for (const part of parts) {
    for (let index = 0; index < length; index += 1) sums[index] = addCounts(sums[index], part[index]);
  }
  return sums;
}

/**
 * Every unit's counts for one period after period and hierarchy roll-ups, unit by unit (the rules are those
 * of `resolvePeriodCounts`, which does the work on flat arrays; this builds objects for readers).
 *
 * @example createResolver(dataset, parsePeriod("2026-Q1")!)("HS").counts[0] // the province's 1.1 for the quarter
 */
export function createResolver(dataset: Dataset, period: Period): (unitId: string) => ResolvedCounts {
  const counts = resolvePeriodCounts(dataset, period);
  const { table, items } = counts;
  const monthRows = period.kind === "month" ? [] : monthsOf(period).map((month) => table.rowsByPeriod.get(month.key));
  const read = (slab: CountsSlab, at: number): ReportedCounts => {
    const state = at < 0 ? ABSENT : slab.state[at];
    if (state === ABSENT) return undefined;
    return state === NULL ? null : { numerator: slab.numerators[at]!, denominator: slab.denominators[at]! };
  };
  const list = (slab: CountsSlab, index: (item: number) => number) => Array.from({ length: items }, (_, item) => read(slab, index(item)));
  return (unitId) => {
    const unit = table.unitIndex.get(unitId);
    if (unit === undefined) return { counts: [], origins: [], ownRows: [], ownCounts: [], childCounts: null, missingMonths: [], hasData: false };
    const exact = counts.exactRow[unit]!;
    const rows = exact >= 0 ? [exact] : monthRows.flatMap((byUnit) => (byUnit && byUnit[unit]! >= 0 ? [byUnit[unit]!] : []));
    const bits = counts.missingMonths[unit]!;
    return {
      counts: list(resolvedSlab(counts, unit), (item) => resolvedBase(counts, unit) + item),
      origins: Array.from({ length: items }, (_, item) => ORIGINS[originAt(counts, unit, item)]!),
      ownRows: rows.map((row) => dataset.figures[row]!),
      ownCounts: list(counts.own, (item) => viewIndex(counts.own, unit, item)),
      childCounts: counts.children.base[unit]! >= 0 ? list(counts.children, (item) => viewIndex(counts.children, unit, item)) : null,
      missingMonths: monthsOf(period).flatMap((month, position) => ((bits >> position) & 1 ? [month.key] : [])),
      hasData: counts.hasData[unit] === 1,
    };
  };
}

const ORIGINS: readonly CountsOrigin[] = ["none", "own", "children", "parent"];
