import { Dec } from "./decimal.js";

/**
 * A score already rounded by its scheme's rule, held exactly as an integer count of
 * `10^-decimals` (hundredths for the 766 scheme). Sums of `Points` are exact integer sums.
 *
 * @example
 * const p = new Points(438, 2);
 * p.toString();        // "4.38"
 * p.toNumber();        // 4.38 (for charts and spreadsheets only)
 */
export class Points {
  constructor(
    /** The value in units of `10^-decimals`: 438 means 4.38 when `decimals` is 2. */
    readonly units: number,
    /** How many decimals the scheme rounds to. */
    readonly decimals: number,
  ) {}

  /**
   * Reads decimal text ("14.2", "7") as units of `10^-decimals`; `null` when it is not a plain non-negative
   * decimal or has more decimals than that (it could not be held exactly).
   *
   * @example Points.parseUnits("14.2", 2) // 1420
   */
  static parseUnits(text: string, decimals: number): number | null {
    const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) return null;
    const fraction = (match[2] ?? "").replace(/0+$/, "");
    if (fraction.length > decimals) return null;
    const units = Number(match[1]) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
    return Number.isSafeInteger(units) ? units : null;
  }

  /** Exact decimal text with a dot, e.g. "4.38", "18.00". */
  toString(): string {
    const sign = this.units < 0 ? "-" : "";
    const digits = Math.abs(this.units).toString().padStart(this.decimals + 1, "0");
    if (this.decimals === 0) return sign + digits;
    return `${sign}${digits.slice(0, -this.decimals)}.${digits.slice(-this.decimals)}`;
  }

  /** The value as a JavaScript number, for presentation (charts, spreadsheet cells). */
  toNumber(): number {
    return this.units / 10 ** this.decimals;
  }

  /** The exact value as a decimal.js Decimal. */
  toDecimal(): Dec {
    return new Dec(this.toString());
  }

  plus(other: Points): Points {
    return new Points(this.units + other.units, this.decimals);
  }

  minus(other: Points): Points {
    return new Points(this.units - other.units, this.decimals);
  }

  compare(other: Points): -1 | 0 | 1 {
    return this.units === other.units ? 0 : this.units < other.units ? -1 : 1;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Adds points, returning `null` when every value is `null` ("no data" is not 0). */
export function sumPoints(values: readonly (Points | null)[], decimals: number): Points | null {
  let units = 0;
  let any = false;
  for (const value of values) {
    if (value === null) continue;
    units += value.units;
    any = true;
  }
  return any ? new Points(units, decimals) : null;
}
