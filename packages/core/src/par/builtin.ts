import { ChisoError } from "../kernel/errors.js";
import { parseParScheme, type ParScheme } from "./compute.js";
import type { ParSchemeDefinition } from "./schema.js";

const b = (vi: string, en: string) => ({ vi, en });
const criterion = (code: string, vi: string, en: string, max: number) => ({ code, name: b(vi, en), max });

const COMMON = {
  version: "1.0.0",
  example: true,
  effectiveFrom: "2025-07-01",
  sources: [
    { title: "Quyết định 876/QĐ-BNV (2022) — Bộ chỉ số CCHC của bộ, tỉnh", note: "Structure of fields, self-assessment, appraisal, survey, bonus and penalty [certain]; maxima of this tree are an example." },
    { title: "Quy định của một tỉnh: đơn vị không có điểm điều tra xã hội học được quy đổi về thang 100", note: "No-survey rescale." },
  ],
  bonusMax: 2,
  penaltyMax: 5,
  noSurvey: "rescale" as const,
  rounding: { mode: "half-up" as const, decimals: 2 },
  ranking: { tie: "competition" as const },
};

/** An EXAMPLE provincial tree for departments: 7 fields, 80 assessed points + 20 survey points. */
export const parDepartmentExample: ParSchemeDefinition = {
  ...COMMON,
  id: "par-department-example",
  name: b("Chỉ số CCHC sở, ban, ngành — bộ tiêu chí MẪU", "PAR Index for departments — EXAMPLE tree"),
  description: "An example of a province's tree for its departments, for trying chiso; load your province's own tree as JSON.",
  fields: [
    {
      code: "F1",
      name: b("Công tác chỉ đạo, điều hành CCHC", "Direction of administrative reform"),
      surveyMax: 2,
      criteria: [
        { code: "F1.1", name: b("Kế hoạch CCHC năm", "Yearly reform plan"), max: 4, subCriteria: [criterion("F1.1.1", "Ban hành kế hoạch kịp thời", "Plan issued on time", 2), criterion("F1.1.2", "Mức độ hoàn thành kế hoạch", "Plan completion", 2)] },
        criterion("F1.2", "Báo cáo CCHC đúng hạn, đủ nội dung", "Reform reports on time and complete", 2),
        criterion("F1.3", "Kiểm tra công tác CCHC", "Inspection of reform work", 3),
        criterion("F1.4", "Tuyên truyền CCHC", "Communication on reform", 3),
      ],
    },
    {
      code: "F2",
      name: b("Cải cách thể chế", "Institutional reform"),
      surveyMax: 2,
      criteria: [criterion("F2.1", "Xây dựng, ban hành văn bản QPPL", "Drafting legal documents", 5), criterion("F2.2", "Rà soát, kiểm tra văn bản", "Reviewing legal documents", 5)],
    },
    {
      code: "F3",
      name: b("Cải cách thủ tục hành chính", "Administrative procedure reform"),
      surveyMax: 6,
      criteria: [
        criterion("F3.1", "Công khai TTHC", "Publishing procedures", 6),
        { code: "F3.2", name: b("Thực hiện cơ chế một cửa, một cửa liên thông", "One-stop shop"), max: 6, subCriteria: [criterion("F3.2.1", "Hồ sơ giải quyết đúng hạn", "Dossiers on time", 4), criterion("F3.2.2", "Xin lỗi khi trễ hạn", "Apologies for late dossiers", 2)] },
        criterion("F3.3", "Số hóa hồ sơ, kết quả", "Digitizing dossiers and results", 6),
      ],
    },
    { code: "F4", name: b("Cải cách tổ chức bộ máy", "Organisational reform"), surveyMax: 2, criteria: [criterion("F4.1", "Sắp xếp tổ chức bộ máy", "Restructuring", 5), criterion("F4.2", "Phân cấp, ủy quyền", "Delegation", 5)] },
    { code: "F5", name: b("Cải cách chế độ công vụ", "Civil service reform"), surveyMax: 3, criteria: [criterion("F5.1", "Vị trí việc làm", "Job positions", 5), criterion("F5.2", "Kỷ luật, kỷ cương hành chính", "Administrative discipline", 5)] },
    { code: "F6", name: b("Cải cách tài chính công", "Public finance reform"), surveyMax: 1, criteria: [criterion("F6.1", "Quản lý, sử dụng ngân sách", "Budget management", 8)] },
    { code: "F7", name: b("Xây dựng chính quyền số", "Digital government"), surveyMax: 4, criteria: [criterion("F7.1", "Dịch vụ công trực tuyến", "Online public services", 6), criterion("F7.2", "Hệ thống thông tin, chia sẻ dữ liệu", "Information systems and data sharing", 6)] },
  ],
  bands: [
    { code: "A", min: 90, label: b("Nhóm A", "Group A") },
    { code: "B", min: 80, label: b("Nhóm B", "Group B") },
    { code: "C", min: 0, label: b("Nhóm C", "Group C") },
  ],
};

/** An EXAMPLE provincial tree for communes: 5 fields, 70 assessed points + 30 survey points. */
export const parCommuneExample: ParSchemeDefinition = {
  ...COMMON,
  id: "par-commune-example",
  name: b("Chỉ số CCHC cấp xã — bộ tiêu chí MẪU", "PAR Index for communes — EXAMPLE tree"),
  description: "An example of a province's tree for its communes; load your province's own tree as JSON.",
  fields: [
    { code: "X1", name: b("Chỉ đạo, điều hành CCHC", "Direction of reform"), surveyMax: 5, criteria: [criterion("X1.1", "Kế hoạch và báo cáo CCHC", "Reform plan and reports", 6), criterion("X1.2", "Tuyên truyền CCHC", "Communication", 4)] },
    { code: "X2", name: b("Cải cách thủ tục hành chính", "Procedure reform"), surveyMax: 10, criteria: [criterion("X2.1", "Công khai TTHC tại bộ phận một cửa", "Procedures published at the one-stop shop", 8), criterion("X2.2", "Giải quyết hồ sơ đúng hạn", "Dossiers on time", 12)] },
    { code: "X3", name: b("Chế độ công vụ", "Civil service"), surveyMax: 5, criteria: [criterion("X3.1", "Kỷ luật, kỷ cương", "Discipline", 10)] },
    { code: "X4", name: b("Tài chính công", "Public finance"), surveyMax: 2, criteria: [criterion("X4.1", "Công khai ngân sách xã", "Commune budget published", 8)] },
    { code: "X5", name: b("Chính quyền số", "Digital government"), surveyMax: 8, criteria: [criterion("X5.1", "Hồ sơ trực tuyến", "Online dossiers", 12), criterion("X5.2", "Số hóa kết quả", "Digitized results", 10)] },
  ],
  bands: [
    { code: "TOT", min: 90, label: b("Tốt", "Good") },
    { code: "KHA", min: 80, label: b("Khá", "Fair") },
    { code: "TRUNG_BINH", min: 65, label: b("Trung bình", "Average") },
    { code: "YEU", min: 0, label: b("Yếu", "Weak") },
  ],
};

export const builtinParSchemes: Readonly<Record<string, ParSchemeDefinition>> = { "par-department-example": parDepartmentExample, "par-commune-example": parCommuneExample };
const cache = new Map<string, ParScheme>();

/** A built-in (example) PAR tree. */
export function getParScheme(id: string): ParScheme {
  const definition = builtinParSchemes[id];
  if (!definition) throw new ChisoError("UNKNOWN_SCHEME", [{ code: "invalid_value", path: ["scheme"], params: { detail: id, allowed: Object.keys(builtinParSchemes).join(", ") } }]);
  const cached = cache.get(id) ?? parseParScheme(definition);
  cache.set(id, cached);
  return cached;
}
