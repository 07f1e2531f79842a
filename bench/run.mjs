// `pnpm bench`: every benchmark of the project in one run, figures and ratios side by side.
import { benchCore } from "./core.bench.mjs";
import { benchImport } from "./io.bench.mjs";
import { benchPack } from "./pack.bench.mjs";
import { benchDossiers } from "./dossiers.bench.mjs";
import { benchPortal } from "./portal.bench.mjs";
import { benchWeb } from "./web.bench.mjs";

const allSuites = [benchCore, benchImport, benchPack, benchPortal, benchWeb, benchDossiers];
// `pnpm bench dossiers` runs the suites whose name contains a word given (all by default).
const only = process.argv.slice(2).map((word) => word.toLowerCase());
const suites = only.length === 0 ? allSuites : allSuites.filter((suite) => only.some((word) => suite.name.toLowerCase().includes(word)));
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
