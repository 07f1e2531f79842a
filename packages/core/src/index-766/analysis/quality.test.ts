import { describe, expect, it } from "vitest";
import { datasetOf, smallProvince, uniformItems } from "../../../test/helpers.js";
import { scoreDataset } from "../scoring/scorecard.js";
import { describeFinding } from "./findings.js";

/** The findings as lines; units' missing items and children (most rows here report one item, for few units) only when asked. */
const findingsOf = (figures: Parameters<typeof smallProvince>[0], period = "2026-03", withMissing = false) =>
  scoreDataset(datasetOf(smallProvince(figures)), { period })
    .findings.filter((finding) => withMissing || (finding.code !== "missing_items" && finding.code !== "incomplete_children"))
    .map((finding) => `${finding.unit} ${finding.item ?? "-"}: ${describeFinding(finding, "en")}`);

describe("data-quality findings", () => {
  it("says which items a quarter's own row lacks that its months hold, and that the months are not used for them (decision 96)", () => {
    const all = uniformItems(9, 10);
    const { ON_TIME: _onTime, ONLINE_DOSSIER_SHARE: _share, ...withoutTwo } = all;
    const { ON_TIME: _alsoOnTime, ...monthWithoutOnTime } = all;
    const missing = (figures: Parameters<typeof smallProvince>[0]) => findingsOf(figures, "2026-Q1", true).filter((line) => line.startsWith("D1 -") && /items?|own figures/.test(line));
    // The quarter's own row lacks ON_TIME and ONLINE_DOSSIER_SHARE; February holds both, March only the share.
    expect(
      missing([
        { unit: "D1", period: "2026-Q1", items: withoutTwo },
        { unit: "D1", period: "2026-02", items: all },
        { unit: "D1", period: "2026-03", items: monthWithoutOnTime },
      ]),
    ).toEqual([
      "D1 -: the period's own figures lack 2 items (2.1, 3.3); the months of the period have figures for them, but the period is scored from its own figures, not from the months: the total covers only the items in the period's own figures, so the unit is not banded or ranked; add these items to the period's own figures.",
    ]);
    // Months holding one of the two: named; months holding neither (or no months): the plain advice.
    expect(missing([{ unit: "D1", period: "2026-Q1", items: withoutTwo }, { unit: "D1", period: "2026-03", items: monthWithoutOnTime }])[0]).toContain("the months of the period have figures for 1 of them (3.3)");
    expect(missing([{ unit: "D1", period: "2026-Q1", items: withoutTwo }])).toEqual([
      "D1 -: 2 items not reported (2.1, 3.3): the total covers only the items with figures, so the unit is not banded or ranked; add the missing figures.",
    ]);
    const vi = scoreDataset(datasetOf(smallProvince([{ unit: "D1", period: "2026-Q1", items: withoutTwo }, { unit: "D1", period: "2026-02", items: all }])), { period: "2026-Q1" }).findings.find((finding) => finding.unit === "D1" && finding.code === "missing_items")!;
    expect(describeFinding(vi, "vi")).toBe(
      "số liệu của cả kỳ không có 2 chỉ tiêu (2.1, 3.3); các tháng trong kỳ có số liệu của các chỉ tiêu này nhưng kỳ được chấm theo số liệu của cả kỳ, không lấy số liệu các tháng: tổng điểm chỉ tính trên các chỉ tiêu có trong số liệu của cả kỳ nên đơn vị không được xếp loại, xếp hạng; hãy bổ sung các chỉ tiêu này vào số liệu của cả kỳ.",
    );
  });

  it("flags components that do not add up and stated rates that do not match their counts", () => {
    expect(
      findingsOf([
        {
          unit: "C1",
          period: "2026-03",
          items: { ...uniformItems(100, 120), ONLINE_DOSSIER_SHARE: [80, 120] },
          channels: { received: 120, online: 80, direct: 30, post: 5 },
          settlement: { settled: 100, early: 20, onTime: 75, overdue: 5 },
          stated: { ONLINE_DOSSIER_SHARE: 66.67, ON_TIME: 85 },
        },
      ]),
    ).toMatchInlineSnapshot(`
      [
        "C1 -: online (80) + in person (30) + post (5) = 115, not the dossiers received (120).",
        "C1 ON_TIME: the stated rate is 85% but the counts (100/120) give 83.33%.",
      ]
    `);
  });

  it("flags tiny denominators and a parent whose own figures differ from its children's sum", () => {
    expect(
      findingsOf([
        { unit: "P", period: "2026-03", items: { ON_TIME: [50, 60] } },
        { unit: "C1", period: "2026-03", items: { ON_TIME: [3, 4] } },
        { unit: "C2", period: "2026-03", items: { ON_TIME: [40, 50] } },
      ]),
    ).toMatchInlineSnapshot(`
      [
        "P ON_TIME: the unit's own figures (50/60) differ from its children's sum (43/54); chiso uses the children's sum.",
        "C1 ON_TIME: the denominator is only 4 (below 5): the ratio is volatile; compare with care.",
      ]
    `);
  });

  it("flags a month far from the unit's history", () => {
    const months = ["2025-12", "2026-01", "2026-02"].map((period) => ({ unit: "C1", period, items: { ON_TIME: [95, 100] as [number, number] } }));
    expect(findingsOf([...months, { unit: "C1", period: "2026-03", items: { ON_TIME: [500, 1000] } }])).toMatchInlineSnapshot(`
      [
        "C1 -: the dossier count (1,000) is far from the median of the previous 3 months (100); check the figures.",
        "C1 ON_TIME: the rate of 50.00% is 45.00 percentage points from the median of the previous 3 months (95.00%); check the figures.",
      ]
    `);
    expect(findingsOf([...months, { unit: "C1", period: "2026-03", items: { ON_TIME: [110, 120] } }])).toEqual([]);
  });

  it("groups the thousands of counts as each language writes them", () => {
    const card = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items: uniformItems(10000, 12345), channels: { received: 12345, online: 8000, direct: 3000, post: 45 } }])), { period: "2026-03" });
    const channels = card.findings.find((finding) => finding.code === "channels_mismatch")!;
    expect(describeFinding(channels)).toBe("trực tuyến (8.000) + trực tiếp (3.000) + bưu chính (45) = 11.045, khác tổng số hồ sơ tiếp nhận (12.345).");
    expect(describeFinding(channels, "en")).toBe("online (8,000) + in person (3,000) + post (45) = 11,045, not the dossiers received (12,345).");
  });

  it("writes findings in Vietnamese by default", () => {
    const card = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items: { ...uniformItems(10, 10), ON_TIME: [3, 4] } }])), { period: "2026-03" });
    expect(describeFinding(card.findings.find((finding) => finding.unit === "C1")!)).toMatchInlineSnapshot(`"mẫu số chỉ là 4 (dưới 5): tỷ lệ dễ biến động, cần thận trọng khi so sánh."`);
  });

  it("names the items a unit did not report", () => {
    const items = uniformItems(9, 10);
    delete items.DOSSIER_SYNC;
    delete items.PETITION_HANDLING_SATISFACTION;
    expect(findingsOf([{ unit: "C1", period: "2026-03", items }], "2026-03", true).filter((line) => line.startsWith("C1"))).toMatchInlineSnapshot(`
      [
        "C1 -: 2 items not reported (1.4, 5.3): the total covers only the items with figures, so the unit is not banded or ranked; add the missing figures.",
      ]
    `);
  });

  it("flags a quarter whose own figures differ from its months, and the source's own flags", () => {
    const month = (period: string) => ({ unit: "C1", period, items: { ...uniformItems(9, 10), ON_TIME: [90, 100] as [number, number] } });
    const quarter = { unit: "C1", period: "2026-Q1", items: { ...uniformItems(27, 30), ON_TIME: [290, 300] as [number, number] }, flags: [{ item: "DOSSIER_SYNC", code: "TEMP_NATIONAL_REPORT_DENOMINATOR", message: "Mẫu số tạm tính" }] };
    expect(findingsOf([month("2026-01"), month("2026-02"), month("2026-03"), quarter], "2026-Q1")).toMatchInlineSnapshot(`
      [
        "C1 DOSSIER_SYNC: the source notes (provisional denominator from the national report), in its own words: “Mẫu số tạm tính”",
        "C1 ON_TIME: the period's own figures (290/300) differ from the sum of its 3 months (270/300); chiso uses the period's own figures.",
      ]
    `);
  });

  it("prints a flag's message in the document's language, and no flag by its code where it has words", () => {
    const row = (flags: unknown[]) => [{ unit: "C1", period: "2026-03", items: { ON_TIME: [9, 10] as [number, number] }, flags }];
    const card = scoreDataset(
      datasetOf(
        smallProvince(
          row([
            { code: "RECORDS_REJECTED", message: { vi: "1 PAKN bị loại, 9 được tính", en: "1 feedback item rejected, 9 counted" } },
            { code: "RECORDS_REJECTED" },
            { code: "OTHER_SYSTEM_CODE", message: "Số liệu chưa chốt." },
            { code: "OTHER_SYSTEM_CODE" },
          ]) as Parameters<typeof smallProvince>[0],
        ),
      ),
      { period: "2026-03" },
    );
    const flags = card.findings.filter((finding) => finding.code === "source_flag");
    expect(flags.map((finding) => describeFinding(finding, "vi"))).toEqual([
      "nguồn dữ liệu ghi chú (có hồ sơ bị loại khi tính số liệu): 1 PAKN bị loại, 9 được tính.",
      "nguồn dữ liệu ghi chú: có hồ sơ bị loại khi tính số liệu.",
      "nguồn dữ liệu ghi chú: Số liệu chưa chốt.",
      "nguồn dữ liệu ghi chú mã “OTHER_SYSTEM_CODE”, không kèm lời giải thích.",
    ]);
    expect(flags.map((finding) => describeFinding(finding, "en"))).toEqual([
      "the source notes (records were rejected when the figures were computed): 1 feedback item rejected, 9 counted.",
      "the source notes: records were rejected when the figures were computed.",
      "the source notes, in its own words: “Số liệu chưa chốt.”",
      "the source flags the code “OTHER_SYSTEM_CODE”, without an explanation.",
    ]);
  });
});
