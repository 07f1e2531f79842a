// `pnpm bench`: every benchmark of the project in one run, figures and ratios side by side.
// `pnpm bench core pack`: only the suites named (core, io, pack, portal, store, web, dossiers).
import { benchCore } from "./core.bench.mjs";
import { benchImport } from "./io.bench.mjs";
import { benchPack } from "./pack.bench.mjs";
import { benchDossiers } from "./dossiers.bench.mjs";
import { benchPortal } from "./portal.bench.mjs";
import { benchStore } from "./store.bench.mjs";
import { benchWeb } from "./web.bench.mjs";

const all = { core: benchCore, io: benchImport, pack: benchPack, portal: benchPortal, store: benchStore, web: benchWeb, dossiers: benchDossiers };
const named = process.argv.slice(2);
const unknown = named.filter((name) => !(name in all));
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Suites: ${Object.keys(all).join(", ")}.`);
  process.exit(2);
}
const suites = named.length > 0 ? named.map((name) => all[name]) : Object.values(all);
let failed = false;
for (const suite of suites) {
  const report = await suite();
  console.log(`\n${report.title}`);
  const width = Math.max(...report.rows.map((row) => row[0].length));
  for (const [label, value, note] of report.rows) console.log(`  ${label.padEnd(width)}  ${value}${note ? `   (${note})` : ""}`);
  console.log(`  → ${report.pass ? "within target" : "OUTSIDE TARGET"}`);
  failed ||= !report.pass;
}
process.exitCode = failed ? 1 : 0;
