import type { Language } from "./messages.js";

/**
 * Numbers as each language writes them in a message: Vietnamese groups thousands with "." and writes the
 * decimal comma ("12.345", "1.234,5"); English groups with "," and keeps the point ("12,345", "1,234.5").
 * Text that is not a plain number (a "—" for no value) is returned as it is.
 *
 * @example formatNumber(12345, "vi") // "12.345"
 */
export function formatNumber(value: number | string, language: Language): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction] = match;
  const [group, point] = language === "vi" ? [".", ","] : [",", "."];
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, group);
  return `${sign}${grouped}${fraction === undefined ? "" : `${point}${fraction}`}`;
}
