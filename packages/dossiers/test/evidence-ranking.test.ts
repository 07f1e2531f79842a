import { describe, expect, it } from "vitest";
import { computeRecords, dossier, events, type Records } from "./fixture.js";

// The evidence lists the N worst failing dossiers of each unit, month and item: most days late first, then the
// oldest reception, then file order. The engine ranks only the dossiers that can be among the first N (a
// threshold per group, `rankedDossiers`); this checks it against a plain sort of every failing dossier, for
// several N, on one group with ties on days late and on reception.
const pad = (value: number) => String(value).padStart(2, "0");
const records: Records = { dossiers: [], events: [] };
for (let index = 0; index < 30; index += 1) {
  const id = `D${pad(index)}`;
  const day = 5 + (index % 5); // Mon 5/10 … Fri 9/10/2026: six dossiers share each reception
  const received = `2026-10-${pad(day)}T09:00:00`;
  records.dossiers.push(dossier(id, received, { due_at: `2026-10-${pad(day + 2)}T17:00:00`, reused_data: index % 3 === 0 ? 0 : 1 }));
  // Settled 0, 3, 6 or 9 days after reception: on time, or late by ties of days.
  const settled = day + 3 * (index % 4);
  records.events.push(...events(id, [2, received], [9, `2026-10-${pad(settled)}T10:00:00`]));
}

type Listed = { id: string; daysLate: number | null; receivedAt: string };
const row = (id: string) => Number(id.slice(1));
const worstFirst = (a: Listed, b: Listed) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.receivedAt.localeCompare(b.receivedAt) || row(a.id) - row(b.id);

async function listed(limit: number) {
  const result = await computeRecords(records, { period: "2026-10", evidenceLimit: limit });
  return (item: string) => {
    const entry = result.evidence.find((candidate) => candidate.unit === "U1" && candidate.item === item);
    return { count: entry?.count ?? 0, ids: (entry?.dossiers ?? []) as readonly Listed[] };
  };
}

describe("the evidence's worst first, for any number listed", () => {
  it("lists exactly the first N of a plain sort, and counts every failing dossier", async () => {
    const all = await listed(1000);
    for (const item of ["ON_TIME", "REUSED_DIGITIZED_DATA"]) {
      const { count, ids } = all(item);
      expect(ids.length, item).toBe(count);
      expect(count, item).toBeGreaterThan(8);
      const sorted = [...ids].sort(worstFirst);
      expect(ids.map((entry) => entry.id), item).toEqual(sorted.map((entry) => entry.id));
      for (const limit of [0, 1, 2, 3, 4, 7]) {
        const some = (await listed(limit))(item);
        if (limit === 0) {
          expect(some.ids, `${item} ${limit}`).toEqual([]);
          continue;
        }
        expect(some.count, `${item} ${limit}`).toBe(count);
        expect(some.ids.map((entry) => entry.id), `${item} ${limit}`).toEqual(sorted.slice(0, limit).map((entry) => entry.id));
      }
    }
    // The late ones tie on days late and on reception: the order is not decided by one key alone.
    const late = all("ON_TIME").ids;
    expect(new Set(late.map((entry) => entry.daysLate)).size).toBeGreaterThan(1);
    expect(new Set(late.map((entry) => `${entry.daysLate} ${entry.receivedAt}`)).size).toBeLessThan(late.length);
  }, 120_000);
});
