import { ChisoError } from "../kernel/errors.js";
import { parseSipasScheme, type SipasScheme } from "./compute.js";
import type { SipasSchemeDefinition } from "./schema.js";

const b = (vi: string, en: string) => ({ vi, en });

const SCALE = [
  { value: 1, label: b("Rất không hài lòng", "Very dissatisfied") },
  { value: 2, label: b("Không hài lòng", "Dissatisfied") },
  { value: 3, label: b("Bình thường", "Neutral") },
  { value: 4, label: b("Hài lòng", "Satisfied") },
  { value: 5, label: b("Rất hài lòng", "Very satisfied") },
];

/** The five factors of administrative service delivery (2017–2020, and aspect 2 from 2022). */
const SERVICE_FACTORS: SipasSchemeDefinition["aspects"][number]["factors"] = [
  {
    code: "ACCESS",
    name: b("Tiếp cận dịch vụ", "Access to the service"),
    items: [
      { code: "ACCESS_PLACE", name: b("Nơi tiếp nhận và trả kết quả thuận tiện, đủ tiện nghi", "Convenient, well-equipped reception place") },
      { code: "ACCESS_INFO", name: b("Thông tin hướng dẫn rõ ràng, dễ tìm", "Clear, easy-to-find guidance") },
    ],
  },
  {
    code: "PROCEDURE",
    name: b("Thủ tục hành chính", "The administrative procedure"),
    items: [
      { code: "PROCEDURE_PUBLIC", name: b("Thủ tục được niêm yết công khai, đầy đủ", "Procedure published in full") },
      { code: "PROCEDURE_DOSSIER", name: b("Thành phần hồ sơ, phí, thời hạn đúng quy định", "Documents, fees and time limits as prescribed") },
    ],
  },
  {
    code: "CIVIL_SERVANT",
    name: b("Công chức giải quyết công việc", "The civil servants"),
    items: [
      { code: "CIVIL_SERVANT_CONDUCT", name: b("Công chức có thái độ lịch sự, tận tình", "Courteous, helpful civil servants") },
      { code: "CIVIL_SERVANT_SKILL", name: b("Công chức hướng dẫn đúng, dễ hiểu", "Correct, understandable guidance") },
    ],
  },
  {
    code: "RESULT",
    name: b("Kết quả giải quyết", "The result"),
    items: [
      { code: "RESULT_ON_TIME", name: b("Nhận kết quả đúng hẹn", "Result on the appointed date") },
      { code: "RESULT_ACCURATE", name: b("Kết quả đúng quy định, thông tin chính xác", "Correct result, accurate information") },
    ],
  },
  {
    code: "FEEDBACK",
    name: b("Tiếp nhận, xử lý phản ánh, kiến nghị", "Handling of feedback"),
    items: [
      { code: "FEEDBACK_CHANNEL", name: b("Có nơi tiếp nhận phản ánh, kiến nghị", "A channel for feedback exists") },
      { code: "FEEDBACK_HANDLED", name: b("Phản ánh, kiến nghị được xử lý kịp thời", "Feedback handled promptly") },
    ],
  },
];

const COMMON = {
  version: "1.0.0",
  scale: SCALE,
  satisfied: [4, 5],
  aggregation: "mean" as const,
  minRespondents: 30,
  rounding: { mode: "half-up" as const, decimals: 2 },
  ranking: { tie: "competition" as const },
  bands: [
    { code: "TOT", min: 90, label: b("Tốt", "Good") },
    { code: "KHA", min: 80, label: b("Khá", "Fair") },
    { code: "TRUNG_BINH", min: 65, label: b("Trung bình", "Average") },
    { code: "YEU", min: 0, label: b("Yếu", "Weak") },
  ],
  certainty: "configurable" as const,
};

/** 2017–2020: five factors of administrative service delivery. */
export const sipas2017Scheme: SipasSchemeDefinition = {
  ...COMMON,
  id: "sipas-2017",
  example: true,
  name: b("SIPAS 2017–2020 — năm yếu tố cung ứng dịch vụ hành chính công", "SIPAS 2017–2020 — five factors of service delivery"),
  description: "Five factors, each asked as assessment, satisfaction and expectation; chiso scores the satisfaction items. The items are examples; the share-of-satisfied arithmetic and unweighted means are configuration (the official text could not be confirmed).",
  effectiveFrom: "2017-01-01",
  sources: [{ title: "Bộ Nội vụ — Đề án đo lường sự hài lòng (SIPAS) 2017–2020", note: "Five factors [certain]; arithmetic [to confirm]." }],
  aspects: [{ code: "SERVICE_DELIVERY", name: b("Cung ứng dịch vụ hành chính công", "Administrative service delivery"), factors: SERVICE_FACTORS }],
};

/** From 2022: three aspects — policy, administrative services (the five factors), basic public services. */
export const sipas2022Scheme: SipasSchemeDefinition = {
  ...COMMON,
  id: "sipas-2022",
  example: true,
  name: b("SIPAS từ 2022 — ba khía cạnh", "SIPAS from 2022 — three aspects"),
  description: "Aspects → factors → items. Items are examples; arithmetic (share satisfied, unweighted means) is configuration.",
  effectiveFrom: "2022-01-01",
  sources: [{ title: "Bộ Nội vụ — Đề án đo lường sự hài lòng giai đoạn 2021–2030", note: "Three aspects [certain]; arithmetic [to confirm]." }],
  aspects: [
    {
      code: "POLICY",
      name: b("Xây dựng, tổ chức thực hiện chính sách", "Policy making and implementation"),
      factors: [
        { code: "POLICY_PARTICIPATION", name: b("Tham gia xây dựng chính sách", "Participation in policy making"), items: [{ code: "POLICY_CONSULTED", name: b("Người dân được lấy ý kiến", "Citizens consulted") }] },
        { code: "POLICY_CONTENT", name: b("Nội dung chính sách", "Policy content"), items: [{ code: "POLICY_FIT", name: b("Chính sách phù hợp thực tiễn", "Policy fits reality") }] },
        { code: "POLICY_IMPLEMENTATION", name: b("Tổ chức thực hiện chính sách", "Policy implementation"), items: [{ code: "POLICY_INFORMED", name: b("Chính sách được phổ biến đầy đủ", "Policy well communicated") }] },
        { code: "POLICY_OUTCOME", name: b("Kết quả thực hiện chính sách", "Policy outcome"), items: [{ code: "POLICY_BENEFIT", name: b("Người dân được hưởng lợi", "Citizens benefit") }] },
      ],
    },
    { code: "ADMIN_SERVICES", name: b("Cung ứng dịch vụ hành chính công", "Administrative service delivery"), factors: SERVICE_FACTORS },
    {
      code: "BASIC_SERVICES",
      name: b("Cung ứng dịch vụ công cơ bản", "Basic public services"),
      factors: [
        { code: "HEALTH", name: b("Y tế công", "Public health care"), items: [{ code: "HEALTH_SATISFIED", name: b("Hài lòng với dịch vụ y tế công", "Satisfied with public health care") }] },
        { code: "EDUCATION", name: b("Giáo dục công", "Public education"), items: [{ code: "EDUCATION_SATISFIED", name: b("Hài lòng với giáo dục công", "Satisfied with public education") }] },
      ],
    },
  ],
};

export const builtinSipasSchemes: Readonly<Record<string, SipasSchemeDefinition>> = { "sipas-2017": sipas2017Scheme, "sipas-2022": sipas2022Scheme };
const cache = new Map<string, SipasScheme>();

/** A built-in SIPAS scheme ("sipas-2022" by default). */
export function getSipasScheme(id = "sipas-2022"): SipasScheme {
  const definition = builtinSipasSchemes[id];
  if (!definition) throw new ChisoError("UNKNOWN_SCHEME", [{ code: "invalid_value", path: ["scheme"], params: { detail: id, allowed: Object.keys(builtinSipasSchemes).join(", ") } }]);
  const cached = cache.get(id) ?? parseSipasScheme(definition);
  cache.set(id, cached);
  return cached;
}
