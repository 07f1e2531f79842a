import { monthsOf, type Period } from "../../kernel/period.js";
import type { Dataset } from "../input/dataset.js";
import { ABSENT, COUNTS, NULL, tableOf, type DatasetTable } from "../input/table.js";
import { itemRules, type ItemRules } from "./item-rules.js";

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
 * - the resolved counts, what is scored (see {@link resolvePeriodCounts}): a unit whose every item is its own
 *   (a leaf with a row, nothing to inherit: most units) is read straight from `own`, without a copy; every
 *   other unit has a slot in `mixed`, with the origin of each count. Read them through {@link resolvedSlab},
 *   {@link resolvedBase} and {@link originAt}.
 */
export interface PeriodCounts {
  readonly period: Period;
  readonly table: DatasetTable;
  readonly items: number;
  readonly own: CountsView;
  readonly children: CountsView;
  /** Resolved counts of the units that are not simply their own, item `i` of unit `u` at `mixedBase[u] + i`. */
  readonly mixed: MixedSlab;
  /** Unit → its slot in `mixed`, or -1 when its resolved counts are its own counts. */
  readonly mixedBase: Int32Array;
  /** The unit's own row of exactly this period, or -1. */
  readonly exactRow: Int32Array;
  /** For a quarter or year built from months: a bit per month of the period (bit 0 = first) with no own row. */
  readonly missingMonths: Uint16Array;
  /**
   * For a quarter or year built from months: 1 at `unit * items + item` where the unit's own month rows report
   * the item in some months but not in others (its sum covers part of the period); `null` when there is none.
   */
  readonly partialItems: Uint8Array | null;
  /** Whether the unit has any count of its own or from its children. */
  readonly hasData: Uint8Array;
  /**
   * 1 at `unit * items + item` where the unit's resolved count of a summed item does not cover its whole part
   * of the period: the unit has no figures at all, lacks the item (unless it reports no dossiers), takes it
   * from own months that are missing or partial, or from children of which one is short (see `childGaps`).
   */
  readonly short: Uint8Array;
  /**
   * 1 at `unit * items + item` where the unit's resolved count is its children's sum and a child that counts
   * toward it is short for the item (missing for the period, lacking the item, or itself partial): the sum
   * covers part of the unit's figures.
   */
  readonly childGaps: Uint8Array;
}

/** Resolved counts with where each came from (`FROM_OWN` … `FROM_PARENT`). */
export interface MixedSlab extends CountsSlab {
  readonly origin: Uint8Array;
}

/** The arrays holding a unit's resolved counts, from {@link resolvedBase} on. */
export function resolvedSlab(counts: PeriodCounts, unit: number): CountsSlab {
  return counts.mixedBase[unit]! >= 0 ? counts.mixed : counts.own;
}

/** Where a unit's resolved counts start in its {@link resolvedSlab}: item `i` at `base + i`. */
export function resolvedBase(counts: PeriodCounts, unit: number): number {
  const mixed = counts.mixedBase[unit]!;
  return mixed >= 0 ? mixed : counts.own.base[unit]!;
}

/** Where a unit's resolved count of an item came from: `FROM_NONE` … `FROM_PARENT`. */
export function originAt(counts: PeriodCounts, unit: number, item: number): number {
  const mixed = counts.mixedBase[unit]!;
  if (mixed >= 0) return counts.mixed.origin[mixed + item]!;
  return counts.own.state[counts.own.base[unit]! + item] === ABSENT ? FROM_NONE : FROM_OWN;
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
 * to counts, and two `null`s stay `null`. `to` is a fresh slab only ever added into, so its counts are 0
 * wherever its state is not `COUNTS`: adding needs no look at what is there.
 */
function addRow(to: CountsSlab, t: number, from: CountsSlab, f: number, items: number): void {
  // `from` is the table, a view or a slab (objects of different shapes): read its arrays once, not per item.
  const { numerators, denominators, state } = to;
  const { numerators: fromNumerators, denominators: fromDenominators, state: fromState } = from;
  for (let item = 0; item < items; item += 1) {
    const kind = fromState[f + item]!;
    const at = t + item;
    if (kind === COUNTS) {
      numerators[at]! += fromNumerators[f + item]!;
      denominators[at]! += fromDenominators[f + item]!;
      state[at] = COUNTS;
    } else if (kind === NULL && state[at] === ABSENT) state[at] = NULL;
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
function ownCounts(table: DatasetTable, period: Period, units: number, items: number): { own: CountsView; exactRow: Int32Array; missingMonths: Uint16Array; partialItems: Uint8Array | null } {
  const exactRow = table.rowsByPeriod.get(period.key) ?? new Int32Array(units).fill(-1);
  const missingMonths = new Uint16Array(units);
  if (period.kind === "month") {
    const base = exactRow.map((row) => (row < 0 ? -1 : row * items));
    return { own: { numerators: table.numerators, denominators: table.denominators, state: table.state, base }, exactRow, missingMonths, partialItems: null };
  }
  const sums = slab(units * items);
  const base = new Int32Array(units).fill(-1);
  const monthRows = monthsOf(period).map((month) => table.rowsByPeriod.get(month.key) ?? NO_ROWS);
  // How many of a unit's month rows report each item (scratch, reused for every unit).
  const reported = new Uint8Array(items);
  let partialItems: Uint8Array | null = null;
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
    let rows = 0;
    reported.fill(0);
    for (let month = 0; month < monthRows.length; month += 1) {
      const monthRow = monthRows[month]![unit] ?? -1;
      if (monthRow < 0) {
        missing |= 1 << month;
        continue;
      }
      addRow(sums, unit * items, table, monthRow * items, items);
      for (let item = 0; item < items; item += 1) if (table.state[monthRow * items + item] !== ABSENT) reported[item]! += 1;
      rows += 1;
      base[unit] = unit * items;
    }
    missingMonths[unit] = base[unit]! >= 0 ? missing : 0;
    for (let item = 0; item < items; item += 1) {
      if (reported[item]! > 0 && reported[item]! < rows) (partialItems ??= new Uint8Array(units * items))[unit * items + item] = 1;
    }
  }
  return { own: { ...sums, base }, exactRow, missingMonths, partialItems };
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
  const { own, exactRow, missingMonths, partialItems } = ownCounts(table, period, units, items);
  const children = childrenSlab(table, items);
  const rules = itemRules(scheme);
  const hasData = new Uint8Array(units);
  const mixedBase = planMixed(table, own, children, rules, hasData);
  const mixed = mixedSlab(mixedBase, items);
  const preferOwn = dataset.parentCounts === "own";
  // 1 at `parent * items + item` where a child of the parent is short for the item (scratch).
  const childShort = new Uint8Array(units * items);
  const counts: PeriodCounts = { period, table, items, own, children, mixed, mixedBase, exactRow, missingMonths, partialItems, hasData, short: new Uint8Array(units * items), childGaps: new Uint8Array(units * items) };
  const volume = dataset.scheme.volumeItem.index;

  for (const unit of table.postOrder) {
    const slot = mixedBase[unit]!;
    if (slot >= 0 && resolveMixed(own, children, mixed, table, rules, preferOwn, unit, slot)) hasData[unit] = 1;
    markShort(counts, unit, rules.sumsChildren, volume, childShort);
    const parent = table.parent[unit]!;
    if (parent < 0) continue;
    // Into the parent's children sum: nothing adds nothing, null adds nothing to counts, two nulls stay null.
    addRow(children, children.base[parent]!, slot >= 0 ? mixed : own, slot >= 0 ? slot : own.base[unit]!, items);
    for (let item = 0, to = parent * items, at = unit * items; item < items; item += 1) childShort[to + item]! |= counts.short[at + item]!;
  }
  return counts;
}

/** Whether the unit's resolved count of an item covers only part of what it should (see `PeriodCounts.short`). */
function gapAt(counts: PeriodCounts, unit: number, item: number): boolean {
  const at = unit * counts.items + item;
  const origin = originAt(counts, unit, item);
  if (origin === FROM_OWN) return counts.missingMonths[unit] !== 0 || (counts.partialItems !== null && counts.partialItems[at] === 1);
  if (origin === FROM_CHILDREN) return counts.childGaps[at] === 1;
  return origin === FROM_NONE;
}

/**
 * A unit's gaps, once its children's are known: an item taken from its children is a gap where a child is
 * short for it; the unit is short for a summed item when it has no figures, lacks the item (unless it reports
 * its volume item at zero — no dossiers, nothing to sum), takes it from own months that are missing or
 * partial, or has a gap in it.
 */
function markShort(counts: PeriodCounts, unit: number, sumsChildren: Uint8Array, volume: number, childShort: Uint8Array): void {
  const { items, short, childGaps } = counts;
  const at = unit * items;
  if (counts.children.base[unit]! >= 0) {
    for (let item = 0; item < items; item += 1) if (childShort[at + item] === 1 && originAt(counts, unit, item) === FROM_CHILDREN) childGaps[at + item] = 1;
  }
  if (counts.hasData[unit] !== 1) {
    for (let item = 0; item < items; item += 1) short[at + item] = sumsChildren[item]!;
    return;
  }
  const resolved = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  const volumeState = resolved.state[from + volume];
  const noDossiers = (volumeState === NULL || (volumeState === COUNTS && resolved.denominators[from + volume] === 0)) && !gapAt(counts, unit, volume);
  for (let item = 0; item < items; item += 1) {
    if (sumsChildren[item] !== 1) continue;
    if (resolved.state[from + item] === ABSENT ? !noDossiers : gapAt(counts, unit, item)) short[at + item] = 1;
  }
}

/**
 * Which units need a slot of their own for their resolved counts: those with children, without an own row,
 * or with an item their level could inherit missing from their row. The others — most units — are scored
 * from their own counts where they are; their `hasData` is set here.
 */
function planMixed(table: DatasetTable, own: CountsView, children: CountsView, rules: ItemRules, hasData: Uint8Array): Int32Array {
  const units = table.parent.length;
  const items = table.items;
  const inheritable = rules.inherits.map((inherits) => Int32Array.from(inherits.keys()).filter((item) => inherits[item] === 1));
  const mixedBase = new Int32Array(units);
  let slots = 0;
  for (let unit = 0; unit < units; unit += 1) {
    const base = own.base[unit]!;
    let mixed = base < 0 || children.base[unit]! >= 0;
    const candidates = inheritable[table.level[unit]!]!;
    for (let index = 0; index < candidates.length && !mixed; index += 1) mixed = own.state[base + candidates[index]!] === ABSENT;
    mixedBase[unit] = mixed ? slots++ * items : -1;
    if (!mixed && anyCounts(own, base, items)) hasData[unit] = 1;
  }
  return mixedBase;
}

/** Whether a slot holds any count (or a `null` the source returned). */
function anyCounts(slab: CountsSlab, base: number, items: number): boolean {
  for (let item = 0; item < items; item += 1) if (slab.state[base + item] !== ABSENT) return true;
  return false;
}

function mixedSlab(mixedBase: Int32Array, items: number): MixedSlab {
  let slots = 0;
  for (const base of mixedBase) if (base >= 0) slots += 1;
  return { ...slab(slots * items), origin: new Uint8Array(slots * items) };
}

/**
 * Resolves a unit's counts into its slot, item by item: its children's sum for a dossier item (unless the
 * dataset prefers a parent's own counts and it has them), else its own, else an ancestor's where its level
 * inherits the item. Returns whether it has any count of its own or from its children.
 */
function resolveMixed(own: CountsView, children: CountsView, mixed: MixedSlab, table: DatasetTable, rules: ItemRules, preferOwn: boolean, unit: number, slot: number): boolean {
  const ownBase = own.base[unit]!;
  const childBase = children.base[unit]!;
  const inheritsHere = rules.inherits[table.level[unit]!]!;
  let any = false;
  for (let item = 0; item < rules.sumsChildren.length; item += 1) {
    const at = slot + item;
    const hasOwn = ownBase >= 0 && own.state[ownBase + item] !== ABSENT;
    if (rules.sumsChildren[item] === 1 && childBase >= 0 && children.state[childBase + item] !== ABSENT && !(preferOwn && hasOwn)) {
      copyInto(mixed, at, children, childBase + item);
      mixed.origin[at] = FROM_CHILDREN;
      any = true;
    } else if (hasOwn) {
      copyInto(mixed, at, own, ownBase + item);
      mixed.origin[at] = FROM_OWN;
      any = true;
    } else if (inheritsHere[item] === 1) {
      inherit(own, mixed, table, unit, item, at);
    }
  }
  return any;
}

/** The nearest ancestor's own counts for an item (inheritance looks up; roll-ups look down). */
function inherit(own: CountsView, mixed: MixedSlab, table: DatasetTable, unit: number, item: number, at: number): void {
  for (let ancestor = table.parent[unit]!; ancestor >= 0; ancestor = table.parent[ancestor]!) {
    const base = own.base[ancestor]!;
    if (base < 0 || own.state[base + item] === ABSENT) continue;
    copyInto(mixed, at, own, base + item);
    mixed.origin[at] = FROM_PARENT;
    return;
  }
}
