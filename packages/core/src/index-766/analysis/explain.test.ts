import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../kernel/arithmetic/decimal.js";
import { datasetOf, smallProvince, uniformItems } from "../../../test/helpers.js";
import { getScheme } from "../scheme/registry.js";
import { scoreDataset } from "../scoring/scorecard.js";
import { explainUnit, planImprovements, ratioPercentText } from "./explain.js";

const scheme = getScheme();
const unitWith = (items: Record<string, [number, number]>) =>
  scoreDataset(datasetOf(smallProvince([{ unit: "C1", period: "2026-03", items: { ...uniformItems(10, 10), ...items } }])), { period: "2026-03" }).unit("C1")!;

describe("explainUnit", () => {
  it("shows inputs, ratio, threshold, points, points lost and the counts needed", () => {
    const explanation = explainUnit(scheme, unitWith({ ONLINE_SERVICE_PROVIDED: [7, 10] })).find((entry) => entry.item.code === "ONLINE_SERVICE_PROVIDED")!;
    expect({
      ratio: explanation.ratioPercent,
      threshold: explanation.thresholdPercent,
      exact: explanation.exactPoints?.toString(),
      points: explanation.score.points?.toString(),
      lost: explanation.pointsLost?.toString(),
      full: explanation.toFullMarks,
      next: explanation.toNextPoint,
    }).toMatchInlineSnapshot(`
      {
        "exact": "1.75",
        "full": {
          "increase": 1,
          "numerator": 8,
          "points": "2.00",
        },
        "lost": "0.25",
        "next": {
          "increase": 1,
          "numerator": 8,
          "points": "2.00",
        },
        "points": "1.75",
        "ratio": "70.00",
        "threshold": "80",
      }
    `);
  });

  it("finds the smallest numerator exactly at a rounding tie", () => {
    // ON_TIME 20 points, 1 599 of 1 600 → 19.9875 → 19.99; 1 600 needed for 20.00.
    const explanation = explainUnit(scheme, unitWith({ ON_TIME: [1599, 1600] })).find((entry) => entry.item.code === "ON_TIME")!;
    expect(explanation.score.points?.toString()).toBe("19.99");
    expect(explanation.toFullMarks?.increase).toBe(1);
    // 5.4 at 90%: 5 of 8 → 6·0.625/0.9 = 4.1666… → 4.17; next point needs ≥ 5.165 → n ≥ 6.198 → 7 of 8 (→ full 6.00).
    const satisfaction = explainUnit(scheme, unitWith({ DOSSIER_RECEIVING_SATISFACTION: [5, 8] })).find((entry) => entry.item.code === "DOSSIER_RECEIVING_SATISFACTION")!;
    expect(satisfaction.toNextPoint).toMatchObject({ increase: 2, numerator: 7 });
    expect(satisfaction.toNextPoint?.points.toString()).toBe("5.83");
    expect(satisfaction.toFullMarks).toMatchObject({ increase: 3, numerator: 8 });
  });

  it("has nothing to gain at full marks or when the numerator cannot help", () => {
    const explanations = explainUnit(scheme, unitWith({ ON_TIME: [0, 0] }));
    const onTime = explanations.find((entry) => entry.item.code === "ON_TIME")!;
    expect(onTime.score.points?.toString()).toBe("0.00");
    expect(onTime.toFullMarks).toBeNull();
    expect(explanations.find((entry) => entry.item.code === "DOSSIER_SYNC")!.toFullMarks).toBeNull();
  });
});

describe("planImprovements", () => {
  it("orders items by recoverable points, then by effort", () => {
    const plan = planImprovements(scheme, unitWith({ ON_TIME: [90, 100], DOSSIER_SYNC: [50, 100], ONLINE_SERVICE_USED: [3, 4], ONLINE_SERVICE_PROVIDED: [79, 100] }));
    expect(plan.map((entry) => [entry.item.code, entry.pointsLost?.toString(), entry.toFullMarks?.increase])).toEqual([
      ["DOSSIER_SYNC", "3.00", 50],
      ["ON_TIME", "2.00", 10],
      ["ONLINE_SERVICE_USED", "1.00", 1],
      ["ONLINE_SERVICE_PROVIDED", "0.02", 1],
    ]);
    expect(planImprovements(scheme, unitWith({ ON_TIME: [90, 100], DOSSIER_SYNC: [50, 100] }), 1)).toHaveLength(1);
  });
});

describe("ratioPercentText", () => {
  const exact = (numerator: number, denominator: number) => new Dec(numerator).div(denominator).times(100).toFixed(2, Dec.ROUND_HALF_UP);
  it("gives the exact half-up percent, in integers or in decimals beyond them", () => {
    for (const [numerator, denominator] of [[1, 8], [1, 3], [2, 3], [5, 40000], [15, 2000000], [0, 7], [7, 7], [2 ** 52, 3], [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1]] as const) {
      expect(ratioPercentText(numerator, denominator), `${numerator}/${denominator}`).toBe(exact(numerator, denominator));
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (denominator, raw) => {
        const numerator = raw % (denominator + 1);
        return ratioPercentText(numerator, denominator) === exact(numerator, denominator);
      }),
      { numRuns: 2000 },
    );
  });
});
