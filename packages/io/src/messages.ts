import type { Language } from "@chiso/core";

/** Problems found while reading a file, before or besides the core's own validation. */
export type ImportProblem =
  | "file_too_large"
  | "unreadable_file"
  | "unsupported_format"
  | "no_figures_table"
  | "no_units"
  | "no_rows"
  | "missing_column"
  | "unknown_column"
  | "duplicate_column"
  | "missing_value"
  | "not_a_number"
  | "not_integer"
  | "negative"
  | "ambiguous_number"
  | "formula_without_value"
  | "too_large"
  | "invalid_level"
  | "invalid_period";

type Params = Readonly<Record<string, string | number>>;

const FIELDS: Readonly<Record<string, Record<Language, string>>> = {
  unit: { vi: "mã đơn vị", en: "the unit id" },
  period: { vi: "kỳ", en: "the period" },
  level: { vi: "cấp của đơn vị", en: "the unit's level" },
  numerator: { vi: "tử số", en: "the numerator" },
  denominator: { vi: "mẫu số", en: "the denominator" },
  self: { vi: "điểm tự chấm", en: "the self-assessment" },
};
const s = (value: unknown) => String(value);

const catalogue: Record<ImportProblem, Record<Language, (p: Params) => string>> = {
  file_too_large: {
    vi: (p) => `tệp lớn ${s(p.size)}, vượt giới hạn ${s(p.limit)}; hãy tách theo tháng hoặc tăng giới hạn (--max-size).`,
    en: (p) => `the file is ${s(p.size)}, over the ${s(p.limit)} limit; split it by month or raise the limit (--max-size).`,
  },
  unreadable_file: {
    vi: (p) => `không đọc được tệp (${s(p.reason)}); hãy kiểm tra tệp có đúng định dạng ${s(p.format)} và không bị hỏng.`,
    en: (p) => `cannot read the file (${s(p.reason)}); check that it is a valid ${s(p.format)} file.`,
  },
  unsupported_format: {
    vi: (p) => `không hỗ trợ định dạng "${s(p.extension)}"; hãy dùng .xlsx, .csv hoặc .json.`,
    en: (p) => `the format "${s(p.extension)}" is not supported; use .xlsx, .csv or .json.`,
  },
  no_figures_table: {
    vi: () => "không tìm thấy bảng số liệu: cần một dòng tiêu đề có cột \"Mã đơn vị\" và các cột tử số, mẫu số (xem tệp mẫu: chiso template).",
    en: () => "no figures table found: a header row needs a \"Unit id\" column and numerator/denominator columns (see the template: chiso template).",
  },
  no_units: {
    vi: () => "không có danh sách đơn vị: hãy thêm trang \"Đơn vị\" (Mã đơn vị, Tên đơn vị, Cấp, Mã đơn vị cấp trên) hoặc các cột Cấp và Mã đơn vị cấp trên vào bảng số liệu.",
    en: () => "no list of units: add a \"Units\" sheet (unit id, name, level, parent id) or Level and Parent columns to the figures table.",
  },
  no_rows: {
    vi: () => "tệp không có dòng số liệu nào; hãy điền số liệu vào trang \"Số liệu\" (mỗi đơn vị, mỗi kỳ một dòng).",
    en: () => "the file has no rows of figures; fill in the \"Figures\" sheet (one row per unit and period).",
  },
  missing_column: {
    vi: (p) => `thiếu cột bắt buộc "${s(p.header)}"; hãy thêm cột này vào dòng tiêu đề.`,
    en: (p) => `the required column "${s(p.header)}" is missing; add it to the header row.`,
  },
  unknown_column: {
    vi: (p) => `cột "${s(p.header)}" không khớp chỉ tiêu nào nên bị bỏ qua; hãy sửa tiêu đề theo tệp mẫu nếu đây là số liệu cần chấm.`,
    en: (p) => `column "${s(p.header)}" matches no item and is ignored; fix its header from the template if it holds figures to score.`,
  },
  duplicate_column: {
    vi: (p) => `cột này trùng với cột ${s(p.first)} (cùng là "${s(p.key)}"); hãy xóa một cột.`,
    en: (p) => `this column repeats column ${s(p.first)} (both "${s(p.key)}"); remove one.`,
  },
  missing_value: {
    vi: (p) => `ô trống: cần ${FIELDS[s(p.field)]?.vi ?? s(p.field)}${p.item ? ` của chỉ tiêu ${s(p.item)} (đã có số còn lại; nếu đơn vị không có số liệu, để trống cả hai ô)` : ""}.`,
    en: (p) => `empty cell: ${FIELDS[s(p.field)]?.en ?? s(p.field)} is required${p.item ? ` for item ${s(p.item)} (the other one is filled; leave both empty when there is no data)` : ""}.`,
  },
  not_a_number: {
    vi: (p) => `"${s(p.shown)}" không phải là số; hãy nhập một số nguyên (số hồ sơ, số thủ tục).`,
    en: (p) => `"${s(p.shown)}" is not a number; enter a whole number (a count of dossiers or procedures).`,
  },
  not_integer: {
    vi: (p) => `"${s(p.shown)}" không phải số nguyên; số đếm không có phần thập phân (nếu là số nghìn, hãy viết 1.234 hoặc 1234).`,
    en: (p) => `"${s(p.shown)}" is not a whole number; counts have no decimals (for thousands write 1234).`,
  },
  negative: {
    vi: (p) => `"${s(p.shown)}" là số âm; số đếm phải từ 0 trở lên.`,
    en: (p) => `"${s(p.shown)}" is negative; counts are 0 or more.`,
  },
  ambiguous_number: {
    vi: (p) => `"${s(p.shown)}" không rõ nghĩa (dấu phẩy là dấu thập phân trong tiếng Việt); hãy viết số không có dấu phân cách, ví dụ 1234.`,
    en: (p) => `"${s(p.shown)}" is ambiguous (a comma is the decimal separator in Vietnamese); write the number without separators, e.g. 1234.`,
  },
  formula_without_value: {
    vi: () => "ô có công thức nhưng chưa có giá trị tính sẵn; hãy mở tệp trong Excel, lưu lại rồi nhập lại (hoặc dán giá trị).",
    en: () => "the cell holds a formula with no computed value; open and save the file in Excel, or paste values, then import again.",
  },
  too_large: {
    vi: (p) => `"${s(p.shown)}" quá lớn để là số đếm.`,
    en: (p) => `"${s(p.shown)}" is too large for a count.`,
  },
  invalid_level: {
    vi: (p) => `cấp "${s(p.shown)}" không hợp lệ; hãy dùng: tỉnh, sở (sở, ban, ngành) hoặc xã (xã, phường, đặc khu).`,
    en: (p) => `level "${s(p.shown)}" is not valid; use province, department or commune.`,
  },
  invalid_period: {
    vi: (p) => `kỳ "${s(p.shown)}" không hợp lệ; hãy viết 2026-03, 03/2026, 2026-Q1 hoặc 2026.`,
    en: (p) => `period "${s(p.shown)}" is not valid; write 2026-03, 03/2026, 2026-Q1 or 2026.`,
  },
};

export function describeImportProblem(problem: ImportProblem, params: Params, language: Language): string {
  return catalogue[problem][language](params);
}
