import type { Language, Points } from "@chiso/core";

/**
 * Writes an exact decimal text ("1234.5") the way each language prints numbers:
 * Vietnamese "1.234,5", English "1,234.5". Works on text so exact values are never passed through floats.
 */
export function formatDecimalText(text: string, language: Language): string {
  const negative = text.startsWith("-");
  const [integer = "0", fraction] = (negative ? text.slice(1) : text).split(".");
  const [group, decimal] = language === "vi" ? [".", ","] : [",", "."];
  const grouped = integer.length <= 3 ? integer : integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : decimal + fraction}`;
}

/** A count with thousands separators. */
export function formatCount(value: number, language: Language): string {
  return formatDecimalText(String(value), language);
}

/** Points as printed ("87,45"), or a dash for no data. */
export function formatPoints(points: Points | null, language: Language): string {
  return points === null ? "—" : formatDecimalText(points.toString(), language);
}

/** A signed change ("+1,20", "−0,35", "0,00"). */
export function formatChange(points: Points, language: Language): string {
  const text = formatDecimalText(points.toString(), language);
  if (points.units > 0) return `+${text}`;
  if (points.units < 0) return `−${text.slice(1)}`;
  return text;
}

/** A percentage from exact text ("97.50" → "97,50%"). */
export function formatPercentText(text: string, language: Language): string {
  return `${formatDecimalText(text, language)}%`;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A date-time in Vietnam's time zone: "21/11/2026 09:30 (GMT+7)", in English "21 November 2026 09:30
 * (UTC+7)" — the same way the English documents write dates everywhere else.
 */
export function formatDateTime(date: Date, language: Language): string {
  const local = new Date(date.getTime() + 7 * 3600_000).toISOString();
  const time = local.slice(11, 16);
  if (language === "en") return `${Number(local.slice(8, 10))} ${MONTHS_EN[Number(local.slice(5, 7)) - 1]} ${local.slice(0, 4)} ${time} (UTC+7)`;
  return `${local.slice(0, 10).split("-").reverse().join("/")} ${time} (GMT+7)`;
}
