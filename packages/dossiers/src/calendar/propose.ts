import { hungKingsDay, isoOfJulianDay, julianDayOfIso, tetDay } from "./lunar.js";
import type { CalendarYear, DayOff } from "./schema.js";

const LABOUR_CODE = "Bộ luật Lao động 2019, Điều 112 khoản 1";

/**
 * The years whose days off the proposal's rules govern: the Labour Code 2019 (Bộ luật Lao động số
 * 45/2019/QH14) took effect on 1 January 2021 — before it the Labour Code 2012 gave one day for 2/9
 * and no adjacent day — and the Vietnamese lunar conversion is checked up to 2150. A year outside is
 * refused rather than proposed under a law that did not govern it.
 */
export const PROPOSAL_YEARS = { first: 2021, last: 2150 } as const;

/** A year the proposal's rules do not govern (see `PROPOSAL_YEARS`). */
export class CalendarYearOutOfRulesError extends RangeError {
  override readonly name = "CalendarYearOutOfRulesError";
  constructor(readonly year: number) {
    super(`no working-day rules for ${year}: proposals follow the Labour Code 2019, in force from ${PROPOSAL_YEARS.first} (checked to ${PROPOSAL_YEARS.last})`);
  }
}
const COMPENSATORY = "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần)";
const PROPOSED = "Đề xuất của chiso theo Bộ luật Lao động 2019 (Điều 112) và âm lịch Việt Nam (UTC+7); chờ thông báo chính thức";

/** 0 = Sunday … 6 = Saturday, for a Julian day number. */
export function weekdayOfJulianDay(jdn: number): number {
  return (jdn + 1) % 7;
}

const isWeekend = (jdn: number) => {
  const weekday = weekdayOfJulianDay(jdn);
  return weekday === 0 || weekday === 6;
};

/**
 * Proposes a year's days off from the Labour Code's rules, for an official to confirm:
 * 1/1; Tết Nguyên đán 5 days — the last day of the old lunar year and the first four of the new
 * (the pattern of 2026; the Prime Minister fixes the exact days each year); Giỗ Tổ Hùng Vương (10/3
 * lunar); 30/4; 1/5; 2/9 with one adjacent day (the one that joins a weekend: 3/9 when 2/9 is a
 * Monday, Thursday or Sunday, else 1/9). A holiday on a Saturday or Sunday gives the next working day
 * off (nghỉ bù). Swaps (hoán đổi) are decided case by case and are never proposed.
 * The result is marked `provisional`. Only for the years those rules govern (`PROPOSAL_YEARS`); any
 * other year throws `CalendarYearOutOfRulesError`.
 */
export function proposeCalendarYear(year: number): CalendarYear {
  if (!Number.isInteger(year) || year < PROPOSAL_YEARS.first || year > PROPOSAL_YEARS.last) throw new CalendarYearOutOfRulesError(year);
  const holidays: { jdn: number; name: string; source: string }[] = [];
  const add = (iso: string, name: string, source = LABOUR_CODE) => holidays.push({ jdn: julianDayOfIso(iso), name, source });
  add(`${year}-01-01`, "Tết Dương lịch");
  const tet = julianDayOfIso(tetDay(year));
  for (let offset = -1; offset <= 3; offset += 1) holidays.push({ jdn: tet + offset, name: offset < 0 ? "Tết Nguyên đán (ngày cuối năm âm lịch)" : `Tết Nguyên đán (mùng ${offset + 1})`, source: PROPOSED });
  add(hungKingsDay(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  add(`${year}-04-30`, "Ngày Chiến thắng");
  add(`${year}-05-01`, "Ngày Quốc tế Lao động");
  const national = julianDayOfIso(`${year}-09-02`);
  add(`${year}-09-02`, "Quốc khánh");
  const after = [1, 4, 0].includes(weekdayOfJulianDay(national));
  holidays.push({ jdn: after ? national + 1 : national - 1, name: "Quốc khánh (ngày liền kề)", source: PROPOSED });
  holidays.sort((a, b) => a.jdn - b.jdn);

  const taken = new Set(holidays.map((holiday) => holiday.jdn));
  const daysOff: DayOff[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.jdn)) {
      daysOff.push({ date: isoOfJulianDay(holiday.jdn), kind: "holiday", name: holiday.name, source: holiday.source });
      continue;
    }
    let next = holiday.jdn + 1;
    while (isWeekend(next) || taken.has(next)) next += 1;
    taken.add(next);
    daysOff.push({ date: isoOfJulianDay(next), kind: "compensatory", name: `${holiday.name} — nghỉ bù cho ${isoOfJulianDay(holiday.jdn)}`, source: COMPENSATORY });
  }
  daysOff.sort((a, b) => a.date.localeCompare(b.date));
  return {
    year,
    status: "provisional",
    timeZone: "Asia/Ho_Chi_Minh",
    daysOff,
    workingDays: [],
    notes: [
      `Đề xuất tự động: Tết Nguyên đán ${isoOfJulianDay(tet)} (âm lịch Việt Nam, UTC+7). Cơ quan có thẩm quyền xác nhận các ngày nghỉ Tết, ngày liền kề Quốc khánh và các ngày hoán đổi, rồi đổi status thành "official" và ghi số văn bản vào source.`,
    ],
  };
}
