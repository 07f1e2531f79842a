import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FigureInput, UnitInput } from "@chiso/core";
import { computeDossierFigures } from "../src/index.js";
import { PROCEDURES, dossier, writeRecords, type Records, type Row } from "./fixture.js";

const pad = (value: number) => String(value).padStart(2, "0");
const at = (day: number, minute: number) => `2026-${day > 31 ? "11" : "10"}-${pad(day > 31 ? day - 31 : day)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`;

/** A small random month of dossiers for two communes: any procedure, channel, flags and history. */
const recordsArbitrary = fc
  .array(
    fc.record({
      unit: fc.constantFrom("U1", "U2"),
      procedure: fc.constantFrom(...PROCEDURES.map((procedure) => String(procedure.procedure_id))),
      day: fc.integer({ min: 1, max: 31 }),
      minute: fc.integer({ min: 420, max: 1080 }),
      due: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      channel: fc.constantFrom(1, 2, 3, ""),
      flags: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      history: fc.array(fc.record({ state: fc.constantFrom(4, 5, 6, 9, 10, 7, 8, 3), after: fc.integer({ min: 0, max: 6 * 1440 }) }), { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((specs): Records => {
    const dossiers: Row[] = [];
    const events: Row[] = [];
    specs.forEach((spec, index) => {
      const id = `D${index}`;
      const [fee, paid, digitized, electronic, reused, population, synced, complained] = spec.flags.map((flag) => (flag ? 1 : 0));
      dossiers.push(
        dossier(id, at(spec.day, spec.minute), {
          unit_id: spec.unit,
          procedure_id: spec.procedure,
          channel: spec.channel,
          due_at: spec.due === undefined ? "" : `${at(spec.day + spec.due, 1020)}`,
          fee_due: fee,
          paid_online: paid,
          digitized_at_intake: digitized,
          result_electronic: electronic,
          reused_data: reused,
          population_data: population,
          data_store_synced: synced,
          complained,
        }),
      );
      let minute = spec.day * 1440 + spec.minute;
      events.push({ dossier_id: id, state: 2, changed_at: at(spec.day, spec.minute) });
      for (const change of spec.history) {
        minute += change.after;
        events.push({ dossier_id: id, state: change.state, changed_at: at(Math.floor(minute / 1440), minute % 1440) });
      }
    });
    return { dossiers, events };
  });

const UNITS: readonly UnitInput[] = [
  { id: "T", name: "Tỉnh", level: "province" },
  { id: "U1", name: "Xã Một", level: "commune", parent: "T" },
  { id: "U2", name: "Xã Hai", level: "commune", parent: "T" },
];

async function compute(records: Records, units: readonly UnitInput[]) {
  const written = writeRecords(records);
  try {
    return await computeDossierFigures(written.files, { period: "2026-10", units });
  } finally {
    written.dispose();
  }
}

type Counts = { numerator: number; denominator: number };
const itemsOf = (figure: FigureInput) => figure.items as Record<string, Counts>;

describe("laws of the dossier counts (fast-check)", () => {
  it("counts never exceed received, a unit's counts are the sum over its dossiers, and a re-run gives the same result", async () => {
    await fc.assert(
      fc.asyncProperty(recordsArbitrary, async (records) => {
        const result = await compute(records, UNITS);
        expect(result.accounting.dossiers.counted).toBe(records.dossiers.length);
        for (const figure of result.figures) {
          const received = figure.channels!.received;
          for (const [code, counts] of Object.entries(itemsOf(figure))) {
            expect(counts.numerator, code).toBeLessThanOrEqual(counts.denominator);
            expect(counts.denominator, code).toBeLessThanOrEqual(received);
          }
          expect(figure.settlement!.early + figure.settlement!.onTime + figure.settlement!.overdue).toBe(figure.settlement!.settled);
        }

        // The same dossiers, each in a unit of its own: summing them by their real unit gives the unit's counts.
        const alone: UnitInput[] = [UNITS[0]!, ...records.dossiers.map((row) => ({ id: String(row.dossier_id), name: String(row.dossier_id), level: "commune" as const, parent: "T" }))];
        const single = await compute({ ...records, dossiers: records.dossiers.map((row) => ({ ...row, unit_id: row.dossier_id })) }, alone);
        for (const unit of ["U1", "U2"]) {
          const sum: Record<string, Counts> = {};
          for (const row of records.dossiers.filter((entry) => entry.unit_id === unit)) {
            const figure = single.figures.find((entry) => entry.unit === row.dossier_id)!;
            for (const [code, counts] of Object.entries(itemsOf(figure))) {
              const total = (sum[code] ??= { numerator: 0, denominator: 0 });
              total.numerator += counts.numerator;
              total.denominator += counts.denominator;
            }
          }
          const figure = result.figures.find((entry) => entry.unit === unit)!;
          for (const [code, counts] of Object.entries(itemsOf(figure))) {
            if (code === "DOSSIER_RECEIVING_SATISFACTION") continue; // clamped at 0 per unit: not additive by design
            expect(counts, `${unit} ${code}`).toEqual(sum[code] ?? { numerator: 0, denominator: 0 });
          }
        }

        const again = await compute(records, UNITS);
        expect(again.figures).toEqual(result.figures);
        expect(again.evidence).toEqual(result.evidence);
      }),
      { numRuns: 6, seed: 766 },
    );
  }, 240_000);
});
