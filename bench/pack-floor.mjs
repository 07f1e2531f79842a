// The floor of the pack benchmark, run in a cold process of its own: the demo's 115 unit cards drawn
// one after another with pdfkit alone (chiso's drawing code and shared font subsets, no scoring, no
// workers, no files). Prints {ms, pages, text} as JSON; the views are built before the clock starts.
import { getScheme, parseDataset } from "@chiso/core";
import { buildPackView } from "@chiso/report";
import { generateDemoData } from "@chiso/cli";
import { extractText, getDocumentProxy } from "unpdf";

const dataset = parseDataset(generateDemoData(), getScheme());
const view = buildPackView(dataset, { period: "2026-10", generatedAt: new Date("2026-11-01T00:00:00+07:00"), checksum: "bench", asOf: "2026-11-21" });
const start = performance.now();
const { loadFonts, renderUnitScorecard } = await import("@chiso/report/pdf");
loadFonts();
const cards = [];
for (const card of view.scorecards) cards.push(await renderUnitScorecard(card));
const ms = performance.now() - start;
const sample = view.scorecards.findIndex((card) => card.fileBase === "xa-an-lap");
const pdf = await getDocumentProxy(new Uint8Array(cards[sample]));
const { text } = await extractText(pdf, { mergePages: true });
process.stdout.write(JSON.stringify({ ms, cards: cards.length, pages: pdf.numPages, text }));
