import { Decimal } from "decimal.js";

/**
 * The project's one decimal.js configuration. Never `Decimal.set`: a clone keeps the library from
 * changing the rounding of anyone else's decimal.js in the same process.
 *
 * 40 significant digits is far more than any ratio of counts below 2^53 needs to be told apart
 * from a rounding tie, so one division followed by one rounding is exact.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** A decimal number written as an integer and a power of ten: `units / 10^scale`. */
export interface ScaledInteger {
  readonly units: number;
  readonly scale: number;
}

/**
 * Reads a short decimal (a maximum like 1.5 or a threshold like 80) as an exact scaled integer.
 * Throws when the value has more than 6 decimals, which no scheme needs.
 */
export function toScaledInteger(value: number | string): ScaledInteger {
  const decimal = new Dec(value);
  const scale = Math.max(0, decimal.decimalPlaces());
  if (scale > 6) throw new RangeError(`too many decimals in ${String(value)}`);
  const units = decimal.times(new Dec(10).pow(scale)).toNumber();
  if (!Number.isSafeInteger(units)) throw new RangeError(`out of range: ${String(value)}`);
  return { units, scale };
}
