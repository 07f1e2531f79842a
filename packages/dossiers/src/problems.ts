import type { Language } from "@chiso/core";

/** Which file a problem is in. */
export type InputFile = "dossiers" | "events" | "procedures" | "feedback" | "units";

/** What is wrong with a record (codes are stable; messages below). */
export const problemCodes = [
  "bad_timestamp",
  "bad_value",
  "missing_value",
  "missing_column",
  "duplicate_id",
  "unknown_unit",
  "unknown_procedure",
  "unknown_channel",
  "unknown_state",
  "unknown_duration_unit",
  "no_events",
  "no_due_date",
  "orphan_event",
  "event_before_reception",
  "timestamp_out_of_range",
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/** One problem, located as `file › row › column › dossier id`. */
export interface DossierProblem {
  readonly code: ProblemCode;
  readonly severity: "error" | "warning";
  readonly file: InputFile;
  /** The path or name of the file as given. */
  readonly fileName: string;
  /** The row a person sees: a CSV's line (header = line 1), a JSON line's number, a Parquet record's index from 1. */
  readonly row?: number;
  readonly column?: string;
  /** The dossier (or feedback, or procedure) id of the record. */
  readonly record?: string;
  /** What the cell held. */
  readonly value?: string;
}

type Messages = Readonly<Record<ProblemCode, (problem: DossierProblem) => string>>;

const shown = (value: string | undefined) => (value === undefined ? "" : ` “${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`);

const vi: Messages = {
  bad_timestamp: (p) => `thời điểm${shown(p.value)} không đọc được; ghi theo giờ Việt Nam dạng 2026-10-03T09:15:00 (hoặc 2026-10-03 09:15), không kèm múi giờ khác +07:00.`,
  bad_value: (p) => `giá trị${shown(p.value)} không hợp lệ cho cột ${p.column ?? ""}; xem docs/dossier-format.md (cờ: 1/0, true/false, có/không; số: số nguyên).`,
  missing_value: (p) => `thiếu giá trị bắt buộc ở cột ${p.column ?? ""}.`,
  missing_column: (p) => `tệp thiếu cột bắt buộc ${p.column ?? ""}; hãy thêm cột này (tên cột xem docs/dossier-format.md).`,
  duplicate_id: (p) => `mã${shown(p.value)} xuất hiện nhiều lần; mỗi hồ sơ (thủ tục) chỉ được có một dòng — các dòng trùng mã đều bị loại.`,
  unknown_unit: (p) => `đơn vị${shown(p.value)} không có trong tệp đơn vị; hãy sửa mã đơn vị hoặc bổ sung đơn vị.`,
  unknown_procedure: (p) => `thủ tục${shown(p.value)} không có (hoặc có lỗi) trong tệp thủ tục; hãy bổ sung thủ tục với thời hạn giải quyết.`,
  unknown_channel: (p) => `kênh tiếp nhận${shown(p.value)} không hợp lệ; dùng 1 (trực tiếp), 2 (trực tuyến), 3 (bưu chính công ích) hoặc để trống (= 1).`,
  unknown_state: (p) => `trạng thái${shown(p.value)} không thuộc mã 1–10 của Cổng DVCQG.`,
  unknown_duration_unit: (p) => `đơn vị thời hạn${shown(p.value)} không hợp lệ; dùng hours, days, working_days hoặc months.`,
  no_events: () => `hồ sơ không có sự kiện (trạng thái) nào trong tệp sự kiện; không xác định được tiến độ giải quyết.`,
  no_due_date: (p) => `hồ sơ không có ngày hẹn trả và thủ tục${shown(p.value)} không có thời hạn giải quyết; hãy ghi due_at hoặc legal_duration.`,
  orphan_event: (p) => `(cảnh báo) sự kiện của hồ sơ${shown(p.value)} không có trong tệp hồ sơ; sự kiện bị bỏ qua.`,
  event_before_reception: (p) => `sự kiện trạng thái${shown(p.value)} có thời điểm trước thời điểm tiếp nhận hồ sơ; hãy kiểm tra lại thời điểm.`,
  timestamp_out_of_range: () => `thời điểm nằm ngoài khoảng lịch làm việc (1990–2150); hãy kiểm tra năm.`,
};

const en: Messages = {
  bad_timestamp: (p) => `the time${shown(p.value)} cannot be read; write Vietnam's local time as 2026-10-03T09:15:00 (or 2026-10-03 09:15), with no offset other than +07:00.`,
  bad_value: (p) => `the value${shown(p.value)} is not valid for column ${p.column ?? ""}; see docs/dossier-format.md (flags: 1/0, true/false, yes/no; numbers: whole numbers).`,
  missing_value: (p) => `column ${p.column ?? ""} is required and empty.`,
  missing_column: (p) => `the file has no column ${p.column ?? ""}; add it (column names: docs/dossier-format.md).`,
  duplicate_id: (p) => `the id${shown(p.value)} appears more than once; each record must have one row — every row with this id is rejected.`,
  unknown_unit: (p) => `the unit${shown(p.value)} is not in the units file; correct the id or add the unit.`,
  unknown_procedure: (p) => `the procedure${shown(p.value)} is not in the procedures file (or its row has errors); add it with its legal duration.`,
  unknown_channel: (p) => `the channel${shown(p.value)} is not valid; use 1 (in person), 2 (online), 3 (public post) or leave it empty (= 1).`,
  unknown_state: (p) => `the state${shown(p.value)} is not one of the national portal's codes 1–10.`,
  unknown_duration_unit: (p) => `the duration unit${shown(p.value)} is not valid; use hours, days, working_days or months.`,
  no_events: () => `the dossier has no event (state change) in the events file; its timeliness cannot be judged.`,
  no_due_date: (p) => `the dossier has no due date and the procedure${shown(p.value)} has no legal duration; fill due_at or legal_duration.`,
  orphan_event: (p) => `(warning) an event of dossier${shown(p.value)}, which is not in the dossiers file; the event is ignored.`,
  event_before_reception: (p) => `an event of state${shown(p.value)} is dated before the dossier's reception; check the time.`,
  timestamp_out_of_range: () => `the time is outside the working-day calendar's range (1990–2150); check the year.`,
};

const FILE_LABEL: Readonly<Record<Language, Readonly<Record<InputFile, string>>>> = {
  vi: { dossiers: "hồ sơ", events: "sự kiện", procedures: "thủ tục", feedback: "PAKN", units: "đơn vị" },
  en: { dossiers: "dossiers", events: "events", procedures: "procedures", feedback: "feedback", units: "units" },
};

/** Where: `ho-so.csv › dòng 12 › cột received_at › hồ sơ HS-2026-000123`. */
export function problemLocation(problem: DossierProblem, language: Language = "vi"): string {
  const words = language === "vi" ? { row: "dòng", column: "cột", record: problem.file === "dossiers" || problem.file === "events" ? "hồ sơ" : FILE_LABEL.vi[problem.file] } : { row: "row", column: "column", record: problem.file === "dossiers" || problem.file === "events" ? "dossier" : FILE_LABEL.en[problem.file] };
  return [
    problem.fileName,
    problem.row !== undefined ? `${words.row} ${problem.row}` : undefined,
    problem.column ? `${words.column} ${problem.column}` : undefined,
    problem.record ? `${words.record} ${problem.record}` : undefined,
  ]
    .filter(Boolean)
    .join(" › ");
}

/** One problem as a line: where, then what is wrong and how to fix it. */
export function describeProblem(problem: DossierProblem, language: Language = "vi"): string {
  const message = (language === "en" ? en : vi)[problem.code](problem);
  return `${problemLocation(problem, language)}: ${message}`;
}
