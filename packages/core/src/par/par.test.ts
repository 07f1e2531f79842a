import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getParScheme } from "./builtin.js";
import { rankAssessments, safeParseAssessments, scoreAssessment, taskCompletion, type ParAssessment } from "./compute.js";

const scheme = getParScheme("par-department-example");
const parse = (input: unknown): ParAssessment[] => {
  const result = safeParseAssessments(input, scheme);
  if (!result.success) throw result.error;
  return result.data;
};
const fullScores = () => Object.fromEntries([...scheme.leaves.values()].map((leaf) => [leaf.code, { self: leaf.max.toNumber() }]));
const survey = { F1: 1, F2: 2, F3: 4, F4: 2, F5: 2, F6: 1, F7: 3 }; // 15 of 20

describe("a PAR tree, hand-computed", () => {
  const scores = { ...fullScores(), "F1.1.1": { self: 2, appraisal: [1.5] }, "F1.1.2": { self: 2, appraisal: [2, 1] } };

  it("lets the latest appraisal round override self-assessment, and caps bonus and penalty", () => {
    const [assessment] = parse([{ unit: "S1", period: "2026", scores, survey, bonus: 3, penalty: 7 }]);
    const result = scoreAssessment(scheme, assessment!);
    // leaves 80 − 0.5 − 1 = 78.5; + survey 15 = 93.5; + bonus min(3, 2) − penalty min(7, 5) = 90.5 of 100
    expect(result.achieved.toString()).toBe("90.5");
    expect(result.bonusApplied.toString()).toBe("2");
    expect(result.penaltyApplied.toString()).toBe("5");
    expect(result.percent).toBe("90.50");
    expect(result.band?.code).toBe("A");
    expect(result.fields[0]).toMatchObject({ code: "F1", percent: "82.14" }); // (10.5 + 1) / 14
    expect(result.improvements.slice(0, 2).map((entry) => [entry.code, entry.lost.toString()])).toEqual([
      ["F1.1.2", "1"],
      ["F1.1.1", "0.5"],
    ]);
  });

  it("rescales a unit without survey points to 100", () => {
    const [assessment] = parse([{ unit: "S1", period: "2026", scores, bonus: 3, penalty: 7 }]);
    const result = scoreAssessment(scheme, assessment!);
    // (78.5 + 2 − 5) / 80 = 0.94375 → a tie → 94.38
    expect(result.rescaled).toBe(true);
    expect(result.max.toString()).toBe("80");
    expect(result.percent).toBe("94.38");
  });

  it("computes task completion with the same rounding, and no data without planned tasks", () => {
    expect([taskCompletion(7, 8), taskCompletion(1, 3), taskCompletion(2, 3), taskCompletion(0, 0)]).toEqual(["87.50", "33.33", "66.67", null]);
  });

  it("ranks within a level with competition ties", () => {
    const results = parse([
      { unit: "A", period: "2026", scores: fullScores(), survey },
      { unit: "B", period: "2026", scores: fullScores(), survey },
      { unit: "C", period: "2026", scores: { ...fullScores(), "F6.1": { self: 0 } }, survey },
    ]).map((assessment) => scoreAssessment(scheme, assessment));
    expect(Object.fromEntries([...rankAssessments(results, "competition")].map(([id, rank]) => [id, rank.position]))).toEqual({ A: 1, B: 1, C: 3 });
  });

  it("reports scores above their maximum, unknown criteria and impossible tasks in one pass", () => {
    const result = safeParseAssessments([{ unit: "S1", period: "2026", scores: { "F1.2": { self: 3 }, "F9.9": { self: 1 } }, survey: { F1: 5 }, tasks: { done: 9, planned: 8 } }], scheme);
    expect(result.success ? [] : result.error.describe("vi")).toMatchInlineSnapshot(`
      [
        "par[0].scores.F1.2.self: giá trị quá lớn (3); tối đa 2 (F1.2).",
        "par[0].scores.F9.9: mã chỉ tiêu "F9.9" không có trong phương án par-department-example; hãy dùng một mã hợp lệ (xem docs/indicators).",
        "par[0].survey.F1: giá trị quá lớn (5); tối đa 2 (F1).",
        "par[0].tasks.done: tử số (9) lớn hơn mẫu số (8); hãy kiểm tra lại hai số liệu của chỉ tiêu tasks.",
      ]
    `);
  });
});

describe("laws", () => {
  it("keeps the index within [0, 100] whatever the points, bonus and penalty", () => {
    const leaves = [...scheme.leaves.values()];
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: leaves.length, maxLength: leaves.length }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), (shares, bonus, penalty, surveyed) => {
        const scores = Object.fromEntries(leaves.map((leaf, index) => [leaf.code, { self: Math.floor(leaf.max.toNumber() * shares[index]! * 4) / 4 }]));
        const [assessment] = parse([{ unit: "U", period: "2026", scores, bonus, penalty, ...(surveyed && { survey }) }]);
        const value = Number(scoreAssessment(scheme, assessment!).percent);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }),
    );
  });
});
