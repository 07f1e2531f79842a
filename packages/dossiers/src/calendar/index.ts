/**
 * `@chiso/dossiers/calendar` — Vietnam's civil-service working-day calendar as data (one file per
 * year, each day off with its source), the Vietnamese lunar calendar (UTC+7), and a proposal for a
 * year not yet announced.
 */
export { calendarYearSchema, dayOffKinds, type CalendarYear, type CalendarYearInput, type DayOff, type DayOffKind } from "./schema.js";
export { builtinCalendarYears, buildWorkingCalendar, parseCalendarYear, countWorkingDays, dayNumberOfIso, isoOfDayNumber, type WorkingCalendar, type CalendarDay } from "./working-days.js";
export { proposeCalendarYear, weekdayOfJulianDay, PROPOSAL_YEARS, CalendarYearOutOfRulesError } from "./propose.js";
export { solarToLunar, lunarToSolar, tetDay, hungKingsDay, julianDay, dateOfJulianDay, VIETNAM_UTC_OFFSET, type LunarDate } from "./lunar.js";
export { calendarIssues, describeCalendarIssue, calendarPath, isExistingDate, type CalendarIssue } from "./validate.js";
