// One timed job of the dossiers benchmark, in a process of its own so that its peak memory (maxRSS)
// is its own. Prints one JSON line: wall time, CPU time (user + system, every DuckDB thread), peak RSS
// and what the check needs.
import { DuckDBInstance } from "@duckdb/node-api";
import { computeDossierFigures } from "@chiso/dossiers";

const [job, dir, period, unitsJson, evidenceLimit] = process.argv.slice(2);
const files = { dossiers: `${dir}/dossiers.parquet`, events: `${dir}/events.parquet`, procedures: `${dir}/procedures.csv`, feedback: `${dir}/feedback.parquet` };
const started = performance.now();
const startCpu = process.cpuUsage();
let check;
if (job === "rules") {
  const { readFile } = await import("node:fs/promises");
  const units = JSON.parse(await readFile(unitsJson, "utf8"));
  const result = await computeDossierFigures(files, { period, units, evidenceLimit: Number(evidenceLimit ?? 20) });
  check = {
    received: result.figures.reduce((sum, figure) => sum + figure.channels.received, 0),
    counted: result.accounting.dossiers.counted,
    read: result.accounting.dossiers.read,
    rejected: result.accounting.dossiers.rejected,
    rows: result.figures.length,
    evidence: result.evidence.length,
    listed: result.evidence.reduce((sum, entry) => sum + entry.dossiers.length, 0),
    onTime: result.figures.reduce((sum, figure) => sum + figure.items.ON_TIME.numerator, 0),
  };
} else if (job === "link") {
  // The least any rules need: every event paired with its dossier (a join on the id, as text), nothing judged.
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const [row] = (await connection.runAndReadAll(`SELECT COUNT(*) AS n, SUM(CASE WHEN e.changed_at < d.received_at AND e.state <> 1 THEN 1 ELSE 0 END) AS early FROM read_parquet('${files.events}') e JOIN read_parquet('${files.dossiers}') d ON d.dossier_id = e.dossier_id`)).getRowObjectsJS();
  check = { linked: Number(row.n), early: Number(row.early) };
  connection.closeSync();
  instance.closeSync();
} else {
  // The plain baseline: the same files, a GROUP BY unit and month, and the events counted.
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const groups = (await connection.runAndReadAll(`SELECT unit_id, date_trunc('month', received_at) AS month, COUNT(*) AS n FROM read_parquet('${files.dossiers}') GROUP BY ALL`)).getRowObjectsJS();
  const events = Number((await connection.runAndReadAll(`SELECT COUNT(*) AS n FROM read_parquet('${files.events}')`)).getRowObjectsJS()[0].n);
  check = { received: groups.reduce((sum, row) => sum + Number(row.n), 0), rows: groups.length, events };
  connection.closeSync();
  instance.closeSync();
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(startCpu);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024, check }));
