import type { Language } from "@chiso/core";
import type { ComputeNote, ComputeStep, UnitRejections } from "@chiso/dossiers";

/** What the warning about a period without records says (see run.ts `emptyPeriodWarning`). */
export interface EmptyPeriod {
  readonly period: string;
  readonly dossiers: number;
  readonly dossierSpan: { readonly first: string; readonly last: string } | null;
  /** `null`: no feedback file. */
  readonly feedback: number | null;
  readonly feedbackSpan: { readonly first: string; readonly last: string } | null;
  readonly covers: { readonly period: string } | { readonly from: string; readonly to: string } | undefined;
}
import { formatCount, formatNumber, type CountedNoun } from "@chiso/io";

const n = (value: number) => formatNumber(value, "vi");
const countOf = (count: number, en: CountedNoun["en"]) => formatCount(count, { vi: "", en }, "en");

type CalendarNote = Extract<ComputeNote, { code: "calendar_year_missing" | "calendar_year_provisional" }>;
/** What a calendar year decides: the counted records whose days it holds. */
const reachVi = (note: CalendarNote) =>
  `${[note.dossiers > 0 && `${n(note.dossiers)} hồ sơ`, note.feedback > 0 && `${n(note.feedback)} PAKN`].filter(Boolean).join(" và ")} được tính có hạn giải quyết hoặc thời điểm giải quyết trong năm này`;
const reachEn = (note: CalendarNote) =>
  `it decides ${[note.dossiers > 0 && countOf(note.dossiers, "counted dossier"), note.feedback > 0 && countOf(note.feedback, "counted feedback item")].filter(Boolean).join(" and ")}, due or settled in that year`;

const vi = {
  step: { load: "Đọc tệp", check: "Kiểm tra", evaluate: "Tính tiến độ", count: "Đếm", evidence: "Hồ sơ mất điểm" } satisfies Record<ComputeStep, string>,
  progress: "Đang tính từ hồ sơ",
  unsupported: (file: string) => `Tệp ${file}: định dạng không hỗ trợ; dùng .parquet, .csv hoặc .jsonl.`,
  badUnits: (file: string, count: number) => `Tệp đơn vị ${file} có ${n(count)} lỗi; chưa tính:`,
  missingColumns: "Thiếu cột bắt buộc; chưa tính:",
  unreadable: "Không đọc được tệp đầu vào; chưa tính:",
  accounting: (read: number, counted: number, rejected: number, outside: number, notReceived: number) =>
    `Đã đọc ${n(read)} hồ sơ: ${n(counted)} được tính, ${n(rejected)} bị loại${rejected > 0 ? " (lý do bên dưới)" : ""}, ${n(outside)} tiếp nhận ngoài kỳ, ${n(notReceived)} mới đăng ký, chưa tiếp nhận.`,
  feedbackAccounting: (read: number, counted: number, rejected: number, outside: number) => `Đã đọc ${n(read)} PAKN: ${n(counted)} được tính, ${n(rejected)} bị loại, ${n(outside)} ngoài kỳ.`,
  problems: (count: number) => `${n(count)} lỗi trong dữ liệu (mỗi lỗi: tệp › dòng › cột › hồ sơ):`,
  more: (count: number) => `… và ${n(count)} lỗi khác (xem trang “Bị loại” của --details).`,
  strict: "Có hồ sơ bị loại và --strict được dùng: không ghi kết quả.",
  written: (file: string, rows: number, evidence: number) => `Đã ghi ${n(rows)} dòng số liệu và ${n(evidence)} danh sách hồ sơ mất điểm vào ${file}.`,
  detailsWritten: (file: string) => `Đã ghi bảng tính hồ sơ mất điểm vào ${file}.`,
  note: (note: ComputeNote): string => {
    switch (note.code) {
      case "item_not_computed":
        return `(lưu ý) Chỉ tiêu ${note.item} không tính được: thiếu ${note.columns.join(", ")} — để trống (không có số liệu), không ghi 0.`;
      case "calendar_year_missing":
        return `(lưu ý) Chưa có lịch làm việc năm ${note.year}: chỉ trừ thứ Bảy, Chủ nhật — ${reachVi(note)}. Tạo bằng "chiso calendar propose --year ${note.year}".`;
      case "calendar_year_provisional":
        return `(lưu ý) Lịch làm việc năm ${note.year} là dự kiến (chưa có thông báo chính thức) — ${reachVi(note)}; khi có lịch chính thức, dùng --calendar.`;
      case "unit_without_dossiers":
        return `(lưu ý) Kỳ ${note.period}: ${n(note.units.length)} đơn vị không có hồ sơ nào (ghi 0/0): ${note.units.slice(0, 10).join(", ")}${note.units.length > 10 ? ", …" : ""}.`;
      case "unit_dossiers_rejected":
        return `(lưu ý) Kỳ ${note.period}: ${n(note.units.length)} đơn vị có mọi hồ sơ bị loại — không có số liệu (không ghi 0/0), xem lỗi bên trên: ${note.units.slice(0, 10).join(", ")}${note.units.length > 10 ? ", …" : ""}.`;
      case "received_after_as_of":
        return `(lưu ý) ${[note.dossiers > 0 && `${n(note.dossiers)} hồ sơ`, note.feedback > 0 && `${n(note.feedback)} PAKN`].filter(Boolean).join(" và ")} có thời điểm tiếp nhận sau --as-of ${note.asOf}: dữ liệu trích xuất sau thời điểm đó? Hãy kiểm tra --as-of (thời điểm trích xuất dữ liệu).`;
    }
  },
  source: "Hồ sơ của hệ thống một cửa (chiso dossiers)",
  emptyPeriod: (e: EmptyPeriod) =>
    `Cảnh báo: trong kỳ ${e.period} không có hồ sơ${e.feedback === null ? "" : " hay PAKN"} nào được tiếp nhận — mọi đơn vị ghi 0/0. Đã đọc ${n(e.dossiers)} hồ sơ${e.dossierSpan ? ` (tiếp nhận từ ${e.dossierSpan.first} đến ${e.dossierSpan.last})` : ""}${e.feedback === null ? "" : `, ${n(e.feedback)} PAKN${e.feedbackSpan ? ` (tiếp nhận từ ${e.feedbackSpan.first} đến ${e.feedbackSpan.last})` : ""}`}. Dữ liệu trích xuất có thể không thuộc kỳ này; hãy kiểm tra --period${
      e.covers === undefined ? "" : "period" in e.covers ? ` (dữ liệu đọc được thuộc kỳ ${e.covers.period}: --period ${e.covers.period})` : ` (dữ liệu đọc được trải từ tháng ${e.covers.from} đến ${e.covers.to})`
    }.`,
  renameOptional: (file: string, renames: readonly { from: string; to: string }[]) =>
    `(lưu ý) ${file}: ${renames.map((rename) => `cột “${rename.from}” không được đọc — có phải ${rename.to}?`).join(" ")} Hãy đổi tên cột (tên tiếng Anh theo docs/dossier-format.md) để tính chỉ tiêu cần cột đó.`,
  calendarYearTwice: (year: number, first: string, second: string) => `--calendar: ${first} và ${second} đều là lịch năm ${year}; mỗi năm chỉ dùng một tệp — hãy bỏ một tệp. Chưa tính.`,
  notJsonOut: (file: string) => `--out ${file}: chiso ghi tệp số liệu JSON (chiso.figures/1); hãy đặt tên tệp kết thúc bằng .json (bảng tính hồ sơ mất điểm: --details <tệp.xlsx>).`,
  sameOutput: (out: string, details: string) => `--out ${out} và --details ${details} là cùng một tệp: bảng tính sẽ ghi đè tệp số liệu; hãy đặt hai tên khác nhau. Không có gì được ghi.`,
  asOfBeforePeriod: (asOf: string, period: string, first: string) =>
    `--as-of ${asOf} trước ngày đầu của kỳ ${period} (${first}): đến thời điểm đó chưa có hồ sơ nào của kỳ được tiếp nhận. --as-of là thời điểm trích xuất dữ liệu, từ ${first} trở đi; hãy kiểm tra --as-of hoặc --period.`,
  rejectedFlag: (r: UnitRejections): string =>
    [
      r.dossiers.rejected + r.dossiers.undated > 0 &&
        `${n(r.dossiers.rejected)} hồ sơ tiếp nhận trong kỳ bị loại vì lỗi dữ liệu, chỉ ${n(r.dossiers.counted)} hồ sơ được tính${r.dossiers.undated > 0 ? ` (thêm ${n(r.dossiers.undated)} hồ sơ bị loại không xác định được tháng tiếp nhận)` : ""}`,
      r.feedback && r.feedback.rejected + r.feedback.undated > 0 &&
        `${n(r.feedback.rejected)} PAKN bị loại, chỉ ${n(r.feedback.counted)} PAKN được tính${r.feedback.undated > 0 ? ` (thêm ${n(r.feedback.undated)} PAKN không xác định được tháng)` : ""}`,
    ]
      .filter(Boolean)
      .join("; ") + ": số liệu chỉ phản ánh một phần hồ sơ của đơn vị; sửa các dòng bị loại (trang “Bị loại” của --details) rồi tính lại.",
  rejectedWarning: (units: readonly string[], dossiers: number, feedback: number) =>
    `${n(units.length)} đơn vị có hồ sơ bị loại vì lỗi dữ liệu, không được tính (${n(dossiers)} hồ sơ${feedback > 0 ? `, ${n(feedback)} PAKN` : ""}): ${units.slice(0, 10).join(", ")}${units.length > 10 ? ", …" : ""}; số liệu của các đơn vị này chỉ phản ánh một phần hồ sơ.`,
};

export type DossierMessages = typeof vi;

const en: DossierMessages = {
  step: { load: "Reading files", check: "Checking", evaluate: "Timeliness", count: "Counting", evidence: "Lost points" },
  progress: "Computing from dossiers",
  unsupported: (file: string) => `${file}: unsupported format; use .parquet, .csv or .jsonl.`,
  badUnits: (file: string, count: number) => `The units file ${file} has ${countOf(count, "problem")}; nothing was computed:`,
  missingColumns: "Required columns are missing; nothing was computed:",
  unreadable: "An input file cannot be read; nothing was computed:",
  accounting: (read: number, counted: number, rejected: number, outside: number, notReceived: number) =>
    `Read ${countOf(read, "dossier")}: ${formatNumber(counted, "en")} counted, ${formatNumber(rejected, "en")} rejected${rejected > 0 ? " (reasons below)" : ""}, ${formatNumber(outside, "en")} received outside the period, ${formatNumber(notReceived, "en")} registered but not received.`,
  feedbackAccounting: (read: number, counted: number, rejected: number, outside: number) => `Read ${countOf(read, "feedback item")}: ${formatNumber(counted, "en")} counted, ${formatNumber(rejected, "en")} rejected, ${formatNumber(outside, "en")} outside the period.`,
  problems: (count: number) => `${countOf(count, "problem")} in the records (each: file › row › column › dossier):`,
  more: (count: number) => `… and ${formatNumber(count, "en")} more (see the “Rejected” sheet of --details).`,
  strict: "Some dossiers were rejected and --strict is set: nothing was written.",
  written: (file: string, rows: number, evidence: number) => `Wrote ${countOf(rows, "figure row")} and ${countOf(evidence, ["list", "lists"])} of dossiers behind lost points to ${file}.`,
  detailsWritten: (file: string) => `Wrote the workbook of dossiers behind lost points to ${file}.`,
  note: (note: ComputeNote): string => {
    switch (note.code) {
      case "item_not_computed":
        return `(note) ${note.item} is not computed: ${note.columns.join(", ")} missing — left out (no data), never 0.`;
      case "calendar_year_missing":
        return `(note) No working-day calendar for ${note.year}: only weekends are days off — ${reachEn(note)}. Make one with "chiso calendar propose --year ${note.year}".`;
      case "calendar_year_provisional":
        return `(note) The working-day calendar of ${note.year} is provisional (no official announcement recorded) — ${reachEn(note)}; once it is official, pass it with --calendar.`;
      case "unit_without_dossiers":
        return `(note) ${note.period}: ${countOf(note.units.length, "unit")} received no dossier (written as 0/0): ${note.units.slice(0, 10).join(", ")}${note.units.length > 10 ? ", …" : ""}.`;
      case "unit_dossiers_rejected":
        return `(note) ${note.period}: every dossier of ${countOf(note.units.length, "unit")} was rejected — no data (not 0/0), see the problems above: ${note.units.slice(0, 10).join(", ")}${note.units.length > 10 ? ", …" : ""}.`;
      case "received_after_as_of":
        return `(note) ${[note.dossiers > 0 && countOf(note.dossiers, "dossier"), note.feedback > 0 && countOf(note.feedback, "feedback item")].filter(Boolean).join(" and ")} received after --as-of ${note.asOf}: was the data extracted later? Check --as-of (when the data was extracted).`;
    }
  },
  source: "One-stop-shop system's dossier records (chiso dossiers)",
  emptyPeriod: (e: EmptyPeriod) =>
    `Warning: no dossier${e.feedback === null ? "" : " or feedback item"} was received in ${e.period} — every unit is written as 0/0. Read ${countOf(e.dossiers, "dossier")}${e.dossierSpan ? ` (received ${e.dossierSpan.first} to ${e.dossierSpan.last})` : ""}${e.feedback === null ? "" : `, ${countOf(e.feedback, "feedback item")}${e.feedbackSpan ? ` (received ${e.feedbackSpan.first} to ${e.feedbackSpan.last})` : ""}`}. The extract may not be of this period; check --period${
      e.covers === undefined ? "" : "period" in e.covers ? ` (the records read fall in ${e.covers.period}: --period ${e.covers.period})` : ` (the records read span the months ${e.covers.from} to ${e.covers.to})`
    }.`,
  renameOptional: (file: string, renames: readonly { from: string; to: string }[]) =>
    `(note) ${file}: ${renames.map((rename) => `column “${rename.from}” is not read — is it ${rename.to}?`).join(" ")} Rename the column (English names: docs/dossier-format.md) to compute the items that need it.`,
  calendarYearTwice: (year: number, first: string, second: string) => `--calendar: ${first} and ${second} are both calendars of ${year}; give one file per year — leave one out. Nothing was computed.`,
  notJsonOut: (file: string) => `--out ${file}: chiso writes a JSON figures file (chiso.figures/1); give a file name ending in .json (the workbook of dossiers behind lost points: --details <file.xlsx>).`,
  sameOutput: (out: string, details: string) => `--out ${out} and --details ${details} are the same file: the workbook would overwrite the figures; give them different names. Nothing was written.`,
  asOfBeforePeriod: (asOf: string, period: string, first: string) =>
    `--as-of ${asOf} is before the first day of ${period} (${first}): no dossier of the period had been received by then. --as-of is when the data was extracted, on or after ${first}; check --as-of or --period.`,
  rejectedFlag: (r: UnitRejections): string =>
    [
      r.dossiers.rejected + r.dossiers.undated > 0 &&
        `${countOf(r.dossiers.rejected, "dossier")} received in the period rejected for data errors, only ${formatNumber(r.dossiers.counted, "en")} counted${r.dossiers.undated > 0 ? ` (and ${formatNumber(r.dossiers.undated, "en")} more rejected whose month of reception is unknown)` : ""}`,
      r.feedback && r.feedback.rejected + r.feedback.undated > 0 &&
        `${countOf(r.feedback.rejected, "feedback item")} rejected, only ${formatNumber(r.feedback.counted, "en")} counted${r.feedback.undated > 0 ? ` (and ${formatNumber(r.feedback.undated, "en")} more whose month is unknown)` : ""}`,
    ]
      .filter(Boolean)
      .join("; ") + ": the figures cover only part of the unit's records; correct the rejected rows (the “Rejected” sheet of --details) and compute again.",
  rejectedWarning: (units: readonly string[], dossiers: number, feedback: number) =>
    `${countOf(units.length, "unit")} had records rejected for data errors and not counted (${countOf(dossiers, "dossier")}${feedback > 0 ? `, ${countOf(feedback, "feedback item")}` : ""}): ${units.slice(0, 10).join(", ")}${units.length > 10 ? ", …" : ""}; their figures cover only part of their records.`,
};

export function dossierMessages(language: Language): DossierMessages {
  return language === "en" ? en : vi;
}
