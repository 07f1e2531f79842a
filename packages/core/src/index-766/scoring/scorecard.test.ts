import { describe, expect, it } from "vitest";
import { datasetOf, smallProvince, uniformItems } from "../../../test/helpers.js";
import { getScheme } from "../scheme/registry.js";
import type { ChisoError } from "../../kernel/errors.js";
import { scoreCompanions } from "./companions.js";
import { scoreDataset } from "./scorecard.js";

const scheme = getScheme();

describe("scoring one unit", () => {
  it("scores a perfect unit 100 in both views", () => {
    const card = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items: uniformItems(10, 10) }])), { period: "2026-03", asOf: "2026-11-21" });
    const unit = card.unit("C1")!;
    expect(unit.total?.toString()).toBe("100.00");
    expect(unit.groups.map((group) => group.points?.toString())).toEqual(["18.00", "20.00", "22.00", "22.00", "18.00"]);
    expect(unit.blocks.map((block) => block.points?.toString())).toEqual(["18.00", "20.00", "12.00", "10.00", "22.00", "18.00"]);
    expect(unit.band?.label.vi).toBe("Xuất sắc");
    expect(card.provisional).toBe(false);
  });

  it("sums rounded items into groups and groups into the total", () => {
    // Every item at 7/10: linear items score 0.7·max; 80% items 0.875·max; 50% caps; 90% 0.7778·max.
    const card = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items: uniformItems(7, 10) }])), { period: "2026-03", asOf: "2026-11-21" });
    const unit = card.unit("C1")!;
    const points = Object.fromEntries(unit.items.map((item) => [item.code, item.points?.toString() ?? null]));
    expect(points).toMatchObject({
      PUBLISH_ON_TIME: "4.20",
      ON_TIME: "14.00",
      ONLINE_SERVICE_PROVIDED: "1.75", // 2·0.7/0.8 = 1.75
      ONLINE_DOSSIER_SHARE: "6.00", // 70% ≥ 50%: full
      REUSED_DIGITIZED_DATA: "1.75",
      DOSSIER_RECEIVING_SATISFACTION: "4.67", // 6·0.7/0.9 = 4.666…
      PETITION_CLASSIFICATION: null,
    });
    // Transparency 4.2+2.8+1.4+4.2; timeliness 14; online 1.75+2.8+6 + 1.75+4.2+1.75;
    // digitization 4.2+2.8+1.75+2.8+1.4+1.4+1.4; satisfaction 4.2+4.2+4.67.
    expect(unit.groups.map((group) => group.points?.toString())).toEqual(["12.60", "14.00", "18.25", "15.75", "13.07"]);
    expect(unit.total?.toString()).toBe("73.67");
    expect(unit.band?.code).toBe("KHA");
  });

  it("keeps no data apart from 0: a null-policy item has no points and counts 0 in its group", () => {
    const items = { ...uniformItems(10, 10), DOSSIER_SYNC: [0, 0] as [number, number], ORIGINAL_RESULT_AVAILABLE: [0, 0] as [number, number] };
    const unit = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items }])), { period: "2026-03", asOf: "2026-11-21" }).unit("C1")!;
    expect(unit.items.find((item) => item.code === "DOSSIER_SYNC")).toMatchObject({ status: "empty", points: null });
    expect(unit.groups[0]!.points?.toString()).toBe("12.00");
    expect(unit.total?.toString()).toBe("88.00");
  });

  it("gives a unit with no feedback full marks on 5.2 and 5.3 (the portal's output)", () => {
    const items = { ...uniformItems(9, 10), PETITION_PROCESSING_ON_TIME: [0, 0] as [number, number], PETITION_HANDLING_SATISFACTION: [0, 0] as [number, number] };
    const unit = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items }])), { period: "2026-03", asOf: "2026-11-21" }).unit("C1")!;
    expect(unit.groups[4]!.points?.toString()).toBe("18.00"); // 6 + 6 + 6·0.9/0.9
  });

  it("moves the 5.3 points to 5.4 in the feedback-split variant", () => {
    const split = getScheme("766-portal-feedback-split");
    const items = { ...uniformItems(9, 10, split), DOSSIER_RECEIVING_SATISFACTION: [8, 10] as [number, number], PETITION_PROCESSING_ON_TIME: [0, 0] as [number, number], PETITION_HANDLING_SATISFACTION: [0, 0] as [number, number] };
    const unit = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items }]), split), { period: "2026-03", asOf: "2026-11-21" }).unit("C1")!;
    const byCode = Object.fromEntries(unit.items.map((item) => [item.code, item]));
    expect(byCode.PETITION_HANDLING_SATISFACTION).toMatchObject({ status: "transferred", points: null });
    expect(byCode.PETITION_HANDLING_SATISFACTION!.max.toString()).toBe("0.00");
    expect(byCode.DOSSIER_RECEIVING_SATISFACTION!.max.toString()).toBe("12.00");
    expect(byCode.DOSSIER_RECEIVING_SATISFACTION!.points?.toString()).toBe("10.67"); // 12·0.8/0.9 = 10.666…
    expect(unit.groups[4]!.points?.toString()).toBe("16.67");
    expect(unit.groups[4]!.max.toString()).toBe("18.00");
  });

  it("scores 4.2 against 80% in its variant", () => {
    const variant = getScheme("766-portal-digitization-4.2-at-80");
    const items = { ...uniformItems(10, 10, variant), SO_HOA_GIAY_TO_GIAI_QUYET: [8, 10] as [number, number] };
    const byVariant = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items }]), variant), { period: "2026-03" }).unit("C1")!;
    const byDefault = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items }])), { period: "2026-03" }).unit("C1")!;
    expect(byVariant.total?.toString()).toBe("100.00");
    expect(byDefault.total?.toString()).toBe("99.20");
  });

  it("scores the online block as one item in its variant", () => {
    const variant = getScheme("766-portal-online-single-item");
    const items = { ...uniformItems(10, 10, variant), ONLINE_FULL_DOSSIER_SHARE: [3, 8] as [number, number] };
    const unit = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items }]), variant), { period: "2026-03" }).unit("C1")!;
    expect(unit.blocks[2]!.points?.toString()).toBe("4.50"); // 12·3/8
  });

  it("splits group 5 as 5/5/2/6 in its variant", () => {
    const variant = getScheme("766-satisfaction-5-5-2-6");
    const items = { ...uniformItems(10, 10, variant), PETITION_CLASSIFICATION: [1, 2] as [number, number] };
    const unit = scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items }]), variant), { period: "2026-03" }).unit("C1")!;
    expect(unit.groups[4]!.points?.toString()).toBe("17.00"); // 5 + 5 + 2·½ + 6
  });
});

describe("roll-ups", () => {
  const figures = [
    { unit: "P", period: "2026-03", items: { PUBLISH_ON_TIME: [3, 4] as [number, number], ONLINE_SERVICE_PROVIDED: [50, 100] as [number, number] } },
    { unit: "C1", period: "2026-03", items: { ON_TIME: [99, 100] as [number, number], ONLINE_SERVICE_PROVIDED: [9, 10] as [number, number] } },
    { unit: "C2", period: "2026-03", items: { ON_TIME: [1, 10] as [number, number] } },
    { unit: "D1", period: "2026-03", items: { ON_TIME: [0, 0] as [number, number] } },
  ];

  it("computes a parent's dossier items from its children's summed counts, never averaged ratios", () => {
    const card = scoreDataset(datasetOf(smallProvince(figures)), { period: "2026-03" });
    const province = card.unit("P")!;
    const onTime = province.items.find((item) => item.code === "ON_TIME")!;
    expect(onTime).toMatchObject({ origin: "children", counts: { numerator: 100, denominator: 110 } });
    // 20·100/110 = 18.1818… → 18.18, while averaging the ratios (0.99, 0.1) would give 10.90.
    expect(onTime.points?.toString()).toBe("18.18");
  });

  it("keeps catalogue items as the parent's own figures and lets communes inherit 1.1–1.3", () => {
    const card = scoreDataset(datasetOf(smallProvince(figures)), { period: "2026-03" });
    const provided = card.unit("P")!.items.find((item) => item.code === "ONLINE_SERVICE_PROVIDED")!;
    expect(provided).toMatchObject({ origin: "own", counts: { numerator: 50, denominator: 100 } });
    const inherited = card.unit("C2")!.items.find((item) => item.code === "PUBLISH_ON_TIME")!;
    expect(inherited).toMatchObject({ origin: "parent", counts: { numerator: 3, denominator: 4 } });
    expect(inherited.points?.toString()).toBe("4.50");
    // Departments report their own 1.1–1.3; only communes inherit.
    expect(card.unit("D1")!.items.find((item) => item.code === "PUBLISH_ON_TIME")!.status).toBe("missing");
    // 3.1 is not inherited: C2 reported none, so it has no data.
    expect(card.unit("C2")!.items.find((item) => item.code === "ONLINE_SERVICE_PROVIDED")!.status).toBe("missing");
  });

  it("builds a quarter from summed months and flags missing months and open periods", () => {
    const months = [
      { unit: "C1", period: "2026-01", items: { ON_TIME: [1, 2] as [number, number] } },
      { unit: "C1", period: "2026-02", items: { ON_TIME: [9, 10] as [number, number] } },
    ];
    const card = scoreDataset(datasetOf(smallProvince(months)), { period: "2026-Q1", asOf: "2026-03-15" });
    const unit = card.unit("C1")!;
    expect(unit.items.find((item) => item.code === "ON_TIME")!.counts).toEqual({ numerator: 10, denominator: 12 });
    expect(unit.missingMonths).toEqual(["2026-03"]);
    expect(card.provisional).toBe(true);
    expect(card.findings.filter((finding) => finding.code === "incomplete_period").map((finding) => finding.unit)).toEqual(["C1"]);
    expect(scoreDataset(datasetOf(smallProvince(months)), { period: "2026-Q1", asOf: "2026-04-01" }).provisional).toBe(false);
  });

  it("calls a quarter summed from months incomplete when a month or an item's month is missing: no band, no rank", () => {
    const full = (unit: string, period: string) => ({ unit, period, items: uniformItems(9, 10) });
    const { ON_TIME: _onTime, ...withoutOnTime } = uniformItems(9, 10);
    const rows = [
      ...["2026-01", "2026-02", "2026-03"].flatMap((month) => [full("C1", month), full("C2", month)]),
      // C3: no March row. D1: every month, but February's row leaves 2.1 out.
      full("C3", "2026-01"),
      full("C3", "2026-02"),
      full("D1", "2026-01"),
      { unit: "D1", period: "2026-02", items: withoutOnTime },
      full("D1", "2026-03"),
    ];
    const card = scoreDataset(datasetOf(smallProvince(rows)), { period: "2026-Q1", asOf: "2026-11-21" });
    const c1 = card.unit("C1")!;
    expect(c1.completeness).toMatchObject({ status: "complete", missingItems: [], partialItems: [] });
    expect(c1.standing.ranked).toBe(true);
    const c3 = card.unit("C3")!;
    expect(c3.missingMonths).toEqual(["2026-03"]);
    expect(c3.completeness).toMatchObject({ status: "incomplete", missingItems: [], partialItems: [] });
    expect(c3.standing).toEqual({ ranked: false, reason: "incomplete" });
    expect(c3.band).toBeNull();
    const d1 = card.unit("D1")!;
    expect(d1.missingMonths).toEqual([]);
    expect(d1.completeness).toMatchObject({ status: "incomplete", missingItems: [], partialItems: ["ON_TIME"] });
    expect(d1.standing).toEqual({ ranked: false, reason: "incomplete" });
    const partial = card.findings.find((finding) => finding.unit === "D1" && finding.code === "partial_items")!;
    expect(partial.params).toEqual({ items: "2.1", count: 1 });
    // Ranked on request, as other incomplete units are.
    expect(scoreDataset(datasetOf(smallProvince(rows)), { period: "2026-Q1", asOf: "2026-11-21", rankIncomplete: true }).unit("D1")!.standing.ranked).toBe(true);
    // A quarter's own row is used as is: no gap to judge.
    const own = scoreDataset(datasetOf(smallProvince([...rows, full("C3", "2026-Q1")])), { period: "2026-Q1", asOf: "2026-11-21" });
    expect(own.unit("C3")!.completeness.status).toBe("complete");
  });
});

describe("ranking within levels", () => {
  const figure = (unit: string, numerator: number, denominator = 100) => ({ unit, period: "2026-03", items: { ...uniformItems(10, 10), ON_TIME: [numerator, denominator] as [number, number] } });

  it("ranks departments and communes separately, competition ties by default", () => {
    const file = smallProvince([figure("D1", 90), figure("D2", 95), figure("C1", 80), figure("C2", 80), figure("C3", 70)]);
    const card = scoreDataset(datasetOf(file), { period: "2026-03" });
    const standings = Object.fromEntries(card.units.map((unit) => [unit.unit.id, unit.standing]));
    expect(standings.D2).toEqual({ ranked: true, position: 1, of: 2, tied: false });
    expect(standings.D1).toEqual({ ranked: true, position: 2, of: 2, tied: false });
    expect(standings.C1).toEqual({ ranked: true, position: 1, of: 3, tied: true });
    expect(standings.C2).toEqual({ ranked: true, position: 1, of: 3, tied: true });
    expect(standings.C3).toEqual({ ranked: true, position: 3, of: 3, tied: false });
    // The province reports none of its own catalogue or feedback items here: its total is incomplete.
    expect(standings.P).toEqual({ ranked: false, reason: "incomplete" });
    const dense = scoreDataset(datasetOf(file), { period: "2026-03", tie: "dense" });
    expect(dense.unit("C3")!.standing).toEqual({ ranked: true, position: 2, of: 3, tied: false });
  });

  it("lists units without figures or without dossiers as unranked, with the reason", () => {
    const empty = Object.fromEntries(getScheme().items.filter((item) => item.scope === "dossier").map((item) => [item.code, [0, 0] as [number, number]]));
    const file = smallProvince([figure("C1", 80), { unit: "C2", period: "2026-03", items: empty }]);
    const card = scoreDataset(datasetOf(file), { period: "2026-03" });
    expect(card.unit("C2")!.standing).toEqual({ ranked: false, reason: "no_dossiers" });
    expect(card.unit("C3")!.standing).toEqual({ ranked: false, reason: "no_figures" });
    expect(card.unit("C3")!.total).toBeNull();
    expect(card.unit("C1")!.standing).toEqual({ ranked: true, position: 1, of: 1, tied: false });
  });

  it("does not band or rank a unit with items missing, unless asked, and names what is missing", () => {
    const partial = { unit: "C3", period: "2026-03", items: { ON_TIME: [95, 100] as [number, number], ONLINE_SERVICE_PROVIDED: [7, 10] as [number, number] } };
    const file = smallProvince([figure("C1", 80), figure("C2", 90), partial]);
    const card = scoreDataset(datasetOf(file), { period: "2026-03" });
    const unit = card.unit("C3")!;
    expect(unit.total?.toString()).toBe("20.75");
    expect(unit.band).toBeNull();
    expect(unit.standing).toEqual({ ranked: false, reason: "incomplete" });
    expect(unit.completeness.status).toBe("incomplete");
    expect(unit.completeness.missingItems).toHaveLength(19);
    expect(unit.completeness.reportedMax.toString()).toBe("22.00");
    expect(card.unit("C1")!.standing).toEqual({ ranked: true, position: 2, of: 2, tied: false });
    const ranked = scoreDataset(datasetOf(file), { period: "2026-03", rankIncomplete: true });
    expect(ranked.unit("C3")!.standing).toEqual({ ranked: true, position: 3, of: 3, tied: false });
    expect(ranked.unit("C3")!.band?.code).toBe("YEU");
  });

  it("gives a unit without dossiers its total as the portal shows it, but no band and no rank", () => {
    const noDossiers = Object.fromEntries(getScheme().items.map((item) => [item.code, (item.scope === "dossier" || item.scope === "own" ? [0, 0] : [9, 10]) as [number, number]]));
    const card = scoreDataset(datasetOf(smallProvince([figure("C1", 80), { unit: "C2", period: "2026-03", items: noDossiers }])), { period: "2026-03" });
    const unit = card.unit("C2")!;
    expect(unit.completeness.status).toBe("no_dossiers");
    expect(unit.total).not.toBeNull();
    expect(unit.band).toBeNull();
    expect(unit.standing).toEqual({ ranked: false, reason: "no_dossiers" });
  });

  it("checks asOf, the period's year and the tie rule, naming each field (trial 4, finding 2)", () => {
    const dataset = datasetOf(smallProvince([]));
    const problems = (options: Parameters<typeof scoreDataset>[1]) => {
      try {
        scoreDataset(dataset, options);
      } catch (error) {
        return [(error as ChisoError).code, ...(error as ChisoError).describe("en")];
      }
      return null;
    };
    for (const asOf of ["garbage", "2026-13-45", "2026-02-31", "2026-3-1", ""]) {
      expect(problems({ period: "2026-03", asOf })).toEqual(["INVALID_OPTIONS", `asOf: date "${asOf}" is not valid; write a day that exists as YYYY-MM-DD, e.g. 2026-11-30.`]);
    }
    expect(problems({ period: "2026-03", asOf: "2028-02-29" })).toBeNull();
    expect(problems({ period: "0000" })).toEqual(["INVALID_PERIOD", `period: period "0000" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year), a year from 1990 to 2150.`]);
    expect(problems({ period: "9999-Q1" })?.[0]).toBe("INVALID_PERIOD");
    expect(problems({ period: "2026-03", tie: "weird" as "dense" })).toEqual(["INVALID_OPTIONS", "tie: invalid value (weird); use one of: competition, dense."]);
    // Every problem at once, each by its field.
    expect(problems({ period: "0000", asOf: "x", tie: "weird" as "dense" })?.map((line) => line.split(":")[0])).toEqual(["INVALID_OPTIONS", "period", "asOf", "tie"]);
    // White space around a period is ignored; the card's period is canonical.
    expect(scoreDataset(dataset, { period: " 2026-Q1 ", asOf: "2026-11-30" }).period.key).toBe("2026-Q1");
    expect(problems({ period: "2026 -Q1" })?.[0]).toBe("INVALID_PERIOD");
    // The surveys' and PAR's scoring checks its period and tie rule the same way.
    expect(() => scoreCompanions(dataset, "0000")).toThrow(/INVALID_PERIOD: period: period "0000" is not valid/);
    expect(() => scoreCompanions(dataset, "2026", "weird" as "dense")).toThrow(/INVALID_OPTIONS: tie: invalid value \(weird\)/);
  });

  it("rejects an invalid period with a clear error", () => {
    expect(() => scoreDataset(datasetOf(smallProvince([])), { period: "March" })).toThrowErrorMatchingInlineSnapshot(`[ChisoError: INVALID_PERIOD: period: period "March" is not valid; write it as 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).]`);
  });
});
