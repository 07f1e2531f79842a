import { roundQuotient } from "../../kernel/arithmetic/rational.js";
import { Points } from "../../kernel/arithmetic/points.js";
import type { Counts } from "../input/dataset.js";
import { scoreFactors, type Scheme, type SchemeItem } from "../scheme/compile.js";

/**
 * How an item's points came about:
 * - `scored`: from its ratio;
 * - `empty`: its denominator was 0 and its empty-denominator policy applied;
 * - `transferred`: its denominator was 0 and its points moved to another item;
 * - `missing`: the unit reported nothing for it ("no data", never 0);
 * - `tracking`: a display-only item with no points.
 */
export type ItemStatus = "scored" | "empty" | "transferred" | "missing" | "tracking";

/** One item's result for one unit and period. */
export interface ItemScore {
  readonly code: string;
  readonly status: ItemStatus;
  readonly counts: Counts | null;
  /** Rounded once by the scheme's rule; `null` means no data (not 0). */
  readonly points: Points | null;
  /** The item's maximum for this unit, including points transferred to it (0 when transferred away). */
  readonly max: Points;
  /** Where the counts came from: the unit's own row, its children's sum, or its parent. */
  readonly origin: CountsOrigin;
}

export type CountsOrigin = "own" | "children" | "parent" | "none";

/**
 * Exact points of an item with maximum `maxUnits` for `numerator / denominator`:
 * `min(max, round(max · ratio / threshold))`, with one rounding, exact for any counts.
 *
 * @example
 * // 7 of 10 against an 80% threshold for 5 points is exactly 4.375 → 438 hundredths.
 * pointsUnits(scheme, item, { numerator: 7, denominator: 10 }) // 438
 */
export function pointsUnits(scheme: Scheme, item: SchemeItem, counts: Counts, maxUnits = item.maxUnits): number {
  const factors = maxUnits === item.maxUnits ? { numerator: item.factorNumerator, denominator: item.factorDenominator } : scoreFactors(maxUnits, item.thresholdPercent);
  const p = factors.numerator * counts.numerator;
  const q = factors.denominator * counts.denominator;
  // Safe-integer fast path; roundQuotient itself falls back to BigInt for larger products.
  const units = Number.isSafeInteger(p) && Number.isSafeInteger(q)
    ? roundQuotient(p, q, scheme.roundingMode)
    : Number(bigRound(scheme, factors, counts));
  return units > maxUnits ? maxUnits : units;
}

function bigRound(scheme: Scheme, factors: { numerator: number; denominator: number }, counts: Counts): bigint {
  const p = BigInt(factors.numerator) * BigInt(counts.numerator);
  const q = BigInt(factors.denominator) * BigInt(counts.denominator);
  const quotient = p / q;
  const twice = 2n * (p % q);
  if (twice > q || (twice === q && (scheme.roundingMode === "half-up" || quotient % 2n === 1n))) return quotient + 1n;
  return quotient;
}

/** Builds an item score with one fixed shape (a million of these make a national year). */
function itemScore(code: string, status: ItemStatus, counts: Counts | null, points: Points | null, max: Points, origin: CountsOrigin): ItemScore {
  return { code, status, counts, points, max, origin };
}

/**
 * Scores one item. `maxUnits` is the item's maximum for this unit (its own plus any transfer).
 */
export function scoreItem(scheme: Scheme, item: SchemeItem, counts: Counts | undefined, origin: CountsOrigin, maxUnits: number): ItemScore {
  const max = maxUnits === item.maxUnits ? item.maxPoints : scheme.points(maxUnits);
  if (item.maxUnits === 0) return itemScore(item.code, "tracking", counts ?? null, null, max, origin);
  if (counts === undefined) return itemScore(item.code, "missing", null, null, max, origin);
  if (counts.denominator === 0) {
    switch (item.emptyDenominator.policy) {
      case "null":
        return itemScore(item.code, "empty", counts, null, max, origin);
      case "zero":
        return itemScore(item.code, "empty", counts, scheme.zeroPoints, max, origin);
      case "full":
        return itemScore(item.code, "empty", counts, max, max, origin);
      case "transfer":
        return itemScore(item.code, "transferred", counts, null, scheme.zeroPoints, origin);
    }
  }
  return itemScore(item.code, "scored", counts, scheme.points(pointsUnits(scheme, item, counts, maxUnits)), max, origin);
}
