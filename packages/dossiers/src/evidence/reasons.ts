import type { Language } from "@chiso/core";
import type { EvidenceReason } from "./schema.js";

/** Each reason as an officer reads it, in Vietnamese and English. */
export const REASON_LABELS: Readonly<Record<EvidenceReason, Readonly<Record<Language, string>>>> = {
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
};

export function describeReason(reason: EvidenceReason, language: Language = "vi"): string {
  return REASON_LABELS[reason][language];
}
