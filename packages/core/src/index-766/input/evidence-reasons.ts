import type { Language } from "../../kernel/messages.js";

/**
 * Why a dossier did not count toward an item's numerator, as an officer reads it. The codes are those the
 * dossier engine writes (docs/dossier-format.md); they live here, beside the evidence format, so that every
 * reader of a figures file — the documents, the viewer — can name them without loading the dossier engine.
 */
export const EVIDENCE_REASONS = {
  late: { vi: "Giải quyết quá hạn", en: "Settled after the due date" },
  overdue_in_progress: { vi: "Đang giải quyết, đã quá hạn", en: "In progress, past the due date" },
  supplement_requested_twice: { vi: "Yêu cầu bổ sung hồ sơ từ 2 lần trở lên", en: "Supplement requested more than once" },
  supplement_request_late: { vi: "Yêu cầu bổ sung sau hạn giải quyết", en: "Supplement requested after the due date" },
  not_online: { vi: "Không nộp trực tuyến", en: "Not submitted online" },
  no_electronic_result: { vi: "Không có kết quả điện tử", en: "No electronic result" },
  not_digitized: { vi: "Không số hóa khi tiếp nhận", en: "Not digitized at intake" },
  not_reused: { vi: "Không tái sử dụng dữ liệu đã số hóa", en: "Digitized data not reused" },
  not_synced_to_data_store: { vi: "Không kết nối kho dữ liệu cá nhân trên Cổng DVCQG", en: "Not linked to the citizen's data store" },
  not_paid_online: { vi: "Không thanh toán trực tuyến", en: "Not paid online" },
  no_population_data: { vi: "Không dùng dữ liệu dân cư (VNeID)", en: "No population data used (VNeID)" },
  complaint: { vi: "Bị phản ánh hoặc đánh giá không hài lòng", en: "Complaint or dislike" },
  feedback_late: { vi: "PAKN xử lý quá hạn", en: "Feedback handled late" },
  feedback_overdue_in_progress: { vi: "PAKN đang xử lý, đã quá hạn", en: "Feedback open past its due date" },
  feedback_unsatisfied: { vi: "PAKN bị đánh giá không hài lòng nhiều hơn hài lòng", en: "More dislikes than likes" },
  feedback_repeated: { vi: "PAKN phản ánh lặp lại về kết quả", en: "Repeated feedback about the result" },
} as const satisfies Record<string, Record<Language, string>>;

export type EvidenceReason = keyof typeof EVIDENCE_REASONS;

/** A reason in words; a code another system wrote and chiso does not know is shown as it is. */
export function describeEvidenceReason(reason: string, language: Language = "vi"): string {
  return Object.hasOwn(EVIDENCE_REASONS, reason) ? EVIDENCE_REASONS[reason as EvidenceReason][language] : reason;
}
