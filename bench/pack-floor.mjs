// The floor of the pack benchmark, run in a cold process of its own: the demo's 115 unit cards drawn
// one after another with pdfkit alone (chiso's drawing code and shared font subsets, no scoring, no
// workers, no files). Prints {ms, pages, text} as JSON; the views are built before the clock starts.
import { getScheme, parseDataset } from "@chiso/core";
import { buildPackView } from "@chiso/report";
import { generateDemoData } from "@chiso/cli";
import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";

/** This thread's CPU time in ms (Linux), or null: with the wall time, it shows what the machine's load took away. */
function threadCpu() {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const dataset = parseDataset(generateDemoData(), getScheme());
const view = buildPackView(dataset, { period: "2026-10", generatedAt: new Date("2026-11-01T00:00:00+07:00"), checksum: "bench", asOf: "2026-11-21" });
const start = performance.now();
const cpuStart = threadCpu();
const { loadFonts, renderUnitScorecard } = await import("@chiso/report/pdf");
loadFonts();
const cards = [];
for (const card of view.scorecards) cards.push(await renderUnitScorecard(card));
const ms = performance.now() - start;
const cpuMs = cpuStart === null ? null : threadCpu() - cpuStart;
const sample = view.scorecards.findIndex((card) => card.fileBase === "xa-an-lap");
const pdf = await getDocumentProxy(new Uint8Array(cards[sample]));
const { text } = await extractText(pdf, { mergePages: true });
process.stdout.write(JSON.stringify({ ms, cpuMs, cards: cards.length, pages: pdf.numPages, text }));
