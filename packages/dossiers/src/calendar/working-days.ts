import { calendarYearSchema, type CalendarYear, type CalendarYearInput } from "./schema.js";
import { isoOfJulianDay, julianDay, julianDayOfIso } from "./lunar.js";
import { weekdayOfJulianDay } from "./propose.js";
import year2024 from "../../calendar/2024.json" with { type: "json" };
import year2025 from "../../calendar/2025.json" with { type: "json" };
import year2026 from "../../calendar/2026.json" with { type: "json" };
import year2027 from "../../calendar/2027.json" with { type: "json" };

/** Days are numbered from 1970-01-01 (day 0), in Vietnam's local calendar. */
export const EPOCH_JDN = julianDay(1970, 1, 1);

export const dayNumberOfIso = (iso: string): number => julianDayOfIso(iso) - EPOCH_JDN;
export const isoOfDayNumber = (day: number): string => isoOfJulianDay(day + EPOCH_JDN);

/** The calendar years chiso ships (calendar/*.json), validated. */
export const builtinCalendarYears: readonly CalendarYear[] = [year2024, year2025, year2026, year2027].map((data) => calendarYearSchema.parse(data));

/** Parses one year file (e.g. a year an official confirmed); throws with zod's issues when invalid. */
export function parseCalendarYear(data: unknown): CalendarYear {
  return calendarYearSchema.parse(data as CalendarYearInput);
}

/** One day of the working-day table the SQL joins on. */
export interface CalendarDay {
  /** Day number from 1970-01-01. */
  readonly day: number;
  readonly working: boolean;
  /** Working days from the table's first day up to and including this one. */
  readonly workOrdinal: number;
  /**
   * A position that orders days by working time: 2 × workOrdinal on a working day, one more on a day off
   * (a day off sits between the working day before it and the next one). Late-by-days is measured with it.
   */
  readonly position: number;
  /** Months since 1970-01 (0 = January 1970). */
  readonly monthOrdinal: number;
  readonly dayOfMonth: number;
}

export interface WorkingCalendar {
  readonly days: readonly CalendarDay[];
  readonly firstDay: number;
  readonly lastDay: number;
  /** Years covered only by weekends because no file was given for them. */
  readonly missingYears: readonly number[];
  /** Years whose file is provisional. */
  readonly provisionalYears: readonly number[];
}

/**
 * Builds the day table from `fromYear` to `toYear` (inclusive). A year without a calendar file counts
 * only weekends as days off and is listed in `missingYears` so callers can warn.
 */
export function buildWorkingCalendar(fromYear: number, toYear: number, years: readonly CalendarYear[] = builtinCalendarYears): WorkingCalendar {
  const byYear = new Map(years.map((year) => [year.year, year]));
  const daysOff = new Set<number>();
  const workingWeekends = new Set<number>();
  const missingYears: number[] = [];
  const provisionalYears: number[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const data = byYear.get(year);
    if (!data) {
      missingYears.push(year);
      continue;
    }
    if (data.status === "provisional") provisionalYears.push(year);
    for (const entry of data.daysOff) daysOff.add(dayNumberOfIso(entry.date));
    for (const entry of data.workingDays) workingWeekends.add(dayNumberOfIso(entry.date));
  }
  const firstDay = dayNumberOfIso(`${fromYear}-01-01`);
  const lastDay = dayNumberOfIso(`${toYear}-12-31`);
  const days: CalendarDay[] = [];
  let workOrdinal = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    const weekday = weekdayOfJulianDay(day + EPOCH_JDN);
    const weekend = weekday === 0 || weekday === 6;
    const working = workingWeekends.has(day) || (!weekend && !daysOff.has(day));
    if (working) workOrdinal += 1;
    const [year, month, dayOfMonth] = isoOfDayNumber(day).split("-").map(Number) as [number, number, number];
    days.push({ day, working, workOrdinal, position: 2 * workOrdinal + (working ? 0 : 1), monthOrdinal: (year - 1970) * 12 + month - 1, dayOfMonth });
  }
  return { days, firstDay, lastDay, missingYears, provisionalYears };
}

/** Working days in [from, to] (both `YYYY-MM-DD`), for display and tests. */
export function countWorkingDays(calendar: WorkingCalendar, from: string, to: string): number {
  const first = dayNumberOfIso(from) - calendar.firstDay;
  const last = dayNumberOfIso(to) - calendar.firstDay;
  return calendar.days.slice(first, last + 1).filter((day) => day.working).length;
}
