// Exact references for an item's points, with no floating-point operation: BigInt throughout. Shared by the
// benchmark (checking every item the engine scores) and @chiso/core's property tests.

/** A decimal such as 6, "2.5" or 80 as `units / 10^scale`. */
function scaled(value) {
  const [whole, fraction = ""] = String(value).split(".");
  return { units: BigInt(whole + fraction), scale: BigInt(fraction.length) };
}

/** The exact rational `M·n / (d·T)` in hundredths, rounded half-up, capped at M. Also says whether it was a tie. */
export function exactReference(max, thresholdPercent, numerator, denominator) {
  const m = scaled(max);
  const t = scaled(thresholdPercent);
  // 100·M·n / (d·T) with M = m/10^ms and T = t/(100·10^ts)
  const p = 100n * m.units * BigInt(numerator) * 100n * 10n ** t.scale;
  const q = BigInt(denominator) * t.units * 10n ** m.scale;
  const rounded = (2n * p + q) / (2n * q);
  const cap = (m.units * 100n) / 10n ** m.scale;
  return { units: Number(rounded > cap ? cap : rounded), tie: (2n * p) % (2n * q) === q };
}

/** The rational p / q rounded to the nearest IEEE-754 double (ties to even), as an exact rational. */
function nearestDouble(p, q) {
  if (p === 0n) return [0n, 1n];
  const scale = (e) => (e >= 0 ? [p, q << BigInt(e)] : [p << BigInt(-e), q]);
  let exponent = p.toString(2).length - q.toString(2).length - 53;
  let [sp, sq] = scale(exponent);
  while (sp / sq >= 1n << 53n) [sp, sq] = scale(++exponent);
  while (sp / sq < 1n << 52n) [sp, sq] = scale(--exponent);
  let mantissa = sp / sq;
  const twice = 2n * (sp % sq);
  if (twice > sq || (twice === sq && mantissa % 2n === 1n)) mantissa += 1n;
  return exponent >= 0 ? [mantissa << BigInt(exponent), 1n] : [mantissa, 1n << BigInt(-exponent)];
}

/**
 * The portal's percent-first rule (methodology §1.7) done step by step: the percentage rounded half-up to
 * hundredths of a percent; then percent × (M / T) and / 100, each rounded to the nearest double as IEEE
 * arithmetic does; then half-up to hundredths on the exact value; capped at M.
 */
export function percentFirstReference(max, thresholdPercent, numerator, denominator) {
  const percentUnits = (2n * BigInt(numerator) * 10000n + BigInt(denominator)) / (2n * BigInt(denominator));
  const percent = nearestDouble(percentUnits, 100n);
  const m = scaled(max);
  const t = scaled(thresholdPercent);
  const weight = nearestDouble(m.units * 100n * 10n ** t.scale, t.units * 10n ** m.scale);
  const product = nearestDouble(percent[0] * weight[0], percent[1] * weight[1]);
  const points = nearestDouble(product[0], product[1] * 100n);
  const units = (2n * points[0] * 100n + points[1]) / (2n * points[1]);
  const cap = (m.units * 100n) / 10n ** m.scale;
  return { units: Number(units > cap ? cap : units), tie: (2n * points[0] * 100n) % (2n * points[1]) === points[1] };
}
