import type { Language } from "@chiso/core";
import { formatCount, formatNumber, type CountedNoun } from "@chiso/io";

const n = (value: number) => formatNumber(value, "vi");
const countOf = (count: number, en: CountedNoun["en"]) => formatCount(count, { vi: "", en }, "en");

/** What `chiso portal` says, in both languages (kept beside the command: it is its own). */
const vi = {
  summary: "Làm việc với số liệu của Cổng Dịch vụ công quốc gia: nhập các phản hồi đã lưu (import) hoặc tải chúng về (fetch).",
  noFiles: "Hãy chỉ ra các tệp phản hồi đã lưu, ví dụ: chiso portal import --period 2026-08 --out so-lieu.json phan-hoi/*.json",
  rejected: (count: number) => `Các phản hồi có ${n(count)} lỗi; chưa ghi tệp số liệu. Hãy sửa hoặc tải lại:`,
  imported: (units: number, responses: number, file: string) => `Đã ghi số liệu của ${n(units)} đơn vị từ ${n(responses)} phản hồi vào ${file}.`,
  reconciled: (match: number, empty: number, published: number, differs: number) =>
    `Đối chiếu với điểm Cổng đã công bố: ${n(match)} khớp, ${n(empty)} cùng là không có số liệu, ${n(published)} giữ theo Cổng (không tính lại), ${n(differs)} khác.`,
  differs: (unit: string, code: string, computed: string, published: string, cause: string) => `  - ${unit} › ${code}: chiso ${formatNumber(computed, "vi")}, Cổng ${published} (${cause})`,
  next: (file: string, period: string) => `Tiếp theo: chiso report --input ${file} --period ${period} --out <thư mục>`,
  fetched: (count: number, folder: string) => `Đã lưu ${n(count)} phản hồi vào ${folder}.`,
  fetchFailed: (endpoint: string, reason: string) => `Không tải được ${endpoint}: ${reason}. Không có tệp nào được ghi.`,
  badResponse: (endpoint: string, problem: string) => `Phản hồi của ${endpoint} không dùng được: ${problem}. Không có tệp nào được ghi.`,
  wrongEndpoint: (got: string) => `nội dung là phản hồi của API ${got}`,
  httpStatus: (status: number) => `Cổng trả về HTTP ${status}`,
  timedOut: (seconds: number) => `quá ${n(seconds)} giây không có phản hồi`,
  attempts: (count: number, reason: string) => `${reason} (sau ${n(count)} lần thử)`,
  truncated: (endpoint: string, total: number, listed: number) => `Phản hồi ${endpoint} chỉ có ${n(listed)}/${n(total)} đơn vị dù đã yêu cầu trang ${n(total)}; Cổng có thể giới hạn pageSize.`,
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
  rejected: (count: number) => `The responses have ${countOf(count, "problem")}; no figures file was written. Fix them or fetch again:`,
  imported: (units: number, responses: number, file: string) => `Wrote the figures of ${countOf(units, "unit")} from ${countOf(responses, "response")} to ${file}.`,
  reconciled: (match: number, empty: number, published: number, differs: number) =>
    `Against the portal's published scores: ${formatNumber(match, "en")} match, ${formatNumber(empty, "en")} empty on both sides, ${formatNumber(published, "en")} kept as published (not recomputed), ${formatNumber(differs, "en")} differ.`,
  differs: (unit: string, code: string, computed: string, published: string, cause: string) => `  - ${unit} › ${code}: chiso ${formatNumber(computed, "en")}, portal ${published} (${cause})`,
  next: (file: string, period: string) => `Next: chiso report --input ${file} --period ${period} --out <folder>`,
  fetched: (count: number, folder: string) => `Saved ${countOf(count, "response")} to ${folder}.`,
  fetchFailed: (endpoint: string, reason: string) => `Cannot fetch ${endpoint}: ${reason}. No file was written.`,
  badResponse: (endpoint: string, problem: string) => `The response of ${endpoint} cannot be used: ${problem}. No file was written.`,
  wrongEndpoint: (got: string) => `its content is a response of ${got}`,
  httpStatus: (status: number) => `the portal answered HTTP ${status}`,
  timedOut: (seconds: number) => `no answer within ${formatNumber(seconds, "en")} s`,
  attempts: (count: number, reason: string) => `${reason} (after ${countOf(count, "attempt")})`,
  truncated: (endpoint: string, total: number, listed: number) => `The response of ${endpoint} lists ${formatNumber(listed, "en")} of ${countOf(total, "unit")} although a page of ${formatNumber(total, "en")} was asked for; the portal may limit pageSize.`,
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
