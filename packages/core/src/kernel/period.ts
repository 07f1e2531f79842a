import type { Language } from "./messages.js";

/** A reporting period: a month `2026-03`, a quarter `2026-Q1` or a year `2026`. */
export type PeriodKind = "month" | "quarter" | "year";

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1–12 for a month, 1–4 for a quarter, absent for a year. */
  readonly index?: number;
  /** Canonical text: `2026-03`, `2026-Q1`, `2026`. */
  readonly key: string;
}

const PATTERN = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/;

/** The years a period can be in (as the CLI's `calendar --year`): "0000" or "9999" is a typing slip, not a period. */
export const PERIOD_YEARS = Object.freeze({ min: 1990, max: 2150 });

/**
 * Reads a period, or returns `null` when the text is not one. White space around it is ignored (a cell or an
 * argument with a trailing space reads as the period; the result's `key` is canonical); inside it, none is.
 * The year must be in {@link PERIOD_YEARS}.
 */
export function parsePeriod(text: string): Period | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max) return null;
  if (match[2]) return month(year, Number(match[2]));
  if (match[3]) return { kind: "quarter", year, index: Number(match[3]), key: `${year}-Q${match[3]}` };
  return { kind: "year", year, key: String(year) };
}

function month(year: number, index: number): Period {
  return { kind: "month", year, index, key: `${year}-${String(index).padStart(2, "0")}` };
}

/** The months a period covers, in order. */
export function monthsOf(period: Period): Period[] {
  if (period.kind === "month") return [period];
  const first = period.kind === "quarter" ? (period.index! - 1) * 3 + 1 : 1;
  const count = period.kind === "quarter" ? 3 : 12;
  return Array.from({ length: count }, (_, offset) => month(period.year, first + offset));
}

/** The first day after the period ends, as `YYYY-MM-DD` (periods follow the Vietnamese calendar date). */
export function dayAfter(period: Period): string {
  const months = monthsOf(period);
  const last = months[months.length - 1]!;
  const next = last.index === 12 ? month(last.year + 1, 1) : month(last.year, last.index! + 1);
  return `${next.key}-01`;
}

/** `YYYY-MM-DD` naming a day that exists (not 2026-02-30, not 2026-13-45). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A period that has not ended on `asOf` (a `YYYY-MM-DD` date in Asia/Ho_Chi_Minh) is provisional:
 * its figures can still change.
 */
export function isProvisional(period: Period, asOf: string): boolean {
  return asOf < dayAfter(period);
}

/** The same kind of period, `steps` earlier (`previousPeriod(2026-01)` is `2025-12`). */
export function previousPeriod(period: Period, steps = 1): Period {
  if (period.kind === "year") return { kind: "year", year: period.year - steps, key: String(period.year - steps) };
  const perYear = period.kind === "month" ? 12 : 4;
  const ordinal = period.year * perYear + (period.index! - 1) - steps;
  const year = Math.floor(ordinal / perYear);
  const index = (ordinal % perYear) + 1;
  return period.kind === "month" ? month(year, index) : { kind: "quarter", year, index, key: `${year}-Q${index}` };
}

const ROMAN = ["I", "II", "III", "IV"];

/** The period as an official would write it: "Tháng 3/2026", "Quý I/2026", "Năm 2026". */
export function formatPeriod(period: Period, language: Language = "vi"): string {
  if (language === "en") {
    if (period.kind === "month") return `${new Date(Date.UTC(period.year, period.index! - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${period.year}`;
    if (period.kind === "quarter") return `Q${period.index} ${period.year}`;
    return `Year ${period.year}`;
  }
  if (period.kind === "month") return `Tháng ${period.index}/${period.year}`;
  if (period.kind === "quarter") return `Quý ${ROMAN[period.index! - 1]}/${period.year}`;
  return `Năm ${period.year}`;
}

/** Today's date in Vietnam as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
