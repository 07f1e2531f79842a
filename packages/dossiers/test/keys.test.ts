import { describe, expect, it } from "vitest";
import { computeRecords, dossier, events, type Records } from "./fixture.js";

// Dossiers and events are joined through a 64-bit key of the id (a hash). These tests give the engine key
// functions that make different ids share a key on the first try, and check that it is found and the run
// repeated with another function, giving what the real key gives.
const records: Records = {
  dossiers: [
    dossier("D1", "2026-10-05T09:00:00"),
    dossier("D2", "2026-10-06T09:00:00", { channel: 1 }),
    dossier("D2", "2026-10-07T09:00:00"),
    dossier("D3", "2026-10-08T09:00:00"),
    dossier("D4", "2026-10-09T09:00:00"),
  ],
  events: [
    ...events("D1", [2, "2026-10-05T09:00:00"], [9, "2026-10-06T10:00:00"]),
    ...events("D2", [2, "2026-10-06T09:00:00"], [9, "2026-10-06T12:00:00"]),
    ...events("D3", [2, "2026-10-08T09:00:00"], [5, "2026-10-08T10:00:00"], [4, "2026-10-09T10:00:00"], [9, "2026-10-20T10:00:00"]),
    ...events("ORPHAN-1", [2, "2026-10-08T09:00:00"]),
  ],
};

/** Problems without their (temporary) file's name. */
const located = (result: Awaited<ReturnType<typeof computeRecords>>) => result.problems.map(({ fileName: _, ...problem }) => problem);

/** A key function for salts after the first: a real hash. */
const hashed = (text: string, salt: number) => `CASE WHEN ${text} IS NOT NULL THEN hash('test-${salt}:' || ${text}) END`;

async function withKey(first: (text: string) => string) {
  const salts: number[] = [];
  const result = await computeRecords(records, {
    period: "2026-10",
    keyOf: (text, salt) => {
      salts.push(salt);
      return salt === 0 ? first(text) : hashed(text, salt);
    },
  });
  return { result, salts: [...new Set(salts)] };
}

describe("ids joined through their key", () => {
  it("finds two dossier ids sharing a key and computes again with another key, as if they had not", async () => {
    const expected = await computeRecords(records, { period: "2026-10" });
    const { result, salts } = await withKey((text) => `CASE WHEN ${text} IS NOT NULL THEN 7 END`);
    expect(salts).toEqual([0, 1]);
    expect(result.figures).toEqual(expected.figures);
    expect(result.evidence).toEqual(expected.evidence);
    expect(located(result)).toEqual(located(expected));
    expect(result.accounting).toEqual(expected.accounting);
    // The fixture's own faults are still found: D2 repeated, D4 without events, an orphan event.
    expect(new Set(result.problems.map((problem) => problem.code))).toEqual(new Set(["duplicate_id", "no_events", "orphan_event"]));
  });

  it("finds an event whose id is not its dossier's although the keys agree (an orphan taking D1's key)", async () => {
    const expected = await computeRecords(records, { period: "2026-10" });
    const { result, salts } = await withKey((text) => `CASE WHEN ${text} = 'ORPHAN-1' THEN hash('D1') WHEN ${text} IS NOT NULL THEN hash(${text}) END`);
    expect(salts).toEqual([0, 1]);
    expect(result.figures).toEqual(expected.figures);
    expect(located(result)).toEqual(located(expected));
    expect(result.accounting).toEqual(expected.accounting);
  });

  it("stops with a clear error if every key function tried makes ids share keys", async () => {
    await expect(computeRecords(records, { period: "2026-10", keyOf: (text) => `CASE WHEN ${text} IS NOT NULL THEN 7 END` })).rejects.toThrow(/share a key/);
  });
});
