import { getScheme, parseDataset, parseScheme, portalScheme, type FiguresFile, type Scheme, type SchemeDefinition } from "../src/index.js";

/** Counts for every scored item of the 766 scheme at the given ratio of `denominator`. */
export function uniformItems(numerator: number, denominator: number, scheme: Scheme = getScheme()): Record<string, [number, number]> {
  return Object.fromEntries(scheme.items.map((item) => [item.code, [numerator, denominator] as [number, number]]));
}

/** A one-group scheme with a single item, for testing the item rule in isolation. */
export function singleItemScheme(max: number | string, thresholdPercent: number | string, policy: SchemeDefinition["items"][number]["emptyDenominator"] = { policy: "null" }, rounding: "half-up" | "half-even" = "half-up"): Scheme {
  const base = portalScheme.items[0]!;
  return parseScheme({
    ...portalScheme,
    id: "test-single",
    volumeItem: "X",
    rounding: { mode: rounding, decimals: 2 },
    groups: [{ code: "G", number: "1", name: { vi: "Nhóm", en: "Group" }, max }],
    blocks: [{ code: "B", number: "1", name: { vi: "Khối", en: "Block" }, max }],
    items: [{ ...base, code: "X", group: "G", block: "B", max, thresholdPercent, emptyDenominator: policy, scope: "dossier", inheritedBy: [] }],
  });
}

/** A small province: one province, two departments, three communes. */
export function smallProvince(figures: FiguresFile["figures"]): FiguresFile {
  return {
    units: [
      { id: "P", name: "Tỉnh Thử Nghiệm", level: "province" },
      { id: "D1", name: "Sở Tư pháp", level: "department", parent: "P" },
      { id: "D2", name: "Sở Y tế", level: "department", parent: "P" },
      { id: "C1", name: "Xã An Bình", level: "commune", parent: "P" },
      { id: "C2", name: "Phường Đông Hải", level: "commune", parent: "P" },
      { id: "C3", name: "Xã Tân Lập", level: "commune", parent: "P" },
    ],
    figures,
  };
}

export const datasetOf = (file: FiguresFile, scheme: Scheme = getScheme()) => parseDataset(file, scheme);
