// Where the time of the dossier rules goes: runs computeDossierFigures on a generated folder (as the
// dossiers benchmark writes it: dossiers.parquet, events.parquet, procedures.csv, feedback.parquet,
// units.json) with DuckDB's JSON profiling on for every materialised step, the counts and the evidence,
// and prints each statement's latency and operator time (DuckDB's cpu_time: all threads, waits included)
// with its costliest operators.
//   node bench/dossiers-profile.mjs /tmp/chiso-bench-dossiers-national-1000000 [evidenceLimit]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { DuckDBConnection } from "@duckdb/node-api";
import { computeDossierFigures } from "@chiso/dossiers";

const [dir, limit = "20"] = process.argv.slice(2);
if (!dir) throw new Error("usage: node bench/dossiers-profile.mjs <folder of generated records> [evidenceLimit]");
const plans = mkdtempSync(join(tmpdir(), "chiso-profile-"));
const run = DuckDBConnection.prototype.run;
let statement = 0;
// The process's CPU time (every DuckDB thread) while each statement ran.
const cpuOf = new Map();
DuckDBConnection.prototype.run = async function (sql, ...rest) {
  const name = /TEMP TABLE (chiso_\w+) AS/.exec(sql)?.[1] ?? (/WITH failing_dossiers/.test(sql) ? "evidence" : /GROUP BY unit_no, month_ord\n\) c/.test(sql) ? "unit counts" : null);
  if (!name) return run.call(this, sql, ...rest);
  await run.call(this, "PRAGMA enable_profiling = 'json'");
  await run.call(this, `PRAGMA profiling_output = '${join(plans, `${String(statement++).padStart(2, "0")} ${name}.json`)}'`);
  const cpu = process.cpuUsage();
  try {
    return await run.call(this, sql, ...rest);
  } finally {
    const used = process.cpuUsage(cpu);
    cpuOf.set(name, (cpuOf.get(name) ?? 0) + (used.user + used.system) / 1e6);
    await run.call(this, "PRAGMA disable_profiling");
  }
};

const units = JSON.parse(readFileSync(join(dir, "units.json"), "utf8"));
const files = { dossiers: join(dir, "dossiers.parquet"), events: join(dir, "events.parquet"), procedures: join(dir, "procedures.csv"), feedback: join(dir, "feedback.parquet") };
const started = performance.now();
const result = await computeDossierFigures(files, { period: "2026", units, evidenceLimit: Number(limit) });
const cpu = process.cpuUsage();
console.log(`${result.accounting.dossiers.counted.toLocaleString("en")} dossiers counted: ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, peak RSS ${(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2)} GiB`);
// Hashes of the results, to check that a change to the rules leaves them identical.
const hash = (value) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
console.log(`hashes: figures ${hash(result.figures)} evidence ${hash(result.evidence)} problems ${hash([result.problems, result.problemCounts])} accounting ${hash(result.accounting)} notes ${hash(result.notes)}`);
for (const file of readdirSync(plans).sort()) {
  const plan = JSON.parse(readFileSync(join(plans, file), "utf8"));
  const operators = [];
  const walk = (node) => {
    if (node.operator_name) operators.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(plan);
  console.log(`\n${file.replace(/\.json$/, "")}: ${plan.latency.toFixed(2)} s, CPU ${cpuOf.get(file.replace(/\.json$/, "").slice(3))?.toFixed(2)} s, operators ${plan.cpu_time.toFixed(2)} s (all threads, waits included)`);
  for (const operator of operators.sort((a, b) => b.operator_timing - a.operator_timing).slice(0, 4)) {
    const detail = operator.extra_info?.Conditions ?? operator.extra_info?.Function ?? operator.extra_info?.Table ?? "";
    console.log(`  ${operator.operator_timing.toFixed(2)} s  ${operator.operator_name} ${operator.operator_cardinality.toLocaleString("en")} rows ${String(detail).slice(0, 60)}`);
  }
}
if (!process.env.KEEP_PLANS) rmSync(plans, { recursive: true, force: true });
else console.log(plans);
