import type { Language } from "@chiso/core";

/** The kinds of day off a year file may name (kept here to avoid a cycle with schema.ts). */
const KINDS = ["holiday", "compensatory", "swapped"] as const;

/**
 * What is wrong with a date of a calendar year file, beyond its shape: a date that does not exist (2026-09-31,
 * which `Date` would roll over to 1 October), a date of another year, a date listed twice, a kind that is not
 * holiday, compensatory or swapped. Each is located by its JSON path (`daysOff[3].date`).
 */
export interface CalendarIssue {
  readonly code: "date_does_not_exist" | "date_outside_year" | "duplicate_date" | "unknown_kind";
  readonly path: readonly (string | number)[];
  /** What the entry holds. */
  readonly value: string;
  readonly year?: number;
  /** For a duplicate: where the date is first listed. */
  readonly first?: readonly (string | number)[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists. */
export function isExistingDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The date problems of a year file (read as JSON, before or after its shape is checked: entries of the wrong
 * shape are skipped, the schema names them). Dates in the wrong form are the schema's to report.
 */
export function calendarIssues(data: unknown): CalendarIssue[] {
  if (!isRecord(data)) return [];
  const year = typeof data.year === "number" && Number.isInteger(data.year) ? data.year : undefined;
  const issues: CalendarIssue[] = [];
  const seen = new Map<string, (string | number)[]>();
  const checkDate = (value: unknown, path: (string | number)[], unique: boolean) => {
    if (typeof value !== "string" || !DATE.test(value)) return;
    if (!isExistingDate(value)) {
      issues.push({ code: "date_does_not_exist", path, value });
      return;
    }
    if (year !== undefined && Number(value.slice(0, 4)) !== year) issues.push({ code: "date_outside_year", path, value, year });
    if (!unique) return;
    const first = seen.get(value);
    if (first) issues.push({ code: "duplicate_date", path, value, first });
    else seen.set(value, path);
  };
  const list = (name: string) => (Array.isArray(data[name]) ? (data[name] as unknown[]) : []);
  list("daysOff").forEach((entry, index) => {
    if (!isRecord(entry)) return;
    checkDate(entry.date, ["daysOff", index, "date"], true);
    if (typeof entry.kind === "string" && !(KINDS as readonly string[]).includes(entry.kind)) issues.push({ code: "unknown_kind", path: ["daysOff", index, "kind"], value: entry.kind });
  });
  list("workingDays").forEach((entry, index) => {
    if (!isRecord(entry)) return;
    checkDate(entry.date, ["workingDays", index, "date"], true);
    // The day it replaces may lie in the next or the previous year (a swap across New Year): it must exist.
    if (typeof entry.replaces === "string" && DATE.test(entry.replaces) && !isExistingDate(entry.replaces)) issues.push({ code: "date_does_not_exist", path: ["workingDays", index, "replaces"], value: entry.replaces });
  });
  return issues;
}

/** `daysOff[3].date` */
export const calendarPath = (path: readonly (string | number)[]): string => path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");

/** What is wrong and how to fix it, in the user's language (the location is the caller's). */
export function describeCalendarIssue(issue: CalendarIssue, language: Language = "vi"): string {
  const value = `“${issue.value}”`;
  if (language === "en") {
    switch (issue.code) {
      case "date_does_not_exist":
        return `the date ${value} does not exist (no such day in that month); correct it as YYYY-MM-DD.`;
      case "date_outside_year":
        return `the date ${value} is not in ${issue.year}, the year of this file; move it to the file of its year or correct the year.`;
      case "duplicate_date":
        return `the date ${value} is already listed at ${calendarPath(issue.first ?? [])}; keep one entry per day.`;
      case "unknown_kind":
        return `the kind ${value} is not one of holiday, compensatory, swapped; correct it.`;
    }
  }
  switch (issue.code) {
    case "date_does_not_exist":
      return `ngày ${value} không có thật (tháng đó không có ngày này); hãy sửa lại theo dạng NNNN-TT-NN.`;
    case "date_outside_year":
      return `ngày ${value} không thuộc năm ${issue.year} của tệp này; hãy chuyển sang tệp của năm đó hoặc sửa năm.`;
    case "duplicate_date":
      return `ngày ${value} đã có ở ${calendarPath(issue.first ?? [])}; mỗi ngày chỉ ghi một lần.`;
    case "unknown_kind":
      return `loại ngày ${value} không hợp lệ; dùng holiday (ngày lễ), compensatory (nghỉ bù) hoặc swapped (hoán đổi).`;
  }
}
