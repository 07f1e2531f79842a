/** Programmatic access to what the `chiso` command does. */
export { main, type Io } from "./main.js";
export { writePack, generationTime, type PackRequest, type PackResult } from "./pack/write-pack.js";
export { generateDemoData, DEMO_MONTHS, DEMO_PERIOD, NO_FIGURES_UNIT, NO_DOSSIERS_UNIT } from "./demo/generate.js";
export { seededRandom } from "./demo/random.js";
export { AtomicOutput } from "./output/atomic.js";
export { EXIT, CliError, type ExitCode } from "./cli-error.js";
