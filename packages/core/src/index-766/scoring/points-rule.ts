import { roundDoubleUnits } from "../../kernel/arithmetic/double.js";
import { roundBigQuotient, roundQuotient } from "../../kernel/arithmetic/rational.js";
import type { Counts } from "../input/dataset.js";
import { scoreFactors, type Scheme, type SchemeItem } from "../scheme/compile.js";

/**
 * Points of an item for `numerator / denominator` (denominator > 0), in units of the scheme's precision,
 * by the item's points rule (see `pointsRuleSchema`), capped at `maxUnits`.
 *
 * @example
 * // 7 of 10 against an 80% threshold for 5 points is exactly 4.375 → 438 hundredths.
 * pointsUnits(scheme, item, { numerator: 7, denominator: 10 }) // 438
 */
export function pointsUnits(scheme: Scheme, item: SchemeItem, counts: Counts, maxUnits = item.maxUnits): number {
  const units = item.points.method === "percent-first" ? percentFirstUnits(scheme, item, counts, maxUnits, item.points.percentDecimals) : exactUnits(scheme, item, counts, maxUnits);
  return units > maxUnits ? maxUnits : units;
}

/** `round(M·n / (d·T))`: the exact rational, rounded once (safe integers, BigInt beyond 2^53). */
function exactUnits(scheme: Scheme, item: SchemeItem, counts: Counts, maxUnits: number): number {
  const factors = maxUnits === item.maxUnits ? { numerator: item.factorNumerator, denominator: item.factorDenominator } : scoreFactors(maxUnits, item.thresholdPercent);
  const p = factors.numerator * counts.numerator;
  const q = factors.denominator * counts.denominator;
  if (Number.isSafeInteger(p) && Number.isSafeInteger(q)) return roundQuotient(p, q, scheme.roundingMode);
  return Number(roundBigQuotient(BigInt(factors.numerator) * BigInt(counts.numerator), BigInt(factors.denominator) * BigInt(counts.denominator), scheme.roundingMode));
}

/**
 * The portal's online-payment arithmetic (methodology §1.7): the ratio rounded half-up to a percentage with
 * `percentDecimals` decimals (exactly), then `percentage × weight / 100` in IEEE double precision with
 * `weight = M / T` (6 for 3.6; 2.5, capped at 2, for the procedure parts), rounded on the double's exact value.
 */
function percentFirstUnits(scheme: Scheme, item: SchemeItem, counts: Counts, maxUnits: number, percentDecimals: number): number {
  const percentScale = 10 ** percentDecimals;
  const percentUnits = roundQuotient(counts.numerator * 100 * percentScale, counts.denominator, "half-up");
  const percent = percentUnits / percentScale;
  const weight = (maxUnits / 10 ** scheme.decimals) * (100 / item.thresholdPercent);
  const points = (percent * weight) / 100;
  return roundDoubleUnits(points, scheme.decimals, scheme.roundingMode);
}
