import { describe, expect, it } from "vitest";
import { datasetOf, uniformItems } from "../../../test/helpers.js";
import type { FiguresFile } from "../input/schema.js";
import { getScheme } from "../scheme/registry.js";
import { scoreDataset } from "./scorecard.js";

// Trial 4, finding 1: a parent summed from its children is incomplete when a child that counts toward it is
// missing for the period or is itself incomplete (decision 89).
const units: FiguresFile["units"] = [
  { id: "P", name: "Tỉnh Thử", level: "province" },
  { id: "X1", name: "Xã Một", level: "commune", parent: "P" },
  { id: "X2", name: "Xã Hai", level: "commune", parent: "P" },
  { id: "X3", name: "Xã Ba", level: "commune", parent: "P" },
];
const months = ["2026-07", "2026-08", "2026-09"];
const row = (unit: string, period: string, numerator: number) => ({ unit, period, items: uniformItems(numerator, 10) });
/** Every unit, every month: P 9/10 of its own, X1 9/10, X2 8/10, X3 7/10 on every item. */
const full = months.flatMap((month) => [row("P", month, 9), row("X1", month, 9), row("X2", month, 8), row("X3", month, 7)]);
const score = (figures: FiguresFile["figures"], period: string) => scoreDataset(datasetOf({ units, figures }), { period, asOf: "2026-11-30" });
const onTime = (card: ReturnType<typeof score>, unit: string) => card.unit(unit)!.items.find((item) => item.code === "ON_TIME")!.counts;

describe("a parent whose children are missing or incomplete", () => {
  it("is complete and graded when every child is there (the control)", () => {
    const card = score(full, "2026-Q3");
    const p = card.unit("P")!;
    // 27/30 + 24/30 + 21/30 = 72/90.
    expect(onTime(card, "P")).toEqual({ numerator: 72, denominator: 90 });
    expect(p.completeness).toMatchObject({ status: "complete", missingChildren: [], incompleteChildren: [] });
    expect(p.band).not.toBeNull();
    expect(p.standing.ranked).toBe(true);
    expect(card.findings.filter((finding) => finding.code === "incomplete_children")).toEqual([]);
  });

  it("is incomplete in a quarter when a child lacks a month: no band, no rank, the child named", () => {
    const figures = full.filter((figure) => !(figure.unit === "X2" && figure.period === "2026-09"));
    const card = score(figures, "2026-Q3");
    const p = card.unit("P")!;
    // X2 gives two months only: 27/30 + 16/20 + 21/30 = 64/80, part of the quarter.
    expect(onTime(card, "P")).toEqual({ numerator: 64, denominator: 80 });
    expect(p.missingMonths).toEqual([]);
    expect(p.completeness).toMatchObject({ status: "incomplete", missingItems: [], partialItems: [], missingChildren: [], incompleteChildren: ["X2"] });
    expect(p.band).toBeNull();
    expect(p.standing).toEqual({ ranked: false, reason: "incomplete" });
    const finding = card.findings.find((entry) => entry.unit === "P" && entry.code === "incomplete_children")!;
    expect(finding.params).toEqual({ missing: "", incomplete: "Xã Hai", count: 1 });
    // X1 and X3 are whole and still ranked.
    expect(card.unit("X1")!.standing).toEqual({ ranked: true, position: 1, of: 2, tied: false });
  });

  it("is incomplete in a quarter when a child leaves an item out of one month", () => {
    const figures = full.map((figure) => {
      if (figure.unit !== "X1" || figure.period !== "2026-09") return figure;
      const { ON_TIME: _left, ...items } = figure.items;
      return { ...figure, items };
    });
    const card = score(figures, "2026-Q3");
    // X1's 2.1 has July and August only: 18/20 + 24/30 + 21/30 = 63/80.
    expect(onTime(card, "P")).toEqual({ numerator: 63, denominator: 80 });
    expect(card.unit("X1")!.completeness.partialItems).toEqual(["ON_TIME"]);
    expect(card.unit("P")!.completeness).toMatchObject({ status: "incomplete", missingChildren: [], incompleteChildren: ["X1"] });
    expect(card.unit("P")!.band).toBeNull();
  });

  it("is incomplete in a month when a child has no row, or a row without an item", () => {
    const september = full.filter((figure) => figure.period === "2026-09" && figure.unit !== "X2");
    const card = score(september, "2026-09");
    // X1 and X3 only: 9/10 + 7/10 = 16/20.
    expect(onTime(card, "P")).toEqual({ numerator: 16, denominator: 20 });
    expect(card.unit("P")!.completeness).toMatchObject({ status: "incomplete", missingChildren: ["X2"], incompleteChildren: [] });
    expect(card.unit("P")!.standing).toEqual({ ranked: false, reason: "incomplete" });
    expect(card.findings.find((entry) => entry.unit === "P" && entry.code === "incomplete_children")!.params).toEqual({ missing: "Xã Hai", incomplete: "", count: 1 });
    // A child with a row that leaves 2.1 out is incomplete itself, and so is the parent's 2.1.
    const { ON_TIME: _left, ...items } = uniformItems(8, 10);
    const card2 = score([...september, { unit: "X2", period: "2026-09", items }], "2026-09");
    expect(card2.unit("P")!.completeness).toMatchObject({ status: "incomplete", missingChildren: [], incompleteChildren: ["X2"] });
  });

  it("stays complete when a child had no dossiers, or when the parent's own counts are used", () => {
    const noDossiers = Object.fromEntries(getScheme().items.filter((item) => item.scope !== "dossier").map((item) => [item.code, [9, 10] as [number, number]]));
    const volume = getScheme().volumeItem.code;
    const september = full.filter((figure) => figure.period === "2026-09" && figure.unit !== "X2");
    const card = score([...september, { unit: "X2", period: "2026-09", items: { ...noDossiers, [volume]: [0, 0] } }], "2026-09");
    expect(card.unit("X2")!.completeness.status).toBe("no_dossiers");
    expect(card.unit("P")!.completeness).toMatchObject({ status: "complete", missingChildren: [], incompleteChildren: [] });
    // With `parentCounts: "own"` the province is scored on its own full row: a missing child leaves no gap.
    const own = scoreDataset(datasetOf({ units, figures: september, parentCounts: "own" }), { period: "2026-09", asOf: "2026-11-30" });
    expect(own.unit("P")!.completeness.status).toBe("complete");
  });

  it("passes a grandchild's gap up: a department missing a unit makes the province incomplete", () => {
    const nested: FiguresFile["units"] = [
      { id: "P", name: "Tỉnh Thử", level: "province" },
      { id: "D", name: "Sở Một", level: "department", parent: "P" },
      { id: "D1", name: "Chi cục Một", level: "department", parent: "D" },
      { id: "D2", name: "Chi cục Hai", level: "department", parent: "D" },
    ];
    const figures = [row("P", "2026-09", 9), row("D", "2026-09", 9), row("D1", "2026-09", 8)];
    const card = scoreDataset(datasetOf({ units: nested, figures }), { period: "2026-09", asOf: "2026-11-30" });
    expect(card.unit("D")!.completeness).toMatchObject({ status: "incomplete", missingChildren: ["D2"], incompleteChildren: [] });
    expect(card.unit("P")!.completeness).toMatchObject({ status: "incomplete", missingChildren: [], incompleteChildren: ["D"] });
  });
});

describe("a quarter summed from months keeps the months' parent findings (trial 4, finding 7)", () => {
  it("says, month by month, where a parent's own counts were replaced by its children's sum", () => {
    const two: FiguresFile["units"] = units.filter((unit) => unit.id !== "X3");
    const monthRow = (unit: string, period: string, onTime: [number, number]) => ({ unit, period, items: { ...uniformItems(9, 10), ON_TIME: onTime } });
    const figures = [
      // July: P says 0/9, its communes 20/40 + 16/33 = 36/73. August: P agrees with 10/20 + 10/20 = 20/40.
      monthRow("P", "2026-07", [0, 9]),
      monthRow("X1", "2026-07", [20, 40]),
      monthRow("X2", "2026-07", [16, 33]),
      monthRow("P", "2026-08", [20, 40]),
      monthRow("X1", "2026-08", [10, 20]),
      monthRow("X2", "2026-08", [10, 20]),
      // September: P says 47/50, its communes 5/10 + 7/36 = 12/46.
      monthRow("P", "2026-09", [47, 50]),
      monthRow("X1", "2026-09", [5, 10]),
      monthRow("X2", "2026-09", [7, 36]),
    ];
    const card = scoreDataset(datasetOf({ units: two, figures }), { period: "2026-Q3", asOf: "2026-11-30" });
    // The quarter uses 36/73 + 20/40 + 12/46 = 68/159 for 2.1; P's own months add up to 67/99.
    expect(card.unit("P")!.items.find((item) => item.code === "ON_TIME")!.counts).toEqual({ numerator: 68, denominator: 159 });
    const mismatches = card.findings.filter((finding) => finding.code === "parent_mismatch" && finding.item === "ON_TIME");
    expect(mismatches.map((finding) => [finding.unit, finding.period, finding.params])).toEqual([
      ["P", "2026-07", { ownNumerator: 0, ownDenominator: 9, childNumerator: 36, childDenominator: 73, used: "children" }],
      ["P", "2026-09", { ownNumerator: 47, ownDenominator: 50, childNumerator: 12, childDenominator: 46, used: "children" }],
    ]);
    expect(mismatches[0]!.source).toEqual(["figures", 0]);
    // The same months scored one by one give the same findings.
    const july = scoreDataset(datasetOf({ units: two, figures }), { period: "2026-07", asOf: "2026-11-30" });
    expect(july.findings.filter((finding) => finding.code === "parent_mismatch" && finding.item === "ON_TIME").map((finding) => finding.params)).toEqual([mismatches[0]!.params]);
  });
});
