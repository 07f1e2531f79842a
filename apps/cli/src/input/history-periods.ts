import { monthsOf, parsePeriod, type Language, type Period, type PeriodKind } from "@chiso/core";
import { formatCount } from "@chiso/io";

const NOUN: Record<PeriodKind, { vi: string; en: readonly [string, string] }> = {
  month: { vi: "tháng", en: ["month", "months"] },
  quarter: { vi: "quý", en: ["quarter", "quarters"] },
  year: { vi: "năm", en: ["year", "years"] },
};
const KINDS: readonly PeriodKind[] = ["month", "quarter", "year"];

/** A period's place in the sequence of its kind: consecutive periods differ by 1. */
const ordinal = (period: Period) => (period.kind === "month" ? period.year * 12 + period.index! : period.kind === "quarter" ? period.year * 4 + period.index! : period.year);

/** Keys of one kind as runs: "2025-10 … 2026-09", "2026-01 … 2026-03, 2026-05". */
function runs(periods: readonly Period[]): string {
  const sorted = [...new Map(periods.map((period) => [period.key, period])).values()].sort((a, b) => ordinal(a) - ordinal(b));
  const parts: string[] = [];
  let start = 0;
  for (let index = 1; index <= sorted.length; index++) {
    if (index < sorted.length && ordinal(sorted[index]!) === ordinal(sorted[index - 1]!) + 1) continue;
    const [first, last] = [sorted[start]!, sorted[index - 1]!];
    parts.push(first === last ? first.key : `${first.key}${index - start === 2 ? ", " : " … "}${last.key}`);
    start = index;
  }
  return parts.join(", ");
}

/** The month, quarter or year of `kind` a period falls in (a month's quarter, a quarter's year). */
function enclosing(period: Period, kind: PeriodKind): Period | null {
  if (kind === "month") return period.kind === "month" ? period : null;
  if (kind === "year") return parsePeriod(String(period.year));
  if (period.kind === "year") return null;
  const month = period.kind === "month" ? period.index! : (period.index! - 1) * 3 + 1;
  return parsePeriod(`${period.year}-Q${Math.ceil(month / 3)}`);
}

/**
 * The stored periods a report's history came from, kind by kind with their counts, and — for a quarter or
 * a year — the periods of that kind they give: "2025-10 … 2026-09 (12 tháng); các quý 2025-Q4 … 2026-Q3 (4 quý)".
 */
export function describeHistoryPeriods(keys: readonly string[], reported: Period, language: Language): string {
  const periods = keys.map((key) => parsePeriod(key)).filter((period): period is Period => period !== null);
  if (periods.length === 0) return "—";
  const count = (value: number, kind: PeriodKind) => formatCount(value, { vi: NOUN[kind].vi, en: NOUN[kind].en }, language);
  const stored = KINDS.map((kind) => periods.filter((period) => period.kind === kind))
    .filter((ofKind) => ofKind.length > 0)
    .map((ofKind) => `${runs(ofKind)} (${count(new Set(ofKind.map((period) => period.key)).size, ofKind[0]!.kind)})`)
    .join(", ");
  if (reported.kind === "month") return stored;
  // The periods of the reported kind with figures (a year's surveys alone do not make a quarter).
  const covered = periods.filter((period) => period.kind !== "year" || reported.kind === "year").flatMap((period) => (period.kind === "year" ? monthsOf(period) : [period])).map((period) => enclosing(period, reported.kind)).filter((period): period is Period => period !== null);
  if (covered.length === 0) return stored;
  const made = `${runs(covered)} (${count(new Set(covered.map((period) => period.key)).size, reported.kind)})`;
  // A quarter or year neither stored as such nor with every month stored is partial: said, never passed off as whole.
  const have = new Set(periods.map((period) => period.key));
  const partial = [...new Map(covered.map((period) => [period.key, period])).values()].filter((period) => !have.has(period.key) && !monthsOf(period).every((month) => have.has(month.key)));
  const note = partial.length === 0 ? "" : language === "vi" ? ` — chưa đủ tháng: ${runs(partial)}` : ` — months missing in ${runs(partial)}`;
  return language === "vi" ? `${stored}; tức là ${made}${note}` : `${stored}; that is ${made}${note}`;
}
