import { getScheme, parseDataset, scoreDataset } from "@chiso/core";
import { describe, expect, it } from "vitest";
import { generateDemoData } from "../../../cli/src/demo/generate.js";
import { changesToReach, nextBand, nextRank, scenarioDocument, scoreScenario } from "./planner.js";

const PERIOD = "2026-10";
const data = generateDemoData();
const scheme = getScheme();
const card = scoreDataset(parseDataset(data, scheme), { period: PERIOD, asOf: "2026-11-21" });

/**
 * Core's total for the unit with some numerators replaced (denominators unchanged), from the month's
 * rows only: the first test shows that this scores exactly as the whole dataset.
 */
function totalWith(unit: string, numerators: Record<string, number>): number {
  const counts = card.unit(unit)!.items;
  const edits = new Map(Object.entries(numerators).map(([code, numerator]) => [code, { numerator, denominator: counts.find((item) => item.code === code)!.counts!.denominator }]));
  const result = scoreScenario(data, scheme, unit, PERIOD, edits, { asOf: "2026-11-21" }, "vi");
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.unit.total!.units;
}

describe("the planner's smallest changes", () => {
  const units = card.units.filter((score) => score.unit.level !== "province" && score.standing.ranked);

  it("scores an unchanged scenario exactly as the whole dataset", () => {
    for (const score of units.slice(0, 20)) {
      const result = scoreScenario(data, scheme, score.unit.id, PERIOD, new Map(), { asOf: "2026-11-21" }, "vi");
      expect(result.ok && result.unit.total?.units).toBe(score.total!.units);
      expect(result.ok && result.unit.standing).toEqual(score.standing);
    }
  });

  it("reaches the next band and the next rank, and one dossier fewer does not (checked by rescoring)", () => {
    let checked = 0;
    for (const score of units.filter((_, index) => index % 7 === 0)) {
      const goals = [nextBand(scheme, score)?.minUnits, nextRank(card, score)?.units].filter((goal): goal is number => goal !== undefined);
      for (const goal of goals) {
        const reach = changesToReach(scheme, score, goal);
        for (const step of reach.single.slice(0, 3)) {
          expect(totalWith(score.unit.id, { [step.item.code]: step.to })).toBeGreaterThanOrEqual(goal);
          expect(totalWith(score.unit.id, { [step.item.code]: step.to - 1 })).toBeLessThan(goal);
          checked += 1;
        }
        if (reach.combined) {
          expect(totalWith(score.unit.id, Object.fromEntries(reach.combined.map((step) => [step.item.code, step.to])))).toBeGreaterThanOrEqual(goal);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("keeps only the period's rows and replaces the unit's items", () => {
    const document = scenarioDocument(data, "HS-X001", PERIOD, new Map([["ON_TIME", { numerator: 1, denominator: 2 }]]));
    expect(new Set(document.figures.map((figure) => figure.period))).toEqual(new Set([PERIOD]));
    expect(document.figures.find((figure) => figure.unit === "HS-X001")!.items.ON_TIME).toEqual({ numerator: 1, denominator: 2 });
    const invalid = scoreScenario(data, scheme, "HS-X001", PERIOD, new Map([["ON_TIME", { numerator: 3, denominator: 2 }]]), { asOf: "2026-11-21" }, "en");
    expect(invalid).toEqual({ ok: false, problems: [expect.stringContaining("numerator (3) is greater than denominator (2)")] });
  });
});
