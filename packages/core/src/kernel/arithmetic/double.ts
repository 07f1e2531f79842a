import { roundBigQuotient, type RoundingMode } from "./rational.js";

/** Eight bytes to read a double's bits through: one for the module, not a new buffer per call. */
const bits = new DataView(new ArrayBuffer(8));

/** A finite double's exact value as `mantissa · 2^exponent` (both integers). */
export function exactDouble(value: number): { mantissa: bigint; exponent: number } {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (value === 0) return { mantissa: 0n, exponent: 0 };
  bits.setFloat64(0, value);
  const high = bits.getUint32(0);
  const low = bits.getUint32(4);
  const sign = high >>> 31 ? -1n : 1n;
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  // Subnormals have no implicit leading 1 and the smallest exponent.
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return { mantissa: sign * mantissa, exponent };
}

/**
 * Rounds a non-negative double to `decimals` decimals, exactly, on the value the double really holds:
 * `0.125` rounds half-up to 0.13, but the double written `1.255` (really 1.25499999999999989…) rounds to
 * 1.25. This is what "computed in IEEE double precision, then rounded" means (methodology §1.7); returns the
 * result in units of `10^-decimals`.
 *
 * @example roundDoubleUnits(2.5 * 34.29 / 100, 2, "half-up") // 86
 */
export function roundDoubleUnits(value: number, decimals: number, mode: RoundingMode): number {
  if (value < 0) throw new RangeError("roundDoubleUnits: the value must not be negative");
  // Far from a half, the scaled double rounds the same way as the exact value: below 2^30 units the
  // product's error is under 2^-23 of a unit. Near a half (or beyond), decide exactly.
  const approximate = value * 10 ** decimals;
  if (approximate < 2 ** 30) {
    const floor = Math.floor(approximate);
    const fraction = approximate - floor;
    if (fraction < 0.4999 || fraction > 0.5001) return fraction > 0.5 ? floor + 1 : floor;
  }
  const { mantissa, exponent } = exactDouble(value);
  const scaled = mantissa * 10n ** BigInt(decimals);
  if (exponent >= 0) return Number(scaled << BigInt(exponent));
  return Number(roundBigQuotient(scaled, 1n << BigInt(-exponent), mode));
}
