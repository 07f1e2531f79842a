#!/usr/bin/env node
// `pnpm test:install`: installs the packed tarballs with `npm install -g` into a temporary prefix — as an
// office machine with only Node and npm would — and runs the installed `chiso`: the demo pack (checked
// file by file), a score, and the history store (whose SQLite engine is WebAssembly, loaded from the
// installed package). Needs the npm registry for the packages' own dependencies.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const tarballs = fileURLToPath(new URL("../dist-tarballs/", import.meta.url));
if (!existsSync(tarballs)) {
  console.error("Pack first: pnpm pack:cli");
  process.exit(2);
}
const files = readdirSync(tarballs).filter((name) => name.endsWith(".tgz")).map((name) => join(tarballs, name));
const prefix = mkdtempSync(join(tmpdir(), "chiso-install-"));
const work = join(prefix, "work");
// npm as an office would run it: without the settings pnpm passes to the scripts it runs.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)));
const started = performance.now();
execFileSync("npm", ["install", "--global", "--prefix", prefix, "--no-audit", "--no-fund", ...files], { stdio: ["ignore", "ignore", "inherit"], env });
const installed = (performance.now() - started) / 1000;
const chiso = process.platform === "win32" ? join(prefix, "chiso.cmd") : join(prefix, "bin", "chiso");
const run = (...args) => execFileSync(chiso, args, { cwd: prefix, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...env, PATH: `${join(prefix, "bin")}:${process.env.PATH}` } });
const problems = [];
const check = (ok, what) => (ok ? console.log(`  ok  ${what}`) : problems.push(what));

console.log(`installed ${files.length} tarballs in ${installed.toFixed(0)} s into ${prefix}`);
const demo = run("demo", "--out", join(work, "demo"), "--deterministic", "--as-of", "2026-11-21", "--lang", "en");
check(/Wrote \d+ files/.test(demo), "chiso demo wrote its files");
const pack = join(work, "demo");
const marker = JSON.parse(readFileSync(join(pack, ".chiso-pack.json"), "utf8"));
check(marker.files.filter((name) => name.startsWith("don-vi/") && name.endsWith(".pdf")).length === 115, "115 unit scorecards listed in the pack");
check(readFileSync(join(pack, "tong-hop-tinh-hoa-son-2026-10.pdf")).subarray(0, 5).toString() === "%PDF-", "the province summary is a PDF");
check(readFileSync(join(pack, "chiso-2026-10.xlsx")).readUInt32LE(0) === 0x04034b50, "the workbook is an .xlsx");
const scores = JSON.parse(run("score", "--input", join(pack, "du-lieu-mau-hoa-son.json"), "--period", "2026-10", "--as-of", "2026-11-21"));
check(scores.units.length === 116 && /^\d+\.\d\d$/.test(scores.units[0].total), "chiso score printed 116 units' scores");
const added = run("store", "add", "--store", join(work, "hoa-son.db"), "--input", join(pack, "du-lieu-mau-hoa-son.json"), "--period", "2026-10", "--lang", "en");
check(added.includes("2026-10: added to the store"), "chiso store add (sql.js loads from the installed package)");
check(run("store", "list", "--store", join(work, "hoa-son.db"), "--lang", "en").trim().split("\n").length === 2, "chiso store list: a header and one period");
if (problems.length > 0) {
  console.error(`FAILED:\n${problems.join("\n")}`);
  process.exit(1);
}
rmSync(prefix, { recursive: true, force: true });
console.log("the installed chiso works");
