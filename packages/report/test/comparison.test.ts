import { describe, expect, it } from "vitest";
import { buildPackView } from "../src/index.js";
import { datasetOf, smallPackFile } from "./fixture.js";

const options = { period: "2026-03", asOf: "2026-04-15", generatedAt: new Date("2026-04-15T00:00:00Z"), checksum: "0".repeat(64) };

/** C2 reported February without ON_TIME (incomplete) and at a far lower level: any "change" would be the gap. */
function previousIncompleteFile() {
  const file = smallPackFile();
  const figures = file.figures.map((row) => {
    if (row.unit !== "C2" || row.period !== "2026-02") return row;
    const { ON_TIME: _dropped, ...items } = Object.fromEntries(Object.entries(row.items).map(([code]) => [code, [40, 100] as [number, number]]));
    return { ...row, items };
  });
  return { ...file, figures };
}

describe("changes since the previous period", () => {
  it("are not shown against a previous total that was incomplete, and such units are not among the movers", () => {
    const view = buildPackView(datasetOf(previousIncompleteFile()), options);
    const card = view.scorecards.find((entry) => entry.unitId === "C2")!;
    expect(card.scoreChange).toBe("—");
    expect(card.changeNote).toBe("kỳ trước chưa đủ số liệu");
    expect(card.rankChange).toBe("—");
    expect(card.items.every((item) => item.change === "—")).toBe(true);
    const summary = view.summaries[0]!;
    expect(summary.movers.map((entry) => entry.name)).not.toContain("Phường Đông Hải");
    expect(summary.movers.length).toBeGreaterThan(0);
    expect(summary.assessment.join(" ")).not.toContain("Phường Đông Hải (+");
    expect(summary.rankings.flatMap((ranking) => ranking.rows).find((row) => row.name === "Phường Đông Hải")!.change).toBe("—");
    const row = view.workbook.rankings.flatMap((ranking) => ranking.rows).find((entry) => entry.id === "C2")!;
    expect(row.change).toBeNull();
    expect(row.rankChange).toBeNull();
    expect(row.reason).toBe("kỳ trước chưa đủ số liệu");
    // A unit complete in both months keeps its change.
    expect(view.scorecards.find((entry) => entry.unitId === "D2")!.scoreChange).toMatch(/^\+/u);
    expect(view.scorecards.find((entry) => entry.unitId === "D2")!.changeNote).toBeNull();
  });

  it("say, in English too, why there is none", () => {
    const view = buildPackView(datasetOf(previousIncompleteFile()), { ...options, language: "en" });
    expect(view.scorecards.find((entry) => entry.unitId === "C2")!.changeNote).toBe("previous period's figures incomplete");
  });

  it("are not shown where this period's rows were rejected: the unit has no figures this period, the province's total is partial", () => {
    const file = smallPackFile();
    const figures = file.figures.filter((row) => !(row.unit === "D2" && row.period === "2026-03"));
    const rejectedRows = [{ unit: "D2", period: "2026-03", where: "so-lieu.xlsx › Số liệu › dòng 7", reasons: ["tử số lớn hơn mẫu số"] }];
    const view = buildPackView(datasetOf({ ...file, figures }), { ...options, rejectedRows });
    const card = view.scorecards.find((entry) => entry.unitId === "D2")!;
    expect(card.scoreChange).toBe("—");
    expect(card.changeNote).toBe("kỳ này chưa có số liệu");
    const summary = view.summaries[0]!;
    expect(summary.scoreChange).toBe("—");
    expect(summary.changeNote).toBe("kỳ này chưa đủ số liệu");
    expect(summary.assessment[0]).toContain("số liệu kỳ này chưa đầy đủ nên không so sánh với kỳ trước");
    expect(summary.assessment[0]).not.toMatch(/(tăng|giảm) [\d,]+ điểm so với/u);
    // No block "moves" that only reflect the missing rows.
    expect(summary.assessment[1]).not.toMatch(/Tăng điểm ở|iảm điểm ở|thay đổi dưới 0,10/u);
    // Units untouched by the rejected row still compare.
    expect(view.scorecards.find((entry) => entry.unitId === "D1")!.changeNote).toBeNull();
  });

  it("say a unit's row was rejected, not that its figures are incomplete, when it still has its figures (a duplicate row refused)", () => {
    const file = smallPackFile();
    const rejectedRows = [{ unit: "D1", period: "2026-03", where: "so-lieu.xlsx › Số liệu › dòng 9", reasons: ["mã đơn vị trùng"] }];
    const view = buildPackView(datasetOf(file), { ...options, rejectedRows });
    const card = view.scorecards.find((entry) => entry.unitId === "D1")!;
    expect(card.rank).not.toBe("—");
    expect(card.changeNote).toBe("kỳ này có dòng số liệu bị từ chối");
    const english = buildPackView(datasetOf(file), { ...options, rejectedRows, language: "en" });
    expect(english.scorecards.find((entry) => entry.unitId === "D1")!.changeNote).toBe("a row of this period's figures was rejected");
  });
});
