import { describe, expect, it } from "vitest";
import { singleItemScheme } from "../../../test/helpers.js";
import { getScheme } from "../scheme/registry.js";
import { scoreItem } from "./item.js";

const score = (max: number | string, threshold: number | string, numerator: number, denominator: number, mode: "half-up" | "half-even" = "half-up") => {
  const scheme = singleItemScheme(max, threshold, { policy: "null" }, mode);
  const item = scheme.items[0]!;
  return scoreItem(scheme, item, { numerator, denominator }, "own", item.maxUnits).points?.toString();
};

describe("the generic item rule min(M, M × ratio / T), rounded once half-up to 2 decimals", () => {
  it.each([
    // max, threshold %, numerator, denominator, expected — each computed by hand as an exact fraction
    [5, 80, 7, 10, "4.38"], //   5·0.7/0.8 = 4.375 exactly → tie → 4.38
    [1.5, 80, 1, 3, "0.63"], //  1.5·(1/3)/0.8 = 0.625 exactly → tie → 0.63 (dividing first gives 0.62)
    [6, 100, 1, 3, "2.00"], //   6/3 = 2
    [6, 100, 2, 3, "4.00"],
    [4, 100, 1, 3, "1.33"], //   1.333… → 1.33
    [2, 80, 79, 100, "1.98"], // 2·0.79/0.8 = 1.975 exactly → tie → 1.98
    [2, 80, 80, 100, "2.00"], // at the threshold
    [2, 80, 95, 100, "2.00"], // above the threshold: capped at max
    [6, 50, 1, 8, "1.50"], //    6·0.125/0.5 = 1.5
    [6, 90, 3, 4, "5.00"], //    6·0.75/0.9 = 5
    [6, 90, 89, 100, "5.93"], // 6·0.89/0.9 = 5.9333…
    [20, 100, 1, 8, "2.50"],
    [20, 100, 1, 1600, "0.01"], // 0.0125 → 0.01
    [20, 100, 1, 800, "0.03"], //  0.025 exactly → tie → 0.03
    [6, 100, 0, 9, "0.00"],
  ])("max %s at %s percent: %i / %i → %s", (max, threshold, numerator, denominator, expected) => {
    expect(score(max, threshold, numerator, denominator)).toBe(expected);
  });

  it.each([
    [20, 100, 1, 800, "0.02"], // 0.025 → even → 0.02
    [20, 100, 3, 800, "0.08"], // 0.075 → even → 0.08
    [5, 80, 7, 10, "4.38"], //    4.375 → 4.38 (8 is even)
    [2, 80, 79, 100, "1.98"], //  1.975 → 1.98
  ])("half-even when a scheme asks for it: max %s at %s percent: %i / %i → %s", (max, threshold, numerator, denominator, expected) => {
    expect(score(max, threshold, numerator, denominator, "half-even")).toBe(expected);
  });

  it("keeps counts beyond the safe-integer range exact", () => {
    expect(score(5, 80, 7 * 10 ** 14, 10 ** 15)).toBe("4.38");
  });
});

describe("empty denominators", () => {
  const scheme = getScheme();
  const item = (code: string) => scheme.itemByCode.get(code)!;
  it.each([
    ["PUBLISH_ON_TIME", "empty", null],
    ["ON_TIME", "empty", "0.00"],
    ["PETITION_PROCESSING_ON_TIME", "empty", "6.00"],
    ["ELECTRONIC_CERTIFIED_COPY", "empty", "2.00"],
    ["DOSSIER_RECEIVING_SATISFACTION", "empty", "0.00"],
  ])("%s with 0/0 is %s with points %s", (code, status, points) => {
    const result = scoreItem(scheme, item(code), { numerator: 0, denominator: 0 }, "own", item(code).maxUnits);
    expect(result.status).toBe(status);
    expect(result.points?.toString() ?? null).toBe(points);
  });

  it("keeps an item that was not reported apart from 0", () => {
    const result = scoreItem(scheme, item("ON_TIME"), undefined, "none", item("ON_TIME").maxUnits);
    expect(result).toMatchObject({ status: "missing", points: null });
  });

  it("never scores the tracking item 5.1", () => {
    const result = scoreItem(scheme, item("PETITION_CLASSIFICATION"), { numerator: 3, denominator: 4 }, "own", 0);
    expect(result).toMatchObject({ status: "tracking", points: null });
  });
});
