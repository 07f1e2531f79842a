import type { Language } from "@chiso/core";

/** What `chiso portal` says, in both languages (kept beside the command: it is its own). */
const vi = {
  summary: "Làm việc với số liệu của Cổng Dịch vụ công quốc gia: nhập các phản hồi đã lưu (import) hoặc tải chúng về (fetch).",
  noFiles: "Hãy chỉ ra các tệp phản hồi đã lưu, ví dụ: chiso portal import --period 2026-08 --out so-lieu.json phan-hoi/*.json",
  rejected: (count: number) => `Các phản hồi có ${count} lỗi; chưa ghi tệp số liệu. Hãy sửa hoặc tải lại:`,
  imported: (units: number, responses: number, file: string) => `Đã ghi số liệu của ${units} đơn vị từ ${responses} phản hồi vào ${file}.`,
  reconciled: (match: number, empty: number, published: number, differs: number) =>
    `Đối chiếu với điểm Cổng đã công bố: ${match} khớp, ${empty} cùng là không có số liệu, ${published} giữ theo Cổng (không tính lại), ${differs} khác.`,
  differs: (unit: string, code: string, computed: string, published: string, cause: string) => `  - ${unit} › ${code}: chiso ${computed}, Cổng ${published} (${cause})`,
  next: (file: string, period: string) => `Tiếp theo: chiso report --input ${file} --period ${period} --out <thư mục>`,
  fetched: (count: number, folder: string) => `Đã lưu ${count} phản hồi vào ${folder}.`,
  fetchFailed: (endpoint: string, reason: string) => `Không tải được ${endpoint}: ${reason}. Không có tệp nào được ghi.`,
  badResponse: (endpoint: string, problem: string) => `Phản hồi của ${endpoint} không dùng được: ${problem}. Không có tệp nào được ghi.`,
  wrongEndpoint: (got: string) => `nội dung là phản hồi của API ${got}`,
  httpStatus: (status: number) => `Cổng trả về HTTP ${status}`,
  timedOut: (seconds: number) => `quá ${seconds} giây không có phản hồi`,
  attempts: (count: number, reason: string) => `${reason} (sau ${count} lần thử)`,
  truncated: (endpoint: string, total: number, listed: number) => `Phản hồi ${endpoint} chỉ có ${listed}/${total} đơn vị dù đã yêu cầu trang ${total}; Cổng có thể giới hạn pageSize.`,
  causes: {
    rounding_rule: "quy tắc làm tròn khác cho ra số của Cổng",
    empty_rule: "khác ở quy tắc khi mẫu số bằng 0",
    not_reported: "thiếu số liệu",
    counts_or_rule: "số liệu hoặc cách tính của Cổng đã đổi",
  } as Readonly<Record<string, string>>,
};

export type PortalMessages = typeof vi;

const en: PortalMessages = {
  summary: "Work with the national public-service portal's figures: import saved responses (import) or download them (fetch).",
  noFiles: "Name the saved response files, e.g. chiso portal import --period 2026-08 --out figures.json responses/*.json",
  rejected: (count: number) => `The responses have ${count} problem(s); no figures file was written. Fix them or fetch again:`,
  imported: (units: number, responses: number, file: string) => `Wrote the figures of ${units} units from ${responses} responses to ${file}.`,
  reconciled: (match: number, empty: number, published: number, differs: number) =>
    `Against the portal's published scores: ${match} match, ${empty} empty on both sides, ${published} kept as published (not recomputed), ${differs} differ.`,
  differs: (unit: string, code: string, computed: string, published: string, cause: string) => `  - ${unit} › ${code}: chiso ${computed}, portal ${published} (${cause})`,
  next: (file: string, period: string) => `Next: chiso report --input ${file} --period ${period} --out <folder>`,
  fetched: (count: number, folder: string) => `Saved ${count} responses to ${folder}.`,
  fetchFailed: (endpoint: string, reason: string) => `Cannot fetch ${endpoint}: ${reason}. No file was written.`,
  badResponse: (endpoint: string, problem: string) => `The response of ${endpoint} cannot be used: ${problem}. No file was written.`,
  wrongEndpoint: (got: string) => `its content is a response of ${got}`,
  httpStatus: (status: number) => `the portal answered HTTP ${status}`,
  timedOut: (seconds: number) => `no answer within ${seconds} s`,
  attempts: (count: number, reason: string) => `${reason} (after ${count} attempts)`,
  truncated: (endpoint: string, total: number, listed: number) => `The response of ${endpoint} lists ${listed} of ${total} units although a page of ${total} was asked for; the portal may limit pageSize.`,
  causes: {
    rounding_rule: "the other rounding rule gives the portal's figure",
    empty_rule: "the empty-denominator rule differs",
    not_reported: "figures missing",
    counts_or_rule: "the portal's counts or rule changed",
  },
};

export function portalMessages(language: Language): PortalMessages {
  return language === "en" ? en : vi;
}
