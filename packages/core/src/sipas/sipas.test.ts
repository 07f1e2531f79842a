import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChisoError } from "../kernel/errors.js";
import { getSipasScheme, sipas2017Scheme } from "./builtin.js";
import { parseSipasScheme, rankSurveys, safeParseSurveys, scoreSurvey, sipasImprovements } from "./compute.js";
import { wilsonInterval } from "./wilson.js";

const scheme = getSipasScheme("sipas-2017");
const parse = (input: unknown) => {
  const result = safeParseSurveys(input, scheme);
  if (!result.success) throw result.error;
  return result.data;
};

const tallies = {
  ACCESS_PLACE: { 5: 5, 4: 3, 3: 1, 2: 1 }, // 8 of 10
  ACCESS_INFO: { 4: 45, 1: 5 }, // 45 of 50
  PROCEDURE_PUBLIC: { 5: 3, 2: 1 }, // 3 of 4
  PROCEDURE_DOSSIER: { 4: 30 }, // 30 of 30
  CIVIL_SERVANT_CONDUCT: { 3: 12 }, // 0 of 12
  RESULT_ON_TIME: { 5: 2, 1: 1 }, // 2 of 3
  RESULT_ACCURATE: { 4: 1, 2: 2 }, // 1 of 3
};

describe("a small survey with hand-computed shares and intervals", () => {
  const result = scoreSurvey(scheme, parse([{ unit: "X1", period: "2026", tallies }])[0]!);

  it("gives each item's share of satisfied among those who answered, with a 95% Wilson interval", () => {
    const byCode = Object.fromEntries(result.items.map((item) => [item.code, [item.percent, item.interval?.low ?? null, item.interval?.high ?? null]]));
    expect(byCode).toEqual({
      ACCESS_PLACE: ["80.00", "49.01", "94.34"],
      ACCESS_INFO: ["90.00", "78.63", "95.66"],
      PROCEDURE_PUBLIC: ["75.00", "30.06", "95.45"],
      PROCEDURE_DOSSIER: ["100.00", "88.64", "100.00"],
      CIVIL_SERVANT_CONDUCT: ["0.00", "0.00", "24.25"],
      CIVIL_SERVANT_SKILL: [null, null, null],
      RESULT_ON_TIME: ["66.67", expect.any(String), expect.any(String)],
      RESULT_ACCURATE: ["33.33", expect.any(String), expect.any(String)],
      FEEDBACK_CHANNEL: [null, null, null],
      FEEDBACK_HANDLED: [null, null, null],
    });
  });

  it("averages items into factors and factors into the index, keeping no data apart from 0, rounding once", () => {
    expect(result.factors.map((factor) => [factor.code, factor.percent])).toEqual([
      ["ACCESS", "85.00"],
      ["PROCEDURE", "87.50"],
      ["CIVIL_SERVANT", "0.00"], // one item at 0%, the other unanswered: the mean of what has data
      ["RESULT", "50.00"], // (2/3 + 1/3) / 2, exactly
      ["FEEDBACK", null],
    ]);
    // (0.85 + 0.875 + 0 + 0.5) / 4 = 0.55625 exactly → a tie → 55.63
    expect(result.overall.percent).toBe("55.63");
    expect(result.respondents).toBe(50);
    expect(result.smallSample).toBe(false);
  });

  it("says which items would raise the index most", () => {
    expect(sipasImprovements(scheme, result, 2)).toEqual([
      { code: "CIVIL_SERVANT_CONDUCT", gainPercent: "10.00" }, // (1 − 0) × 1/5 × 1/2
      { code: "RESULT_ACCURATE", gainPercent: "6.67" },
    ]);
  });

  it("ranks units, leaving small samples unranked", () => {
    const surveys = parse([
      { unit: "A", period: "2026", tallies: { ACCESS_PLACE: { 5: 40 } }, respondents: 40 },
      { unit: "B", period: "2026", tallies: { ACCESS_PLACE: { 5: 30, 1: 10 } } },
      { unit: "C", period: "2026", tallies: { ACCESS_PLACE: { 5: 5 } } },
    ]);
    const results = surveys.map((survey) => scoreSurvey(scheme, survey));
    expect(results.map((entry) => entry.smallSample)).toEqual([false, false, true]);
    expect([...rankSurveys(results, "competition").entries()]).toEqual([
      ["A", { position: 1, of: 2, tied: false }],
      ["B", { position: 2, of: 2, tied: false }],
    ]);
  });
});

describe("survey input", () => {
  it("tallies raw responses, ignoring unanswered questions", () => {
    const [survey] = parse([
      {
        unit: "X1",
        period: "2026-Q2",
        responses: [
          { respondent: "r1", item: "ACCESS_PLACE", answer: 5 },
          { respondent: "r2", item: "ACCESS_PLACE", answer: 2 },
          { respondent: "r3", item: "ACCESS_PLACE", answer: null },
        ],
      },
    ]);
    const result = scoreSurvey(scheme, survey!);
    expect(result.respondents).toBe(3);
    expect(result.items[0]).toMatchObject({ answered: 2, satisfied: 1, percent: "50.00" });
  });

  it("reports unknown items, answers off the scale and duplicates in one pass", () => {
    const result = safeParseSurveys(
      [
        { unit: "X1", period: "2026", tallies: { NOT_AN_ITEM: { 5: 1 }, ACCESS_PLACE: { 7: 1 } } },
        { unit: "X1", period: "2026", tallies: {} },
      ],
      scheme,
    );
    expect(result.success ? [] : result.error.describe("en")).toMatchInlineSnapshot(`
      [
        "surveys[0].tallies.NOT_AN_ITEM.5: item code "NOT_AN_ITEM" is not in scheme sipas-2017; use a valid code (see docs/indicators).",
        "surveys[0].tallies.ACCESS_PLACE.7: invalid value (7); use one of: 1, 2, 3, 4, 5.",
        "surveys[1]: figures for unit "X1" in period 2026 appear twice (first at surveys[0]); keep one row.",
      ]
    `);
  });

  it("rejects a scheme whose satisfied answers are not on its scale", () => {
    expect(() => parseSipasScheme({ ...sipas2017Scheme, satisfied: [4, 6] })).toThrow(ChisoError);
  });
});

describe("laws", () => {
  const counts = fc.record({ satisfied: fc.integer({ min: 0, max: 500 }), other: fc.integer({ min: 0, max: 500 }) }).filter(({ satisfied, other }) => satisfied + other > 0);

  it("keeps every index within [0, 100] and every interval around its share", () => {
    fc.assert(
      fc.property(fc.array(counts, { minLength: 10, maxLength: 10 }), (items) => {
        const codes = [...scheme.itemPlace.keys()];
        const survey = parse([{ unit: "U", period: "2026", tallies: Object.fromEntries(items.map((item, index) => [codes[index]!, { 5: item.satisfied, 2: item.other }])) }])[0]!;
        const result = scoreSurvey(scheme, survey);
        for (const value of [result.overall, ...result.aspects, ...result.factors].map((part) => Number(part.percent))) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        for (const item of result.items) {
          expect(Number(item.interval!.low)).toBeLessThanOrEqual(Number(item.percent));
          expect(Number(item.interval!.high)).toBeGreaterThanOrEqual(Number(item.percent));
        }
      }),
    );
  });

  it("never lowers an index when a satisfied answer is added", () => {
    fc.assert(
      fc.property(fc.array(counts, { minLength: 10, maxLength: 10 }), fc.integer({ min: 0, max: 9 }), (items, target) => {
        const codes = [...scheme.itemPlace.keys()];
        const build = (extra: number) =>
          scoreSurvey(scheme, parse([{ unit: "U", period: "2026", tallies: Object.fromEntries(items.map((item, index) => [codes[index]!, { 5: item.satisfied + (index === target ? extra : 0), 2: item.other }])) }])[0]!);
        expect(build(1).overall.index!.gte(build(0).overall.index!)).toBe(true);
      }),
    );
  });

  it("gives an interval containing the share for any counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((trials) => fc.tuple(fc.integer({ min: 0, max: trials }), fc.constant(trials))), ([successes, trials]) => {
        const { low, high } = wilsonInterval(successes, trials);
        expect(low).toBeLessThanOrEqual(successes / trials);
        expect(high).toBeGreaterThanOrEqual(successes / trials);
      }),
    );
  });
});
