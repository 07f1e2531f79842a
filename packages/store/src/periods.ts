import { monthsOf, parsePeriod } from "@chiso/core";

/**
 * A period's place in time: the month it ends with, then a month before the quarter and the year that
 * end with it ("2026-01, 2026-02, 2026-03, 2026-Q1, …, 2026-12, 2026-Q4, 2026"). Text that is not a
 * period comes after every period.
 */
function order(key: string): string {
  const period = parsePeriod(key);
  if (!period) return `~${key}`;
  const last = monthsOf(period).at(-1)!;
  return `${last.key}-${{ month: 0, quarter: 1, year: 2 }[period.kind]}`;
}

/** Compares two periods in time order (see {@link order}), for `sort`: every list of periods is sorted by it. */
export function comparePeriods(a: string, b: string): number {
  const [first, second] = [order(a), order(b)];
  return first < second ? -1 : first > second ? 1 : 0;
}
