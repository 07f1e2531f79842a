import { z } from "zod";
import { calendarIssues, describeCalendarIssue } from "./validate.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/**
 * Why a weekday is a day off (ngày nghỉ):
 * - `holiday`: a statutory holiday of the Labour Code (Bộ luật Lao động 2019, Điều 112);
 * - `compensatory`: nghỉ bù — a holiday fell on a weekly rest day (Điều 111 khoản 3);
 * - `swapped`: hoán đổi — a working day moved to a weekend day (worked instead, see `workingDays`).
 */
export const dayOffKinds = ["holiday", "compensatory", "swapped"] as const;

export const dayOffSchema = z.strictObject({
  date: isoDate,
  kind: z.enum(dayOffKinds),
  name: z.string().min(1),
  /** The announcement that sets it (number and date as text), or the law for a fixed holiday. */
  source: z.string().min(1),
});

/** A weekend day worked (làm bù) in exchange for a swapped day. */
export const workingWeekendSchema = z.strictObject({
  date: isoDate,
  name: z.string().min(1),
  replaces: isoDate,
  source: z.string().min(1),
});

/**
 * One year of Vietnam's civil-service working-day calendar (lịch làm việc của cơ quan hành chính).
 * Weekends are Saturday and Sunday. `status: "provisional"` means no official announcement has been
 * recorded yet: the dates are chiso's proposal from the Labour Code's rules, to be confirmed.
 */
export const calendarYearSchema = z
  .strictObject({
    $schema: z.string().optional(),
    year: z.number().int().min(1900).max(2199),
    status: z.enum(["official", "provisional"]),
    timeZone: z.literal("Asia/Ho_Chi_Minh"),
    daysOff: z.array(dayOffSchema),
    workingDays: z.array(workingWeekendSchema),
    notes: z.array(z.string()).default([]),
  })
  // Dates that do not exist, of another year, or listed twice (see calendarIssues): each a custom issue at its
  // entry, with the issue itself in `params.calendar` for a message in the user's language.
  .superRefine((year, context) => {
    for (const issue of calendarIssues(year)) context.addIssue({ code: "custom", path: [...issue.path], message: describeCalendarIssue(issue, "en"), params: { calendar: issue } });
  });

export type CalendarYear = z.output<typeof calendarYearSchema>;
export type CalendarYearInput = z.input<typeof calendarYearSchema>;
export type DayOff = z.output<typeof dayOffSchema>;
export type DayOffKind = (typeof dayOffKinds)[number];
