/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a share `successes / trials`, as fractions of 1. Unlike the normal
 * approximation it stays inside [0, 1] and behaves with small samples and shares near 0 or 1.
 *
 * @example wilsonInterval(8, 10) // { low: 0.4902…, high: 0.9433… }
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z95): { low: number; high: number } {
  if (trials <= 0) throw new RangeError("wilsonInterval: trials must be positive");
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // Guard the ends against floating-point drift so the interval always contains the share.
  return { low: Math.max(0, Math.min(p, centre - half)), high: Math.min(1, Math.max(p, centre + half)) };
}
