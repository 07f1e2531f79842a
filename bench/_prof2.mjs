import { readFileSync, writeFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { computeDossierFigures } from "@chiso/dossiers";
import { MATERIALIZED } from "@chiso/dossiers/sql";
// Reuse compute's loading by monkeypatching: run compute with a spy connection is complex; instead replicate via the library internals.
const dir = "/tmp/chiso-bench-dossiers-province-year-300000";
const units = JSON.parse(readFileSync(`${dir}/units.json`, "utf8"));
const files = { dossiers: `${dir}/dossiers.parquet`, events: `${dir}/events.parquet`, procedures: `${dir}/procedures.csv`, feedback: `${dir}/feedback.parquet` };
const orig = DuckDBInstance.prototype.connect;
DuckDBInstance.prototype.connect = async function () {
  const c = await orig.call(this);
  const run = c.run.bind(c);
  c.run = async (sql) => {
    if (sql.includes("CREATE OR REPLACE TEMP TABLE chiso_dossier_result")) {
      const r = await c.runAndReadAll("EXPLAIN ANALYZE " + sql.replace("CREATE OR REPLACE TEMP TABLE chiso_dossier_result AS", ""));
      writeFileSync("/tmp/explain.txt", String(r.getRows()[0][1]));
    }
    return run(sql);
  };
  return c;
};
await computeDossierFigures(files, { period: "2026", units, evidenceLimit: 0 });
