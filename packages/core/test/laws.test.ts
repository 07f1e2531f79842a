import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactReference } from "../../../bench/reference-points.mjs";
import { Dec, getScheme, parseDataset, pointsUnits, roundQuotient, scoreDataset, type FiguresFile } from "../src/index.js";

const scheme = getScheme();
const scored = scheme.items.filter((item) => item.maxUnits > 0);

/** Reference: the exact rational M·n/(d·T) in hundredths, rounded half-up with BigInt only (shared with the benchmark). */
const referenceUnits = (max: number | string, threshold: number | string, numerator: number, denominator: number): bigint => BigInt(exactReference(max, threshold, numerator, denominator).units);

const countsArbitrary = fc.integer({ min: 1, max: 10_000_000 }).chain((denominator) => fc.tuple(fc.integer({ min: 0, max: denominator }), fc.constant(denominator)));
const itemArbitrary = fc.constantFrom(...scored);
/** Items scored by the exact rational (the payment items follow the portal's percent-first rule: percent-first.test.ts). */
const exactItemArbitrary = fc.constantFrom(...scored.filter((item) => item.points.method === "exact"));

describe("laws of the item rule", () => {
  it("matches an independent BigInt computation of the exact rational, ties included", () => {
    fc.assert(
      fc.property(exactItemArbitrary, countsArbitrary, (item, [numerator, denominator]) => {
        expect(BigInt(pointsUnits(scheme, item, { numerator, denominator }))).toBe(referenceUnits(item.max, item.thresholdPercent, numerator, denominator));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with decimal.js when it multiplies before dividing, and shows why dividing first is wrong", () => {
    const viaDecimal = (n: number, d: number) => new Dec("1.5").times(n).div(new Dec("0.8").times(d)).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toString();
    const divideFirst = (n: number, d: number) => new Dec(n).div(d).div("0.8").times("1.5").toDecimalPlaces(2, Dec.ROUND_HALF_UP).toString();
    expect(viaDecimal(1, 3)).toBe("0.63");
    expect(divideFirst(1, 3)).toBe("0.62");
  });

  it("keeps points within [0, max]", () => {
    fc.assert(
      fc.property(itemArbitrary, countsArbitrary, (item, [numerator, denominator]) => {
        const units = pointsUnits(scheme, item, { numerator, denominator });
        expect(units).toBeGreaterThanOrEqual(0);
        expect(units).toBeLessThanOrEqual(item.maxUnits);
      }),
    );
  });

  it("never lowers points when the numerator rises", () => {
    fc.assert(
      fc.property(itemArbitrary, countsArbitrary, (item, [numerator, denominator]) => {
        fc.pre(numerator < denominator);
        expect(pointsUnits(scheme, item, { numerator: numerator + 1, denominator })).toBeGreaterThanOrEqual(pointsUnits(scheme, item, { numerator, denominator }));
      }),
    );
  });

  it("rounds idempotently: a value already at 2 decimals is unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (hundredths) => {
        expect(roundQuotient(hundredths * 1000, 1000, "half-up")).toBe(hundredths);
        expect(roundQuotient(hundredths * 1000, 1000, "half-even")).toBe(hundredths);
      }),
    );
  });
});

describe("laws of roll-ups and totals", () => {
  const childArbitrary = fc.array(
    fc.record({ received: fc.integer({ min: 0, max: 5000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
    { minLength: 1, maxLength: 8 },
  );

  it("makes a parent's counts the sum of its children's, item by item", () => {
    fc.assert(
      fc.property(childArbitrary, (children) => {
        const file: FiguresFile = {
          units: [{ id: "P", name: "Tỉnh", level: "province" }, ...children.map((_, index) => ({ id: `C${index}`, name: `Xã ${index}`, level: "commune" as const, parent: "P" }))],
          figures: children.map((child, index) => ({
            unit: `C${index}`,
            period: "2026-03",
            items: Object.fromEntries(
              scheme.items.filter((item) => item.scope === "dossier").map((item) => [item.code, [Math.floor(child.received * child.share), child.received] as [number, number]]),
            ),
          })),
        };
        const card = scoreDataset(parseDataset(file, scheme), { period: "2026-03", findings: false });
        const province = card.unit("P")!;
        for (const item of province.items) {
          if (scheme.itemByCode.get(item.code)!.scope !== "dossier") continue;
          const sum = children.reduce(
            (total, child) => ({ numerator: total.numerator + Math.floor(child.received * child.share), denominator: total.denominator + child.received }),
            { numerator: 0, denominator: 0 },
          );
          expect(item.counts).toEqual(sum);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("keeps every group within half a hundredth per item of rounding its unrounded sum", () => {
    fc.assert(
      fc.property(fc.array(countsArbitrary, { minLength: scheme.items.length, maxLength: scheme.items.length }), (counts) => {
        const items = Object.fromEntries(scheme.items.map((item, index) => [item.code, counts[index]!]));
        const unit = scoreDataset(parseDataset({ units: [{ id: "U", name: "U", level: "commune" }], figures: [{ unit: "U", period: "2026-03", items }] }, scheme), { period: "2026-03", findings: false }).unit("U")!;
        for (const [index, group] of scheme.groups.entries()) {
          const exact = group.items.reduce((sum, code) => {
            const item = scheme.itemByCode.get(code)!;
            if (item.maxUnits === 0) return sum;
            const [n, d] = items[code]!;
            return sum.plus(Dec.min(new Dec(item.maxUnits), new Dec(item.maxUnits).times(n).div(item.threshold.times(d))));
          }, new Dec(0));
          const difference = exact.minus(unit.groups[index]!.points!.units).abs();
          expect(difference.lte(new Dec(group.items.length).times("0.5"))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
