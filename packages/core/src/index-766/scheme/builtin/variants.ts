import type { SchemeDefinition } from "../schema.js";
import portal from "./766-portal.json" with { type: "json" };

type ItemInput = SchemeDefinition["items"][number];

/** The default scheme: the 766 index as the national portal computes it (methodology §1). */
export const portalScheme = portal as SchemeDefinition;

function variant(
  id: string,
  name: SchemeDefinition["name"],
  description: string,
  changeItems: (items: readonly ItemInput[]) => ItemInput[],
  source: string,
): SchemeDefinition {
  return {
    ...portalScheme,
    id,
    name,
    description,
    sources: [...portalScheme.sources, { title: source }],
    items: changeItems(portalScheme.items),
  };
}

const withItem = (code: string, change: (item: ItemInput) => ItemInput) => (items: readonly ItemInput[]) =>
  items.map((item) => (item.code === code ? change(item) : item));

/** 4.2 earns full marks at 80%, as the portal's formula description (docx) says. */
export const digitization42At80Scheme = variant(
  "766-portal-digitization-4.2-at-80",
  { vi: "Bộ chỉ số 766 — chỉ tiêu 4.2 đạt tối đa ở 80%", en: "Decision 766 index — item 4.2 full marks at 80%" },
  "As 766-portal, with item 4.2 (SO_HOA_GIAY_TO_GIAI_QUYET) at full marks from 80% as in the portal's docx.",
  withItem("SO_HOA_GIAY_TO_GIAI_QUYET", (item) => ({ ...item, thresholdPercent: 80, certainty: "doc" })),
  "Cổng DVCQG — mô tả công thức tính (docx): ngưỡng 80% cho chỉ tiêu 4.2",
);

/** The 12-point online-services block as a single item, as the portal's own sheet assigns it. */
export const onlineSingleItemScheme = variant(
  "766-portal-online-single-item",
  { vi: "Bộ chỉ số 766 — DVCTT tính một chỉ tiêu 12 điểm", en: "Decision 766 index — online services as one 12-point item" },
  "As 766-portal, with items 3.1–3.3 replaced by one 12-point item: full-online dossiers / dossiers of procedures eligible for full-online service.",
  (items) => {
    const first = items.findIndex((item) => item.block === "ONLINE_SERVICE");
    const rest = items.filter((item) => item.block !== "ONLINE_SERVICE");
    const single: ItemInput = {
      id: "3.0",
      code: "ONLINE_FULL_DOSSIER_SHARE",
      name: { vi: "Hồ sơ trực tuyến toàn trình", en: "Full-online dossiers" },
      numerator: { vi: "Số hồ sơ trực tuyến toàn trình", en: "Full-online dossiers" },
      denominator: {
        vi: "Số hồ sơ của các TTHC đủ điều kiện cung cấp DVCTT toàn trình",
        en: "Dossiers of procedures eligible for full-online service",
      },
      group: "ONLINE_SERVICES",
      block: "ONLINE_SERVICE",
      max: 12,
      thresholdPercent: 100,
      emptyDenominator: { policy: "zero" },
      scope: "dossier",
      certainty: "doc",
    };
    return [...rest.slice(0, first), single, ...rest.slice(first)];
  },
  "Cổng DVCQG — bảng tính điểm: một dòng 12 điểm cho DVCTT toàn trình",
);

/**
 * With no feedback, 5.2 scores its full 6 and the 6 points of 5.3 move to 5.4 (worth 12 on its own
 * ratio): chiso's reading of the portal sheet's "split between 5.2 and 5.4".
 */
export const feedbackSplitScheme = variant(
  "766-portal-feedback-split",
  { vi: "Bộ chỉ số 766 — không có PAKN: chia điểm cho 5.2 và 5.4", en: "Decision 766 index — no feedback: points split between 5.2 and 5.4" },
  "As 766-portal, except that a unit with no feedback has the 6 points of 5.3 moved to 5.4 (an interpretation of the portal sheet).",
  withItem("PETITION_HANDLING_SATISFACTION", (item) => ({
    ...item,
    emptyDenominator: { policy: "transfer", to: "DOSSIER_RECEIVING_SATISFACTION" },
    certainty: "conflict",
  })),
  "Cổng DVCQG — bảng tính điểm: đơn vị không có PAKN được chia điểm cho 5.2 và 5.4",
);

/** Group 5 split 5 / 5 / 2 / 6, as some local tools do: the 2 points go to 5.1 classification. */
export const satisfaction5526Scheme = variant(
  "766-satisfaction-5-5-2-6",
  { vi: "Bộ chỉ số 766 — nhóm hài lòng chia 5/5/2/6", en: "Decision 766 index — satisfaction split 5/5/2/6" },
  "As 766-portal, with group 5 scored 5.2 = 5, 5.3 = 5, 5.1 = 2, 5.4 = 6 (the assignment of the 2 points to 5.1 is an interpretation).",
  (items) =>
    items.map((item) => {
      if (item.code === "PETITION_PROCESSING_ON_TIME" || item.code === "PETITION_HANDLING_SATISFACTION") return { ...item, max: 5, certainty: "conflict" as const };
      if (item.code === "PETITION_CLASSIFICATION") return { ...item, max: 2, emptyDenominator: { policy: "full" as const }, certainty: "conflict" as const };
      return item;
    }),
  "Công cụ địa phương: nhóm 5 chia 5/5/2/6",
);

/**
 * The portal's one-procedure scope (a `formalityId` filter, methodology §1.7): dossier counts are the
 * procedure's, catalogue counts stay unit-wide, and digitization has no 4.5b (a share of procedures), so it
 * is out of 20 and the total out of 98.
 */
export const oneProcedureScheme: SchemeDefinition = {
  ...variant(
    "766-portal-one-procedure",
    { vi: "Bộ chỉ số 766 — phạm vi một thủ tục hành chính", en: "Decision 766 index — one administrative procedure" },
    "As 766-portal, for figures filtered to one procedure: item 4.5b (a share of procedures) does not apply, so digitization is out of 20 and the total out of 98.",
    (items) => items.filter((item) => item.code !== "CITIZEN_DATA_CONNECTED_FORMALITY"),
    "Cổng DVCQG — kết quả đánh giá theo một thủ tục (formalityId): khối số hóa tối đa 20 điểm",
  ),
  groups: portalScheme.groups.map((group) => (group.code === "DIGITIZATION" ? { ...group, max: 20 } : group)),
  blocks: portalScheme.blocks.map((block) => (block.code === "DIGITIZATION" ? { ...block, max: 20 } : block)),
};

/** Every scheme chiso ships, by id. */
export const builtinSchemeDefinitions: Readonly<Record<string, SchemeDefinition>> = Object.fromEntries(
  [portalScheme, digitization42At80Scheme, onlineSingleItemScheme, feedbackSplitScheme, satisfaction5526Scheme, oneProcedureScheme].map((scheme) => [scheme.id, scheme]),
);
