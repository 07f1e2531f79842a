import type { IssuePath } from "../../kernel/errors.js";
import type { Period } from "../../kernel/period.js";
import type { FigureRow, PublishedScores, ReportedCounts } from "./dataset.js";
import type { Channels, Settlement, SourceFlag } from "./schema.js";
import { ABSENT, NULL } from "./table.js";

/** Where a dataset's counts live: flat arrays, row `r` item `i` at `r · items + i` (see table.ts). */
export interface RowStore {
  readonly items: number;
  readonly numerators: Float64Array;
  readonly denominators: Float64Array;
  readonly state: Uint8Array;
}

/** What a row carries besides its counts (rare: most rows carry counts only). */
export interface RowExtras {
  readonly channels?: Channels;
  readonly settlement?: Settlement;
  readonly stated?: Readonly<Record<string, number>>;
  readonly tracked?: Readonly<Record<string, number>>;
  readonly published?: PublishedScores;
  readonly flags?: readonly SourceFlag[];
}

/**
 * A validated row. Its counts are kept in the dataset's flat arrays (where scoring reads them) and turned
 * into objects only when someone reads `counts`: a national year's million counts cost no allocation.
 */
export class StoredRow implements FigureRow {
  declare readonly channels?: Channels;
  declare readonly settlement?: Settlement;
  declare readonly stated?: Readonly<Record<string, number>>;
  declare readonly tracked?: Readonly<Record<string, number>>;
  declare readonly published?: PublishedScores;
  declare readonly flags?: readonly SourceFlag[];
  private countList: readonly ReportedCounts[] | undefined;

  constructor(
    readonly unit: string,
    readonly period: Period,
    readonly source: IssuePath,
    readonly index: number,
    private readonly store: RowStore,
    private readonly position: number,
    extras: RowExtras | undefined,
  ) {
    if (extras) Object.assign(this, extras);
  }

  get counts(): readonly ReportedCounts[] {
    return (this.countList ??= readCounts(this.store, this.position));
  }
}

function readCounts(store: RowStore, position: number): ReportedCounts[] {
  return Array.from({ length: store.items }, (_, item) => {
    const at = position * store.items + item;
    const state = store.state[at];
    if (state === ABSENT) return undefined;
    return state === NULL ? null : { numerator: store.numerators[at]!, denominator: store.denominators[at]! };
  });
}
