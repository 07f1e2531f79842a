import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentFirstReference } from "../../../bench/reference-points.mjs";
import { getScheme, pointsUnits, roundDoubleUnits } from "../src/index.js";

const scheme = getScheme();
const payment = scheme.items.filter((item) => item.points.method === "percent-first");

// An independent reference of the portal's rule with no floating-point operation at all: every IEEE-754 step
// (a rational rounded to the nearest double, ties to even) is done in BigInt. Shared with the benchmark.
const referenceUnits = (max: number | string, threshold: number | string, numerator: number, denominator: number): number => percentFirstReference(max, threshold, numerator, denominator).units;

describe("the portal's online-payment arithmetic (percent-first)", () => {
  it("is the rule of the three payment items of the default scheme", () => {
    expect(payment.map((item) => item.id)).toEqual(["3.4", "3.5", "3.6"]);
  });

  it.each([
    // The portal's August 2026 responses (portal-samples): counts and published part scores.
    ["3.6", 1516, 1707, 533], // 88.81% × 6 = 5.3286 → 5.33
    ["3.4", 12, 35, 86], // 34.29% × 2.5 = 0.85725 → 0.86
    ["3.5", 7, 35, 50], // 20.00% × 2.5 = 0.50
    ["3.4", 7, 8, 200], // 87.50% × 2.5 = 2.1875, capped at 2
    ["3.6", 82913, 98459, 505], // 84.21% × 6 = 5.0526 → 5.05
    // Where the double matters: 50.20 × 2.5 / 100 is 1.25499999999999989… in IEEE double → 1.25
    // (the exact rational 1.255 would round to 1.26).
    ["3.5", 251, 500, 125],
    // 84.75 × 6 / 100 is 5.08499999999999996… → 5.08 (exact: 5.085 → 5.09).
    ["3.6", 339, 400, 508],
  ])("item %s at %i / %i scores %i hundredths", (id, numerator, denominator, expected) => {
    const item = scheme.items.find((entry) => entry.id === id)!;
    expect(pointsUnits(scheme, item, { numerator, denominator })).toBe(expected);
    expect(referenceUnits(item.max, item.thresholdPercent, numerator, denominator)).toBe(expected);
  });

  it("differs from the exact rational where the portal's published blocks do", () => {
    // 2.5 × 251/500 = 1.255 exactly: the exact rule gives 1.26, the portal 1.25.
    const exact = { ...scheme.items.find((entry) => entry.id === "3.5")!, points: { method: "exact" as const } };
    expect(pointsUnits(scheme, exact, { numerator: 251, denominator: 500 })).toBe(126);
  });

  it("matches an exact BigInt reference of IEEE double arithmetic on random counts", () => {
    const counts = fc.integer({ min: 1, max: 2_000_000 }).chain((denominator) => fc.tuple(fc.integer({ min: 0, max: denominator }), fc.constant(denominator)));
    fc.assert(
      fc.property(fc.constantFrom(...payment), counts, (item, [numerator, denominator]) => {
        expect(pointsUnits(scheme, item, { numerator, denominator })).toBe(referenceUnits(item.max, item.thresholdPercent, numerator, denominator));
      }),
      { numRuns: 5000 },
    );
  });

  it("matches the reference on every percentage with 2 decimals (all 10,001 of them, each weight)", () => {
    for (const item of payment) {
      for (let basisPoints = 0; basisPoints <= 10000; basisPoints += 1) {
        expect(pointsUnits(scheme, item, { numerator: basisPoints, denominator: 10000 })).toBe(referenceUnits(item.max, item.thresholdPercent, basisPoints, 10000));
      }
    }
  });

  it("never lowers points when the numerator rises", () => {
    fc.assert(
      fc.property(fc.constantFrom(...payment), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (item, denominator, raw) => {
        const numerator = raw % denominator;
        expect(pointsUnits(scheme, item, { numerator: numerator + 1, denominator })).toBeGreaterThanOrEqual(pointsUnits(scheme, item, { numerator, denominator }));
      }),
    );
  });
});

describe("roundDoubleUnits", () => {
  it.each([
    [0.125, 13], // exactly representable tie → half-up
    [1.255, 125], // really 1.25499999999999989…
    [0.135, 14], // really 0.13500000000000000888…
    [0.025, 3], // really 0.02500000000000000139…
    [6, 600],
    [0, 0],
  ])("rounds %d to %i hundredths on its exact value", (value, expected) => {
    expect(roundDoubleUnits(value, 2, "half-up")).toBe(expected);
  });
});
