import { figureFor, type Dataset, type FigureRow, type ReportedCounts } from "../input/dataset.js";
import { monthsOf, type Period } from "../../kernel/period.js";
import type { CountsOrigin } from "./item.js";

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
 * Resolves counts for every unit in one period, memoised so each roll-up is computed once:
 * - a quarter or year with a row of its own uses it (a source's own quarter figures are the reference);
 *   otherwise it is the sum of its months' counts;
 * - a parent's dossier items are the sum of its children's (never an average of ratios) — or, when the
 *   dataset says `parentCounts: "own"`, its own counts where it reports them;
 * - catalogue and `own` items are the unit's own; where the item's `inheritedBy` lists the unit's level, it
 *   falls back to the nearest ancestor's own figures (communes take the province's 1.1–1.3).
 */
export function createResolver(dataset: Dataset, period: Period): (unitId: string) => ResolvedCounts {
  const { scheme } = dataset;
  const length = scheme.items.length;
  const memo = new Map<string, ResolvedCounts>();

  const ownFor = (unitId: string): { rows: FigureRow[]; missing: string[] } => {
    const exact = figureFor(dataset, unitId, period.key);
    if (exact || period.kind === "month") return { rows: exact ? [exact] : [], missing: [] };
    const rows: FigureRow[] = [];
    const missing: string[] = [];
    for (const month of monthsOf(period)) {
      const row = figureFor(dataset, unitId, month.key);
      if (row) rows.push(row);
      else missing.push(month.key);
    }
    return { rows, missing: rows.length > 0 ? missing : [] };
  };

  const ownMemo = new Map<string, { rows: FigureRow[]; missing: string[]; counts: readonly ReportedCounts[] }>();
  const ownOf = (unitId: string) => {
    let own = ownMemo.get(unitId);
    if (!own) {
      const found = ownFor(unitId);
      const counts = found.rows.length === 1 ? found.rows[0]!.counts : sumCounts(found.rows.map((row) => row.counts), length);
      own = { rows: found.rows, missing: found.missing, counts };
      ownMemo.set(unitId, own);
    }
    return own;
  };

  /** The nearest ancestor's own figures for an item (inheritance looks up, roll-ups look down). */
  const inherited = (unitId: string, index: number): ReportedCounts => {
    const parentId = dataset.unitById.get(unitId)?.parent;
    if (parentId === undefined) return undefined;
    return ownOf(parentId).counts[index] ?? inherited(parentId, index);
  };

  const preferOwn = dataset.parentCounts === "own";
  const resolve = (unitId: string): ResolvedCounts => {
    const cached = memo.get(unitId);
    if (cached) return cached;
    const own = ownOf(unitId);
    const unit = dataset.unitById.get(unitId);
    const children = dataset.childrenOf.get(unitId) ?? [];
    const childCounts = children.length > 0 ? sumCounts(children.map((child) => resolve(child.id).counts), length) : null;

    const counts: ReportedCounts[] = new Array(length);
    const origins: CountsOrigin[] = new Array(length);
    let hasData = false;
    for (const item of scheme.items) {
      const index = item.index;
      let value: ReportedCounts;
      let origin: CountsOrigin = "none";
      const fromChildren = item.scope === "dossier" && childCounts?.[index] !== undefined && !(preferOwn && own.counts[index] !== undefined);
      if (fromChildren) {
        value = childCounts![index];
        origin = "children";
      } else if (own.counts[index] !== undefined) {
        value = own.counts[index];
        origin = "own";
      } else if (unit !== undefined && item.inheritedBy.includes(unit.level)) {
        value = inherited(unitId, index);
        if (value !== undefined) origin = "parent";
      }
      counts[index] = value;
      origins[index] = origin;
      if (value !== undefined && origin !== "parent") hasData = true;
    }
    const result: ResolvedCounts = { counts, origins, ownRows: own.rows, ownCounts: own.counts, childCounts, missingMonths: own.missing, hasData };
    memo.set(unitId, result);
    return result;
  };
  return resolve;
}

