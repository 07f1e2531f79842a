import { readFileSync } from "node:fs";
import { computeDossierFigures } from "@chiso/dossiers";
const dir = "/tmp/chiso-bench-dossiers-province-year-300000";
const units = JSON.parse(readFileSync(`${dir}/units.json`, "utf8"));
const files = { dossiers: `${dir}/dossiers.parquet`, events: `${dir}/events.parquet`, procedures: `${dir}/procedures.csv`, feedback: `${dir}/feedback.parquet` };
let last = performance.now(); const t0 = last; let cpu = process.cpuUsage();
const r = await computeDossierFigures(files, { period: "2026", units, evidenceLimit: Number(process.argv[2] ?? 20), onStep: (s) => { const n = performance.now(); const c = process.cpuUsage(); console.log("before", s, Math.round(n - last), "cpu", Math.round((c.user + c.system - cpu.user - cpu.system) / 1000)); last = n; cpu = c; } });
console.log("evidence step", Math.round(performance.now() - last), "total", Math.round(performance.now() - t0), "rss", process.resourceUsage().maxRSS >> 10, "MB", r.evidence.reduce((a, e) => a + e.dossiers.length, 0));
