import { previousPeriod, type Period } from "../../kernel/period.js";
import type { Dataset } from "../input/dataset.js";
import { COUNTS, type DatasetTable } from "../input/table.js";
import type { Finding } from "./findings.js";

/** How far a month may move from the unit's recent history before it is flagged. */
export const JUMP_LIMITS = {
  /** Months of history looked at, and the fewest needed to judge. */
  historyMonths: 12,
  minimumHistory: 3,
  /** Dossier volume more than this factor above or below the median. */
  volumeFactor: 3,
  /** A rate this many percentage points from its median. */
  ratioPoints: 30,
} as const;

/** Denominators below this are too small for a rate to say anything about a jump. */
const MIN_RATE_DENOMINATOR = 5;

/**
 * Finds months far from a unit's history: a dossier volume 3× off the median of the previous 12 months, or a
 * rate 30 points off its median. One pass over the period's units, reading rates computed once per dataset;
 * the medians are taken in scratch buffers, so a national year allocates only the findings.
 */
export function findHistoryJumps(dataset: Dataset, table: DatasetTable, period: Period, exactRow: Int32Array, findings: Finding[]): void {
  const history = Array.from({ length: JUMP_LIMITS.historyMonths }, (_, step) => table.rowsByPeriod.get(previousPeriod(period, step + 1).key)).filter((rows): rows is Int32Array => rows !== undefined);
  if (history.length < JUMP_LIMITS.minimumHistory) return;
  const rates = ratesOf(table);
  const stride = table.items;
  const checked = dataset.scheme.items.filter((item) => item.maxUnits > 0 && item.checkSmallDenominator);
  const checkedIndex = Int32Array.from(checked, (item) => item.index);
  const volume = dataset.scheme.volumeItem.index;
  const rows = new Int32Array(JUMP_LIMITS.historyMonths);
  const values = new Float64Array(JUMP_LIMITS.historyMonths);
  const finding = (row: number, code: "volume_jump" | "ratio_jump", item: string | undefined, params: Finding["params"]): Finding => {
    const figure = dataset.figures[row]!;
    return item === undefined ? { unit: figure.unit, period: period.key, source: figure.source, code, params } : { unit: figure.unit, period: period.key, source: figure.source, code, item, params };
  };
  const denominator = (row: number) => (table.state[row * stride + volume] === COUNTS ? table.denominators[row * stride + volume]! : 0);

  for (let unit = 0; unit < exactRow.length; unit += 1) {
    const row = exactRow[unit]!;
    if (row < 0) continue;
    let count = 0;
    for (let month = 0; month < history.length; month += 1) {
      const past = history[month]![unit]!;
      if (past >= 0) rows[count++] = past;
    }
    if (count < JUMP_LIMITS.minimumHistory) continue;

    for (let index = 0; index < count; index += 1) values[index] = denominator(rows[index]!);
    const typicalVolume = median(values, count);
    const currentVolume = denominator(row);
    if (typicalVolume > 0 && (currentVolume > typicalVolume * JUMP_LIMITS.volumeFactor || currentVolume * JUMP_LIMITS.volumeFactor < typicalVolume)) {
      findings.push(finding(row, "volume_jump", undefined, { current: currentVolume, median: typicalVolume, months: count }));
    }

    for (let position = 0; position < checkedIndex.length; position += 1) {
      const item = checkedIndex[position]!;
      const current = rates[row * stride + item]!;
      if (Number.isNaN(current)) continue;
      let known = 0;
      let near = 0;
      for (let index = 0; index < count; index += 1) {
        const rate = rates[rows[index]! * stride + item]!;
        if (Number.isNaN(rate)) continue;
        values[known++] = rate;
        if (Math.abs(rate - current) < JUMP_LIMITS.ratioPoints) near += 1;
      }
      // When most past rates lie within the limit of the current one, so does their median: nothing to sort.
      if (known < JUMP_LIMITS.minimumHistory || near > known / 2) continue;
      const typical = median(values, known);
      if (Math.abs(current - typical) < JUMP_LIMITS.ratioPoints) continue;
      // Rates as numbers; the message prints them with 2 decimals.
      findings.push(finding(row, "ratio_jump", checked[position]!.code, { current, median: typical, change: Math.abs(current - typical), months: known }));
    }
  }
}

/** The median of the first `count` values (at most a year's), sorting them in place by insertion. */
function median(values: Float64Array, count: number): number {
  for (let index = 1; index < count; index += 1) {
    const value = values[index]!;
    let slot = index - 1;
    for (; slot >= 0 && values[slot]! > value; slot -= 1) values[slot + 1] = values[slot]!;
    values[slot + 1] = value;
  }
  const middle = count >> 1;
  return count % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

const rateTables = new WeakMap<DatasetTable, Float64Array>();

/** Every row's rate per item in percent, computed once per dataset (NaN where the denominator is below 5). */
function ratesOf(table: DatasetTable): Float64Array {
  let rates = rateTables.get(table);
  if (!rates) {
    rates = new Float64Array(table.state.length);
    for (let at = 0; at < rates.length; at += 1) {
      const denominator = table.state[at] === COUNTS ? table.denominators[at]! : 0;
      rates[at] = denominator < MIN_RATE_DENOMINATOR ? Number.NaN : (table.numerators[at]! / denominator) * 100;
    }
    rateTables.set(table, rates);
  }
  return rates;
}
