import { monthsOf, type Period } from "../../kernel/period.js";
import type { Dataset } from "../input/dataset.js";
import { ABSENT, COUNTS, NULL, tableOf, type DatasetTable } from "../input/table.js";
import { itemRules } from "./item-rules.js";

/** Where a resolved count came from (the typed form of `CountsOrigin`). */
export const FROM_NONE = 0;
export const FROM_OWN = 1;
export const FROM_CHILDREN = 2;
export const FROM_PARENT = 3;

/**
 * Counts in flat typed arrays, item `i` of a slot at `base + i`: `state` is `ABSENT`, `COUNTS` or `NULL`
 * (see input/table.ts).
 */
export interface CountsSlab {
  readonly numerators: Float64Array;
  readonly denominators: Float64Array;
  readonly state: Uint8Array;
}

/**
 * Counts for some units, located by a per-unit base offset into a slab (`-1`: the unit has none). A month's
 * own counts point straight into the dataset's table; sums get a slab of their own.
 */
export interface CountsView extends CountsSlab {
  readonly base: Int32Array;
}

/**
 * Every unit's counts for one period, after period and hierarchy roll-ups, in flat typed arrays:
 * - `own`: the unit's own row for the period, or for a quarter or year without one, its months' rows summed;
 * - `children`: a parent's children's resolved counts summed (leaves have none);
 * - `resolved`: what is scored, unit `u` item `i` at `u · items + i` (see {@link resolvePeriodCounts}), with
 *   `origin` saying where each came from.
 */
export interface PeriodCounts {
  readonly period: Period;
  readonly table: DatasetTable;
  readonly items: number;
  readonly own: CountsView;
  readonly children: CountsView;
  readonly resolved: CountsSlab;
  readonly origin: Uint8Array;
  /** The unit's own row of exactly this period, or -1. */
  readonly exactRow: Int32Array;
  /** For a quarter or year built from months: a bit per month of the period (bit 0 = first) with no own row. */
  readonly missingMonths: Uint16Array;
  /** Whether the unit has any count of its own or from its children. */
  readonly hasData: Uint8Array;
}

function slab(size: number): CountsSlab {
  return { numerators: new Float64Array(size), denominators: new Float64Array(size), state: new Uint8Array(size) };
}

/** Item `item` of a unit in a view, as an index into its arrays, or -1 when the unit has no counts there. */
export function viewIndex(view: CountsView, unit: number, item: number): number {
  const base = view.base[unit]!;
  return base < 0 ? -1 : base + item;
}

/**
 * Adds a row of `items` counts from `from` (at `f`) into `to` (at `t`): nothing adds nothing; `null` adds nothing
 * to counts, and two `null`s stay `null`.
 */
function addRow(to: CountsSlab, t: number, from: CountsSlab, f: number, items: number): void {
  const { numerators, denominators, state } = to;
  for (let item = 0; item < items; item += 1) {
    const kind = from.state[f + item]!;
    if (kind === ABSENT) continue;
    const at = t + item;
    if (kind === NULL) {
      if (state[at] === ABSENT) state[at] = NULL;
      continue;
    }
    const counted = state[at] === COUNTS;
    numerators[at] = (counted ? numerators[at]! : 0) + from.numerators[f + item]!;
    denominators[at] = (counted ? denominators[at]! : 0) + from.denominators[f + item]!;
    state[at] = COUNTS;
  }
}

function copyInto(to: CountsSlab, t: number, from: CountsSlab, f: number): void {
  to.numerators[t] = from.numerators[f]!;
  to.denominators[t] = from.denominators[f]!;
  to.state[t] = from.state[f]!;
}

const NO_ROWS = new Int32Array(0);

/**
 * Each unit's own counts: for a month, a view of its row in the table (no copy); for a quarter or year, its
 * own row, or its months' rows summed into a slab.
 */
function ownCounts(table: DatasetTable, period: Period, units: number, items: number): { own: CountsView; exactRow: Int32Array; missingMonths: Uint16Array } {
  const exactRow = table.rowsByPeriod.get(period.key) ?? new Int32Array(units).fill(-1);
  const missingMonths = new Uint16Array(units);
  if (period.kind === "month") {
    const base = exactRow.map((row) => (row < 0 ? -1 : row * items));
    return { own: { numerators: table.numerators, denominators: table.denominators, state: table.state, base }, exactRow, missingMonths };
  }
  const sums = slab(units * items);
  const base = new Int32Array(units).fill(-1);
  const monthRows = monthsOf(period).map((month) => table.rowsByPeriod.get(month.key) ?? NO_ROWS);
  for (let unit = 0; unit < units; unit += 1) {
    const row = exactRow[unit]!;
    if (row >= 0) {
      sums.numerators.set(table.numerators.subarray(row * items, (row + 1) * items), unit * items);
      sums.denominators.set(table.denominators.subarray(row * items, (row + 1) * items), unit * items);
      sums.state.set(table.state.subarray(row * items, (row + 1) * items), unit * items);
      base[unit] = unit * items;
      continue;
    }
    let missing = 0;
    for (let month = 0; month < monthRows.length; month += 1) {
      const monthRow = monthRows[month]![unit] ?? -1;
      if (monthRow < 0) {
        missing |= 1 << month;
        continue;
      }
      addRow(sums, unit * items, table, monthRow * items, items);
      base[unit] = unit * items;
    }
    missingMonths[unit] = base[unit]! >= 0 ? missing : 0;
  }
  return { own: { ...sums, base }, exactRow, missingMonths };
}

/** A slab for the parents only: `base[u]` is the parent's slot, -1 for a unit without children. */
function childrenSlab(table: DatasetTable, items: number): CountsView {
  const base = new Int32Array(table.parent.length).fill(-1);
  let parents = 0;
  for (const parent of table.parent) {
    if (parent >= 0 && base[parent] === -1) base[parent] = parents++ * items;
  }
  return { ...slab(parents * items), base };
}

/**
 * Resolves counts for every unit in one period, children before parents, in one pass over flat arrays:
 * - a quarter or year with a row of its own uses it (a source's own quarter figures are the reference);
 *   otherwise it is the sum of its months' counts;
 * - a parent's dossier items are the sum of its children's (never an average of ratios) — or, when the
 *   dataset says `parentCounts: "own"`, its own counts where it reports them;
 * - catalogue and `own` items are the unit's own; where the item's `inheritedBy` lists the unit's level, it
 *   falls back to the nearest ancestor's own figures (communes take the province's 1.1–1.3).
 */
export function resolvePeriodCounts(dataset: Dataset, period: Period): PeriodCounts {
  const table = tableOf(dataset);
  const { scheme } = dataset;
  const units = table.parent.length;
  const items = scheme.items.length;
  const { own, exactRow, missingMonths } = ownCounts(table, period, units, items);
  const children = childrenSlab(table, items);
  const resolved = slab(units * items);
  const origin = new Uint8Array(units * items);
  const hasData = new Uint8Array(units);
  const { sumsChildren, inherits } = itemRules(scheme);
  const preferOwn = dataset.parentCounts === "own";
  // The loop below reads and writes these arrays for every unit and item: keep them in locals.
  const { numerators: ownNumerators, denominators: ownDenominators, state: ownState } = own;
  const { numerators: childNumerators, denominators: childDenominators, state: childState } = children;
  const { numerators: numerators, denominators: denominators, state: state } = resolved;

  for (const unit of table.postOrder) {
    const ownBase = own.base[unit]!;
    const childBase = children.base[unit]!;
    const parent = table.parent[unit]!;
    const parentBase = parent >= 0 ? children.base[parent]! : -1;
    const inheritsHere = inherits[table.level[unit]!]!;
    for (let item = 0; item < items; item += 1) {
      const at = unit * items + item;
      const mine = ownBase + item;
      const theirs = childBase + item;
      const hasOwn = ownBase >= 0 && ownState[mine] !== ABSENT;
      if (sumsChildren[item] === 1 && childBase >= 0 && childState[theirs] !== ABSENT && !(preferOwn && hasOwn)) {
        numerators[at] = childNumerators[theirs]!;
        denominators[at] = childDenominators[theirs]!;
        state[at] = childState[theirs]!;
        origin[at] = FROM_CHILDREN;
        hasData[unit] = 1;
      } else if (hasOwn) {
        numerators[at] = ownNumerators[mine]!;
        denominators[at] = ownDenominators[mine]!;
        state[at] = ownState[mine]!;
        origin[at] = FROM_OWN;
        hasData[unit] = 1;
      } else if (inheritsHere[item] === 1) {
        inherit(own, resolved, origin, table, unit, item, items);
      }
      if (parentBase < 0 || state[at] === ABSENT) continue;
      // Add into the parent's children sum: null adds nothing to counts, and two nulls stay null.
      const sum = parentBase + item;
      if (state[at] === NULL) {
        if (childState[sum] === ABSENT) childState[sum] = NULL;
      } else {
        const counted = childState[sum] === COUNTS;
        childNumerators[sum] = (counted ? childNumerators[sum]! : 0) + numerators[at]!;
        childDenominators[sum] = (counted ? childDenominators[sum]! : 0) + denominators[at]!;
        childState[sum] = COUNTS;
      }
    }
  }
  return { period, table, items, own, children, resolved, origin, exactRow, missingMonths, hasData };
}

/** The nearest ancestor's own counts for an item (inheritance looks up; roll-ups look down). */
function inherit(own: CountsView, resolved: CountsSlab, origin: Uint8Array, table: DatasetTable, unit: number, item: number, items: number): void {
  for (let ancestor = table.parent[unit]!; ancestor >= 0; ancestor = table.parent[ancestor]!) {
    const base = own.base[ancestor]!;
    if (base < 0 || own.state[base + item] === ABSENT) continue;
    copyInto(resolved, unit * items + item, own, base + item);
    origin[unit * items + item] = FROM_PARENT;
    return;
  }
}
