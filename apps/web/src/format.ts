import type { Language, Points } from "@chiso/core";
import { formatChange, formatCount, formatDecimalText, formatPoints } from "@chiso/report";

export { formatChange, formatCount, formatPoints };

/** A number for display, the Vietnamese way ("86,92", "1.234"), with a fixed number of decimals. */
export function formatNumber(value: number | null, language: Language, decimals = 2): string {
  return value === null || !Number.isFinite(value) ? "—" : formatDecimalText(value.toFixed(decimals), language);
}

/** Exact percent text ("97.50") → "97,50%". */
export function formatPercent(text: string | null, language: Language): string {
  return text === null ? "—" : `${formatDecimalText(text, language)}%`;
}

/** Points as a plain number for charts (no data → null). */
export const pointsValue = (points: Points | null): number | null => (points === null ? null : points.toNumber());

/** A short axis label for a period: "10/26", "Q3/26", "2026". */
export function shortPeriod(key: string): string {
  const [year, rest] = key.split("-");
  if (!rest) return key;
  return rest.startsWith("Q") ? `${rest}/${year!.slice(2)}` : `${Number(rest)}/${year!.slice(2)}`;
}
