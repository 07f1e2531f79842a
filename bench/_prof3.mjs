import { readFileSync, writeFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { computeDossierFigures } from "@chiso/dossiers";
const dir = process.argv[2] ?? "/tmp/chiso-bench-dossiers-province-year-300000";
const units = JSON.parse(readFileSync(`${dir}/units.json`, "utf8"));
const files = { dossiers: `${dir}/dossiers.parquet`, events: `${dir}/events.parquet`, procedures: `${dir}/procedures.csv`, feedback: `${dir}/feedback.parquet` };
const orig = DuckDBInstance.prototype.connect;
const walk = (node, out) => { out.push([node.operator_timing ?? 0, node.operator_name ?? node.name, node.operator_cardinality, (node.extra_info && JSON.stringify(node.extra_info).slice(0, 160))]); for (const c of node.children ?? []) walk(c, out); };
DuckDBInstance.prototype.connect = async function () {
  const c = await orig.call(this);
  const run = c.run.bind(c);
  c.run = async (sql) => {
    const m = /^CREATE OR REPLACE TEMP TABLE (\w+) AS/.exec(sql);
    const t = performance.now();
    if (m) {
      await run("PRAGMA enable_profiling = 'json'"); await run(`PRAGMA profiling_output = '/tmp/prof-${m[1]}.json'`);
    }
    const r = await run(sql);
    if (m) { await run("PRAGMA disable_profiling");
      const ops = []; walk(JSON.parse(readFileSync(`/tmp/prof-${m[1]}.json`, "utf8")), ops); ops.sort((a, b) => b[0] - a[0]);
      console.log(m[1], Math.round(performance.now() - t), "ms; top:", ops.slice(0, 4).map((o) => `${o[1]} ${o[0].toFixed(2)}s ${o[2]} ${o[3] ?? ""}`).join("\n   "));
    }
    return r;
  };
  return c;
};
await computeDossierFigures(files, { period: "2026", units, evidenceLimit: 0 });
