import type { Language } from "@chiso/core";
import { describeWrongContent } from "../content.js";
import { formatCount, formatNumber, formatSize } from "../format.js";
import { describeImportProblem, jsonExpected } from "../messages.js";

/** Problems found while reading the portal's responses, before or besides the core's own validation. */
export type PortalProblem =
  // the file
  | "no_responses"
  | "invalid_period"
  | "retrieved_before_period"
  | "file_too_large"
  | "empty_file"
  | "html_page"
  | "not_json"
  | "not_utf8"
  | "wrong_content"
  | "not_envelope"
  | "portal_error"
  | "unknown_endpoint"
  // a field
  | "missing_field"
  | "wrong_type"
  | "not_integer"
  | "negative"
  | "too_large"
  | "unknown_value"
  | "invalid_field"
  | "unknown_fields"
  // metrics and maxima
  | "unknown_metric"
  | "missing_metric"
  | "duplicate_metric"
  | "half_null_counts"
  | "metric_max_mismatch"
  | "block_max_mismatch"
  | "metric_not_in_scope"
  // across records and responses
  | "duplicate_endpoint"
  | "other_province"
  | "root_not_province"
  | "root_among_units"
  | "duplicate_unit"
  | "unit_conflict"
  | "unit_name_differs"
  | "code_outside_province"
  | "period_mismatch"
  | "months_missing"
  | "period_unconfirmed"
  | "chart_unreadable"
  | "scope_one_procedure"
  | "scope_all_procedures"
  // warnings about completeness and display-only fields
  | "missing_endpoint"
  | "truncated_list"
  | "more_pages"
  | "chart_ignored"
  | "unit_not_in_all"
  | "overdue_mismatch"
  | "dossier_total_mismatch"
  | "ratio_out_of_range"
  | "score_out_of_range"
  | "period_unchecked";

export type PortalParams = Readonly<Record<string, string | number>>;

const s = (value: unknown) => String(value);
/** A number the portal or a scheme gives ("22,5" in Vietnamese); text is shown as it is. */
const num = (value: unknown, language: Language) => (typeof value === "number" ? formatNumber(value, language) : s(value));

/** Names of the endpoints and blocks, for messages. */
const ENDPOINT_NAMES: Readonly<Record<string, Record<Language, string>>> = {
  transparency: { vi: "công khai, minh bạch (transparency)", en: "transparency" },
  "dvc-progress-tree": { vi: "tiến độ giải quyết (dvc-progress-tree)", en: "processing progress (dvc-progress-tree)" },
  "provide-online-tree": { vi: "dịch vụ công trực tuyến (provide-online-tree)", en: "online public services (provide-online-tree)" },
  "formality-online-payment-tree": { vi: "thanh toán trực tuyến (formality-online-payment-tree)", en: "online payment (formality-online-payment-tree)" },
  "dossier-digitized": { vi: "số hóa hồ sơ (dossier-digitized)", en: "digitization (dossier-digitized)" },
  "handling-satisfaction": { vi: "mức độ hài lòng (handling-satisfaction)", en: "satisfaction (handling-satisfaction)" },
};
const endpointName = (value: unknown, language: Language) => ENDPOINT_NAMES[s(value)]?.[language] ?? s(value);
const endpointList = (value: unknown, language: Language) => s(value).split(",").filter(Boolean).map((name) => endpointName(name, language)).join("; ");

const TYPE_NAMES: Readonly<Record<string, Record<Language, string>>> = {
  number: { vi: "một số", en: "a number" },
  int: { vi: "một số nguyên", en: "a whole number" },
  string: { vi: "một chuỗi ký tự", en: "text" },
  array: { vi: "một danh sách", en: "a list" },
  object: { vi: "một đối tượng { … }", en: "an object { … }" },
  boolean: { vi: "true hoặc false", en: "true or false" },
  null: { vi: "null", en: "null" },
};
const typeName = (value: unknown, language: Language) => TYPE_NAMES[s(value)]?.[language] ?? s(value);

const catalogue: Record<PortalProblem, Record<Language, (p: PortalParams) => string>> = {
  no_responses: {
    vi: () => "chưa có tệp phản hồi nào; hãy chỉ ra các tệp JSON đã lưu từ Cổng DVCQG (chiso portal fetch lưu được cả sáu).",
    en: () => "no response files given; name the JSON files saved from the portal (chiso portal fetch saves all six).",
  },
  retrieved_before_period: {
    vi: (p) => `các phản hồi được tải ngày ${s(p.retrieved)} (--retrieved-at), trước khi kỳ ${s(p.period)} bắt đầu (${s(p.start)}): chúng không thể là của kỳ này — hãy kiểm tra --period và --retrieved-at.`,
    en: (p) => `the responses were retrieved on ${s(p.retrieved)} (--retrieved-at), before the period ${s(p.period)} began (${s(p.start)}): they cannot be of it — check --period and --retrieved-at.`,
  },
  invalid_period: {
    vi: (p) => `kỳ "${s(p.shown)}" không hợp lệ; hãy viết 2026-08 (tháng), 2026-Q3 (quý) hoặc 2026 (năm).`,
    en: (p) => `period "${s(p.shown)}" is not valid; write 2026-08 (month), 2026-Q3 (quarter) or 2026 (year).`,
  },
  file_too_large: {
    vi: (p) => `tệp lớn ${formatSize(Number(p.size), "vi")}, vượt giới hạn ${formatSize(Number(p.limit), "vi")}; phản hồi của một tỉnh chỉ vài trăm KB — hãy kiểm tra đúng tệp chưa.`,
    en: (p) => `the file is ${formatSize(Number(p.size), "en")}, over the ${formatSize(Number(p.limit), "en")} limit; a province's response is a few hundred KB — check that this is the right file.`,
  },
  empty_file: {
    vi: () => "tệp rỗng; hãy lưu lại phản hồi của Cổng DVCQG.",
    en: () => "the file is empty; save the portal's response again.",
  },
  html_page: {
    vi: (p) => `tệp là một trang HTML${p.title ? ` („${s(p.title)}”)` : ""}, không phải phản hồi JSON của Cổng DVCQG (thường là trang lỗi hoặc trang đăng nhập được lưu thành .json); hãy tải lại phản hồi.`,
    en: (p) => `the file is an HTML page${p.title ? ` ("${s(p.title)}")` : ""}, not a JSON response of the portal (usually an error or login page saved as .json); fetch the response again.`,
  },
  not_json: {
    vi: (p) => `tệp không phải JSON hợp lệ ở dòng ${s(p.line)}, cột ${s(p.column)}: ${jsonExpected(p.expected, "vi")}; có thể tệp bị cắt khi lưu — hãy tải lại phản hồi.`,
    en: (p) => `the file is not valid JSON at line ${s(p.line)}, column ${s(p.column)}: ${jsonExpected(p.expected, "en")}; it may have been cut off when saved — fetch the response again.`,
  },
  not_utf8: {
    vi: (p) => describeImportProblem("not_utf8", p, "vi"),
    en: (p) => describeImportProblem("not_utf8", p, "en"),
  },
  wrong_content: {
    vi: (p) => describeWrongContent(p, "vi"),
    en: (p) => describeWrongContent(p, "en"),
  },
  not_envelope: {
    vi: () => "không phải phản hồi của API đánh giá của Cổng DVCQG: cần dạng { \"code\": \"OK\", \"data\": { … }, \"message\": … }. Nếu đây là tệp số liệu chiso, hãy dùng chiso report/score --input.",
    en: () => "not a response of the portal's evaluation API: expected { \"code\": \"OK\", \"data\": { … }, \"message\": … }. For a chiso figures file, use chiso report/score --input.",
  },
  portal_error: {
    vi: (p) => `Cổng DVCQG trả về mã "${s(p.code)}"${p.message ? ` („${s(p.message)}”)` : ""} thay vì "OK": phản hồi không có số liệu; hãy tải lại.`,
    en: (p) => `the portal answered code "${s(p.code)}"${p.message ? ` ("${s(p.message)}")` : ""} instead of "OK": the response holds no figures; fetch it again.`,
  },
  unknown_endpoint: {
    vi: (p) => `không nhận ra phản hồi thuộc API nào trong sáu API đánh giá (các trường của data: ${s(p.keys) || "không có"}); hãy kiểm tra tệp.`,
    en: (p) => `cannot tell which of the six evaluation endpoints this response is from (data has: ${s(p.keys) || "nothing"}); check the file.`,
  },
  missing_field: {
    vi: (p) => `thiếu trường bắt buộc "${s(p.field)}".`,
    en: (p) => `the required field "${s(p.field)}" is missing.`,
  },
  wrong_type: {
    vi: (p) => `cần ${typeName(p.expected, "vi")}, nhưng giá trị là ${s(p.shown)}.`,
    en: (p) => `expected ${typeName(p.expected, "en")}, got ${s(p.shown)}.`,
  },
  not_integer: {
    vi: (p) => `${s(p.shown)} không phải số nguyên; số đếm (hồ sơ, thủ tục, PAKN) không có phần thập phân.`,
    en: (p) => `${s(p.shown)} is not a whole number; counts (dossiers, procedures, feedback) have no decimals.`,
  },
  negative: {
    vi: (p) => `${s(p.shown)} nhỏ hơn ${s(p.minimum)}; số đếm và điểm không âm.`,
    en: (p) => `${s(p.shown)} is below ${s(p.minimum)}; counts and scores are not negative.`,
  },
  too_large: {
    vi: (p) => `${s(p.shown)} quá lớn (tối đa ${s(p.maximum)}).`,
    en: (p) => `${s(p.shown)} is too large (at most ${s(p.maximum)}).`,
  },
  unknown_value: {
    vi: (p) => `giá trị ${s(p.shown)} không thuộc các giá trị đã biết (${s(p.allowed)}); chiso chưa biết loại đơn vị này.`,
    en: (p) => `${s(p.shown)} is not one of the known values (${s(p.allowed)}); chiso does not know this kind of unit.`,
  },
  invalid_field: {
    vi: (p) => `giá trị không hợp lệ (${s(p.reason)}).`,
    en: (p) => `invalid value (${s(p.reason)}).`,
  },
  unknown_fields: {
    vi: (p) => `(${formatNumber(Number(p.count), "vi")} bản ghi) có trường chiso chưa biết: ${s(p.fields)}; các trường này không được đọc — nếu Cổng DVCQG đã đổi định dạng, hãy báo cho người duy trì chiso.`,
    en: (p) => `(${formatCount(Number(p.count), { vi: "bản ghi", en: "record" }, "en")}) fields unknown to chiso: ${s(p.fields)}; they are not read — if the portal changed its format, tell chiso's maintainers.`,
  },
  unknown_metric: {
    vi: (p) => `chỉ tiêu "${s(p.code)}" không có trong API ${endpointName(p.endpoint, "vi")} theo phương án ${s(p.scheme)} (đã biết: ${s(p.known)}); điểm khối của Cổng có thể đã tính cả chỉ tiêu này nên không nhập — hãy kiểm tra phản hồi hoặc cập nhật chiso.`,
    en: (p) => `metric "${s(p.code)}" is not one of ${endpointName(p.endpoint, "en")} in scheme ${s(p.scheme)} (known: ${s(p.known)}); the portal's block may include it, so it is not imported — check the response or update chiso.`,
  },
  missing_metric: {
    vi: (p) => `thiếu chỉ tiêu "${s(p.code)}" (${s(p.item)}); Cổng DVCQG luôn trả đủ các chỉ tiêu — hãy tải lại phản hồi.`,
    en: (p) => `metric "${s(p.code)}" (${s(p.item)}) is missing; the portal always returns every metric — fetch the response again.`,
  },
  duplicate_metric: {
    vi: (p) => `chỉ tiêu "${s(p.code)}" xuất hiện hai lần trong cùng một đơn vị (lần đầu ở metrics[${s(p.first)}]).`,
    en: (p) => `metric "${s(p.code)}" appears twice for the same unit (first at metrics[${s(p.first)}]).`,
  },
  half_null_counts: {
    vi: (p) => `tử số là ${s(p.numerator)} nhưng mẫu số là ${s(p.denominator)}: cả hai phải có giá trị, hoặc cả hai là null.`,
    en: (p) => `the numerator is ${s(p.numerator)} but the denominator is ${s(p.denominator)}: both must be numbers, or both null.`,
  },
  metric_max_mismatch: {
    vi: (p) => `điểm tối đa của "${s(p.code)}" trên Cổng là ${num(p.portal, "vi")}, của phương án ${s(p.scheme)} là ${num(p.expected, "vi")}: Cổng đã đổi cách tính hoặc phản hồi thuộc phạm vi khác.`,
    en: (p) => `the portal's maximum for "${s(p.code)}" is ${num(p.portal, "en")}, scheme ${s(p.scheme)} has ${num(p.expected, "en")}: the portal changed its rule or the response is for another scope.`,
  },
  block_max_mismatch: {
    vi: (p) => `điểm tối đa của khối ${s(p.block)} trên Cổng là ${num(p.portal, "vi")}, của phương án ${s(p.scheme)} là ${num(p.expected, "vi")}: Cổng đã đổi cách tính hoặc phản hồi thuộc phạm vi khác.`,
    en: (p) => `the portal's maximum for block ${s(p.block)} is ${num(p.portal, "en")}, scheme ${s(p.scheme)} has ${num(p.expected, "en")}: the portal changed its rule or the response is for another scope.`,
  },
  metric_not_in_scope: {
    vi: (p) => `chỉ tiêu "${s(p.code)}" (tối đa 0 điểm) không được chấm trong phạm vi một thủ tục; số liệu của nó không được nhập.`,
    en: (p) => `metric "${s(p.code)}" (maximum 0) is not scored in the one-procedure scope; its counts are not imported.`,
  },
  duplicate_endpoint: {
    vi: (p) => `đây là phản hồi thứ hai của API ${endpointName(p.endpoint, "vi")} (phản hồi đầu: ${s(p.first)}); mỗi API chỉ nhập một phản hồi — hãy bỏ bớt một tệp.`,
    en: (p) => `a second response of ${endpointName(p.endpoint, "en")} (the first is ${s(p.first)}); import one response per endpoint — leave one file out.`,
  },
  other_province: {
    vi: (p) => `phản hồi thuộc đơn vị gốc "${s(p.name)}" (${s(p.id)}), khác với "${s(p.firstName)}" (${s(p.firstId)}) của ${s(p.first)}; chỉ nhập phản hồi của cùng một tỉnh.`,
    en: (p) => `the response is for root unit "${s(p.name)}" (${s(p.id)}), not "${s(p.firstName)}" (${s(p.firstId)}) as in ${s(p.first)}; import the responses of one province only.`,
  },
  root_not_province: {
    vi: (p) => `đơn vị gốc có departmentType ${s(p.shown)}, không phải PROVINCE; chiso nhập phản hồi theo tỉnh (rootDepartmentId của tỉnh).`,
    en: (p) => `the root unit has departmentType ${s(p.shown)}, not PROVINCE; chiso imports a province's responses (the province's rootDepartmentId).`,
  },
  root_among_units: {
    vi: () => "đơn vị gốc (tỉnh) lại xuất hiện trong danh sách đơn vị; bản ghi này không được nhập hai lần.",
    en: () => "the root unit (the province) appears again in the list of units; it is not imported twice.",
  },
  duplicate_unit: {
    vi: (p) => `đơn vị ${s(p.id)} xuất hiện hai lần trong phản hồi này (lần đầu ở ${s(p.first)}).`,
    en: (p) => `unit ${s(p.id)} appears twice in this response (first at ${s(p.first)}).`,
  },
  unit_conflict: {
    vi: (p) => `${s(p.field)} của đơn vị là "${s(p.value)}" nhưng trong ${s(p.other)} là "${s(p.otherValue)}"; các phản hồi không cùng một danh mục đơn vị.`,
    en: (p) => `the unit's ${s(p.field)} is "${s(p.value)}" but "${s(p.otherValue)}" in ${s(p.other)}; the responses do not share one list of units.`,
  },
  unit_name_differs: {
    vi: (p) => `tên đơn vị "${s(p.value)}" khác với "${s(p.otherValue)}" trong ${s(p.other)}; giữ tên "${s(p.otherValue)}".`,
    en: (p) => `the unit's name "${s(p.value)}" differs from "${s(p.otherValue)}" in ${s(p.other)}; "${s(p.otherValue)}" is kept.`,
  },
  code_outside_province: {
    vi: (p) => `mã đơn vị ${s(p.code)} không thuộc tỉnh ${s(p.root)} (mã con phải bắt đầu bằng "${s(p.root)}.").`,
    en: (p) => `unit code ${s(p.code)} is not under the province ${s(p.root)} (a unit's code starts with "${s(p.root)}.").`,
  },
  period_mismatch: {
    vi: (p) => `biểu đồ theo tháng có số liệu tháng ${s(p.months)}, ngoài kỳ ${s(p.period)} đã yêu cầu: phản hồi được lưu cho kỳ khác — hãy kiểm tra --period hoặc tải lại.`,
    en: (p) => `the monthly chart has figures for month ${s(p.months)}, outside the requested period ${s(p.period)}: the response was saved for another period — check --period or fetch it again.`,
  },
  months_missing: {
    vi: (p) =>
      `biểu đồ theo tháng chỉ có số liệu tháng ${s(p.months)}, không có tháng ${s(p.missing)} của kỳ ${s(p.period)} đã yêu cầu: phản hồi được lưu cho kỳ khác${p.suggested ? ` — nếu là phản hồi của kỳ ${s(p.suggested)}, hãy nhập với --period ${s(p.suggested)}` : " — hãy kiểm tra --period hoặc tải lại"}; nếu kỳ chưa kết thúc khi tải, hãy ghi ngày tải bằng --retrieved-at.`,
    en: (p) =>
      `the monthly chart has figures for month ${s(p.months)} only, none for month ${s(p.missing)} of the requested period ${s(p.period)}: the response was saved for another period${p.suggested ? ` — if it is the response for ${s(p.suggested)}, import it with --period ${s(p.suggested)}` : " — check --period or fetch it again"}; if the period had not ended when it was retrieved, give the day with --retrieved-at.`,
  },
  period_unconfirmed: {
    vi: (p) => `biểu đồ theo tháng ghi ${s(p.chart)}% cho tháng ${s(p.month)}, khác tỷ lệ ${s(p.ratio)}% của tỉnh: không xác nhận được kỳ ${s(p.period)} của phản hồi.`,
    en: (p) => `the monthly chart shows ${s(p.chart)}% for month ${s(p.month)}, not the province's ${s(p.ratio)}%: the response's period ${s(p.period)} cannot be confirmed.`,
  },
  chart_unreadable: {
    vi: () => "không đọc được biểu đồ theo tháng (monthlyChart) nên không kiểm tra được kỳ của phản hồi; biểu đồ chỉ để hiển thị và không được nhập.",
    en: () => "the monthly chart (monthlyChart) cannot be read, so the response's period is not checked; the chart is display-only and is not imported.",
  },
  scope_one_procedure: {
    vi: (p) => `phản hồi có dấu hiệu thuộc phạm vi một thủ tục (${s(p.reason)}) nhưng không có --procedure; hãy thêm --procedure <mã thủ tục> hoặc tải lại cho mọi thủ tục.`,
    en: (p) => `the response looks like the one-procedure scope (${s(p.reason)}) but no --procedure was given; add --procedure <id> or fetch it for all procedures.`,
  },
  scope_all_procedures: {
    vi: (p) => `phản hồi có dấu hiệu thuộc phạm vi mọi thủ tục (${s(p.reason)}) nhưng --procedure ${s(p.procedure)} chỉ định một thủ tục; hãy tải lại với formalityId.`,
    en: (p) => `the response looks like the all-procedures scope (${s(p.reason)}) but --procedure ${s(p.procedure)} names one procedure; fetch it again with formalityId.`,
  },
  missing_endpoint: {
    vi: (p) => `không có phản hồi của API ${endpointName(p.endpoint, "vi")}: khối ${s(p.block)} sẽ không có số liệu (đơn vị chưa đủ số liệu, không xếp loại).`,
    en: (p) => `no response of ${endpointName(p.endpoint, "en")}: block ${s(p.block)} will have no data (units incomplete, not banded).`,
  },
  truncated_list: {
    vi: (p) => `pagination.total ghi ${formatNumber(Number(p.total), "vi")} đơn vị nhưng phản hồi chỉ có ${formatNumber(Number(p.present), "vi")}: danh sách bị cắt; số liệu của tỉnh lấy theo số của chính tỉnh (parentCounts: own), các đơn vị còn lại không có số liệu.`,
    en: (p) => `pagination.total says ${formatCount(Number(p.total), { vi: "đơn vị", en: "unit" }, "en")} but the response holds ${formatNumber(Number(p.present), "en")}: the list is truncated; the province is scored on its own totals (parentCounts: own), the other units have no figures.`,
  },
  more_pages: {
    vi: (p) => `đây là trang ${s(p.page)}/${s(p.pages)} của danh sách; hãy tải lại với pageSize đủ lớn (≥ ${s(p.total)}) để có mọi đơn vị trên một trang.`,
    en: (p) => `this is page ${s(p.page)} of ${s(p.pages)}; fetch it again with a pageSize of at least ${s(p.total)} to get every unit on one page.`,
  },
  chart_ignored: {
    vi: (p) => `biểu đồ theo tháng (monthlyChart, ${s(p.entries)} mục) chỉ để hiển thị và không được nhập${p.checked ? "; đã dùng để kiểm tra kỳ" : ""}.`,
    en: (p) => `the monthly chart (monthlyChart, ${formatCount(Number(p.entries), { vi: "mục", en: ["entry", "entries"] }, "en")}) is display-only and not imported${p.checked ? "; it was used to check the period" : ""}.`,
  },
  unit_not_in_all: {
    vi: (p) => `đơn vị không có trong phản hồi của: ${endpointList(p.endpoints, "vi")}; các khối đó của đơn vị không có số liệu.`,
    en: (p) => `the unit is not in the responses of: ${endpointList(p.endpoints, "en")}; those blocks have no data for it.`,
  },
  overdue_mismatch: {
    vi: (p) => `totalOverdue (${s(p.overdue)}) khác totalReceived − totalOnTime (${s(p.received)} − ${s(p.onTime)}); chỉ totalOnTime và totalReceived được dùng để chấm.`,
    en: (p) => `totalOverdue (${s(p.overdue)}) is not totalReceived − totalOnTime (${s(p.received)} − ${s(p.onTime)}); only totalOnTime and totalReceived are scored.`,
  },
  dossier_total_mismatch: {
    vi: (p) => `totalDossiers (${s(p.total)}) khác mẫu số của DOSSIER_RECEIVING_SATISFACTION (${s(p.denominator)}).`,
    en: (p) => `totalDossiers (${s(p.total)}) differs from the denominator of DOSSIER_RECEIVING_SATISFACTION (${s(p.denominator)}).`,
  },
  score_out_of_range: {
    vi: (p) => `điểm công bố ${num(p.score, "vi")} của ${s(p.code)} nằm ngoài 0–${num(p.max, "vi")} (điểm tối đa ghi trong phản hồi): phản hồi bị hỏng hoặc đã bị sửa, nên không được nhập; hãy tải lại phản hồi từ Cổng (chiso portal fetch).`,
    en: (p) => `the published score ${num(p.score, "en")} of ${s(p.code)} is outside 0–${num(p.max, "en")} (the maximum the response states): the response is damaged or edited, so it is not imported; fetch it again from the portal (chiso portal fetch).`,
  },
  period_unchecked: {
    vi: (p) => `các phản hồi không ghi kỳ và không có biểu đồ theo tháng để đối chiếu, nên không kiểm tra được chúng có đúng kỳ ${s(p.period)} hay không; số liệu được ghi là của kỳ ${s(p.period)} như lệnh yêu cầu — hãy chắc chắn đã tải phản hồi cho đúng kỳ này.`,
    en: (p) => `the responses carry no period and no monthly chart to check it against, so whether they are of ${s(p.period)} cannot be checked; the figures are recorded as ${s(p.period)}, as the command states — make sure the responses were fetched for this period.`,
  },
  ratio_out_of_range: {
    vi: (p) => `tỷ lệ ${s(p.shown)}% nằm ngoài 0–100 nên không được dùng để đối chiếu với số đếm.`,
    en: (p) => `the rate ${s(p.shown)}% is outside 0–100, so it is not checked against the counts.`,
  },
};

export function describePortalProblem(problem: PortalProblem, params: PortalParams, language: Language): string {
  return catalogue[problem][language](params);
}

export function isPortalProblem(code: string): code is PortalProblem {
  return Object.hasOwn(catalogue, code);
}
