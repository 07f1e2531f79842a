/**
 * The Vietnamese lunar calendar (âm lịch), computed astronomically for the meridian of UTC+7.
 *
 * This is the standard algorithm used for Vietnam's calendar (Hồ Ngọc Đức's formulation of the
 * Chinese-calendar rules, from Jean Meeus's "Astronomical Algorithms"): a lunar month starts on the
 * day of the new moon, and the 11th month is the one containing the winter solstice — with days
 * counted in Vietnam's time zone. China computes the same rules at UTC+8, so the two calendars
 * differ when a new moon falls between 16:00 and 17:00 UTC: Tết 2030 is 2030-02-02 in Vietnam and
 * 2030-02-03 in China. Every date here is a Julian day number (JDN) or a plain `YYYY-MM-DD`.
 */

/** Vietnam's time zone offset in hours; the calendar is defined for it. */
export const VIETNAM_UTC_OFFSET = 7;

const floor = Math.floor;

/** Julian day number of a Gregorian date (valid for the Gregorian era). */
export function julianDay(year: number, month: number, day: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}

/** The Gregorian date of a Julian day number. */
export function dateOfJulianDay(jdn: number): { year: number; month: number; day: number } {
  const a = jdn + 32044;
  const b = floor((4 * a + 3) / 146097);
  const c = a - floor((b * 146097) / 4);
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return { day: e - floor((153 * m + 2) / 5) + 1, month: m + 3 - 12 * floor(m / 10), year: b * 100 + d - 4800 + floor(m / 10) };
}

/** The local day (JDN) of the k-th new moon after 1900-01-01, in the given time zone. */
export function newMoonDay(k: number, utcOffset: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return floor(jd1 + c1 - deltaT + 0.5 + utcOffset / 24);
}

/** The sun's longitude at local midnight starting the day, as one of 12 sectors of 30° (0 = 0°–30°). */
export function sunLongitudeSector(jdn: number, utcOffset: number): number {
  const T = (jdn - 2451545.5 - utcOffset / 24) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * floor(L / (Math.PI * 2));
  return floor((L / Math.PI) * 6);
}

/** The first day of the 11th lunar month (the month of the winter solstice) of a Gregorian year. */
function month11Start(year: number, utcOffset: number): number {
  const offset = julianDay(year, 12, 31) - 2415021;
  const k = floor(offset / 29.530588853);
  const moon = newMoonDay(k, utcOffset);
  return sunLongitudeSector(moon, utcOffset) >= 9 ? newMoonDay(k - 1, utcOffset) : moon;
}

/** In a lunar year with 13 months, which month after the 11th is the leap month (the first without a major solar term). */
function leapMonthOffset(a11: number, utcOffset: number): number {
  const k = floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let index = 1;
  let arc = sunLongitudeSector(newMoonDay(k + index, utcOffset), utcOffset);
  let last: number;
  do {
    last = arc;
    index += 1;
    arc = sunLongitudeSector(newMoonDay(k + index, utcOffset), utcOffset);
  } while (arc !== last && index < 14);
  return index - 1;
}

/** A lunar date: day, month (1–12), lunar year and whether the month is a leap month (tháng nhuận). */
export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

/** `YYYY-MM-DD` of a Julian day number. */
export function isoOfJulianDay(jdn: number): string {
  const { year, month, day } = dateOfJulianDay(jdn);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Julian day number of `YYYY-MM-DD`. */
export function julianDayOfIso(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return julianDay(year, month, day);
}

/**
 * The lunar date of a Gregorian date (`YYYY-MM-DD`).
 * @example solarToLunar("2030-02-02") // { day: 1, month: 1, year: 2030, leap: false } — Tết in Vietnam
 */
export function solarToLunar(iso: string, utcOffset: number = VIETNAM_UTC_OFFSET): LunarDate {
  const [yy] = iso.split("-").map(Number) as [number];
  const dayNumber = julianDayOfIso(iso);
  const k = floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, utcOffset);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, utcOffset);
  let a11 = month11Start(yy, utcOffset);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = month11Start(yy - 1, utcOffset);
  } else {
    year = yy + 1;
    b11 = month11Start(yy + 1, utcOffset);
  }
  const day = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, utcOffset);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * The Gregorian date (`YYYY-MM-DD`) of a lunar date; `null` for a leap month that the year does not have.
 * @example lunarToSolar({ day: 10, month: 3, year: 2026 }) // "2026-04-26" — Giỗ Tổ Hùng Vương
 */
export function lunarToSolar(date: { day: number; month: number; year: number; leap?: boolean }, utcOffset: number = VIETNAM_UTC_OFFSET): string | null {
  const { day, month, year } = date;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = month11Start(year - 1, utcOffset);
    b11 = month11Start(year, utcOffset);
  } else {
    a11 = month11Start(year, utcOffset);
    b11 = month11Start(year + 1, utcOffset);
  }
  const k = floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, utcOffset);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (date.leap && month !== leapMonth) return null;
    if (date.leap || offset >= leapOffset) offset += 1;
  } else if (date.leap) {
    return null;
  }
  return isoOfJulianDay(newMoonDay(k + offset, utcOffset) + day - 1);
}

/** The first day of the lunar year (Tết Nguyên đán) in Vietnam. */
export function tetDay(year: number): string {
  return lunarToSolar({ day: 1, month: 1, year })!;
}

/** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month. */
export function hungKingsDay(year: number): string {
  return lunarToSolar({ day: 10, month: 3, year })!;
}
