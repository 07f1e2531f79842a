import { columnLetter, Workbook, type CellStyle, type PageSetup, type Worksheet } from "@chiso/xlsx-writer";
import { getScheme, type Language, type UnitInput } from "@chiso/core";
import type { EvidenceEntry } from "../evidence/schema.js";
import { describeReason } from "../evidence/reasons.js";
import { FEEDBACK_ITEMS } from "../engine/columns.js";
import { describeProblem, problemLocation, type DossierProblem } from "../problems.js";

export interface DetailsOptions {
  readonly evidence: readonly EvidenceEntry[];
  readonly units: readonly UnitInput[];
  readonly period: string;
  readonly language?: Language;
  /** How many dossiers the evidence lists at most per unit and item (said on every sheet). */
  readonly limit: number;
  /** Records rejected or warned about, listed on a sheet of their own. */
  readonly problems?: readonly DossierProblem[];
}

const HEADER_STYLE: CellStyle = { font: { bold: true, color: "FFFFFFFF" }, fill: "FF1F4E79", alignment: { vertical: "middle", horizontal: "center", wrapText: true } };
const TITLE_STYLE: CellStyle = { font: { bold: true, size: 13 } };
const NOTE_STYLE: CellStyle = { font: { italic: true } };
const A4_LANDSCAPE: PageSetup = { paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 };

/** Text is always written as a plain NFC string (never a formula); numbers stay numbers. */
function safe(value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? (Number.isFinite(value) ? value : null) : value.normalize("NFC");
}

const WORDS = {
  vi: {
    summary: "Tổng hợp",
    title: (period: string) => `Hồ sơ và PAKN làm mất điểm — kỳ ${period}`,
    note: (limit: number) => `Mỗi đơn vị và chỉ tiêu liệt kê tối đa ${limit} hồ sơ hoặc PAKN (trễ nhiều ngày nhất trước, rồi cái tiếp nhận sớm nhất); cột “Số không đạt” là tổng đầy đủ.`,
    summaryHeader: ["Mã đơn vị", "Tên đơn vị", "Chỉ tiêu", "Mã chỉ tiêu", "Số không đạt", "Số liệt kê"],
    header: ["Mã đơn vị", "Tên đơn vị", "Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Tiếp nhận", "Hẹn trả", "Hoàn thành", "Số ngày trễ", "Lý do"],
    feedbackHeader: ["Mã đơn vị", "Tên đơn vị", "Mã PAKN", "Tiếp nhận", "Hạn xử lý", "Xử lý xong", "Số ngày trễ", "Lý do"],
    none: "Không có hồ sơ nào làm mất điểm ở chỉ tiêu này.",
    feedbackNone: "Không có PAKN nào làm mất điểm ở chỉ tiêu này.",
    rejected: "Bị loại",
    rejectedHeader: ["Tệp", "Dòng", "Cột", "Mã", "Mức", "Vị trí", "Lỗi và cách sửa"],
    levels: { error: "lỗi — bị loại", warning: "cảnh báo" },
  },
  en: {
    summary: "Summary",
    title: (period: string) => `Dossiers and feedback items behind lost points — ${period}`,
    note: (limit: number) => `Each unit and item lists at most ${limit} dossiers or feedback items (most days late first, then the oldest); “Failing” is the full count.`,
    summaryHeader: ["Unit id", "Unit name", "Item", "Item code", "Failing", "Listed"],
    header: ["Unit id", "Unit name", "Dossier id", "Procedure", "Procedure name", "Received", "Due", "Finished", "Days late", "Reason"],
    feedbackHeader: ["Unit id", "Unit name", "Feedback id", "Received", "Due", "Handled", "Days late", "Reason"],
    none: "No dossier lost points on this item.",
    feedbackNone: "No feedback item lost points on this item.",
    rejected: "Rejected",
    rejectedHeader: ["File", "Row", "Column", "Id", "Level", "Where", "Problem and fix"],
    levels: { error: "error — rejected", warning: "warning" },
  },
} as const;

/**
 * A local wall-clock timestamp (`2026-10-03T09:15:00`) as an Excel date-time serial (days since 1899-12-30),
 * shown `03/10/2026 09:15` by the column's format: a date the filter sorts and Excel can compute with.
 */
function excelTime(iso: string | null | undefined): number | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso) : null;
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second) / 86_400_000 + 25_569;
}

const TIME_STYLE: CellStyle = { numFmt: "dd/mm/yyyy hh:mm" };

/** The header row (frozen, filtered, repeated on printed pages) and the column widths. */
function header(sheet: Worksheet, values: readonly string[], widths: readonly number[]): void {
  const row = sheet.addRow(values.map(safe), HEADER_STYLE);
  widths.forEach((width, index) => sheet.setColumn(index + 1, { width }));
  sheet.freeze(row);
  sheet.autoFilter(`A${row}:${columnLetter(values.length)}${row}`);
  sheet.page = A4_LANDSCAPE;
  sheet.printTitles = { rows: `${row}:${row}` };
}

/**
 * The officer's workbook: a summary (unit × item: how many dossiers failed, how many are listed) and a
 * sheet per item listing those dossiers with what an officer needs to act — dossier id, procedure,
 * received, due, finished, days late, reason.
 */
export function buildDetailsWorkbook(options: DetailsOptions): Workbook {
  const language = options.language ?? "vi";
  const words = WORDS[language];
  const scheme = getScheme();
  const names = new Map(options.units.map((unit) => [unit.id, unit.name]));
  const workbook = new Workbook();
  const items = scheme.items.filter((item) => options.evidence.some((entry) => entry.item === item.code) || ["ON_TIME", "ONLINE_DOSSIER_SHARE"].includes(item.code));

  const summary = workbook.addSheet(words.summary);
  summary.addRow([safe(words.title(options.period))], TITLE_STYLE);
  summary.addRow([safe(words.note(options.limit))], NOTE_STYLE);
  header(summary, words.summaryHeader, [14, 32, 44, 36, 18, 16]);
  // Units in the order of the units file, items in the scheme's order.
  const unitOrder = new Map(options.units.map((unit, index) => [unit.id, index]));
  const itemOrder = (code: string) => scheme.items.findIndex((item) => item.code === code);
  const sorted = [...options.evidence].sort((a, b) => (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0) || itemOrder(a.item) - itemOrder(b.item));
  for (const entry of sorted) {
    const item = scheme.items.find((candidate) => candidate.code === entry.item);
    summary.addRow([entry.unit, names.get(entry.unit) ?? entry.unit, item ? `${item.id} ${item.name[language]}` : entry.item, entry.item, entry.count, entry.dossiers.length].map(safe));
  }

  for (const item of items) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = workbook.addSheet(`${item.id} ${item.code}`.replace(/[:\\/?*[\]]/g, " ").slice(0, 31));
    sheet.addRow([safe(`${item.id} ${item.name[language]} — ${options.period}`)], TITLE_STYLE);
    sheet.addRow([safe(words.note(options.limit))], NOTE_STYLE);
    // Feedback (PAKN) items list feedback, which has no procedure.
    const feedback = (FEEDBACK_ITEMS as readonly string[]).includes(item.code);
    if (feedback) header(sheet, words.feedbackHeader, [14, 28, 22, 17, 17, 17, 11, 40]);
    else header(sheet, words.header, [14, 28, 22, 14, 36, 17, 17, 17, 11, 40]);
    for (const column of feedback ? [4, 5, 6] : [6, 7, 8]) sheet.setColumn(column, { style: TIME_STYLE });
    const entries = sorted.filter((entry) => entry.item === item.code);
    if (entries.length === 0) sheet.addRow([safe(feedback ? words.feedbackNone : words.none)]);
    for (const entry of entries) {
      for (const dossier of entry.dossiers) {
        sheet.addRow(
          [
            entry.unit,
            names.get(entry.unit) ?? entry.unit,
            dossier.id,
            ...(feedback ? [] : [dossier.procedure ?? null, dossier.procedureName ?? null]),
            excelTime(dossier.receivedAt),
            excelTime(dossier.dueAt),
            excelTime(dossier.finishedAt),
            dossier.daysLate ?? null,
            describeReason(dossier.reason, language),
          ].map(safe),
        );
      }
    }
  }
  if (options.problems && options.problems.length > 0) {
    const sheet = workbook.addSheet(words.rejected);
    header(sheet, words.rejectedHeader, [22, 8, 18, 22, 16, 50, 90]);
    for (const problem of options.problems) {
      const where = problemLocation(problem, language);
      sheet.addRow([problem.fileName, problem.row ?? null, problem.column ?? null, problem.record ?? null, words.levels[problem.severity], where, describeProblem(problem, language).slice(where.length + 2)].map(safe));
    }
  }
  return workbook;
}
