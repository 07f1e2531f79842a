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
  return pointsFor(scheme, item, counts.numerator, counts.denominator, maxUnits);
}

/** {@link pointsUnits} on plain numbers: the engine's hot path allocates nothing. */
export function pointsFor(scheme: Scheme, item: SchemeItem, numerator: number, denominator: number, maxUnits: number): number {
  const units = item.points.method === "percent-first" ? percentFirstUnits(scheme, item, numerator, denominator, maxUnits, item.points.percentDecimals) : exactUnits(scheme, item, numerator, denominator, maxUnits);
  return units > maxUnits ? maxUnits : units;
}

/** `round(M·n / (d·T))`: the exact rational, rounded once (safe integers, BigInt beyond 2^53). */
function exactUnits(scheme: Scheme, item: SchemeItem, numerator: number, denominator: number, maxUnits: number): number {
  let factorNumerator = item.factorNumerator;
  let factorDenominator = item.factorDenominator;
  if (maxUnits !== item.maxUnits) ({ numerator: factorNumerator, denominator: factorDenominator } = scoreFactors(maxUnits, item.thresholdPercent));
  const p = factorNumerator * numerator;
  const q = factorDenominator * denominator;
  if (Number.isSafeInteger(p) && Number.isSafeInteger(q)) return roundQuotient(p, q, scheme.roundingMode);
  return Number(roundBigQuotient(BigInt(factorNumerator) * BigInt(numerator), BigInt(factorDenominator) * BigInt(denominator), scheme.roundingMode));
}

/**
 * The portal's online-payment arithmetic (methodology §1.7): the ratio rounded half-up to a percentage with
 * `percentDecimals` decimals (exactly), then `percentage × weight / 100` in IEEE double precision with
 * `weight = M / T` (6 for 3.6; 2.5, capped at 2, for the procedure parts), rounded on the double's exact value.
 */
function percentFirstUnits(scheme: Scheme, item: SchemeItem, numerator: number, denominator: number, maxUnits: number, percentDecimals: number): number {
  const percentScale = 10 ** percentDecimals;
  const percentUnits = Number.isSafeInteger(numerator * 100 * percentScale + denominator)
    ? roundQuotient(numerator * 100 * percentScale, denominator, "half-up")
    : Number(roundBigQuotient(BigInt(numerator) * BigInt(100 * percentScale), BigInt(denominator), "half-up"));
  const percent = percentUnits / percentScale;
  // M / T as one correctly rounded division of exact values (6, or 2.5 for 2 points at 80%).
  const weight = (maxUnits * 100) / (10 ** scheme.decimals * item.thresholdPercent);
  const points = (percent * weight) / 100;
  return roundDoubleUnits(points, scheme.decimals, scheme.roundingMode);
}
