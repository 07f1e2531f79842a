// @chiso/dossiers on DuckDB: the full rules of methodology §1.5 over 10 million dossiers and about 37
// million events (Parquet, generated once with DuckDB SQL into the system's temporary folder), next to a
// plain DuckDB GROUP BY unit, month over the same files in the same run; and a province-year (3 million
// dossiers) next to its own plain count. Each timed run is a process of its own (its peak RSS is the
// job's), the jobs take turns round by round, and every run's output is checked.
// CHISO_BENCH_DOSSIERS=1000000 runs a smaller scale (the province-year scales with it);
// CHISO_BENCH_DOSSIERS_REPEAT sets the rounds (default 3).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateRecords, typicalProvince } from "@chiso/dossiers";

const MONTHS_2026 = Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, "0")}`);
const JOB = fileURLToPath(new URL("./dossiers-job.mjs", import.meta.url));
const GIB = 2 ** 30;

/** The country: 34 provinces of 15 departments and 86 communes (3,434 units), `total` dossiers over 2026. */
async function dataset(name, total, provinces) {
  const dir = join(tmpdir(), `chiso-bench-dossiers-${name}-${total}`);
  const units = [];
  const generated = [];
  for (let index = 0; index < provinces; index += 1) {
    const province = typicalProvince({ prefix: `T${String(index + 1).padStart(2, "0")}`, departments: 15, communes: 86, dossiersPerMonth: Math.round(total / provinces / 12), seed: 100 + index });
    units.push(...province.units);
    generated.push(...province.generated);
  }
  const unitsJson = join(dir, "units.json");
  if (!existsSync(join(dir, "done"))) {
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    const files = await generateRecords({ units: generated, months: MONTHS_2026, out: dir, seed: 37 });
    writeFileSync(unitsJson, JSON.stringify(units));
    writeFileSync(join(dir, "done"), JSON.stringify({ ...files.counts, seconds: (performance.now() - started) / 1000 }));
  }
  const counts = JSON.parse(readFileSync(join(dir, "done"), "utf8"));
  // Every unit but the provinces receives dossiers: one figures row each per month.
  return { dir, unitsJson, counts, units: units.length, rows: (units.length - provinces) * 12 };
}

function runJob(job, data, evidenceLimit) {
  const child = spawnSync(process.execPath, [JOB, job, data.dir, "2026", data.unitsJson, String(evidenceLimit)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${job} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1));
}

function checkRules(data, limit) {
  return (check) => {
    const ok = check.received === data.counts.dossiers && check.counted === data.counts.dossiers && check.read === data.counts.dossiers && check.rejected === 0
      && check.rows === data.rows && check.onTime <= check.received && check.evidence > 0 && check.listed <= check.evidence * limit;
    if (!ok) throw new Error(`a timed run of the rules did not count every dossier exactly once: ${JSON.stringify(check)} for ${JSON.stringify(data.counts)}`);
  };
}

function checkPlain(data) {
  return (check) => {
    if (check.received !== data.counts.dossiers || check.events !== data.counts.events || check.rows !== data.rows) throw new Error(`a timed plain count is wrong: ${JSON.stringify(check)}`);
  };
}

function checkLink(data) {
  return (check) => {
    if (check.linked !== data.counts.events || check.early !== 0) throw new Error(`a timed linking of events to dossiers is wrong: ${JSON.stringify(check)} for ${JSON.stringify(data.counts)}`);
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchDossiers() {
  const scale = Number(process.env.CHISO_BENCH_DOSSIERS ?? 10_000_000);
  const repeat = Number(process.env.CHISO_BENCH_DOSSIERS_REPEAT ?? 3);
  const national = await dataset("national", scale, 34);
  const provinceYear = await dataset("province-year", Math.round(scale * 0.3), 1);
  const load = [loadavg()[0]];
  // A national year lists the worst 3 dossiers per unit, month and item (1.2 million lines); every failing
  // dossier is still ranked and counted. The province-year lists the default 20.
  const jobs = {
    rules: { job: "rules", data: national, limit: 3, check: checkRules(national, 3) },
    plain: { job: "plain", data: national, limit: 3, check: checkPlain(national) },
    link: { job: "link", data: national, limit: 3, check: checkLink(national) },
    year: { job: "rules", data: provinceYear, limit: 20, check: checkRules(provinceYear, 20) },
    yearPlain: { job: "plain", data: provinceYear, limit: 20, check: checkPlain(provinceYear) },
  };
  const runs = Object.fromEntries(Object.keys(jobs).map((name) => [name, []]));
  for (let round = 0; round < repeat; round += 1) {
    for (const [name, { job, data, limit, check }] of Object.entries(jobs)) {
      const run = runJob(job, data, limit);
      check(run.check);
      runs[name].push(run);
    }
    load.push(loadavg()[0]);
  }
  const stats = (name) => ({ ms: median(runs[name].map((run) => run.ms)), cpuMs: median(runs[name].map((run) => run.cpuMs)), rss: Math.max(...runs[name].map((run) => run.maxRssBytes)), all: runs[name].map((run) => (run.ms / 1000).toFixed(1)).join(", ") });
  const rules = stats("rules");
  const plain = stats("plain");
  const year = stats("year");
  const yearPlain = stats("yearPlain");
  const link = stats("link");
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const gib = (bytes) => `${(bytes / GIB).toFixed(2)} GiB`;
  const ratio = (a, b) => `${(a.ms / b.ms).toFixed(1)}× wall, ${(a.cpuMs / b.cpuMs).toFixed(1)}× CPU`;
  const fullScale = scale >= 10_000_000;
  return {
    title: "@chiso/dossiers — the 766 counts from dossier records (DuckDB, Parquet)",
    rows: [
      ["national year", `${national.counts.dossiers.toLocaleString("en")} dossiers, ${national.counts.events.toLocaleString("en")} events, ${national.units.toLocaleString("en")} units × 12 months (generated once in ${national.counts.seconds.toFixed(0)} s)`],
      ["full rules (figures, evidence: worst 3, problems)", `${seconds(rules.ms)} wall, ${seconds(rules.cpuMs)} CPU, peak ${gib(rules.rss)} (runs: ${rules.all} s)`, fullScale ? "target < 15 s and < 4 GiB" : "reduced scale"],
      ["plain GROUP BY unit, month + events counted", `${seconds(plain.ms)} wall, ${seconds(plain.cpuMs)} CPU, peak ${gib(plain.rss)}`, `rules ${ratio(rules, plain)}`],
      ["events linked to their dossiers (a join on the id, nothing judged)", `${seconds(link.ms)} wall, ${seconds(link.cpuMs)} CPU, peak ${gib(link.rss)}`, `rules ${ratio(rules, link)}: the least any rules need`],
      ["province-year", `${provinceYear.counts.dossiers.toLocaleString("en")} dossiers, ${provinceYear.counts.events.toLocaleString("en")} events: ${seconds(year.ms)} wall, ${seconds(year.cpuMs)} CPU, peak ${gib(year.rss)} (runs: ${year.all} s)`, fullScale ? "target well under 5 s" : "reduced scale"],
      ["province-year plain count", `${seconds(yearPlain.ms)} wall, ${seconds(yearPlain.cpuMs)} CPU`, `rules ${ratio(year, yearPlain)}`],
      ["machine", `load average ${load.map((value) => value.toFixed(1)).join(" → ")} (1 min, at the start and after each round) on ${(await import("node:os")).availableParallelism()} cores`],
      ["checked", `every timed run counted every dossier (the linking: paired every event), one figures row per unit and month (${repeat} rounds × 5 jobs, medians shown)`],
    ],
    pass: rules.ms < 15_000 && rules.rss < 4 * GIB && year.ms < 5_000,
  };
}
