#!/usr/bin/env node
// Kills `chiso report` at random moments — SIGINT, SIGTERM, SIGKILL — and checks after every run that
// nothing is left half-done: no crash, no hang, no staging folder after a signal that can be handled
// (SIGKILL's are removed by the next run), and the pack folder always exactly a complete previous
// pack or a complete new one — never half-new. Every interleaving must pass, so the outcome does not
// depend on timing (only which moments get hit does): bounded by --runs and a hard --timeout.
//
//   node scripts/kill-test.mjs [--runs 30] [--timeout 600] [--seed 1]      (after `pnpm build`)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "30" }, timeout: { type: "string", default: "600" }, seed: { type: "string", default: String(Date.now() % 100_000) }, keep: { type: "boolean", default: false } } });
const runs = Number(values.runs);
const deadline = Date.now() + Number(values.timeout) * 1000;
const bin = fileURLToPath(new URL("../apps/cli/dist/bin.js", import.meta.url));
if (!existsSync(bin)) {
  console.error("Build first: pnpm build");
  process.exit(2);
}

// A seeded generator, so a failing sequence can be replayed with --seed.
let state = Number(values.seed) >>> 0 || 1;
const random = () => {
  state = (state * 1_664_525 + 1_013_904_223) >>> 0;
  return state / 2 ** 32;
};

// A smaller province than the demo's (5 departments, 25 communes), so a run lasts a second or two
// and the kills land in every phase: start-up, reading, scoring, rendering, the switch.
const { generateDemoData } = await import("../apps/cli/dist/index.js");
const demo = generateDemoData();
const province = demo.units.find((unit) => unit.level === "province");
const kept = new Set([province.id, ...demo.units.filter((unit) => unit.level === "department").slice(0, 5).map((unit) => unit.id), ...demo.units.filter((unit) => unit.level === "commune").slice(0, 25).map((unit) => unit.id)]);
const input = { units: demo.units.filter((unit) => kept.has(unit.id)), figures: demo.figures.filter((figure) => kept.has(figure.unit) && (figure.period === "2026-09" || figure.period === "2026-10")) };

const dir = await mkdtemp(join(tmpdir(), "chiso-kill-test-"));
const inputPath = join(dir, "so-lieu.json");
const out = join(dir, "pack");
await writeFile(inputPath, JSON.stringify(input));

/** Runs the command; kills it with `signal` after `delay` ms (none: lets it finish). */
function report(period, signal, delay, hardTimeout) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, "report", "--input", inputPath, "--period", period, "--out", out, "--deterministic", "--as-of", "2026-11-30"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.resume();
    let sent = false;
    const killer = signal ? setTimeout(() => { sent = child.kill(signal); }, delay) : null;
    const hang = setTimeout(() => child.kill("SIGKILL"), hardTimeout);
    child.on("exit", (code, exitSignal) => {
      clearTimeout(killer);
      clearTimeout(hang);
      resolve({ code, signal: exitSignal, stderr, pid: child.pid, ms: performance.now() - started, sent, hung: performance.now() - started >= hardTimeout });
    });
  });
}

const hidden = async () => (await readdir(dir)).filter((entry) => entry.startsWith(".pack.chiso-"));

/** The pack folder's state: a complete pack of one period, missing, or broken (and why). */
async function packState(folder) {
  if (!existsSync(folder)) return { kind: "missing" };
  let marker;
  try {
    marker = JSON.parse(await readFile(join(folder, ".chiso-pack.json"), "utf8"));
  } catch {
    return { kind: "broken", why: "no marker" };
  }
  const present = [];
  const walk = async (sub) => {
    for (const entry of await readdir(join(folder, sub), { withFileTypes: true })) {
      const name = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(name);
      else if (name !== ".chiso-pack.json") present.push(name);
    }
  };
  await walk("");
  if (present.sort().join("\n") !== [...marker.files].sort().join("\n")) return { kind: "broken", why: "files differ from the marker" };
  const periods = new Set();
  for (const name of present) {
    const bytes = await readFile(join(folder, name));
    if (name.endsWith(".pdf") && !bytes.subarray(-32).toString("latin1").includes("%%EOF")) return { kind: "broken", why: `${name} is cut` };
    if (name.endsWith(".xlsx") && bytes.readUInt32LE(bytes.length - 22) !== 0x06054b50) return { kind: "broken", why: `${name} is cut` };
    const period = /-(\d{4}-\d{2})\.(pdf|xlsx)$/.exec(name)?.[1];
    if (period) periods.add(period);
  }
  if (periods.size !== 1) return { kind: "broken", why: `periods ${[...periods].join(", ")}` };
  return { kind: "pack", period: [...periods][0], files: present.length };
}

const tally = { runs: 0, completed: 0, killed: 0, crashes: 0, hangs: 0, stagingLeftAfterSignal: 0, lockLeftAfterSignal: 0, halfNewPacks: 0, packsAside: 0, sigkillLeftovers: 0 };
const problems = [];

// The previous pack, and how long a whole run takes here.
const first = await report("2026-09", null, 0, 300_000);
if (first.code !== 0) {
  console.error(`the first, uninterrupted run failed (exit ${first.code}):\n${first.stderr}`);
  process.exit(1);
}
const full = first.ms;
let current = await packState(out);
console.log(`kill test: ${runs} runs, seed ${values.seed}, an uninterrupted run takes ${(full / 1000).toFixed(1)} s, folder ${dir}`);

for (let index = 0; index < runs && Date.now() < deadline; index += 1) {
  const period = index % 2 === 0 ? "2026-10" : "2026-09";
  const signal = ["SIGINT", "SIGTERM", "SIGKILL"][Math.floor(random() * 3)];
  const delay = Math.floor(random() * full * 1.15);
  const result = await report(period, signal, delay, Math.max(60_000, full * 10));
  tally.runs += 1;
  const left = await hidden();
  const state = await packState(out);
  const line = `#${index + 1} ${signal} at ${delay} ms → ${result.code === 0 ? "completed" : result.signal ? `killed (${result.signal})` : `exit ${result.code}`}; pack ${state.kind === "pack" ? state.period : state.kind}${left.length ? `; beside: ${left.join(", ")}` : ""}`;
  if (result.hung) {
    tally.hangs += 1;
    problems.push(`${line}: HANG`);
  }
  // A crash: an exit code other than 0, or an unexpected-error message (a killed run has no exit code).
  if ((result.code !== null && result.code !== 0) || /Lỗi không lường trước|Unexpected error|\n\s+at /.test(result.stderr)) {
    tally.crashes += 1;
    problems.push(`${line}: CRASH\n${result.stderr}`);
  }
  if (result.code === 0) tally.completed += 1;
  else tally.killed += 1;
  // What this run left (a run killed before it reached its output leaves an earlier SIGKILL's leftovers alone).
  const handled = result.signal === "SIGINT" || result.signal === "SIGTERM";
  const lockHolder = left.includes(".pack.chiso-lock") ? await readFile(join(dir, ".pack.chiso-lock"), "utf8").then((text) => JSON.parse(text).pid, () => null) : null;
  if (handled && left.some((entry) => entry.startsWith(`.pack.chiso-staging-${result.pid}-`))) {
    tally.stagingLeftAfterSignal += 1;
    problems.push(`${line}: STAGING LEFT`);
  }
  if (handled && lockHolder === result.pid) {
    tally.lockLeftAfterSignal += 1;
    problems.push(`${line}: LOCK LEFT`);
  }
  if (result.signal === "SIGKILL" && left.length > 0) tally.sigkillLeftovers += 1;
  if (state.kind === "broken") {
    tally.halfNewPacks += 1;
    problems.push(`${line}: BROKEN PACK (${state.why})`);
  } else if (state.kind === "missing") {
    // Only a SIGKILL between the switch's two renames can do this: the previous pack must be aside, whole.
    const aside = left.find((entry) => entry.includes("previous"));
    const asideState = aside ? await packState(join(dir, aside)) : { kind: "missing" };
    if (result.signal === "SIGKILL" && asideState.kind === "pack") tally.packsAside += 1;
    else {
      tally.halfNewPacks += 1;
      problems.push(`${line}: PACK MISSING`);
    }
  } else if (result.code === 0 && state.period !== period) {
    tally.halfNewPacks += 1;
    problems.push(`${line}: a completed run left the ${state.period} pack`);
  } else if (result.code !== 0 && state.period !== period && current.kind === "pack" && state.period !== current.period) {
    tally.halfNewPacks += 1;
    problems.push(`${line}: neither the previous nor the new pack`);
  }
  if (state.kind === "pack") current = state;
  if (problems.length > 0 && problems.at(-1).startsWith(line)) console.log(problems.at(-1));
  else console.log(line);
}

// A last, uninterrupted run must clean up whatever SIGKILLs left.
const last = await report("2026-10", null, 0, Math.max(60_000, full * 10));
const finalLeft = await hidden();
const finalState = await packState(out);
if (last.code !== 0 || finalLeft.length > 0 || finalState.kind !== "pack" || finalState.period !== "2026-10") {
  problems.push(`final run: exit ${last.code}, beside: ${finalLeft.join(", ") || "nothing"}, pack ${JSON.stringify(finalState)}`);
}
console.log(
  `\n${tally.runs} runs (${tally.completed} completed, ${tally.killed} killed): ${tally.crashes} crashes, ${tally.hangs} hangs, ${tally.stagingLeftAfterSignal} staging folders and ${tally.lockLeftAfterSignal} locks left after SIGINT/SIGTERM, ${tally.halfNewPacks} half-new packs; ` +
    `SIGKILL left something ${tally.sigkillLeftovers} times (${tally.packsAside} previous packs aside) — all cleaned by the next run: ${finalLeft.length === 0 ? "yes" : "NO"}.`,
);
if (!values.keep) await rm(dir, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`\nFAILED:\n${problems.join("\n")}`);
  process.exit(1);
}
