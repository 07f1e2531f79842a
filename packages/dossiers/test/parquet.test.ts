import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { computeDossierFigures, type DossierComputation } from "../src/index.js";
import { UNITS, dossier, events, writeRecords } from "./fixture.js";

/** The same records as CSV and as Parquet with typed timestamps (the benchmark's and a portal export's form). */
async function toParquet(dir: string, files: Record<string, string>): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const typed: Record<string, string> = { dossiers: "received_at, due_at", events: "changed_at" };
  const out: Record<string, string> = { procedures: files.procedures! };
  for (const name of ["dossiers", "events"]) {
    const columns = typed[name]!.split(", ");
    const replace = columns.map((column) => `CAST(NULLIF(${column}, '') AS TIMESTAMP) AS ${column}`).join(", ");
    out[name] = join(dir, `${name}.parquet`);
    await connection.run(`COPY (SELECT * REPLACE (${replace}) FROM read_csv('${files[name]}', header = true, all_varchar = true)) TO '${out[name]}' (FORMAT parquet)`);
  }
  connection.closeSync();
  instance.closeSync();
  return out;
}

/** A CSV record is on the line under its index (the header is line 1); a Parquet record is numbered from 1. */
const comparable = (result: DossierComputation, rowOffset: number) => ({
  ...result,
  problems: result.problems.map(({ fileName: _, ...problem }) => ({ ...problem, ...(problem.row !== undefined && problem.file !== "procedures" && { row: problem.row + rowOffset }) })),
});

describe("Parquet input", () => {
  it("gives the same figures, evidence, problems and accounting as the same records in CSV, outliers in time included", async () => {
    // An event in 1900 and a due date in 2200 are outside the calendar's years: the Parquet statistics'
    // bounds then fall outside 1990–2150 and the days are scanned, as for CSV, without the outliers.
    const written = writeRecords({
      dossiers: [
        dossier("A", "2026-03-02T08:00"),
        dossier("B", "2026-03-03T09:00", { due_at: "2200-01-01T17:00" }),
        dossier("C", "2026-03-31T16:00", { unit_id: "U2", result_electronic: 0 }),
        dossier("D", "2026-02-27T10:00"),
      ],
      events: [
        ...events("A", [1, "2026-03-02T08:00"], [2, "2026-03-02T08:05"], [9, "2026-03-10T10:00"]),
        ...events("B", [2, "2026-03-03T09:00"], [9, "1900-01-01T00:00"]),
        ...events("C", [2, "2026-03-31T16:00"]),
        ...events("D", [2, "2026-02-27T10:00"], [9, "2026-03-02T10:00"]),
      ],
    });
    try {
      const options = { period: "2026-03", units: UNITS, evidenceLimit: 20 };
      const fromCsv = await computeDossierFigures(written.files, options);
      const fromParquet = await computeDossierFigures({ ...written.files, ...(await toParquet(written.dir, written.files)) }, options);
      expect(fromCsv.problemCounts.timestamp_out_of_range).toBe(2);
      expect(fromCsv.accounting.dossiers).toEqual({ read: 4, counted: 2, rejected: 1, outsidePeriod: 1, notReceived: 0 });
      expect(comparable(fromParquet, 1)).toEqual(comparable(fromCsv, 0));
    } finally {
      written.dispose();
    }
  });
});
