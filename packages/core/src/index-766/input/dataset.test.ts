import { describe, expect, it } from "vitest";
import { smallProvince } from "../../../test/helpers.js";
import { getScheme } from "../scheme/registry.js";
import { parseDataset, safeParseDataset } from "./dataset.js";

const scheme = getScheme();
const problems = (input: unknown, language: "vi" | "en" = "en") => {
  const result = safeParseDataset(input, scheme);
  if (result.success) throw new Error("expected the input to be rejected");
  return result.error.describe(language);
};

describe("parseDataset", () => {
  it("accepts both count forms and normalises names to NFC", () => {
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [9, 10], DOSSIER_SYNC: { numerator: 10, denominator: 10 } } },
    ]);
    file.units[3] = { ...file.units[3]!, name: "Xã An Bình".normalize("NFD") };
    const dataset = parseDataset(file, scheme);
    expect(dataset.unitById.get("C1")?.name).toBe("Xã An Bình".normalize("NFC"));
    expect(dataset.figures[0]!.counts[scheme.itemByCode.get("ON_TIME")!.index]).toEqual({ numerator: 9, denominator: 10 });
    expect(dataset.childrenOf.get("P")?.map((unit) => unit.id)).toEqual(["D1", "D2", "C1", "C2", "C3"]);
  });

  it("collects every problem in one pass, with readable paths", () => {
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [11, 10], DOSSIER_SYNC: [1.5, 10], ONLINE_DOSSIER_SHARE: [-1, 10] } },
      { unit: "C1", period: "2026-03", items: { NOT_AN_ITEM: [1, 2] } },
      { unit: "C9", period: "2026-13", items: {} },
    ]);
    file.units.push({ id: "C4", name: "Xã Mới", level: "commune", parent: "P2" });
    file.units.push({ id: "C1", name: "Xã An Bình (trùng)", level: "commune", parent: "P" });
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "figures[0].items.DOSSIER_SYNC[0]: must be a whole number (a count of dossiers or procedures), received 1.5; enter a count without decimals.",
        "figures[0].items.ONLINE_DOSSIER_SHARE[0]: must not be negative, received -1; enter 0 or more.",
        "units[7].id: unit id "C1" is declared twice (first at units[3]); declare each unit once.",
        "units[6].parent: parent "P2" of unit "C4" is not in the units list; add the parent or correct the id.",
        "figures[1].items.NOT_AN_ITEM: item code "NOT_AN_ITEM" is not in scheme 766-portal; use a valid code (see docs/indicators).",
        "figures[2].period: period "2026-13" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).",
        "figures[2].unit: unit "C9" is not declared in the units list; add the unit or correct the id.",
      ]
    `);
  });

  it("reports numerators above denominators, unknown codes and duplicates after the types are right", () => {
    const file = smallProvince([
      { unit: "C1", period: "2026-03", items: { ON_TIME: [11, 10], NOT_AN_ITEM: [1, 2] } },
      { unit: "C1", period: "2026-03", items: {} },
      { unit: "C9", period: "2026-13", items: {} },
    ]);
    file.units.push({ id: "C4", name: "Xã Mới", level: "commune", parent: "P2" });
    file.units.push({ id: "C1", name: "Xã An Bình (trùng)", level: "commune", parent: "P" });
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "units[7].id: unit id "C1" is declared twice (first at units[3]); declare each unit once.",
        "units[6].parent: parent "P2" of unit "C4" is not in the units list; add the parent or correct the id.",
        "figures[0].items.ON_TIME.numerator: numerator (11) is greater than denominator (10); check both figures of item ON_TIME.",
        "figures[0].items.NOT_AN_ITEM: item code "NOT_AN_ITEM" is not in scheme 766-portal; use a valid code (see docs/indicators).",
        "figures[1]: figures for unit "C1" in period 2026-03 appear twice (first at figures[0]); keep one row.",
        "figures[2].period: period "2026-13" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).",
        "figures[2].unit: unit "C9" is not declared in the units list; add the unit or correct the id.",
      ]
    `);
    expect(problems(file, "vi")).toMatchInlineSnapshot(`
      [
        "units[7].id: mã đơn vị "C1" bị khai báo lặp (lần đầu ở units[3]); mỗi đơn vị chỉ khai báo một lần.",
        "units[6].parent: đơn vị cấp trên "P2" của "C4" không có trong danh sách đơn vị; hãy thêm đơn vị cấp trên hoặc sửa mã.",
        "figures[0].items.ON_TIME.numerator: tử số (11) lớn hơn mẫu số (10); hãy kiểm tra lại hai số liệu của chỉ tiêu ON_TIME.",
        "figures[0].items.NOT_AN_ITEM: mã chỉ tiêu "NOT_AN_ITEM" không có trong phương án 766-portal; hãy dùng một mã hợp lệ (xem docs/indicators).",
        "figures[1]: số liệu của đơn vị "C1" kỳ 2026-03 bị lặp (lần đầu ở figures[0]); hãy giữ một dòng.",
        "figures[2].period: kỳ "2026-13" không hợp lệ; hãy viết theo dạng 2026-03 (tháng), 2026-Q1 (quý) hoặc 2026 (năm).",
        "figures[2].unit: đơn vị "C9" chưa được khai báo trong danh sách đơn vị; hãy thêm đơn vị hoặc sửa mã.",
      ]
    `);
  });

  it("detects a parent cycle", () => {
    const file = {
      units: [
        { id: "A", name: "A", level: "department", parent: "B" },
        { id: "B", name: "B", level: "department", parent: "A" },
      ],
      figures: [],
    };
    expect(problems(file)).toMatchInlineSnapshot(`
      [
        "units[0].parent: the parent chain of "A" loops back on itself; correct the parent ids.",
        "units[1].parent: the parent chain of "B" loops back on itself; correct the parent ids.",
      ]
    `);
  });
});
