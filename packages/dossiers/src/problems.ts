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
  "duplicate_event",
  "due_before_reception",
  "unit_has_children",
  "timestamp_out_of_range",
  "handled_before_received",
  "negative_value",
  "empty_file",
  "not_parquet",
  "bad_json_line",
  "json_not_object",
  "not_utf8",
  "unreadable_file",
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

/** What a record is, in a message: a dossier, one of its events, a procedure, a feedback item, a unit. */
const RECORD: Readonly<Record<Language, Readonly<Record<InputFile, string>>>> = {
  vi: { dossiers: "hồ sơ", events: "sự kiện", procedures: "thủ tục", feedback: "PAKN", units: "đơn vị" },
  en: { dossiers: "dossier", events: "event", procedures: "procedure", feedback: "feedback item", units: "unit" },
};

/** The file's format, as a message says it (the `value` of an `unreadable_file`). */
const FORMAT_NAME: Readonly<Record<string, string>> = { csv: "CSV", jsonl: "JSON lines", parquet: "Parquet" };

const vi: Messages = {
  bad_timestamp: (p) => `thời điểm${shown(p.value)} không đọc được; ghi theo giờ Việt Nam dạng 2026-10-03T09:15:00 (hoặc 2026-10-03 09:15), không kèm múi giờ khác +07:00.`,
  bad_value: (p) => `giá trị${shown(p.value)} không hợp lệ cho cột ${p.column ?? ""}; xem docs/dossier-format.md (cờ: 1/0, true/false, có/không; số: số nguyên).`,
  missing_value: (p) => `ô bắt buộc ở cột ${p.column ?? ""} để trống; hãy điền giá trị (${RECORD.vi[p.file]} này bị loại đến khi sửa).`,
  missing_column: (p) => `tệp thiếu cột bắt buộc ${p.column ?? ""}; hãy thêm cột này (tên cột xem docs/dossier-format.md).`,
  duplicate_id: (p) => `mã${shown(p.value)} xuất hiện nhiều lần; mỗi ${RECORD.vi[p.file]} chỉ được có một dòng — các dòng trùng mã đều bị loại; hãy giữ một dòng.`,
  unknown_unit: (p) => `đơn vị${shown(p.value)} không có trong tệp đơn vị; hãy sửa mã đơn vị hoặc bổ sung đơn vị.`,
  unknown_procedure: (p) => `thủ tục${shown(p.value)} không có (hoặc có lỗi) trong tệp thủ tục; hãy bổ sung thủ tục với thời hạn giải quyết.`,
  unknown_channel: (p) => `kênh tiếp nhận${shown(p.value)} không hợp lệ; dùng 1 (trực tiếp), 2 (trực tuyến), 3 (bưu chính công ích) hoặc để trống (= 1).`,
  unknown_state: (p) => `trạng thái${shown(p.value)} không thuộc mã 1–10 của Cổng DVCQG; hãy sửa mã trạng thái của sự kiện (hồ sơ bị loại đến khi sửa).`,
  unknown_duration_unit: (p) => `đơn vị thời hạn${shown(p.value)} không hợp lệ; dùng hours, days, working_days hoặc months.`,
  no_events: () => `hồ sơ không có sự kiện (trạng thái) nào trong tệp sự kiện; không xác định được tiến độ giải quyết — hãy bổ sung sự kiện của hồ sơ.`,
  no_due_date: (p) => `hồ sơ không có ngày hẹn trả và thủ tục${shown(p.value)} không có thời hạn giải quyết; hãy ghi due_at hoặc legal_duration.`,
  orphan_event: (p) => `(cảnh báo) sự kiện của hồ sơ${shown(p.value)} không có trong tệp hồ sơ; sự kiện bị bỏ qua.`,
  event_before_reception: (p) => `sự kiện (trạng thái${shown(p.value)}) có thời điểm trước thời điểm tiếp nhận hồ sơ; hãy kiểm tra lại thời điểm của sự kiện hoặc received_at của hồ sơ (hồ sơ bị loại đến khi sửa).`,
  duplicate_event: (p) => `(cảnh báo) sự kiện yêu cầu bổ sung (trạng thái 5) trùng hệt một dòng khác của hồ sơ${shown(p.value)} (cùng trạng thái, cùng thời điểm); chỉ tính một lần — hãy xoá dòng trùng khi xuất dữ liệu.`,
  due_before_reception: (p) => `ngày hẹn trả${shown(p.value)} trước ngày tiếp nhận hồ sơ; hãy sửa due_at (hoặc received_at) — hồ sơ bị loại đến khi sửa.`,
  unit_has_children: (p) => `đơn vị${shown(p.value)} có đơn vị trực thuộc trong tệp đơn vị, nên số liệu của đơn vị này là tổng của các đơn vị trực thuộc; ${RECORD.vi[p.file]} gắn trực tiếp với nó sẽ không được tính vào đâu — hãy gắn cho đơn vị trực thuộc đã tiếp nhận, hoặc thêm một đơn vị trực thuộc cho chính cơ quan này (ví dụ “Văn phòng …”) (${RECORD.vi[p.file]} này bị loại đến khi sửa).`,
  timestamp_out_of_range: (p) => `thời điểm ở cột ${p.column ?? ""} nằm ngoài khoảng lịch làm việc (1990–2150); hãy kiểm tra năm (${RECORD.vi[p.file]} này bị loại đến khi sửa).`,
  handled_before_received: () => `PAKN có thời điểm xử lý xong (handled_at) trước thời điểm tiếp nhận (received_at); hãy kiểm tra lại hai thời điểm (PAKN bị loại đến khi sửa).`,
  negative_value: (p) => `giá trị${shown(p.value)} ở cột ${p.column ?? ""} là số âm; hãy ghi số từ 0 trở lên (số lượt, thời hạn không thể âm) (${RECORD.vi[p.file]} này bị loại đến khi sửa).`,
  empty_file: () => `tệp rỗng (không có dữ liệu nào); hãy xuất lại tệp từ hệ thống.`,
  not_parquet: () => `tệp không phải Parquet hoặc bị cắt cụt (hỏng phần cuối tệp); hãy xuất lại tệp, hoặc dùng .csv hay .jsonl.`,
  bad_json_line: (p) => `dòng${shown(p.value)} không phải JSON hợp lệ (có thể bị cắt ngang); mỗi dòng phải là một đối tượng JSON đầy đủ {"dossier_id": …}; hãy sửa dòng này hoặc xuất lại tệp.`,
  json_not_object: (p) => `dòng${shown(p.value)} là JSON nhưng không phải đối tượng {…} có tên cột (ví dụ là mảng [...]); mỗi dòng phải dạng {"dossier_id": "…", …}; hãy sửa dòng này.`,
  not_utf8: () => `dòng có ký tự không đúng mã UTF-8; hãy lưu tệp theo mã UTF-8.`,
  unreadable_file: (p) => `không đọc được tệp dạng ${FORMAT_NAME[p.value ?? ""] ?? p.value ?? ""}; hãy kiểm tra định dạng (CSV: UTF-8, một dòng tiêu đề, dấu ngoặc kép đóng đủ; JSON lines: mỗi dòng một đối tượng) hoặc xuất lại tệp.`,
};

const en: Messages = {
  bad_timestamp: (p) => `the time${shown(p.value)} cannot be read; write Vietnam's local time as 2026-10-03T09:15:00 (or 2026-10-03 09:15), with no offset other than +07:00.`,
  bad_value: (p) => `the value${shown(p.value)} is not valid for column ${p.column ?? ""}; see docs/dossier-format.md (flags: 1/0, true/false, yes/no; numbers: whole numbers).`,
  missing_value: (p) => `the required cell in column ${p.column ?? ""} is empty; fill it in (the ${RECORD.en[p.file]} is rejected until then).`,
  missing_column: (p) => `the file has no column ${p.column ?? ""}; add it (column names: docs/dossier-format.md).`,
  duplicate_id: (p) => `the id${shown(p.value)} appears more than once; each ${RECORD.en[p.file]} must have one row — every row with this id is rejected; keep one.`,
  unknown_unit: (p) => `the unit${shown(p.value)} is not in the units file; correct the id or add the unit.`,
  unknown_procedure: (p) => `the procedure${shown(p.value)} is not in the procedures file (or its row has errors); add it with its legal duration.`,
  unknown_channel: (p) => `the channel${shown(p.value)} is not valid; use 1 (in person), 2 (online), 3 (public post) or leave it empty (= 1).`,
  unknown_state: (p) => `the state${shown(p.value)} is not one of the national portal's codes 1–10; correct the event's state (the dossier is rejected until then).`,
  unknown_duration_unit: (p) => `the duration unit${shown(p.value)} is not valid; use hours, days, working_days or months.`,
  no_events: () => `the dossier has no event (state change) in the events file; its timeliness cannot be judged — add its events.`,
  no_due_date: (p) => `the dossier has no due date and the procedure${shown(p.value)} has no legal duration; fill due_at or legal_duration.`,
  orphan_event: (p) => `(warning) an event of dossier${shown(p.value)}, which is not in the dossiers file; the event is ignored.`,
  event_before_reception: (p) => `the event (state${shown(p.value)}) is dated before the dossier's reception; check the event's time or the dossier's received_at (the dossier is rejected until then).`,
  duplicate_event: (p) => `(warning) a supplement-request event (state 5) repeats another row of dossier${shown(p.value)} exactly (same state, same time); it is counted once — remove the duplicate row in the export.`,
  due_before_reception: (p) => `the due date${shown(p.value)} is before the dossier's reception; correct due_at (or received_at) — the dossier is rejected until then.`,
  unit_has_children: (p) => `the unit${shown(p.value)} has units under it in the units file, so its figures are the sum of theirs; a ${RECORD.en[p.file]} filed directly under it would count nowhere — assign it to the unit below that received it, or add a unit under it for this office itself (the ${RECORD.en[p.file]} is rejected until then).`,
  timestamp_out_of_range: (p) => `the time in column ${p.column ?? ""} is outside the working-day calendar's range (1990–2150); check the year (the ${RECORD.en[p.file]} is rejected until then).`,
  handled_before_received: () => `the feedback item was handled (handled_at) before it was received (received_at); check both times (it is rejected until then).`,
  negative_value: (p) => `the value${shown(p.value)} in column ${p.column ?? ""} is negative; write a number of 0 or more (counts and durations cannot be negative) (the ${RECORD.en[p.file]} is rejected until then).`,
  empty_file: () => `the file is empty (it holds no data); export it again from the system.`,
  not_parquet: () => `the file is not Parquet or is cut short (its end is damaged); export it again, or use .csv or .jsonl.`,
  bad_json_line: (p) => `the line${shown(p.value)} is not valid JSON (perhaps cut short); each line must be one complete JSON object {"dossier_id": …}; correct the line or export the file again.`,
  json_not_object: (p) => `the line${shown(p.value)} is JSON but not an object {…} with column names (e.g. an array [...]); each line must be {"dossier_id": "…", …}; correct the line.`,
  not_utf8: () => `the line has characters that are not UTF-8; save the file as UTF-8.`,
  unreadable_file: (p) => `the file cannot be read as ${FORMAT_NAME[p.value ?? ""] ?? p.value ?? ""}; check its format (CSV: UTF-8, one header line, every quote closed; JSON lines: one object per line) or export it again.`,
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

/** Names listed in a message: at most 12, then "…". */
const nameList = (names: readonly string[]) => (names.length > 12 ? `${names.slice(0, 12).join(", ")}, …` : names.join(", "));

/**
 * A file that lacks required columns, in one line: the columns found in it, the names chiso expects, and a hint
 * when its header looks Vietnamese or differs from a name only by case, spaces, punctuation or accents.
 */
export interface HeaderReport {
  readonly fileName: string;
  readonly missing: readonly string[];
  /** The file's columns (`null`: not readable). */
  readonly found: readonly string[] | null;
  /** Every column the file may have, the required first. */
  readonly required: readonly string[];
  readonly optional: readonly string[];
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  readonly vietnamese: boolean;
}

export function describeHeader(report: HeaderReport, language: Language = "vi"): string {
  const found = report.found === null ? null : report.found.length === 0 ? (language === "vi" ? "(không có cột nào)" : "(none)") : nameList(report.found.map((name) => `“${name}”`));
  const renames = report.renames.map((rename) => `“${rename.from}” → ${rename.to}`).join(", ");
  if (language === "en")
    return [
      `${report.fileName}: missing ${nameList(report.missing)}.`,
      found !== null && `Columns found: ${found}.`,
      `Expected (English names, any case): ${report.required.join(", ")}${report.optional.length > 0 ? `; optional: ${report.optional.join(", ")}` : ""}.`,
      report.vietnamese && "The header looks Vietnamese: chiso reads only the English column names of docs/dossier-format.md.",
      renames && `Rename: ${renames}.`,
    ]
      .filter(Boolean)
      .join(" ");
  return [
    `${report.fileName}: thiếu ${nameList(report.missing)}.`,
    found !== null && `Các cột có trong tệp: ${found}.`,
    `Tên cột cần có (tiếng Anh, không phân biệt hoa thường): ${report.required.join(", ")}${report.optional.length > 0 ? `; không bắt buộc: ${report.optional.join(", ")}` : ""}.`,
    report.vietnamese && "Dòng tiêu đề có vẻ là tiếng Việt: chiso chỉ đọc tên cột tiếng Anh theo docs/dossier-format.md.",
    renames && `Hãy đổi tên: ${renames}.`,
  ]
    .filter(Boolean)
    .join(" ");
}
