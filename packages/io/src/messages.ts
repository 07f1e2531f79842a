import type { Language } from "@chiso/core";
import { describeWrongContent } from "./content.js";
import { formatCount, formatNumber, formatSize } from "./format.js";

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
  | "formula_error"
  | "merged_cell"
  | "hidden_row"
  | "hidden_column"
  | "hidden_sheet"
  | "too_large"
  | "invalid_level"
  | "invalid_period"
  | "cell_too_long"
  | "cell_beyond_header"
  | "file_repeated"
  | "not_utf8"
  | "utf16_without_bom"
  | "invalid_json"
  | "json_not_object"
  | "duplicate_key"
  | "xlsx_empty"
  | "xlsx_not_zip"
  | "xlsx_legacy"
  | "xlsx_truncated"
  | "xlsx_encrypted"
  | "xlsx_corrupt"
  | "xlsx_unsupported"
  | "uncompressed_too_large"
  | "duplicate_unit_row"
  | "conflicting_unit"
  | "unit_name_differs"
  | "unit_rejected"
  | "sheet_not_read"
  | "unrecognised_table"
  | "unknown_scheme"
  | "scheme_conflict"
  | "conflicting_figures"
  | "repeated_figures"
  | "conflicting_field"
  | "answers_above_respondents"
  | "wrong_content"
  | "parent_rejected";

type Params = Readonly<Record<string, string | number>>;

const FIELDS: Readonly<Record<string, Record<Language, string>>> = {
  unit: { vi: "mã đơn vị", en: "the unit id" },
  period: { vi: "kỳ", en: "the period" },
  level: { vi: "cấp của đơn vị", en: "the unit's level" },
  numerator: { vi: "tử số", en: "the numerator" },
  denominator: { vi: "mẫu số", en: "the denominator" },
  self: { vi: "điểm tự chấm", en: "the self-assessment" },
  item: { vi: "mã câu hỏi", en: "the question code" },
  criterion: { vi: "mã tiêu chí", en: "the criterion code" },
  entry: { vi: "mục", en: "the entry" },
};
const s = (value: unknown) => String(value);
/** 32767 → "32.767" (vi) or "32,767" (en). */
const count = (value: unknown, language: Language) => formatNumber(Number(value), language);
/** A size given in bytes ("28,6 MB" in Vietnamese); text (from an older caller) is shown as it is. */
const size = (value: unknown, language: Language) => (typeof value === "number" ? formatSize(value, language) : s(value));

const JSON_EXPECTED: Readonly<Record<string, Record<Language, string>>> = {
  value: { vi: "cần một giá trị (số, chuỗi trong ngoặc kép, {…}, […], true, false hoặc null)", en: "a value was expected (a number, a quoted string, {…}, […], true, false or null)" },
  key: { vi: "cần tên trường trong ngoặc kép (có thể thừa dấu phẩy ở cuối)", en: "a quoted key was expected (perhaps a trailing comma)" },
  colon: { vi: "thiếu dấu hai chấm sau tên trường", en: "a colon was expected after the key" },
  comma_or_end: { vi: "thiếu dấu phẩy, hoặc thiếu dấu đóng ngoặc } hay ]", en: "a comma or a closing } or ] was expected" },
  end_of_text: { vi: "còn nội dung sau khi tài liệu JSON đã kết thúc", en: "there is text after the end of the JSON document" },
  string_end: { vi: "chuỗi không có dấu ngoặc kép đóng (tệp bị cắt cụt?)", en: "a string is not closed (is the file truncated?)" },
  escape: { vi: "ký tự thoát \\ không hợp lệ trong chuỗi", en: "an invalid \\ escape in a string" },
  control_character: { vi: "chuỗi chứa ký tự điều khiển (xuống dòng, tab) chưa được viết thoát", en: "a string holds an unescaped control character (line break, tab)" },
  number: { vi: "số viết sai cú pháp JSON", en: "a number is not written as JSON requires" },
  too_deep: { vi: "lồng nhau quá sâu (tệp chiso chỉ có 5 cấp)", en: "nested too deeply (a chiso file has 5 levels)" },
};

/** What a JSON scanner expected where the text stopped being JSON, in words. */
export function jsonExpected(expected: unknown, language: Language): string {
  return JSON_EXPECTED[s(expected)]?.[language] ?? s(expected);
}

/** Where the first of two clashing rows is: "tệp a.csv › trang Số liệu › dòng 5". */
function firstAt(p: Params, language: Language): string {
  const vi = language === "vi";
  return [
    p.firstFile ? `${vi ? "tệp" : "file"} ${s(p.firstFile)}` : "",
    p.firstSheet ? `${vi ? "trang" : "sheet"} ${s(p.firstSheet)}` : "",
    p.firstRow !== undefined ? `${vi ? "dòng" : "row"} ${s(p.firstRow)}` : p.firstLine !== undefined ? `${vi ? "dòng" : "line"} ${s(p.firstLine)}` : "",
    p.firstPath ? s(p.firstPath) : "",
  ]
    .filter(Boolean)
    .join(" › ");
}

const FIELD_NAMES: Readonly<Record<string, Record<Language, string>>> = {
  name: { vi: "tên", en: "name" },
  level: { vi: "cấp", en: "level" },
  parent: { vi: "đơn vị cấp trên", en: "parent" },
};

const catalogue: Record<ImportProblem, Record<Language, (p: Params) => string>> = {
  wrong_content: {
    vi: (p) => describeWrongContent(p, "vi"),
    en: (p) => describeWrongContent(p, "en"),
  },
  answers_above_respondents: {
    vi: (p) => `câu hỏi ${s(p.item)} có tổng số câu trả lời (${count(p.answered, "vi")}) lớn hơn số người được khảo sát (${count(p.respondents, "vi")}); hãy kiểm tra lại số người ở từng mức và số người được khảo sát.`,
    en: (p) => `question ${s(p.item)} has ${formatCount(Number(p.answered), { vi: "câu trả lời", en: "answer" }, "en")}, more than the ${formatCount(Number(p.respondents), { vi: "người", en: "respondent" }, "en")} surveyed; check the count at each level and the number of respondents.`,
  },
  file_too_large: {
    vi: (p) => `tệp ${p.size === undefined ? "" : `lớn ${size(p.size, "vi")}, `}vượt giới hạn ${size(p.limit, "vi")}; hãy tách theo tháng hoặc tăng giới hạn (--max-size).`,
    en: (p) => `the file is ${p.size === undefined ? "" : `${size(p.size, "en")}, `}over the ${size(p.limit, "en")} limit; split it by month or raise the limit (--max-size).`,
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
    en: (p) => `empty cell: ${FIELDS[s(p.field)]?.en ?? s(p.field)} is required${p.item ? ` for item ${s(p.itemEn ?? p.item)} (the other one is filled; leave both empty when there is no data)` : ""}.`,
  },
  not_a_number: {
    vi: (p) => `"${s(p.shown)}" không phải là số; hãy nhập một số, không kèm chữ (ví dụ 12 hoặc 1.234).`,
    en: (p) => `"${s(p.shown)}" is not a number; enter a number without words (e.g. 12 or 1234).`,
  },
  not_integer: {
    // A numeric cell holds a decimal: shown in the reader's notation, and advice that fits it (a number
    // typed 1.234 into an Excel that reads "." as the decimal point meant 1234; 12.5 meant nothing whole).
    vi: (p) =>
      p.decimal !== undefined
        ? `ô chứa số thập phân ${s(p.decimal).replace(".", ",")}, không phải số nguyên; số đếm không có phần thập phân. ${p.whole !== undefined ? `Nếu ý là ${s(p.whole)} (dấu chấm ngăn cách nghìn bị Excel hiểu là dấu thập phân), hãy nhập ${s(p.whole)} không có dấu chấm.` : "Hãy nhập đúng số đếm (số nguyên)."}`
        : `"${s(p.shown)}" có phần thập phân, không phải số nguyên; số đếm không có phần thập phân: hãy nhập đúng số đếm (số nguyên).`,
    en: (p) =>
      p.decimal !== undefined
        ? `the cell holds the decimal ${s(p.decimal)}, not a whole number; counts have no decimals. ${p.whole !== undefined ? `If ${s(p.whole)} was meant (a thousands separator read as a decimal point), enter ${s(p.whole)} without separators.` : "Enter the count as a whole number."}`
        : `"${s(p.shown)}" has decimals, not a whole number; counts have no decimals: enter the count as a whole number.`,
  },
  negative: {
    vi: (p) => `"${s(p.shown)}" là số âm; số đếm phải từ 0 trở lên.`,
    en: (p) => `"${s(p.shown)}" is negative; counts are 0 or more.`,
  },
  ambiguous_number: {
    vi: (p) => `"${s(p.shown)}" không rõ nghĩa (dấu phẩy là dấu thập phân trong tiếng Việt); hãy viết số không có dấu phân cách, ví dụ 1234.`,
    en: (p) => `"${s(p.shown)}" is ambiguous (a comma is the decimal separator in Vietnamese); write the number without separators, e.g. 1234.`,
  },
  formula_error: {
    vi: (p) => `ô có công thức bị lỗi (${s(p.shown)}), không có số; hãy sửa công thức (ví dụ chia cho ô trống hay bằng 0 cho ra #DIV/0!) hoặc nhập số trực tiếp.`,
    en: (p) => `the cell holds a formula that failed (${s(p.shown)}), not a number; fix the formula (a division by an empty or 0 cell gives #DIV/0!) or type the number.`,
  },
  merged_cell: {
    vi: (p) => `ô ${s(p.cell)} thuộc vùng gộp ${s(p.range)} nên không có giá trị riêng (chỉ ô đầu ${s(p.first)} giữ giá trị); hãy bỏ gộp ô (Trang đầu › Gộp & Căn giữa › Bỏ gộp ô / Unmerge) rồi điền từng ô.`,
    en: (p) => `cell ${s(p.cell)} is inside the merged range ${s(p.range)}, so it holds no value of its own (only ${s(p.first)} does); unmerge the cells (Home › Merge & Center › Unmerge Cells) and fill each cell.`,
  },
  hidden_row: {
    vi: (p) => `dòng này đang bị ẩn trong Excel nhưng vẫn được đọc như mọi dòng khác ${p.used === "yes" ? "và đã được chấm" : p.used === "row" ? "(dòng không được chấm vì có lỗi, xem lỗi của dòng)" : p.used === "file" ? "(chưa được chấm vì tệp còn lỗi)" : "(được chấm nếu không có lỗi)"}; nếu dòng không được dùng, hãy xóa dòng; nếu có, hãy bỏ ẩn để người kiểm tra thấy.`,
    en: (p) => `this row is hidden in Excel but is read like any other ${p.used === "yes" ? "and was scored" : p.used === "row" ? "(it is not scored because of its own problems, listed with it)" : p.used === "file" ? "(not scored yet because the file has errors)" : "(scored unless it has problems)"}; if it is not meant to be used, delete it; if it is, unhide it so that reviewers see it.`,
  },
  hidden_column: {
    vi: (p) => `cột này đang bị ẩn trong Excel nhưng có số liệu (${s(p.rows)} dòng) và vẫn được đọc (và chấm ở các dòng không có lỗi); hãy bỏ ẩn cột để người kiểm tra thấy, hoặc xóa số liệu nếu không dùng.`,
    en: (p) => `this column is hidden in Excel but holds figures (${s(p.rows)} rows), which are read (and scored in rows without problems); unhide it so that reviewers see it, or clear it if it is not meant to be used.`,
  },
  hidden_sheet: {
    vi: (p) => `trang này đang bị ẩn trong Excel nhưng có ${s(p.rows)} dòng và vẫn được đọc (và dùng ở các dòng không có lỗi); hãy bỏ ẩn trang (chuột phải vào tên trang › Bỏ ẩn) để người kiểm tra thấy, hoặc xóa trang nếu không dùng.`,
    en: (p) => `this sheet is hidden in Excel but has ${s(p.rows)} rows, which are read (and used where they have no problems); unhide it (right-click a sheet tab › Unhide) so that reviewers see it, or delete it if it is not meant to be used.`,
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
  file_repeated: {
    vi: () => "tệp được chỉ định nhiều lần; chỉ đọc một lần.",
    en: () => "the file is given more than once; it is read once.",
  },
  cell_beyond_header: {
    vi: (p) => `ô có giá trị "${s(p.shown)}" nằm ngoài ${s(p.columns)} cột có tiêu đề; nếu đây là dòng bị lệch cột (dấu phân cách trong tên không có ngoặc kép), hãy sửa dòng; nếu là ghi chú, hãy xóa.`,
    en: (p) => `the cell holds "${s(p.shown)}" beyond the ${s(p.columns)} titled columns; if the row is shifted (a separator inside an unquoted name), correct it; if it is a note, remove it.`,
  },
  cell_too_long: {
    vi: (p) => `ô dài ${count(p.shown, "vi")} ký tự, vượt giới hạn ${count(p.limit, "vi")} ký tự một ô của Excel; hãy rút gọn nội dung.`,
    en: (p) => `the cell holds ${count(p.shown, "en")} characters, over Excel's limit of ${count(p.limit, "en")} per cell; shorten it.`,
  },
  not_utf8: {
    vi: (p) => `tệp không được lưu theo bảng mã UTF-8 (từ dòng ${s(p.line)}, các byte ${s(p.bytes)} — có thể là Windows-1258, TCVN3 hay VNI), nên chữ tiếng Việt sẽ bị đọc sai; hãy lưu lại dạng UTF-8: trong Excel chọn Tệp › Lưu thành › "CSV UTF-8 (Comma delimited)"; trong Notepad chọn Lưu thành › Mã hóa: UTF-8.`,
    en: (p) => `the file is not saved as UTF-8 (from line ${s(p.line)}, bytes ${s(p.bytes)} — perhaps Windows-1258, TCVN3 or VNI), so Vietnamese text would be misread; save it as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in Notepad, Save As › Encoding: UTF-8.`,
  },
  utf16_without_bom: {
    vi: () => `tệp có vẻ được lưu theo UTF-16 nhưng thiếu dấu BOM nên không xác định được thứ tự byte; hãy lưu lại dạng UTF-8 (Excel: Tệp › Lưu thành › "CSV UTF-8").`,
    en: () => `the file looks like UTF-16 without a byte-order mark, so its byte order is unknown; save it as UTF-8 (Excel: File › Save As › "CSV UTF-8").`,
  },
  invalid_json: {
    vi: (p) => `không phải JSON hợp lệ ở cột ${s(p.column)}: ${JSON_EXPECTED[s(p.expected)]?.vi ?? s(p.expected)}.`,
    en: (p) => `not valid JSON at column ${s(p.column)}: ${JSON_EXPECTED[s(p.expected)]?.en ?? s(p.expected)}.`,
  },
  json_not_object: {
    vi: (p) => `tệp JSON phải là một đối tượng { "units": […], "figures": […] }, nhưng ở cấp ngoài cùng là ${({ array: "một mảng […]", null: "null", string: "một chuỗi", number: "một số", boolean: "một giá trị đúng/sai" } as Record<string, string>)[s(p.kind)] ?? s(p.kind)}; xem tệp mẫu trong docs/input-format.md.`,
    en: (p) => `a JSON figures file must be an object { "units": […], "figures": […] }, but its top level is ${({ array: "an array […]", null: "null", string: "a string", number: "a number", boolean: "a boolean" } as Record<string, string>)[s(p.kind)] ?? s(p.kind)}; see docs/input-format.md.`,
  },
  duplicate_key: {
    vi: (p) => `trường "${s(p.key)}" được viết hai lần trong cùng một đối tượng (JSON chỉ giữ lần cuối, lần trước sẽ bị mất); hãy giữ lại một.`,
    en: (p) => `the key "${s(p.key)}" appears twice in one object (JSON keeps only the last, silently dropping the first); keep one.`,
  },
  xlsx_empty: {
    vi: () => "tệp rỗng (0 byte); hãy lưu lại tệp từ Excel rồi nhập lại.",
    en: () => "the file is empty (0 bytes); save it again from Excel and import it again.",
  },
  xlsx_not_zip: {
    vi: () => "tệp không phải là bảng tính .xlsx (có thể là tệp khác bị đổi đuôi); hãy mở trong Excel và lưu dạng \"Excel Workbook (.xlsx)\".",
    en: () => "the file is not an .xlsx workbook (perhaps another file renamed); open it in Excel and save it as \"Excel Workbook (.xlsx)\".",
  },
  xlsx_legacy: {
    vi: () => "tệp là bảng tính Excel 97–2003 (.xls) hoặc đã đặt mật khẩu; hãy bỏ mật khẩu và lưu dạng \"Excel Workbook (.xlsx)\".",
    en: () => "the file is an Excel 97–2003 workbook (.xls) or password-protected; remove the password and save it as \"Excel Workbook (.xlsx)\".",
  },
  xlsx_truncated: {
    vi: () => "tệp .xlsx bị cắt cụt hoặc hỏng (thiếu phần cuối của tệp nén); hãy chép lại tệp gốc hoặc lưu lại từ Excel.",
    en: () => "the .xlsx file is truncated or damaged (the end of the archive is missing); copy the original again or save it again from Excel.",
  },
  xlsx_encrypted: {
    vi: () => "tệp .xlsx được mã hóa; hãy bỏ mật khẩu rồi lưu lại.",
    en: () => "the .xlsx file is encrypted; remove the password and save it again.",
  },
  xlsx_corrupt: {
    vi: (p) => `tệp .xlsx bị hỏng (phần ${s(p.entry)} không đọc được); hãy mở trong Excel, lưu lại rồi nhập lại.`,
    en: (p) => `the .xlsx file is damaged (its part ${s(p.entry)} cannot be read); open it in Excel, save it again and import it again.`,
  },
  xlsx_unsupported: {
    vi: (p) => `tệp .xlsx dùng định dạng nén không được hỗ trợ (${s(p.detail)}); hãy lưu lại từ Excel.`,
    en: (p) => `the .xlsx file uses an unsupported archive feature (${s(p.detail)}); save it again from Excel.`,
  },
  uncompressed_too_large: {
    vi: (p) => `khi giải nén, tệp vượt ${size(p.limit, "vi")} (tệp bình thường của một tỉnh chỉ vài MB; đây có thể là tệp độc hại); nếu tệp đúng, hãy tách theo tháng.`,
    en: (p) => `once unpacked the file exceeds ${size(p.limit, "en")} (a province's file is a few MB; this may be a malicious file); if it is genuine, split it by month.`,
  },
  duplicate_unit_row: {
    vi: (p) => `mã đơn vị "${s(p.unit)}" đã có ở dòng ${s(p.first)}; mỗi đơn vị chỉ ghi một dòng — hãy xóa dòng trùng hoặc sửa mã.`,
    en: (p) => `unit id "${s(p.unit)}" is already on row ${s(p.first)}; list each unit once — remove the repeated row or fix the id.`,
  },
  unit_name_differs: {
    vi: (p) => `tên đơn vị "${s(p.shown)}" ở dòng này khác với tên "${s(p.used)}" của đơn vị "${s(p.unit)}" ở ${firstAt(p, "vi")}; số liệu vẫn được đọc, và mọi báo cáo dùng tên "${s(p.used)}" (của trang đơn vị). Nếu tên đó sai, hãy sửa ở ${firstAt(p, "vi")}; nếu không, sửa tên ở dòng này cho thống nhất.`,
    en: (p) => `the unit name "${s(p.shown)}" on this row differs from the name "${s(p.used)}" of unit "${s(p.unit)}" at ${firstAt(p, "en")}; the figures are read all the same, and every document uses "${s(p.used)}" (the units sheet's). If that name is wrong, correct it at ${firstAt(p, "en")}; otherwise correct the name on this row to match.`,
  },
  conflicting_unit: {
    vi: (p) => `đơn vị "${s(p.unit)}" có ${FIELD_NAMES[s(p.field)]?.vi ?? s(p.field)} "${s(p.value)}", khác với "${s(p.firstValue)}" ở ${firstAt(p, "vi")}; không biết thông tin nào đúng nên các dòng của đơn vị này bị từ chối — hãy sửa cho thống nhất.`,
    en: (p) => `unit "${s(p.unit)}" has ${FIELD_NAMES[s(p.field)]?.en ?? s(p.field)} "${s(p.value)}" here but "${s(p.firstValue)}" at ${firstAt(p, "en")}; as it is unclear which is right, the unit's rows are rejected — make them agree.`,
  },
  unit_rejected: {
    vi: (p) => (firstAt(p, "vi") ? `dòng của đơn vị "${s(p.unit)}" bị từ chối theo đơn vị này: chính đơn vị bị từ chối ở ${firstAt(p, "vi")} (xem lỗi ở đó); sửa dòng đó là đủ.` : `dòng của đơn vị "${s(p.unit)}" bị từ chối vì thông tin đơn vị này có lỗi (xem lỗi của đơn vị).`),
    en: (p) => (firstAt(p, "en") ? `the row of unit "${s(p.unit)}" is rejected with its unit: the unit itself is refused at ${firstAt(p, "en")} (see the problem there); fixing that row is enough.` : `the row of unit "${s(p.unit)}" is rejected because the unit's own details have a problem (see the unit's problem).`),
  },
  parent_rejected: {
    vi: (p) => `đơn vị cấp trên "${s(p.parent)}" của "${s(p.unit)}" bị từ chối ở ${firstAt(p, "vi") || "dòng của nó"} (xem lỗi ở đó), nên "${s(p.unit)}" cũng chưa được nhận; sửa dòng đó là đủ.`,
    en: (p) => `the parent "${s(p.parent)}" of "${s(p.unit)}" is refused at ${firstAt(p, "en") || "its own row"} (see the problem there), so "${s(p.unit)}" is not accepted either; fixing that row is enough.`,
  },
  sheet_not_read: {
    vi: (p) => p.notes ? `trang này (${s(p.rows)} dòng có nội dung) có cột mã đơn vị nhưng không có cột số liệu và không có số nào, nên được coi là trang ghi chú và không được đọc; nếu trang có số liệu cần chấm, hãy đặt tiêu đề theo tệp mẫu.` : `trang này (${s(p.rows)} dòng có nội dung) không được đọc vì không nhận ra dòng tiêu đề nào (Mã đơn vị, Kỳ, các cột tử số/mẫu số); nếu trang có số liệu cần chấm, hãy đặt tiêu đề theo tệp mẫu.`,
    en: (p) => p.notes ? `this sheet (${s(p.rows)} non-empty rows) has a unit id column but no figure columns and no numbers, so it is taken as notes and not read; if it holds figures to score, use the template's headers.` : `this sheet (${s(p.rows)} non-empty rows) is not read: no header row was recognised (unit id, period, numerator/denominator columns); if it holds figures to score, use the template's headers.`,
  },
  unrecognised_table: {
    vi: (p) => `trang này có cột mã đơn vị (dòng ${s(p.row)}) nhưng không nhận ra cột số liệu nào, nên ${count(p.rows, "vi")} dòng của trang không được chấm; hãy đặt tiêu đề cột theo tệp mẫu (ví dụ "2.1 Tử số", "2.1 Mẫu số").`,
    en: (p) => `this sheet has a unit id column (row ${s(p.row)}) but no recognised figure columns, so its ${formatCount(Number(p.rows), { vi: "dòng", en: "row" }, "en")} would not be scored; use the template's column headers (e.g. "2.1 Numerator", "2.1 Denominator").`,
  },
  unknown_scheme: {
    vi: (p) => `tệp khai báo phương án chấm điểm "${s(p.scheme)}" nhưng chiso không có phương án này (có: ${s(p.known)}); hãy sửa trường "scheme" hoặc chỉ định tệp phương án bằng --scheme.`,
    en: (p) => `the file declares the scheme "${s(p.scheme)}", which chiso does not have (it has: ${s(p.known)}); fix the "scheme" field or give the scheme file with --scheme.`,
  },
  scheme_conflict: {
    vi: (p) => `tệp khai báo phương án chấm điểm "${s(p.declared)}" nhưng lệnh dùng "${s(p.chosen)}"; hãy bỏ --scheme, hoặc sửa trường "scheme" của tệp cho khớp.`,
    en: (p) => `the file declares the scheme "${s(p.declared)}" but the command uses "${s(p.chosen)}"; drop --scheme, or fix the file's "scheme" field to match.`,
  },
  conflicting_figures: {
    vi: (p) => `đơn vị "${s(p.unit)}" kỳ ${s(p.period)} đã có số liệu khác ở ${firstAt(p, "vi")}; không biết số nào đúng nên cả hai dòng bị từ chối — hãy giữ số liệu ở một tệp.`,
    en: (p) => `unit "${s(p.unit)}" for ${s(p.period)} already has different figures at ${firstAt(p, "en")}; as it is unclear which are right, both rows are rejected — keep the figures in one file.`,
  },
  conflicting_field: {
    vi: (p) => `trường "${s(p.field)}" của tệp này khác với ở ${firstAt(p, "vi")}; các tệp ghép với nhau phải ghi trường này giống nhau — hãy sửa cho thống nhất hoặc nhập riêng từng tệp.`,
    en: (p) => `the field "${s(p.field)}" of this file differs from the one at ${firstAt(p, "en")}; files merged together must agree on it — make them agree or import them separately.`,
  },
  repeated_figures: {
    vi: (p) => `đơn vị "${s(p.unit)}" kỳ ${s(p.period)} có số liệu giống hệt ở ${firstAt(p, "vi")}; chỉ tính một lần.`,
    en: (p) => `unit "${s(p.unit)}" for ${s(p.period)} has identical figures at ${firstAt(p, "en")}; counted once.`,
  },
};

/** Whether a code is one of io's own (else it is the core's): the catalogue is the one list. */
export function isImportProblem(code: string): code is ImportProblem {
  return Object.hasOwn(catalogue, code);
}

export function describeImportProblem(problem: ImportProblem, params: Params, language: Language): string {
  return catalogue[problem][language](params);
}
