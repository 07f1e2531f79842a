import { LunarCalendar } from "@dqcai/vn-lunar";
import { describe, expect, it } from "vitest";
import { buildWorkingCalendar, builtinCalendarYears, calendarIssues, calendarYearSchema, CalendarYearOutOfRulesError, describeCalendarIssue, parseCalendarYear, countWorkingDays, hungKingsDay, lunarToSolar, PROPOSAL_YEARS, proposeCalendarYear, solarToLunar, tetDay } from "../src/calendar/index.js";

describe("Vietnamese lunar calendar (UTC+7)", () => {
  it.each([
    [2023, "2023-01-22", "2023-04-29"],
    [2024, "2024-02-10", "2024-04-18"],
    [2025, "2025-01-29", "2025-04-07"],
    [2026, "2026-02-17", "2026-04-26"],
    [2027, "2027-02-06", "2027-04-16"],
  ])("Tết and Giỗ Tổ of %i", (year, tet, hung) => {
    expect(tetDay(year)).toBe(tet);
    expect(hungKingsDay(year)).toBe(hung);
  });

  it("1985: Vietnam's Tết fell a month before China's (21 January vs 20 February)", () => {
    expect(tetDay(1985)).toBe("1985-01-21");
    expect(lunarToSolar({ day: 1, month: 1, year: 1985 }, 8)).toBe("1985-02-20");
  });

  it("2030: Vietnam's Tết is 2 February, China's (UTC+8) 3 February", () => {
    expect(tetDay(2030)).toBe("2030-02-02");
    expect(lunarToSolar({ day: 1, month: 1, year: 2030 }, 8)).toBe("2030-02-03");
    expect(solarToLunar("2030-02-02")).toEqual({ day: 1, month: 1, year: 2030, leap: false });
  });

  it("leap months: 2023 had a leap 2nd month (tháng 2 nhuận from 22 March)", () => {
    expect(solarToLunar("2023-03-22")).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe("2023-03-22");
    expect(lunarToSolar({ day: 1, month: 5, year: 2023, leap: true })).toBeNull();
  });

  it("agrees with an independent table-based converter (@dqcai/vn-lunar) on every Tết and Giỗ Tổ 1968–2150 (Vietnam's calendar is computed at UTC+7 since 1968)", () => {
    for (let year = 1968; year <= 2150; year += 1) {
      for (const [day, month, date] of [[1, 1, tetDay(year)], [10, 3, hungKingsDay(year)]] as const) {
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        const other = LunarCalendar.fromSolar(d, m, y);
        expect(`${year}: ${other.lunarDate.day}/${other.lunarDate.month}`).toBe(`${year}: ${day}/${month}`);
      }
    }
  });
});

describe("working-day calendar", () => {
  it("ships 2024–2026 as official with a source on every day off, and 2027 as provisional", () => {
    expect(builtinCalendarYears.map((year) => [year.year, year.status])).toEqual([
      [2024, "official"],
      [2025, "official"],
      [2026, "official"],
      [2027, "provisional"],
    ]);
    for (const year of builtinCalendarYears) for (const day of year.daysOff) expect(day.source.length).toBeGreaterThan(10);
  });

  it("counts working days with holidays, swaps and make-up Saturdays", () => {
    const calendar = buildWorkingCalendar(2024, 2026);
    // Tết Giáp Thìn: 8–14/2/2024 off → February 2024 has 21 weekdays − 5 = 16 working days.
    expect(countWorkingDays(calendar, "2024-02-01", "2024-02-29")).toBe(16);
    // May 2024: 23 weekdays − 1/5 + make-up Saturday 4/5 = 23.
    expect(countWorkingDays(calendar, "2024-05-01", "2024-05-31")).toBe(23);
    // 22/8/2026 is a Saturday worked in exchange for 31/8.
    expect(calendar.days.find((day) => day.day === calendar.firstDay + 365 + 366 + 233)?.working).toBe(true);
    expect(countWorkingDays(calendar, "2026-08-22", "2026-08-22")).toBe(1);
    expect(countWorkingDays(calendar, "2026-08-31", "2026-09-02")).toBe(0);
  });

  it("proposes a year from the Labour Code: 2026's proposal matches the announced Tết days", () => {
    const official = builtinCalendarYears.find((year) => year.year === 2026)!;
    const proposed = proposeCalendarYear(2026);
    const tet = (days: readonly { date: string }[]) => days.map((day) => day.date).filter((date) => date.startsWith("2026-02"));
    expect(tet(proposed.daysOff)).toEqual(tet(official.daysOff));
    expect(proposed.status).toBe("provisional");
    // A holiday on a weekend gives the next working day off: Giỗ Tổ 2026 is a Sunday → Monday 27/4.
    expect(proposed.daysOff).toContainEqual(expect.objectContaining({ date: "2026-04-27", kind: "compensatory" }));
  });

  it("proposes only the years the Labour Code 2019 governs (from 2021), and refuses the others rather than citing it", () => {
    expect(PROPOSAL_YEARS.first).toBe(2021);
    for (const year of [1999, 2020, PROPOSAL_YEARS.last + 1, 2026.5]) expect(() => proposeCalendarYear(year)).toThrow(CalendarYearOutOfRulesError);
    expect(() => proposeCalendarYear(2020)).toThrow(/Labour Code 2019, in force from 2021/);
    expect(proposeCalendarYear(2021).daysOff.some((day) => day.source.startsWith("Bộ luật Lao động 2019"))).toBe(true);
  });

  it("proposes 2030 from Vietnam's Tết (2 February), not China's", () => {
    const proposed = proposeCalendarYear(2030);
    // Tết Sat 2/2: the last day of the old year Fri 1/2, mùng 1–4 on 2–5/2; the weekend's two are made up on 6–7/2.
    expect(proposed.daysOff.filter((day) => day.date.startsWith("2030-02")).map((day) => day.date)).toEqual(["2030-02-01", "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07"]);
  });
});

describe("a calendar year file's dates are checked, each problem at its entry", () => {
  const base = () => JSON.parse(JSON.stringify(builtinCalendarYears.find((year) => year.year === 2026))) as { daysOff: Record<string, string>[]; workingDays: Record<string, string>[] };

  it("accepts every shipped year and every year it proposes (2021–2099)", () => {
    for (const year of builtinCalendarYears) expect(calendarIssues(year)).toEqual([]);
    for (let year = PROPOSAL_YEARS.first; year <= Math.min(PROPOSAL_YEARS.last, 2099); year += 1) expect(calendarIssues(proposeCalendarYear(year))).toEqual([]);
  });

  it("refuses a day that does not exist, another year's day, a day listed twice and an unknown kind, where Date would roll 2026-09-31 over to 1 October", () => {
    const data = base();
    data.daysOff[0]!.date = "2026-09-31";
    data.daysOff[1]!.date = "2025-09-03";
    data.daysOff[2]!.kind = "le";
    data.daysOff.push({ ...data.daysOff[3]! });
    data.workingDays.push({ date: "2026-02-29", name: "làm bù", replaces: "2026-13-01", source: "x" });
    const issues = calendarIssues(data);
    expect(issues).toEqual([
      { code: "date_does_not_exist", path: ["daysOff", 0, "date"], value: "2026-09-31" },
      { code: "date_outside_year", path: ["daysOff", 1, "date"], value: "2025-09-03", year: 2026 },
      { code: "unknown_kind", path: ["daysOff", 2, "kind"], value: "le" },
      { code: "duplicate_date", path: ["daysOff", data.daysOff.length - 1, "date"], value: data.daysOff[3]!.date, first: ["daysOff", 3, "date"] },
      { code: "date_does_not_exist", path: ["workingDays", data.workingDays.length - 1, "date"], value: "2026-02-29" },
      { code: "date_does_not_exist", path: ["workingDays", data.workingDays.length - 1, "replaces"], value: "2026-13-01" },
    ]);
    expect(describeCalendarIssue(issues[0]!, "vi")).toBe("ngày “2026-09-31” không có thật (tháng đó không có ngày này); hãy sửa lại theo dạng NNNN-TT-NN.");
    expect(describeCalendarIssue(issues[1]!, "en")).toBe("the date “2025-09-03” is not in 2026, the year of this file; move it to the file of its year or correct the year.");
    expect(describeCalendarIssue(issues[3]!, "en")).toContain(`already listed at daysOff[3].date`);
    // The schema refuses the same file (the shipped loader and parseCalendarYear use it).
    const parsed = calendarYearSchema.safeParse(data);
    expect(parsed.success).toBe(false);
    expect(() => parseCalendarYear(data)).toThrow();
  });

  it("a working weekend may replace a day of the next year (a swap across New Year), but not be listed twice", () => {
    const data = base();
    data.workingDays.push({ date: "2026-12-26", name: "làm bù", replaces: "2027-01-04", source: "x" });
    expect(calendarIssues(data)).toEqual([]);
    data.workingDays.push({ date: "2026-12-26", name: "làm bù", replaces: "2027-01-05", source: "x" });
    expect(calendarIssues(data).map((issue) => issue.code)).toEqual(["duplicate_date"]);
  });
});
