import { builtinCalendarYears, buildWorkingCalendar, countWorkingDays, PROPOSAL_YEARS, proposeCalendarYear, tetDay, type CalendarYear } from "@chiso/dossiers/calendar";
import type { Command } from "../../args.js";
import { positionalsOf, requireString } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { writeFileAtomically } from "../../output/atomic.js";
import { badValue } from "../../option-values.js";

const WORDS = {
  vi: {
    kinds: { holiday: "ngày lễ", compensatory: "nghỉ bù", swapped: "hoán đổi" },
    status: { official: "chính thức", provisional: "dự kiến — chờ xác nhận" },
    header: (year: number, status: string) => `Lịch làm việc năm ${year} (${status})`,
    tet: (date: string) => `Tết Nguyên đán (âm lịch Việt Nam, UTC+7): ${date}`,
    worked: "làm bù",
    months: "Ngày làm việc theo tháng",
    outOnlyPropose: (file: string) => `--out ${file}: show chỉ in lịch ra màn hình; --out dùng với propose (chiso calendar propose --year 2027 --out 2027.json).`,
    notJson: (file: string) => `--out ${file}: lịch năm là tệp JSON; hãy đặt tên tệp kết thúc bằng .json (dùng lại với --calendar).`,
    written: (file: string) => `Đã ghi đề xuất lịch vào ${file}. Cơ quan có thẩm quyền xác nhận, ghi số văn bản vào source, đổi status thành "official", rồi dùng với --calendar.`,
    outOfRules: (year: number, first: number, last: number) =>
      `Không có lịch làm việc cho năm ${year}: chiso chỉ đề xuất lịch theo Bộ luật Lao động 2019, có hiệu lực từ ngày 1/1/${first} (âm lịch kiểm tra đến năm ${last}), và không có lịch chính thức của năm này. Hãy dùng lịch do cơ quan có thẩm quyền công bố cho năm đó.`,
  },
  en: {
    kinds: { holiday: "holiday", compensatory: "compensatory day", swapped: "swapped" },
    status: { official: "official", provisional: "provisional — to be confirmed" },
    header: (year: number, status: string) => `Working-day calendar ${year} (${status})`,
    tet: (date: string) => `Tết (Vietnamese lunar calendar, UTC+7): ${date}`,
    worked: "worked",
    months: "Working days per month",
    outOnlyPropose: (file: string) => `--out ${file}: show prints the calendar; --out goes with propose (chiso calendar propose --year 2027 --out 2027.json).`,
    notJson: (file: string) => `--out ${file}: a calendar year is a JSON file; give a file name ending in .json (to pass it back with --calendar).`,
    written: (file: string) => `Wrote the proposed calendar to ${file}. An official confirms it, writes the announcement's number in source, sets status to "official", then uses it with --calendar.`,
    outOfRules: (year: number, first: number, last: number) =>
      `No working-day calendar for ${year}: chiso proposes calendars only under the Labour Code 2019, in force from 1 January ${first} (lunar calendar checked to ${last}), and has no official calendar for that year. Use the calendar the authorities announced for it.`,
  },
} as const;

function describe(year: CalendarYear, language: "vi" | "en"): string[] {
  const words = WORDS[language];
  const lines = [words.header(year.year, words.status[year.status]), words.tet(tetDay(year.year))];
  for (const day of year.daysOff) lines.push(`  ${day.date}  ${words.kinds[day.kind].padEnd(16)} ${day.name}  [${day.source}]`);
  for (const day of year.workingDays) lines.push(`  ${day.date}  ${words.worked.padEnd(16)} ${day.name}  [${day.source}]`);
  const calendar = buildWorkingCalendar(year.year, year.year, [year]);
  const counts = Array.from({ length: 12 }, (_, index) => {
    const month = String(index + 1).padStart(2, "0");
    const last = new Date(Date.UTC(year.year, index + 1, 0)).getUTCDate();
    return `${month}: ${countWorkingDays(calendar, `${year.year}-${month}-01`, `${year.year}-${month}-${last}`)}`;
  });
  lines.push(`${words.months}: ${counts.join(" · ")}`);
  for (const note of year.notes) lines.push(`  (${note})`);
  return lines;
}

/** `chiso calendar`: show a year's working-day calendar, or propose one not yet announced. */
export const command: Command = {
  name: "calendar",
  usage: "chiso calendar <show|propose> --year <2030> [--out 2030.json]",
  summary: {
    vi: "Lịch làm việc của cơ quan hành chính: show xem một năm (ngày nghỉ, nguồn, số ngày làm việc), propose đề xuất một năm chưa có thông báo theo Bộ luật Lao động và âm lịch Việt Nam, để cơ quan có thẩm quyền xác nhận.",
    en: "The civil-service working-day calendar: show prints a year (days off, sources, working days), propose drafts a year not yet announced from the Labour Code and the Vietnamese lunar calendar, for an official to confirm.",
  },
  positionals: { placeholder: "<show|propose>", description: { vi: "xem (show, mặc định) hoặc đề xuất (propose)", en: "show (the default) or propose" } },
  options: {
    year: { type: "string", short: "y", placeholder: "2030", description: { vi: "năm", en: "year" } },
    out: { type: "string", short: "o", placeholder: "file.json", description: { vi: "ghi đề xuất (propose) vào tệp JSON", en: "write the proposal (propose) to a JSON file" } },
  },
  async run(context) {
    const { language, values } = context;
    const action = positionalsOf(values).join(" ") || "show";
    if (action !== "show" && action !== "propose") throw badValue("chiso calendar", action, "calendarAction", language);
    // --out is checked before anything is computed: with show it would be ignored without a word.
    if (typeof values.out === "string" && action === "show") throw new CliError(WORDS[language].outOnlyPropose(values.out), EXIT.usage);
    if (typeof values.out === "string" && !/\.json$/i.test(values.out)) throw new CliError(WORDS[language].notJson(values.out), EXIT.usage);
    const yearText = requireString(values, "year", language);
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 1990 || year > 2150) throw badValue("--year", yearText, "year", language);
    const official = action === "show" ? builtinCalendarYears.find((entry) => entry.year === year) : undefined;
    // A year the Labour Code 2019 did not (or may not) govern is refused, never proposed under it.
    if (!official && (year < PROPOSAL_YEARS.first || year > PROPOSAL_YEARS.last)) throw new CliError(WORDS[language].outOfRules(year, PROPOSAL_YEARS.first, PROPOSAL_YEARS.last), EXIT.usage);
    const data = official ?? proposeCalendarYear(year);
    if (action === "propose" && typeof values.out === "string") {
      await writeFileAtomically(values.out, `${JSON.stringify(data, null, 2)}\n`, language);
      context.stderr(describe(data, language).join("\n"));
      context.stdout(WORDS[language].written(values.out));
      return;
    }
    if (action === "propose") {
      context.stderr(describe(data, language).join("\n"));
      context.stdout(JSON.stringify(data, null, 2));
      return;
    }
    context.stdout(describe(data, language).join("\n"));
  },
};
