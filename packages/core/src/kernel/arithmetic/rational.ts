/**
 * Exact rounding of non-negative rationals.
 *
 * Every 766 score is the rational `M·n / (d·T)`; rounding it once, exactly, needs only integer
 * division. Doing it on safe integers (with a BigInt fallback) is exact and about 100× faster than
 * building a decimal.js value per item, which matters for a national year of ~1 million items
 * (see docs/decisions.md, "Exact integers for the hot path").
 */

/** How a value exactly half-way between two representable values is rounded. */
export type RoundingMode = "half-up" | "half-even";

/** A non-negative rational `numerator / denominator` in lowest-terms-agnostic integer form. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** Floor of `a / b` for non-negative safe integers, corrected for floating-point division. */
function floorDivide(a: number, b: number): number {
  let quotient = Math.floor(a / b);
  // a / b in floating point can land one off when the true quotient is within 2^-53 of an integer.
  if (quotient * b > a) quotient -= 1;
  else if ((quotient + 1) * b <= a) quotient += 1;
  return quotient;
}

function roundBig(p: bigint, q: bigint, mode: RoundingMode): bigint {
  const quotient = p / q;
  const twiceRemainder = 2n * (p % q);
  if (twiceRemainder > q) return quotient + 1n;
  if (twiceRemainder < q) return quotient;
  return mode === "half-up" || quotient % 2n === 1n ? quotient + 1n : quotient;
}

/**
 * Rounds the non-negative rational `p / q` to an integer with the given mode.
 * Accepts numbers (must be safe integers) or bigints; exact in both cases.
 *
 * @example roundQuotient(4375, 1000, "half-up") // 4 (4.375 → 4)
 */
export function roundQuotient(p: number, q: number, mode: RoundingMode): number {
  if (q <= 0) throw new RangeError("roundQuotient: the divisor must be positive");
  if (Number.isSafeInteger(2 * p + q) && Number.isSafeInteger(2 * q)) return roundSafeQuotient(p, q, mode);
  return Number(roundBig(BigInt(p), BigInt(q), mode));
}

/**
 * {@link roundQuotient} for a caller that knows `2p + q` and `2q` are safe integers (`q > 0`): the scoring
 * loop checks one bound per item instead.
 */
export function roundSafeQuotient(p: number, q: number, mode: RoundingMode): number {
  const quotient = floorDivide(p, q);
  const twiceRemainder = 2 * (p - quotient * q);
  if (twiceRemainder > q) return quotient + 1;
  if (twiceRemainder < q) return quotient;
  return mode === "half-up" || quotient % 2 === 1 ? quotient + 1 : quotient;
}

/** Same as {@link roundQuotient} for arbitrary-size bigints. */
export function roundBigQuotient(p: bigint, q: bigint, mode: RoundingMode): bigint {
  if (q <= 0n) throw new RangeError("roundBigQuotient: the divisor must be positive");
  return roundBig(p, q, mode);
}

/** Smallest integer `k` with `k · q ≥ p` (ceiling of p / q), for non-negative safe integers. */
export function ceilQuotient(p: number, q: number): number {
  if (Number.isSafeInteger(p + q)) {
    const quotient = floorDivide(p, q);
    return quotient * q === p ? quotient : quotient + 1;
  }
  const bp = BigInt(p);
  const bq = BigInt(q);
  return Number((bp + bq - 1n) / bq);
}
