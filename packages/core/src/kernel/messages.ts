import type { Issue, IssueCode } from "./errors.js";
import { formatNumber } from "./format.js";

/** Languages chiso writes messages and reports in. Vietnamese is the default everywhere. */
export type Language = "vi" | "en";

type Params = Issue["params"];
type Describe = (p: Params) => string;

const str = (value: unknown): string => String(value);
const LEVELS_VI: Readonly<Record<string, string>> = { province: "tỉnh", department: "sở, ban, ngành", commune: "xã" };
const levelVi = (level: unknown) => LEVELS_VI[String(level)] ?? String(level);
/** zod's type names as an office reads them ("5" in quotes stays as it is: it is the value received). */
const TYPES_VI: Readonly<Record<string, string>> = { number: "một số", string: "một chuỗi chữ", object: "một đối tượng { … }", array: "một danh sách […]", boolean: "đúng/sai", tuple: "một cặp [tử số, mẫu số]", record: "một đối tượng { … }", null: "null", undefined: "không có giá trị", int: "một số nguyên" };
const typeVi = (type: unknown) => TYPES_VI[String(type)] ?? str(type);

/**
 * What each issue means, in Vietnamese and English: what is wrong and how to fix it.
 * Kept as constants so tests can pin them with inline snapshots.
 */
const catalogue: Record<IssueCode, Record<Language, Describe>> = {
  invalid_type: {
    vi: (p) => `kiểu dữ liệu không đúng: cần ${typeVi(p.expected)}, nhận được ${typeVi(p.received)}.`,
    en: (p) => `wrong type: expected ${str(p.expected)}, received ${str(p.received)}.`,
  },
  invalid_value: {
    vi: (p) => `giá trị không hợp lệ${p.detail ? ` (${str(p.detail)})` : ""}${p.allowed ? `; hãy dùng một trong: ${str(p.allowed)}` : ""}.`,
    en: (p) => `invalid value${p.detail ? ` (${str(p.detail)})` : ""}${p.allowed ? `; use one of: ${str(p.allowed)}` : ""}.`,
  },
  required: {
    vi: () => "thiếu trường bắt buộc; hãy bổ sung.",
    en: () => "required field is missing; add it.",
  },
  unrecognized_key: {
    vi: (p) => `trường không được hỗ trợ "${str(p.key)}"; hãy xóa hoặc sửa tên trường.`,
    en: (p) => `unsupported field "${str(p.key)}"; remove it or correct its name.`,
  },
  not_integer: {
    vi: (p) => `phải là số nguyên (số hồ sơ, số thủ tục), nhận được ${str(p.received)}; hãy nhập số đếm không có phần thập phân.`,
    en: (p) => `must be a whole number (a count of dossiers or procedures), received ${str(p.received)}; enter a count without decimals.`,
  },
  negative: {
    vi: (p) => `không được âm, nhận được ${str(p.received)}; hãy nhập số từ 0 trở lên.`,
    en: (p) => `must not be negative, received ${str(p.received)}; enter 0 or more.`,
  },
  too_small: {
    vi: (p) => `giá trị quá nhỏ (${str(p.received)}); phải ${p.inclusive ? "từ" : "lớn hơn"} ${str(p.minimum)}.`,
    en: (p) => `value too small (${str(p.received)}); must be ${p.inclusive ? "at least" : "greater than"} ${str(p.minimum)}.`,
  },
  too_large: {
    vi: (p) => `giá trị quá lớn (${str(p.received)}); tối đa ${str(p.maximum)}.`,
    en: (p) => `value too large (${str(p.received)}); at most ${str(p.maximum)}.`,
  },
  numerator_above_denominator: {
    vi: (p) => `tử số (${str(p.numerator)}) lớn hơn mẫu số (${str(p.denominator)}); hãy kiểm tra lại hai số liệu của chỉ tiêu ${str(p.itemVi ?? p.item)}.`,
    en: (p) => `numerator (${str(p.numerator)}) is greater than denominator (${str(p.denominator)}); check both figures of item ${str(p.itemEn ?? p.item)}.`,
  },
  unknown_item: {
    vi: (p) => `mã chỉ tiêu "${str(p.item)}" không có trong phương án ${str(p.scheme)}; hãy dùng một mã hợp lệ (xem docs/indicators).`,
    en: (p) => `item code "${str(p.item)}" is not in scheme ${str(p.scheme)}; use a valid code (see docs/indicators).`,
  },
  unknown_block: {
    vi: (p) => `mã khối "${str(p.block)}" không có trong phương án ${str(p.scheme)}; hãy dùng một mã khối hợp lệ (TRANSPARENCY, TIMELINESS, ONLINE_SERVICE, ONLINE_PAYMENT, DIGITIZATION, SATISFACTION).`,
    en: (p) => `block code "${str(p.block)}" is not in scheme ${str(p.scheme)}; use a valid block code (TRANSPARENCY, TIMELINESS, ONLINE_SERVICE, ONLINE_PAYMENT, DIGITIZATION, SATISFACTION).`,
  },
  unknown_format: {
    vi: (p) => `định dạng "${str(p.received)}" không được hỗ trợ; tệp số liệu của chiso có định dạng "${str(p.expected)}".`,
    en: (p) => `format "${str(p.received)}" is not supported; chiso's figures files have format "${str(p.expected)}".`,
  },
  sum_too_large: {
    vi: (p) => `các số liệu của chỉ tiêu ${str(p.itemVi ?? p.item)} cộng lại vượt quá ${formatNumber(str(p.maximum), "vi")}, không thể cộng chính xác; hãy kiểm tra lại số liệu (số quá lớn).`,
    en: (p) => `the counts of item ${str(p.itemEn ?? p.item)} add up to more than ${formatNumber(str(p.maximum), "en")} and cannot be added exactly; check the figures (numbers far too large).`,
  },
  unknown_unit: {
    vi: (p) => `đơn vị "${str(p.unit)}" chưa được khai báo trong danh sách đơn vị; hãy thêm đơn vị hoặc sửa mã.`,
    en: (p) => `unit "${str(p.unit)}" is not declared in the units list; add the unit or correct the id.`,
  },
  duplicate_unit: {
    vi: (p) => `mã đơn vị "${str(p.unit)}" bị khai báo lặp (lần đầu ở ${str(p.first)}); mỗi đơn vị chỉ khai báo một lần.`,
    en: (p) => `unit id "${str(p.unit)}" is declared twice (first at ${str(p.first)}); declare each unit once.`,
  },
  duplicate_unit_period: {
    vi: (p) => `số liệu của đơn vị "${str(p.unit)}" kỳ ${str(p.period)} bị lặp (lần đầu ở ${str(p.first)}); hãy giữ một dòng.`,
    en: (p) => `figures for unit "${str(p.unit)}" in period ${str(p.period)} appear twice (first at ${str(p.first)}); keep one row.`,
  },
  parent_level: {
    vi: (p) => `đơn vị "${str(p.unit)}" (${levelVi(p.level)}) không thể trực thuộc "${str(p.parent)}" (${levelVi(p.parentLevel)}): ${p.level === "province" ? "tỉnh không có đơn vị cấp trên" : p.level === "commune" ? "xã trực thuộc tỉnh" : "sở trực thuộc tỉnh (hoặc một sở)"}; hãy sửa mã đơn vị cấp trên.`,
    en: (p) => `unit "${str(p.unit)}" (${str(p.level)}) cannot belong to "${str(p.parent)}" (${str(p.parentLevel)}): ${p.level === "province" ? "a province has no parent" : p.level === "commune" ? "a commune belongs to its province" : "a department belongs to its province (or to a department)"}; correct the parent id.`,
  },
  control_character: {
    vi: (p) => `có ký tự điều khiển không in được (${str(p.character)}); hãy xóa ký tự đó.`,
    en: (p) => `contains a control character that cannot be printed (${str(p.character)}); remove it.`,
  },
  missing_parent: {
    vi: (p) => `đơn vị cấp trên "${str(p.parent)}" của "${str(p.unit)}" không có trong danh sách đơn vị; hãy thêm đơn vị cấp trên hoặc sửa mã.`,
    en: (p) => `parent "${str(p.parent)}" of unit "${str(p.unit)}" is not in the units list; add the parent or correct the id.`,
  },
  parent_cycle: {
    vi: (p) => `quan hệ cấp trên của "${str(p.unit)}" tạo thành vòng lặp; hãy sửa mã đơn vị cấp trên.`,
    en: (p) => `the parent chain of "${str(p.unit)}" loops back on itself; correct the parent ids.`,
  },
  invalid_period: {
    vi: (p) => `kỳ "${str(p.received)}" không hợp lệ; hãy viết theo dạng 2026-03 (tháng), 2026-Q1 (quý) hoặc 2026 (năm)${p.minYear ? `, năm từ ${str(p.minYear)} đến ${str(p.maxYear)}` : ""}.`,
    en: (p) => `period "${str(p.received)}" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year)${p.minYear ? `, a year from ${str(p.minYear)} to ${str(p.maxYear)}` : ""}.`,
  },
  invalid_date: {
    vi: (p) => `ngày "${str(p.received)}" không hợp lệ; hãy viết một ngày có thật theo dạng YYYY-MM-DD, ví dụ 2026-11-30.`,
    en: (p) => `date "${str(p.received)}" is not valid; write a day that exists as YYYY-MM-DD, e.g. 2026-11-30.`,
  },
  scheme_duplicate_code: {
    vi: (p) => `mã "${str(p.code)}" bị lặp trong phương án; mỗi mã phải là duy nhất.`,
    en: (p) => `code "${str(p.code)}" is used twice in the scheme; codes must be unique.`,
  },
  scheme_unknown_group: {
    vi: (p) => `chỉ tiêu thuộc nhóm "${str(p.group)}" không tồn tại; nhóm hợp lệ: ${str(p.allowed)}.`,
    en: (p) => `item belongs to group "${str(p.group)}", which does not exist; groups: ${str(p.allowed)}.`,
  },
  scheme_unknown_block: {
    vi: (p) => `chỉ tiêu thuộc khối "${str(p.block)}" không tồn tại; khối hợp lệ: ${str(p.allowed)}.`,
    en: (p) => `item belongs to block "${str(p.block)}", which does not exist; blocks: ${str(p.allowed)}.`,
  },
  scheme_group_sum: {
    vi: (p) => `tổng điểm tối đa các chỉ tiêu của nhóm ${str(p.group)} là ${str(p.sum)}, khác điểm tối đa của nhóm (${str(p.max)}); hãy sửa cho bằng nhau.`,
    en: (p) => `the items of group ${str(p.group)} add up to ${str(p.sum)} points, not the group's maximum of ${str(p.max)}; make them equal.`,
  },
  scheme_block_sum: {
    vi: (p) => `tổng điểm tối đa các chỉ tiêu của khối ${str(p.block)} là ${str(p.sum)}, khác điểm tối đa của khối (${str(p.max)}); hãy sửa cho bằng nhau.`,
    en: (p) => `the items of block ${str(p.block)} add up to ${str(p.sum)} points, not the block's maximum of ${str(p.max)}; make them equal.`,
  },
  scheme_transfer_target: {
    vi: (p) => `chỉ tiêu chuyển điểm sang "${str(p.target)}", nhưng chỉ tiêu đó ${str(p.reason)}.`,
    en: (p) => `item transfers its points to "${str(p.target)}", but that item ${str(p.reasonEn)}.`,
  },
  scheme_band_order: {
    vi: () => "các mức xếp loại phải theo thứ tự ngưỡng giảm dần và không trùng nhau.",
    en: () => "grade bands must be listed by strictly decreasing minimum.",
  },
};

/** The message for one issue, without its path. */
export function describeIssue(issue: Issue, language: Language): string {
  return catalogue[issue.code][language](issue.params);
}
