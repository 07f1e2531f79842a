import type { Language } from "@chiso/core";

const vi = {
  usage: "Cách dùng",
  commands: "Lệnh",
  options: "Tùy chọn",
  exitCodes: "Mã thoát: 0 thành công · 1 lỗi không lường trước · 2 sai lệnh hoặc tùy chọn · 3 dữ liệu đầu vào bị từ chối · 4 không ghi được kết quả.",
  unknownCommand: (name: string) => `Không có lệnh "${name}". Xem "chiso --help".`,
  badOption: (detail: string) => `Tùy chọn không hợp lệ: ${detail}. Xem "--help".`,
  missingOption: (name: string) => `Thiếu tùy chọn bắt buộc --${name}.`,
  badLanguage: (value: string) => `Ngôn ngữ "${value}" không được hỗ trợ; dùng vi hoặc en.`,
  cannotRead: (file: string, reason: string) => `Không đọc được tệp ${file}: ${reason}.`,
  notJson: (file: string, reason: string) => `Tệp ${file} không phải JSON hợp lệ: ${reason}.`,
  invalidInput: (file: string, count: number) => `Tệp ${file} có ${count} lỗi; chưa chấm điểm. Hãy sửa các lỗi sau (hoặc dùng --skip-invalid để chấm các dòng hợp lệ):`,
  invalidScheme: (file: string, count: number) => `Phương án chấm điểm ${file} có ${count} lỗi:`,
  cannotWrite: (target: string, reason: string) => `Không ghi được kết quả vào ${target}: ${reason}. Không có tệp nào được ghi dở.`,
  packWritten: (count: number, dir: string, seconds: string) => `Đã tạo ${count} tệp trong ${dir} (${seconds} giây).`,
  packDetail: (pdfs: number, summaries: number, words: number) => `${pdfs} phiếu đánh giá đơn vị, ${summaries} báo cáo tổng hợp, ${words} tệp Word (báo cáo, công văn), 1 bảng tính Excel.`,
  invalidProfile: (file: string, count: number) => `Hồ sơ tỉnh ${file} có ${count} lỗi; chưa tạo văn bản. Hãy sửa:`,
  profileWritten: (file: string) => `Đã ghi hồ sơ tỉnh mẫu vào ${file}. Sửa các giá trị rồi dùng: chiso report --profile ${file} …`,
  demoInput: (file: string) => `Dữ liệu mẫu (định dạng đầu vào): ${file}`,
  rendering: "Đang tạo tài liệu",
  scoredTo: (file: string) => `Đã ghi kết quả chấm điểm vào ${file}.`,
  rejectedRows: (rejected: number, total: number) => `${rejected}/${total} dòng bị từ chối (--skip-invalid) và không được chấm; lý do:`,
  rejectedFile: (file: string) => `Các dòng bị từ chối và lý do: ${file}`,
  validOk: (file: string, rows: number) => `${file}: ${rows} dòng hợp lệ, không có lỗi.`,
  validFindings: (file: string) => `Đã ghi kết quả kiểm tra vào ${file}.`,
  templateWritten: (file: string) => `Đã ghi tệp mẫu nhập liệu vào ${file}.`,
  noFiguresForPeriod: (file: string, period: string, periods: string) => `Tệp ${file} không có số liệu cho kỳ ${period}; các kỳ có trong tệp: ${periods}. Hãy kiểm tra --period.`,
  schemeConflict: (file: string, declared: string, given: string) => `Tệp ${file} được lập cho phương án ${declared}, không chấm theo ${given} được; hãy bỏ --scheme.`,
};

export type CliMessages = typeof vi;

const en: CliMessages = {
  usage: "Usage",
  commands: "Commands",
  options: "Options",
  exitCodes: "Exit codes: 0 done · 1 unexpected failure · 2 wrong command or option · 3 input rejected · 4 cannot write output.",
  unknownCommand: (name: string) => `There is no command "${name}". See "chiso --help".`,
  badOption: (detail: string) => `Invalid option: ${detail}. See "--help".`,
  missingOption: (name: string) => `The option --${name} is required.`,
  badLanguage: (value: string) => `Language "${value}" is not supported; use vi or en.`,
  cannotRead: (file: string, reason: string) => `Cannot read ${file}: ${reason}.`,
  notJson: (file: string, reason: string) => `${file} is not valid JSON: ${reason}.`,
  invalidInput: (file: string, count: number) => `${file} has ${count} problem(s); nothing was scored. Fix these (or score the valid rows with --skip-invalid):`,
  invalidScheme: (file: string, count: number) => `The scheme ${file} has ${count} problem(s):`,
  cannotWrite: (target: string, reason: string) => `Cannot write the output to ${target}: ${reason}. No file was left half-written.`,
  packWritten: (count: number, dir: string, seconds: string) => `Wrote ${count} files to ${dir} (${seconds} s).`,
  packDetail: (pdfs: number, summaries: number, words: number) => `${pdfs} unit scorecards, ${summaries} province summary, ${words} Word files (report, dispatch), 1 Excel workbook.`,
  invalidProfile: (file: string, count: number) => `The province profile ${file} has ${count} problem(s); no document was written. Fix:`,
  profileWritten: (file: string) => `Wrote a province profile to ${file}. Edit its values, then: chiso report --profile ${file} …`,
  demoInput: (file: string) => `Demo input (the input format): ${file}`,
  rendering: "Rendering documents",
  scoredTo: (file: string) => `Wrote the scores to ${file}.`,
  rejectedRows: (rejected: number, total: number) => `${rejected} of ${total} rows were rejected (--skip-invalid) and not scored; reasons:`,
  rejectedFile: (file: string) => `Rejected rows with their reasons: ${file}`,
  validOk: (file: string, rows: number) => `${file}: ${rows} valid rows, no errors.`,
  validFindings: (file: string) => `Wrote the check's results to ${file}.`,
  templateWritten: (file: string) => `Wrote the input template to ${file}.`,
  noFiguresForPeriod: (file: string, period: string, periods: string) => `${file} has no figures for ${period}; its periods are: ${periods}. Check --period.`,
  schemeConflict: (file: string, declared: string, given: string) => `${file} was prepared for scheme ${declared} and cannot be scored with ${given}; leave --scheme out.`,
};

export function messagesFor(language: Language): CliMessages {
  return language === "en" ? en : vi;
}
