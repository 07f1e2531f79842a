import type { Dataset, FigureRow } from "./dataset.js";
import type { RowStore } from "./row.js";
import type { UnitLevel } from "./schema.js";

/** What a row says about an item: nothing (`ABSENT`), counts (`COUNTS`), or "the source returned null" (`NULL`). */
export const ABSENT = 0;
export const COUNTS = 1;
export const NULL = 2;

export const LEVEL_CODES: Readonly<Record<UnitLevel, number>> = { province: 0, department: 1, commune: 2 };

/**
 * A dataset's figures laid out for arithmetic: every accepted row's counts in flat typed arrays (row `r`, item
 * `i` at `r · items + i`), the units as indices with their parents, and for each period the row of each unit.
 * Built while the input is validated, once; scoring reads it without allocating per item.
 */
export interface DatasetTable {
  readonly items: number;
  readonly unitIndex: ReadonlyMap<string, number>;
  /** Unit index → its parent's index, or -1. */
  readonly parent: Int32Array;
  /** Unit index → `LEVEL_CODES`. */
  readonly level: Uint8Array;
  /** Unit indices with every child before its parent. */
  readonly postOrder: Int32Array;
  readonly numerators: Float64Array;
  readonly denominators: Float64Array;
  readonly state: Uint8Array;
  /** Period key → for each unit, its row in the dataset's `figures`, or -1. */
  readonly rowsByPeriod: ReadonlyMap<string, Int32Array>;
  /** Row → `HAS_PUBLISHED` | `HAS_ROW_CHECKS` bits, so scoring looks at the few rows that carry them. */
  readonly rowFlags: Uint8Array;
}

/** The row carries published scores. */
export const HAS_PUBLISHED = 1;
/** The row carries channels, settlement, stated rates or source flags to check. */
export const HAS_ROW_CHECKS = 2;

/** Fills a {@link DatasetTable} row by row as the validator accepts rows. */
export class TableBuilder {
  private readonly numerators: Float64Array;
  private readonly denominators: Float64Array;
  private readonly state: Uint8Array;
  private readonly rowsByPeriod = new Map<string, Int32Array>();
  private readonly rowFlags: Uint8Array;
  private rows = 0;

  constructor(
    private readonly units: UnitsLayout,
    private readonly items: number,
    capacity: number,
  ) {
    this.numerators = new Float64Array(capacity * items);
    this.denominators = new Float64Array(capacity * items);
    this.state = new Uint8Array(capacity * items);
    this.rowFlags = new Uint8Array(capacity);
    this.store = { items, numerators: this.numerators, denominators: this.denominators, state: this.state };
  }

  /** The arrays rows are written to (the built table's arrays are views of them). */
  readonly store: RowStore;

  /** The next row's position; write its items with {@link setCounts} / {@link setNull}, then {@link commit}. */
  get nextRow(): number {
    return this.rows;
  }



  setCounts(item: number, numerator: number, denominator: number): void {
    const at = this.rows * this.items + item;
    this.numerators[at] = numerator;
    this.denominators[at] = denominator;
    this.state[at] = COUNTS;
  }

  setNull(item: number): void {
    this.state[this.rows * this.items + item] = NULL;
  }

  /** Drops what was written for the next row (it turned out invalid). */
  discard(): void {
    const start = this.rows * this.items;
    this.state.fill(ABSENT, start, start + this.items);
  }

  /** Accepts the next row for a unit and period, with its `HAS_…` flags. */
  commit(unitId: string, periodKey: string, flags = 0): void {
    this.rowFlags[this.rows] = flags;
    let rows = this.rowsByPeriod.get(periodKey);
    if (!rows) this.rowsByPeriod.set(periodKey, (rows = new Int32Array(this.units.parent.length).fill(-1)));
    rows[this.units.unitIndex.get(unitId)!] = this.rows;
    this.rows += 1;
  }

  build(): DatasetTable {
    const used = this.rows * this.items;
    return {
      items: this.items,
      ...this.units,
      numerators: this.numerators.subarray(0, used),
      denominators: this.denominators.subarray(0, used),
      state: this.state.subarray(0, used),
      rowsByPeriod: this.rowsByPeriod,
      rowFlags: this.rowFlags.subarray(0, this.rows),
    };
  }
}

export type UnitsLayout = Pick<DatasetTable, "unitIndex" | "parent" | "level" | "postOrder">;

/** Indexes units and orders them children first (a parent's roll-up needs its children's). */
export function layoutUnits(units: readonly { readonly id: string; readonly level: UnitLevel; readonly parent?: string }[]): UnitsLayout {
  const unitIndex = new Map<string, number>();
  units.forEach((unit, index) => unitIndex.set(unit.id, index));
  const parent = new Int32Array(units.length);
  const level = new Uint8Array(units.length);
  const firstChild = new Int32Array(units.length).fill(-1);
  const nextSibling = new Int32Array(units.length).fill(-1);
  units.forEach((unit, index) => {
    const parentIndex = unit.parent === undefined ? -1 : (unitIndex.get(unit.parent) ?? -1);
    parent[index] = parentIndex;
    level[index] = LEVEL_CODES[unit.level];
    if (parentIndex >= 0) {
      nextSibling[index] = firstChild[parentIndex]!;
      firstChild[parentIndex] = index;
    }
  });
  // Iterative post-order from every root (the validator has rejected cycles).
  const postOrder = new Int32Array(units.length);
  let written = 0;
  const stack: number[] = [];
  const expanded = new Uint8Array(units.length);
  for (let root = 0; root < units.length; root += 1) {
    if (parent[root] !== -1) continue;
    stack.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (expanded[top]) {
        stack.pop();
        postOrder[written++] = top;
        continue;
      }
      expanded[top] = 1;
      for (let child = firstChild[top]!; child !== -1; child = nextSibling[child]!) stack.push(child);
    }
  }
  return { unitIndex, parent, level, postOrder: postOrder.subarray(0, written) };
}

const tables = new WeakMap<object, DatasetTable>();

/** Remembers the table built while validating a dataset. */
export function attachTable(dataset: object, table: DatasetTable): void {
  tables.set(dataset, table);
}

/**
 * The table of a dataset: the one built while validating it, or — for a dataset assembled by hand — one built
 * now from its rows.
 */
export function tableOf(dataset: Dataset): DatasetTable {
  let table = tables.get(dataset);
  if (!table) {
    const builder = new TableBuilder(layoutUnits(dataset.units), dataset.scheme.items.length, dataset.figures.length);
    for (const row of dataset.figures) {
      row.counts.forEach((counts, item) => {
        if (counts === null) builder.setNull(item);
        else if (counts !== undefined) builder.setCounts(item, counts.numerator, counts.denominator);
      });
      builder.commit(row.unit, row.period.key, rowFlagsOf(row));
    }
    table = builder.build();
    tables.set(dataset, table);
  }
  return table;
}

/** The `HAS_…` flags of a row. */
export function rowFlagsOf(row: FigureRow): number {
  const checks = row.channels !== undefined || row.settlement !== undefined || row.stated !== undefined || row.flags !== undefined;
  return (row.published ? HAS_PUBLISHED : 0) | (checks ? HAS_ROW_CHECKS : 0);
}
