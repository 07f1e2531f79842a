import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { monthsOf, type Period } from "@chiso/core";
import { requireXlsxOut } from "../../output/xlsx-out.js";
import { onInterrupt } from "../../output/interrupt.js";
import { badValue, isRealDateTime } from "../../option-values.js";
import type { Command } from "../../args.js";
import { requireString } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { periodOf } from "../shared.js";
import { dossierMessages } from "./messages.js";
import { calendarYearsFrom, checkInputs, computeFromDossiers, figuresFile, unitsFrom, writeOutputs } from "./run.js";

function wholeNumber(value: unknown, option: string, fallback: number, language: "vi" | "en"): number {
  if (value === undefined) return fallback;
  // Digits only: Number() would also take "", " 20 ", "1e3", "0x10" and "20.0".
  const number = typeof value === "string" && /^\d{1,7}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(number) || number < 0 || number > 1_000_000) throw badValue(`--${option}`, value, "limit", language);
  return number;
}

/**
 * `--as-of`: a day and time that exist (no roll-over: 2026-09-31 is not 1 October), not before the period's first
 * day (no dossier of the period could have been received by then: the figures would be empty, not early).
 */
function asOfOption(value: unknown, period: Period, language: "vi" | "en"): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !isRealDateTime(value)) throw badValue("--as-of", value, "localTime", language);
  const first = `${monthsOf(period)[0]!.key}-01`;
  if (value.slice(0, 10) < first) throw new CliError(dossierMessages(language).asOfBeforePeriod(value, period.key, first), EXIT.usage);
  return value;
}

/**
 * What the run writes must not collide: the figures file and the workbook at one path would leave only the
 * workbook (both reported written), and a --calendar file (a comma-separated list, which the generic check
 * of inputs does not split) would be overwritten. Paths compared resolved, as the file system sees them.
 */
function refuseCollidingOutputs(out: string, details: string | undefined, calendar: unknown, language: "vi" | "en"): void {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  if (details !== undefined && real(out) === real(details)) throw new CliError(dossierMessages(language).sameOutput(out, details), EXIT.usage);
  const calendars = typeof calendar === "string" ? calendar.split(",").map((part) => part.trim()).filter(Boolean) : [];
  for (const [option, path] of [["out", out], ["details", details]] as const) {
    const clash = path === undefined ? undefined : calendars.find((input) => real(input) === real(path));
    if (clash && path) throw new CliError(messagesFor(language).overwritesInput(`--${option} ${path}`, clash), EXIT.usage);
  }
}

/** `chiso dossiers`: the 766 counts of a period from dossier records, and the dossiers behind lost points. */
export const command: Command = {
  name: "dossiers",
  usage: "chiso dossiers --dossiers <file> --events <file> --procedures <file> [--feedback <file>] --units <file> --period <2026-10> --out <figures.json> [--details <details.xlsx>]",
  summary: {
    vi: "Tính số liệu Bộ chỉ số 766 (2.1, 3.3, 3.6, 4.1–4.5a, 5.2–5.4, kênh tiếp nhận, kết quả giải quyết) từ hồ sơ của hệ thống một cửa (Parquet, CSV, JSON lines) và liệt kê các hồ sơ làm mất điểm. Mọi hồ sơ đều được tính hoặc bị loại kèm lý do.",
    en: "Compute the Decision 766 counts (2.1, 3.3, 3.6, 4.1–4.5a, 5.2–5.4, channels, settlement) from the one-stop-shop system's dossier records (Parquet, CSV, JSON lines) and list the dossiers behind lost points. Every dossier is counted or rejected with its reason.",
  },
  options: {
    dossiers: { type: "string", placeholder: "file", description: { vi: "hồ sơ: .parquet, .csv hoặc .jsonl (cột: docs/dossier-format.md)", en: "dossiers: .parquet, .csv or .jsonl (columns: docs/dossier-format.md)" } },
    events: { type: "string", placeholder: "file", description: { vi: "sự kiện (thay đổi trạng thái 1–10)", en: "events (state changes 1–10)" } },
    procedures: { type: "string", placeholder: "file", description: { vi: "thủ tục (thời hạn giải quyết, kết quả giấy)", en: "procedures (legal duration, paper result)" } },
    feedback: { type: "string", placeholder: "file", description: { vi: "phản ánh, kiến nghị (PAKN) cho 5.2 và 5.3 (không có: hai chỉ tiêu để trống)", en: "feedback (PAKN) for 5.2 and 5.3 (without it both are left out)" } },
    units: { type: "string", placeholder: "file", description: { vi: "đơn vị: .json (chiso.figures/1), .csv hoặc .xlsx như trang Đơn vị của tệp mẫu", en: "units: .json (chiso.figures/1), .csv or .xlsx like the template's units sheet" } },
    period: { type: "string", short: "p", placeholder: "2026-10", description: { vi: "kỳ: tháng 2026-10 (hoặc quý 2026-Q4, năm 2026: từng tháng)", en: "period: a month 2026-10 (or 2026-Q4, 2026: each month)" } },
    out: { type: "string", short: "o", placeholder: "figures.json", description: { vi: "tệp số liệu chiso.figures/1 được ghi (kèm evidence)", en: "the chiso.figures/1 file to write (with evidence)" } },
    details: { type: "string", placeholder: "details.xlsx", description: { vi: "bảng tính cho cán bộ: mỗi chỉ tiêu một trang liệt kê hồ sơ mất điểm, và trang hồ sơ bị loại", en: "the officer's workbook: a sheet per item listing the dossiers behind lost points, and the rejected records" } },
    "as-of": { type: "string", placeholder: "2026-11-02T08:00", description: { vi: "thời điểm trích xuất dữ liệu (giờ Việt Nam): bỏ qua sự kiện sau đó, hồ sơ đang giải quyết được xét tại thời điểm này", en: "when the data was extracted (Vietnam time): later events are ignored, open dossiers are judged then" } },
    "evidence-limit": { type: "string", placeholder: "20", description: { vi: "số hồ sơ liệt kê tối đa mỗi đơn vị, chỉ tiêu trong tệp số liệu (mặc định 20; số đếm luôn đầy đủ)", en: "dossiers listed per unit and item in the figures file (default 20; counts are always complete)" } },
    "details-limit": { type: "string", placeholder: "200", description: { vi: "số hồ sơ liệt kê tối đa mỗi đơn vị, chỉ tiêu trong --details (mặc định 200)", en: "dossiers listed per unit and item in --details (default 200)" } },
    calendar: { type: "string", placeholder: "2027.json,…", description: { vi: "tệp lịch làm việc năm đã xác nhận, thay lịch có sẵn của năm đó", en: "confirmed calendar year files, replacing the built-in year" } },
    strict: { type: "boolean", description: { vi: "không ghi kết quả nếu có hồ sơ bị loại (mặc định: ghi và liệt kê hồ sơ bị loại)", en: "write nothing if any dossier is rejected (default: write and list the rejected)" } },
  },
  async run(context) {
    const { language, values } = context;
    const periodValue = periodOf(context);
    const period = periodValue.key;
    const files = {
      dossiers: requireString(values, "dossiers", language),
      events: requireString(values, "events", language),
      procedures: requireString(values, "procedures", language),
      ...(typeof values.feedback === "string" && { feedback: values.feedback }),
    };
    const unitsPath = requireString(values, "units", language);
    const out = requireString(values, "out", language);
    // The figures file is JSON (chiso.figures/1): under another extension no command reads it back by its name.
    if (!/\.json$/i.test(out)) throw new CliError(dossierMessages(language).notJsonOut(out), EXIT.usage);
    const evidenceLimit = wholeNumber(values["evidence-limit"], "evidence-limit", 20, language);
    const detailsLimit = wholeNumber(values["details-limit"], "details-limit", 200, language);
    const asOf = asOfOption(values["as-of"], periodValue, language);
    const details = typeof values.details === "string" ? requireXlsxOut(values.details, language, "details") : undefined;
    refuseCollidingOutputs(out, details, values.calendar, language);

    // Interrupted (Ctrl+C) at any step, the run says so as `chiso report` does, instead of ending silently: nothing
    // is written before the last step, and that step writes atomically (what it had begun is removed).
    const stopNotice = onInterrupt(() => undefined);
    try {
      const units = await unitsFrom(unitsPath, language);
      await checkInputs(files, language);
      const calendarYears = await calendarYearsFrom(values.calendar as string | undefined, language);
      const result = await computeFromDossiers({
        files,
        units,
        period,
        language,
        evidenceLimit,
        ...(details && { detailsLimit }),
        ...(asOf !== undefined && { asOf }),
        ...(calendarYears && { calendarYears }),
        stderr: context.stderr,
      });
      if (values.strict === true && result.accounting.dossiers.rejected > 0) throw new CliError(dossierMessages(language).strict, EXIT.invalidInput);
      const file = figuresFile(units, result, evidenceLimit, language, { period, ...(asOf !== undefined && { asOf }) });
      await writeOutputs({ figures: { path: out, file }, ...(details && { details: { path: details, result, units, period, limit: detailsLimit } }) }, language);
      context.stdout(dossierMessages(language).written(out, file.figures.length, file.evidence.length));
      if (details) context.stdout(dossierMessages(language).detailsWritten(details));
    } finally {
      stopNotice();
    }
  },
};
