import type { Language } from "@chiso/core";
import { formatCount, formatNumber, formatSeconds, type CountedNoun } from "@chiso/io";

/** Numbers and counts in messages, through io's one formatter: "1.204 dòng" and "28,6 s"; "1 row", "1,204 rows". */
const n = (value: number) => formatNumber(value, "vi");
const countOf = (count: number, en: CountedNoun["en"]) => formatCount(count, { vi: "", en }, "en");
const was = (count: number) => (count === 1 ? "was" : "were");

const vi = {
  usage: "Cách dùng",
  commands: "Lệnh",
  options: "Tùy chọn",
  exitCodes: "Mã thoát: 0 thành công · 1 lỗi không lường trước · 2 sai lệnh hoặc tùy chọn · 3 dữ liệu đầu vào bị từ chối · 4 không ghi được kết quả.",
  unknownCommand: (name: string) => `Không có lệnh "${name}". Xem "chiso --help".`,
  badOption: (detail: string) => `Tùy chọn không hợp lệ: ${detail}. Xem "--help".`,
  unknownOption: (option: string) => `không có tùy chọn ${option}`,
  interrupted: "Đã dừng theo yêu cầu: phần đang ghi dở đã được xóa, các tệp và bộ báo cáo có từ trước được giữ nguyên.",
  wouldReplace: (file: string) => `Tệp ${file} đã có và khác với nội dung sắp ghi (có thể đã được điền hoặc sửa); chiso không ghi đè. Hãy chọn tên tệp khác, hoặc thêm --force nếu muốn thay thế tệp này. Không có gì được ghi.`,
  folderMissing: (option: string, folder: string) => `Thư mục ${folder} (của ${option}) không tồn tại; hãy kiểm tra đường dẫn hoặc tạo thư mục trước. Không có gì được ghi.`,
  overwritesInput: (output: string, input: string) => `${output} sẽ ghi đè (hoặc xóa) tệp đầu vào ${input}; hãy chọn nơi ghi khác. Không có gì được ghi.`,
  unexpectedWord: (word: string) => `thừa “${word}” (mỗi tệp cần --input riêng: --input a.xlsx --input b.xlsx)`,
  missingValue: (option: string) => `${option} cần một giá trị`,
  dashValue: (option: string, value: string, form: string) => `giá trị “${value}” của ${option} bắt đầu bằng dấu “-” nên bị hiểu là một tùy chọn; nếu đó đúng là giá trị, hãy viết liền: ${form}`,
  noValueTaken: (option: string) => `${option} không nhận giá trị`,
  missingOption: (name: string) => `Thiếu tùy chọn bắt buộc --${name}.`,
  badLanguage: (value: string) => `Ngôn ngữ "${value}" không được hỗ trợ; dùng vi hoặc en.`,
  cannotRead: (file: string, reason: string) => `Không đọc được tệp ${file}: ${reason}.`,
  invalidInput: (file: string, count: number, rowsOnly = true) => `Tệp ${file} có ${n(count)} lỗi; chưa chấm điểm. Hãy sửa các lỗi sau${rowsOnly ? " (hoặc dùng --skip-invalid để chấm các dòng hợp lệ)" : ""}:`,
  invalidScheme: (file: string, count: number) => `Phương án chấm điểm ${file} có ${n(count)} lỗi:`,
  cannotWrite: (target: string, reason: string) => `Không ghi được kết quả vào ${target}: ${reason}. Không có tệp nào được ghi dở.`,
  packWritten: (count: number, dir: string, seconds: number) => `Đã tạo ${n(count)} tệp trong ${dir} (${formatNumber(seconds, "vi", { decimals: 1 })} giây).`,
  packDetail: (pdfs: number, summaries: number, words: number, wordCards: number) =>
    `${n(pdfs)} phiếu đánh giá đơn vị, ${n(summaries)} báo cáo tổng hợp, ${n(words - wordCards)} tệp Word (báo cáo, công văn)${wordCards > 0 ? ` và ${n(wordCards)} phiếu dạng Word` : ""}, 1 bảng tính Excel.`,
  invalidProfile: (file: string, count: number) => `Hồ sơ tỉnh ${file} có ${n(count)} lỗi; chưa tạo văn bản. Hãy sửa:`,
  invalidCalendar: (file: string, count: number) => `Lịch làm việc ${file} có ${n(count)} lỗi; chưa tính. Hãy sửa (xem tệp do chiso calendar propose tạo):`,
  profileWritten: (file: string) => `Đã ghi hồ sơ tỉnh mẫu vào ${file}. Sửa các giá trị rồi dùng: chiso report --profile ${file} …`,
  profileDefaults: (blank: readonly string[], assumed: readonly string[]) =>
    `Không có --profile: để trống ${blank.join(", ")} (tên người ký và số văn bản ghi tay khi ký); lấy theo mặc định, cần kiểm tra: ${assumed.join(", ")} (SỞ NỘI VỤ, KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC). Để điền: chiso profile --out ho-so-tinh.json, ghi họ tên người ký (signer.name) và sửa các trường khác, rồi chạy lại với --profile ho-so-tinh.json.`,
  demoInput: (file: string) => `Dữ liệu mẫu (định dạng đầu vào): ${file}`,
  rendering: "Đang tạo tài liệu",
  scoredTo: (file: string) => `Đã ghi kết quả chấm điểm vào ${file}.`,
  rejectedRows: (rejected: number, total: number) => `${n(rejected)}/${n(total)} dòng bị từ chối (--skip-invalid) và không được chấm; lý do:`,
  rejectedCompanions: (surveys: number, par: number, rows: number) => `Dữ liệu SIPAS, CCHC bị từ chối (--skip-invalid) và không được dùng: ${[surveys > 0 && `${n(surveys)} khảo sát SIPAS (cả khảo sát của đơn vị trong kỳ)`, par > 0 && `${n(par)} bộ điểm Chỉ số CCHC (cả bộ điểm của đơn vị trong kỳ)`, rows > 0 && `${n(rows)} dòng không đọc được`].filter(Boolean).join(", ")}; lý do:`,
  rejectedFile: (file: string) => `Các dòng bị từ chối và lý do: ${file}`,
  validOk: (file: string, rows: number) => `${file}: ${n(rows)} dòng hợp lệ, không có lỗi.`,
  validFindings: (file: string) => `Đã ghi kết quả kiểm tra vào ${file}.`,
  templateWritten: (file: string) => `Đã ghi tệp mẫu nhập liệu vào ${file}.`,
  notXlsxOut: (option: string, file: string) => `--${option} ${file}: chiso ghi tệp Excel (.xlsx); hãy đặt tên tệp kết thúc bằng .xlsx.`,
  noFiguresForPeriod: (file: string, period: string, periods: string) => `Tệp ${file} không có số liệu cho kỳ ${period}; các kỳ có trong tệp: ${periods}. Hãy kiểm tra --period.`,
  remoteRefused: (host: string) => `Không mở trình xem trên địa chỉ ${host}: địa chỉ này cho phép máy khác trong mạng xem số liệu. Dùng 127.0.0.1 (mặc định), hoặc thêm --allow-remote nếu thật sự muốn chia sẻ.`,
  remoteWarning: (host: string) => `Cảnh báo: trình xem đang mở trên ${host} (--allow-remote); máy khác trong mạng xem được số liệu.`,
  noViewer: "Không tìm thấy trình xem đã dựng (thư mục web). Hãy dựng lại gói: pnpm turbo run build.",
  noRows: (file: string) => `Tệp ${file} không có số liệu của kỳ nào.`,
  cannotListen: (address: string, reason: string) => `Không mở được máy chủ tại ${address}: ${reason}. Hãy chọn cổng khác (--port) hoặc để mặc định.`,
  serving: (url: string, period: string) => `Trình xem đang chạy tại ${url} (kỳ ${period}). Nhấn Ctrl+C để dừng.`,
  serverError: (detail: string) => `Lỗi khi trả lời yêu cầu: ${detail}`,
  stopped: "Đã dừng trình xem.",
  storeAdded: (period: string, version: number, rows: number) => `${period}: đã thêm vào kho (bản ${version}, ${n(rows)} dòng số liệu).`,
  storeReplaced: (period: string, version: number, rows: number, signedOff: boolean) => `${period}: đã thay bằng bản ${version} (${n(rows)} dòng); bản trước${signedOff ? " (đã chốt)" : ""} vẫn được giữ trong kho.`,
  storeUnchanged: (period: string, version: number) => `${period}: kho đã có số liệu giống hệt (bản ${version}); không thay đổi.`,
  storeWritten: (file: string) => `Đã ghi kho ${file}.`,
  rowsAsHistory: (count: number, periods: string, period: string, places: string) =>
    `${n(count)} dòng số liệu của kỳ khác (${periods}) không được chấm trong kỳ ${period}, chỉ dùng làm kỳ trước và xu hướng${places ? `: ${places}` : ""}. Nếu dòng nhập nhầm kỳ, hãy sửa cột Kỳ.`,
  rowsNotUsed: (count: number, periods: string, period: string, places: string) =>
    `${n(count)} dòng số liệu không được dùng cho kỳ ${period} vì thuộc kỳ khác (${periods})${places ? `: ${places}` : ""}. Nếu dòng nhập nhầm kỳ, hãy sửa cột Kỳ; nếu đúng là số liệu kỳ khác, hãy chấm kỳ đó bằng --period.`,
  andMoreRows: (count: number) => `và ${n(count)} dòng khác`,
  severalPeriods: (parts: readonly { key: string; count: number; places: string }[]) =>
    `Tệp có số liệu của ${n(parts.length)} kỳ: ${parts.map((part) => `${part.key} (${n(part.count)} dòng${part.places ? `: ${part.places}` : ""})`).join(", ")}. Mỗi lần chấm (--period) chỉ chấm một kỳ; nếu tệp là số liệu của một kỳ, hãy kiểm tra cột Kỳ của các dòng khác kỳ.`,
  signedOff: (period: string, version: number, at: string, checksum: string) => `Đã chốt kỳ ${period} (bản ${version}) lúc ${at}. Mã kiểm tra SHA-256 của dữ liệu đầu vào (in trên các văn bản): ${checksum}`,
  storeEmpty: (file: string) => `Kho ${file} chưa có kỳ nào.`,
  storeHeader: ["Kỳ", "Bản", "Hiện hành", "Thêm lúc", "Đơn vị", "Dòng", "Chốt", "SHA-256 (16 ký tự đầu)", "Tệp"] as readonly string[],
  yes: "có",
  historyFrom: (file: string, periods: string) => `Lịch sử lấy từ kho ${file}: ${periods}.`,
  historyDropped: (rows: number) => `${n(rows)} dòng số liệu cũ trong kho thuộc các đơn vị không còn trong kỳ báo cáo nên không được dùng.`,
  periodSignedOff: (period: string, at: string, checksum: string) => `Kỳ ${period} đã chốt lúc ${at}; mã kiểm tra SHA-256: ${checksum}.`,
  periodPartlySignedOff: (period: string, signed: string, unsigned: string, absent: string) =>
    `Kỳ ${period} chưa chốt toàn bộ: đã chốt ${signed}${unsigned ? `; chưa chốt ${unsigned} (chốt từng tháng: chiso store signoff)` : ""}${absent ? `; chưa có số liệu ${absent}` : ""}.`,
  inputOrStore: "Cần --input (tệp số liệu) hoặc --store (kho lịch sử).",
  missingSubcommand: (command: string, names: string) => `Thiếu lệnh con: chiso ${command} <${names}>. Xem "chiso ${command} --help".`,
};

export type CliMessages = typeof vi;

const en: CliMessages = {
  usage: "Usage",
  commands: "Commands",
  options: "Options",
  exitCodes: "Exit codes: 0 done · 1 unexpected failure · 2 wrong command or option · 3 input rejected · 4 cannot write output.",
  unknownCommand: (name: string) => `There is no command "${name}". See "chiso --help".`,
  badOption: (detail: string) => `Invalid option: ${detail}. See "--help".`,
  unknownOption: (option: string) => `there is no option ${option}`,
  interrupted: "Stopped on request: what was being written has been removed; files and packs that existed before are kept.",
  wouldReplace: (file: string) => `${file} already exists and differs from what would be written (it may have been filled in or edited); chiso does not replace it. Choose another file name, or add --force to replace this file. Nothing was written.`,
  folderMissing: (option: string, folder: string) => `The folder ${folder} (of ${option}) does not exist; check the path or create the folder first. Nothing was written.`,
  overwritesInput: (output: string, input: string) => `${output} would overwrite (or remove) the input ${input}; choose another place. Nothing was written.`,
  unexpectedWord: (word: string) => `unexpected “${word}” (give each file its own --input: --input a.xlsx --input b.xlsx)`,
  missingValue: (option: string) => `${option} needs a value`,
  dashValue: (option: string, value: string, form: string) => `the value “${value}” of ${option} starts with “-”, so it was read as an option; if it is the value, join them: ${form}`,
  noValueTaken: (option: string) => `${option} does not take a value`,
  missingOption: (name: string) => `The option --${name} is required.`,
  badLanguage: (value: string) => `Language "${value}" is not supported; use vi or en.`,
  cannotRead: (file: string, reason: string) => `Cannot read ${file}: ${reason}.`,
  invalidInput: (file: string, count: number, rowsOnly = true) => `${file} has ${countOf(count, "problem")}; nothing was scored. Fix these${rowsOnly ? " (or score the valid rows with --skip-invalid)" : ""}:`,
  invalidScheme: (file: string, count: number) => `The scheme ${file} has ${countOf(count, "problem")}:`,
  cannotWrite: (target: string, reason: string) => `Cannot write the output to ${target}: ${reason}. No file was left half-written.`,
  packWritten: (count: number, dir: string, seconds: number) => `Wrote ${countOf(count, "file")} to ${dir} (${formatSeconds(seconds, "en")}).`,
  packDetail: (pdfs: number, summaries: number, words: number, wordCards: number) =>
    `${countOf(pdfs, "unit scorecard")}, ${countOf(summaries, ["province summary", "province summaries"])}, ${countOf(words - wordCards, "Word file")} (report, dispatch)${wordCards > 0 ? ` and ${countOf(wordCards, "scorecard")} as Word files` : ""}, 1 Excel workbook.`,
  invalidProfile: (file: string, count: number) => `The province profile ${file} has ${countOf(count, "problem")}; no document was written. Fix:`,
  invalidCalendar: (file: string, count: number) => `The working-day calendar ${file} has ${countOf(count, "problem")}; nothing was computed. Fix (see the file chiso calendar propose writes):`,
  profileWritten: (file: string) => `Wrote a province profile to ${file}. Edit its values, then: chiso report --profile ${file} …`,
  profileDefaults: (blank: readonly string[], assumed: readonly string[]) =>
    `No --profile: left blank ${blank.join(", ")} (the signer's name and the numbers are written in by hand); defaults to check: ${assumed.join(", ")} (department of home affairs, for the director / deputy director). To fill them in: chiso profile --out profile.json, write the signer's full name (signer.name) and edit the rest, then run again with --profile profile.json.`,
  demoInput: (file: string) => `Demo input (the input format): ${file}`,
  rendering: "Rendering documents",
  scoredTo: (file: string) => `Wrote the scores to ${file}.`,
  rejectedRows: (rejected: number, total: number) => `${formatNumber(rejected, "en")} of ${countOf(total, "row")} ${was(rejected)} rejected (--skip-invalid) and not scored; reasons:`,
  rejectedCompanions: (surveys: number, par: number, rows: number) => `SIPAS and PAR data rejected (--skip-invalid) and not used: ${[surveys > 0 && `${countOf(surveys, "SIPAS survey")} (the unit's whole survey for the period)`, par > 0 && `${countOf(par, "PAR assessment")} (the unit's whole assessment for the period)`, rows > 0 && `${countOf(rows, "unreadable row")}`].filter(Boolean).join(", ")}; reasons:`,
  rejectedFile: (file: string) => `Rejected rows with their reasons: ${file}`,
  validOk: (file: string, rows: number) => `${file}: ${countOf(rows, "valid row")}, no errors.`,
  validFindings: (file: string) => `Wrote the check's results to ${file}.`,
  templateWritten: (file: string) => `Wrote the input template to ${file}.`,
  notXlsxOut: (option: string, file: string) => `--${option} ${file}: chiso writes an Excel workbook (.xlsx); give a file name ending in .xlsx.`,
  noFiguresForPeriod: (file: string, period: string, periods: string) => `${file} has no figures for ${period}; its periods are: ${periods}. Check --period.`,
  remoteRefused: (host: string) => `Not serving on ${host}: that address lets other machines on the network see the figures. Use 127.0.0.1 (the default), or add --allow-remote if you really mean to share them.`,
  remoteWarning: (host: string) => `Warning: the viewer is listening on ${host} (--allow-remote); other machines on the network can see the figures.`,
  noViewer: "The built viewer (its web folder) was not found. Rebuild the packages: pnpm turbo run build.",
  noRows: (file: string) => `${file} has no figures for any period.`,
  cannotListen: (address: string, reason: string) => `Cannot start the server at ${address}: ${reason}. Choose another port (--port) or leave the default.`,
  serving: (url: string, period: string) => `The viewer is running at ${url} (period ${period}). Press Ctrl+C to stop.`,
  serverError: (detail: string) => `Error answering a request: ${detail}`,
  stopped: "The viewer has stopped.",
  storeAdded: (period: string, version: number, rows: number) => `${period}: added to the store (version ${version}, ${countOf(rows, "row")} of figures).`,
  storeReplaced: (period: string, version: number, rows: number, signedOff: boolean) => `${period}: replaced by version ${version} (${countOf(rows, "row")}); the previous${signedOff ? " (signed-off)" : ""} version is kept in the store.`,
  storeUnchanged: (period: string, version: number) => `${period}: the store already has the same figures (version ${version}); nothing changed.`,
  storeWritten: (file: string) => `Wrote the store ${file}.`,
  rowsAsHistory: (count: number, periods: string, period: string, places: string) =>
    `${countOf(count, "figures row")} of another period (${periods}) ${was(count)} not scored in ${period}, only read as the previous period and the trend${places ? `: ${places}` : ""}. If a row has the wrong period, correct its Period cell.`,
  rowsNotUsed: (count: number, periods: string, period: string, places: string) =>
    `${countOf(count, "figures row")} of another period (${periods}) ${was(count)} not used for ${period}${places ? `: ${places}` : ""}. If a row has the wrong period, correct its Period cell; if it is another period's figures, score that period with --period.`,
  andMoreRows: (count: number) => `and ${countOf(count, "more row")}`,
  severalPeriods: (parts: readonly { key: string; count: number; places: string }[]) =>
    `The file has figures of ${parts.length} periods: ${parts.map((part) => `${part.key} (${countOf(part.count, "row")}${part.places ? `: ${part.places}` : ""})`).join(", ")}. Each run (--period) scores one period; if the file is one period's figures, check the Period cell of the rows of the others.`,
  signedOff: (period: string, version: number, at: string, checksum: string) => `Signed off ${period} (version ${version}) at ${at}. SHA-256 of its input (printed on the documents): ${checksum}`,
  storeEmpty: (file: string) => `The store ${file} has no period yet.`,
  storeHeader: ["Period", "Version", "Current", "Added", "Units", "Rows", "Signed off", "SHA-256 (first 16)", "Files"] as readonly string[],
  yes: "yes",
  historyFrom: (file: string, periods: string) => `History from the store ${file}: ${periods}.`,
  historyDropped: (rows: number) => `${countOf(rows, "stored row")} ${rows === 1 ? "belongs" : "belong"} to units no longer in the reported period and ${was(rows)} not used.`,
  periodSignedOff: (period: string, at: string, checksum: string) => `${period} is signed off (${at}); SHA-256: ${checksum}.`,
  periodPartlySignedOff: (period: string, signed: string, unsigned: string, absent: string) =>
    `${period} is partly signed off: ${signed} signed off${unsigned ? `; ${unsigned} not (sign off each month: chiso store signoff)` : ""}${absent ? `; no figures for ${absent}` : ""}.`,
  inputOrStore: "Give --input (a figures file) or --store (the history store).",
  missingSubcommand: (command: string, names: string) => `A sub-command is needed: chiso ${command} <${names}>. See "chiso ${command} --help".`,
};

export function messagesFor(language: Language): CliMessages {
  return language === "en" ? en : vi;
}
