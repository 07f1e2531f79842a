import type { Language } from "@chiso/core";
import { CliError, EXIT } from "./cli-error.js";

/**
 * What a constrained option takes, with an example: every refused value is answered with what was
 * given and this, in the user's language (never "invalid option" alone).
 */
const EXPECTED = {
  period: { vi: "một kỳ dạng 2026-09 (tháng), 2026-Q3 (quý) hoặc 2026 (năm)", en: "a period such as 2026-09 (month), 2026-Q3 (quarter) or 2026 (year)" },
  day: { vi: "một ngày có thật dạng NNNN-TT-NN, ví dụ 2026-10-31", en: "a calendar day as YYYY-MM-DD, e.g. 2026-10-31" },
  dayOrTime: { vi: "một ngày dạng NNNN-TT-NN, ví dụ 2026-10-31 (có thể kèm giờ: 2026-10-31T08:30)", en: "a day as YYYY-MM-DD, e.g. 2026-10-31 (a time may follow: 2026-10-31T08:30)" },
  localTime: { vi: "một ngày có thật dạng NNNN-TT-NN, có thể kèm giờ Việt Nam GG:PP (giờ 00–23, phút 00–59), ví dụ 2026-11-02 hoặc 2026-11-02T08:00", en: "a calendar day as YYYY-MM-DD, optionally with Vietnam time HH:MM (hours 00–23, minutes 00–59), e.g. 2026-11-02 or 2026-11-02T08:00" },
  limit: { vi: "một số nguyên từ 0 đến 1.000.000, ví dụ 20", en: "a whole number from 0 to 1,000,000, e.g. 20" },
  tie: { vi: "competition (1, 2, 2, 4) hoặc dense (1, 2, 2, 3)", en: "competition (1, 2, 2, 4) or dense (1, 2, 2, 3)" },
  megabytes: { vi: "một số MB lớn hơn 0, ví dụ 25 hoặc 2,5", en: "a number of MB above 0, e.g. 25 or 2.5" },
  seconds: { vi: "một số giây lớn hơn 0, ví dụ 60", en: "a number of seconds above 0, e.g. 60" },
  count: { vi: "một số lớn hơn 0, ví dụ 3", en: "a number above 0, e.g. 3" },
  port: { vi: "một cổng từ 0 đến 65535, ví dụ 8080 (0: cổng trống bất kỳ)", en: "a port from 0 to 65535, e.g. 8080 (0: any free port)" },
  year: { vi: "một năm từ 1990 đến 2150, ví dụ 2027", en: "a year from 1990 to 2150, e.g. 2027" },
  calendarAction: { vi: "show (xem lịch) hoặc propose (đề xuất lịch), ví dụ: chiso calendar propose --year 2027", en: "show or propose, e.g. chiso calendar propose --year 2027" },
  parScheme: { vi: "so=<tệp.json> (bộ tiêu chí của sở) hoặc xa=<tệp.json> (của xã), ví dụ --par-scheme so=cchc-so.json", en: "so=<file.json> (departments' tree) or xa=<file.json> (communes'), e.g. --par-scheme so=par-departments.json" },
} as const satisfies Record<string, Record<Language, string>>;

export type ExpectedValue = keyof typeof EXPECTED;

/**
 * `YYYY-MM-DD` with an optional time `THH:MM[:SS]` (or a space before it) that exists: no roll-over (2026-09-31,
 * 2026-13-01, 25:00 and 08:60 are refused, where `new Date` would move them on). `utc`: the time may end in `Z`
 * and carry a fraction of a second (a retrieval time as a browser writes it).
 */
export function isRealDateTime(text: string, options: { readonly utc?: boolean } = {}): boolean {
  const match = (options.utc ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z?)?$/ : /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/).exec(text);
  if (!match) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const lastDay = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= lastDay && hour <= 23 && minute <= 59 && second <= 59;
}

/** A likely intended period for a near miss: "2026-9" → "2026-09", "09/2026" → "2026-09", "2026q3" → "2026-Q3". */
export function periodGuess(given: string): string | undefined {
  const text = given.trim();
  const month = (year: string, index: string) => (Number(index) >= 1 && Number(index) <= 12 ? `${year}-${index.padStart(2, "0")}` : undefined);
  let match = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (match) return month(match[1]!, match[2]!);
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return month(match[2]!, match[1]!);
  match = /^(\d{4})\s*[-/.]?\s*[qQ]\s*([1-4])$/.exec(text);
  if (match) return `${match[1]!}-Q${match[2]!}`;
  match = /^[qQ]\s*([1-4])\s*[-/.]?\s*(\d{4})$/.exec(text);
  if (match) return `${match[2]!}-Q${match[1]!}`;
  return undefined;
}

/** `Giá trị --period "2026-9" không hợp lệ: cần một kỳ dạng 2026-09 … (có phải 2026-09?). Xem "--help".` */
export function badValueMessage(option: string, given: unknown, expected: ExpectedValue, language: Language): string {
  const shown = Array.isArray(given) ? given.join(" ") : String(given);
  const guess = expected === "period" ? periodGuess(shown) : undefined;
  if (language === "en") return `Invalid value for ${option}: "${shown}". Expected ${EXPECTED[expected].en}${guess ? ` (did you mean ${guess}?)` : ""}. See "--help".`;
  return `Giá trị của ${option} không hợp lệ: "${shown}". Cần ${EXPECTED[expected].vi}${guess ? ` (có phải ${guess}?)` : ""}. Xem "--help".`;
}

/** The usage error (exit 2) for a refused option value. */
export function badValue(option: string, given: unknown, expected: ExpectedValue, language: Language): CliError {
  return new CliError(badValueMessage(option, given, expected, language), EXIT.usage);
}
