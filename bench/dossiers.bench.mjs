// @chiso/dossiers on DuckDB: the full rules of methodology §1.5 over 10 million dossiers and about 37
// million events (Parquet, generated once into the system's temporary folder), next to a plain DuckDB
// GROUP BY unit, month over the same files in the same run; and a province-year (3 million dossiers).
// Each timed run is a process of its own (its peak RSS is the job's), and its output is checked.
// CHISO_BENCH_DOSSIERS=1000000 runs a smaller scale (the province-year scales with it).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateRecords, typicalProvince } from "@chiso/dossiers";

const MONTHS_2026 = Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, "0")}`);
const JOB = fileURLToPath(new URL("./dossiers-job.mjs", import.meta.url));
const GIB = 2 ** 30;

/** The country: 34 provinces of 15 departments and 86 communes (3,434 units), `total` dossiers over 2026. */
async function dataset(name, total, provinces, monthsCount) {
  const dir = join(tmpdir(), `chiso-bench-dossiers-${name}-${total}`);
  const units = [];
  const generated = [];
  for (let index = 0; index < provinces; index += 1) {
    const province = typicalProvince({ prefix: `T${String(index + 1).padStart(2, "0")}`, departments: 15, communes: 86, dossiersPerMonth: Math.round(total / provinces / monthsCount), seed: 100 + index });
    units.push(...province.units);
    generated.push(...province.generated);
  }
  const unitsJson = join(dir, "units.json");
  if (!existsSync(join(dir, "done"))) {
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    const files = await generateRecords({ units: generated, months: MONTHS_2026.slice(0, monthsCount), out: dir, seed: 37 });
    writeFileSync(unitsJson, JSON.stringify(units));
    writeFileSync(join(dir, "done"), JSON.stringify({ ...files.counts, seconds: (performance.now() - started) / 1000 }));
  }
  const counts = JSON.parse((await import("node:fs")).readFileSync(join(dir, "done"), "utf8"));
  return { dir, unitsJson, counts, units: units.length, period: monthsCount === 12 ? "2026" : MONTHS_2026.slice(0, monthsCount).join("") };
}

function runJob(job, data, period, evidenceLimit) {
  const child = spawnSync(process.execPath, [JOB, job, data.dir, period, data.unitsJson, String(evidenceLimit)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${job} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1));
}

/** Median time and the largest peak RSS of `repeat` runs, each checked. */
function timed(job, data, period, repeat, check, evidenceLimit = 20) {
  const runs = [];
  for (let index = 0; index < repeat; index += 1) {
    const run = runJob(job, data, period, evidenceLimit);
    check(run.check);
    runs.push(run);
  }
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rss: Math.max(...runs.map((run) => run.maxRssBytes)), runs };
}

export async function benchDossiers() {
  const scale = Number(process.env.CHISO_BENCH_DOSSIERS ?? 10_000_000);
  const national = await dataset("national", scale, 34, 12);
  const provinceYear = await dataset("province-year", Math.round(scale * 0.3), 1, 12);
  const expect = (data) => (check) => {
    if (check.received !== data.counts.dossiers || (check.counted !== undefined && check.counted !== data.counts.dossiers) || (check.rejected !== undefined && check.rejected !== 0)) {
      throw new Error(`a timed run did not count every dossier: ${JSON.stringify(check)} for ${data.counts.dossiers}`);
    }
  };
  // A national year lists the worst 3 dossiers per unit, month and item (1.4 million lines); every failing
  // dossier is still ranked and counted. The province-year lists the default 20.
  const rules = timed("rules", national, "2026", 3, expect(national), 3);
  const plain = timed("plain", national, "2026", 3, expect(national));
  const year = timed("rules", provinceYear, "2026", 3, expect(provinceYear));
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const gib = (bytes) => `${(bytes / GIB).toFixed(2)} GiB`;
  const fullScale = scale >= 10_000_000;
  return {
    title: "@chiso/dossiers — the 766 counts from dossier records (DuckDB, Parquet)",
    rows: [
      ["national year", `${national.counts.dossiers.toLocaleString("en")} dossiers, ${national.counts.events.toLocaleString("en")} events, ${national.units.toLocaleString("en")} units × 12 months (generated once in ${national.counts.seconds.toFixed(0)} s)`],
      ["full rules (figures, evidence: worst 3, problems)", `${seconds(rules.ms)}, peak ${gib(rules.rss)}`, fullScale ? "target < 15 s and < 4 GiB" : "reduced scale"],
      ["plain GROUP BY unit, month", `${seconds(plain.ms)}, peak ${gib(plain.rss)}`, `rules ${(rules.ms / plain.ms).toFixed(1)}× the plain count`],
      ["province-year", `${year.runs[0].check.received.toLocaleString("en")} dossiers, ${provinceYear.counts.events.toLocaleString("en")} events: ${seconds(year.ms)}, peak ${gib(year.rss)}`, fullScale ? "target well under 5 s" : "reduced scale"],
      ["checked", `every timed run counted every dossier (${rules.runs.length + plain.runs.length + year.runs.length} runs, medians shown)`],
    ],
    pass: rules.ms < 15_000 && rules.rss < 4 * GIB && year.ms < 5_000,
  };
}
