import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScheme, parseDataset, scoreDataset, type FigureInput, type FiguresFile, type UnitInput } from "../src/index.js";
import { referenceScores } from "./reference-engine.js";

/**
 * Random provinces: a province with departments and communes (some nested one level deeper), rows for months,
 * sometimes a quarter's or year's own row, items left out, given as null or 0/0, and every built-in scheme
 * (one has transfers). The engine must agree with the slow reference on every unit, item, section and rank.
 */
const schemeIds = ["766-portal", "766-portal-feedback-split", "766-satisfaction-5-5-2-6", "766-portal-one-procedure", "766-portal-digitization-4.2-at-80"] as const;

const datasetArbitrary = fc
  .record({
    schemeId: fc.constantFrom(...schemeIds),
    departments: fc.integer({ min: 1, max: 3 }),
    communes: fc.integer({ min: 1, max: 4 }),
    nested: fc.boolean(),
    parentCounts: fc.constantFrom(undefined, "sum", "own"),
    seed: fc.integer(),
    periodKind: fc.constantFrom("month", "quarter", "year"),
    tie: fc.constantFrom("competition", "dense"),
    rankIncomplete: fc.boolean(),
  })
  .map((spec) => ({ ...spec, file: randomFile(spec) }));

function randomFile(spec: { schemeId: string; departments: number; communes: number; nested: boolean; parentCounts: "sum" | "own" | undefined; seed: number; periodKind: string }): FiguresFile {
  let state = spec.seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const scheme = getScheme(spec.schemeId);
  const units: UnitInput[] = [{ id: "P", name: "Tỉnh", level: "province" }];
  // Sub-departments (a chi cục under its sở) give roll-ups one level deeper.
  for (let d = 0; d < spec.departments; d += 1) units.push({ id: `D${d}`, name: `Sở ${d}`, level: "department", parent: spec.nested && d > 0 && next() < 0.5 ? "D0" : "P" });
  for (let c = 0; c < spec.communes; c += 1) units.push({ id: `C${c}`, name: `Xã ${c}`, level: "commune", parent: "P" });
  const months = spec.periodKind === "month" ? ["2026-03", "2026-02"] : ["2026-01", "2026-02", "2026-03"];
  const figures: FigureInput[] = [];
  const row = (unit: string, period: string): FigureInput => {
    const items: FigureInput["items"] = {};
    for (const item of scheme.items) {
      const roll = next();
      if (roll < 0.08) continue; // not reported
      if (roll < 0.12) items[item.code] = null;
      else if (roll < 0.18) items[item.code] = [0, 0];
      else {
        const denominator = 1 + Math.floor(next() * (next() < 0.5 ? 8 : 400));
        items[item.code] = [Math.floor(next() * (denominator + 1)), denominator];
      }
    }
    return { unit, period, items };
  };
  for (const unit of units) {
    if (next() < 0.1) continue; // no figures at all
    for (const month of months) if (next() < 0.85) figures.push(row(unit.id, month));
    if (spec.periodKind !== "month" && next() < 0.3) figures.push(row(unit.id, spec.periodKind === "quarter" ? "2026-Q1" : "2026"));
  }
  return { units, figures, ...(spec.parentCounts && { parentCounts: spec.parentCounts }) };
}

describe("the engine against a simple reference", () => {
  it("agrees on every unit, item, section, completeness, band and rank of random datasets", () => {
    fc.assert(
      fc.property(datasetArbitrary, ({ schemeId, file, periodKind, tie, rankIncomplete }) => {
        const scheme = getScheme(schemeId);
        const period = periodKind === "month" ? "2026-03" : periodKind === "quarter" ? "2026-Q1" : "2026";
        const card = scoreDataset(parseDataset(file, scheme), { period, asOf: "2027-01-01", tie, rankIncomplete });
        const reference = referenceScores(file, scheme, period, { tie, rankIncomplete });
        for (const unit of card.units) {
          const expected = reference.get(unit.unit.id)!;
          expect({
            unit: unit.unit.id,
            total: unit.total?.units ?? null,
            items: unit.items.map((item) => item.points?.units ?? null),
            statuses: unit.items.map((item) => item.status),
            groups: unit.groups.map((group) => group.points?.units ?? null),
            blocks: unit.blocks.map((block) => block.points?.units ?? null),
            completeness: unit.completeness.status,
            band: unit.band?.code ?? null,
            rank: unit.standing.ranked ? unit.standing.position : null,
            tied: unit.standing.ranked ? unit.standing.tied : false,
          }).toEqual({ unit: unit.unit.id, ...expected });
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
