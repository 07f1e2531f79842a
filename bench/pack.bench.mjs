// The demo province's whole monthly pack (115 unit PDFs + summary + workbook), and one scorecard
// rendered by chiso next to a bare pdfmake document of the same content, in the same run.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { getScheme, parseDataset } from "@chiso/core";
import { buildPackView } from "@chiso/report";
import { disableFontCache, enableFontCache, renderPdf, unitScorecardDocument } from "@chiso/report/pdf";
import { generateDemoData, writePack } from "@chiso/cli";
import { measure } from "./measure.mjs";

const require = createRequire(import.meta.url);

export async function benchPack() {
  const dataset = parseDataset(generateDemoData(), getScheme());
  const out = await mkdtemp(join(tmpdir(), "chiso-bench-"));
  const pack = (workers) => () => writePack({ dataset, period: "2026-10", out, language: "vi", checksum: "bench", deterministic: true, asOf: "2026-11-21", workers });
  const parallel = await measure(pack(undefined), { repeat: 3 });
  const serial = await measure(pack(1), { repeat: 2 });
  await rm(out, { recursive: true, force: true });

  // One scorecard: chiso's renderer (view → definition → NFC → cached fonts) against bare pdfmake
  // rendering the same definition with the same fonts and no cache.
  const view = buildPackView(dataset, { period: "2026-10", generatedAt: new Date(0), checksum: "bench", asOf: "2026-11-21" });
  const sample = view.scorecards.slice(0, 20);
  const chiso = await measure(async () => {
    for (const card of sample) await renderPdf(unitScorecardDocument(card));
  });
  // Bare pdfmake: the same definitions, same fonts, pdfkit as published (chiso's font cache off).
  const pdfmake = require(require.resolve("pdfmake", { paths: [dirname(require.resolve("@chiso/report"))] }));
  // pdfmake mutates a definition while laying it out, so each run builds fresh ones (~0.1 ms each).
  disableFontCache();
  const bare = await measure(async () => {
    for (const card of sample) await pdfmake.createPdf(unitScorecardDocument(card)).getBuffer();
  });
  enableFontCache();
  const perPdf = chiso.ms / sample.length;
  const perBare = bare.ms / sample.length;
  return {
    title: "@chiso/report + chiso CLI — the demo province's monthly pack",
    rows: [
      ["pack: 115 unit PDFs + summary + workbook", `${parallel.ms.toFixed(0)} ms`, "target < 5000 ms"],
      ["  … rendering on one thread", `${serial.ms.toFixed(0)} ms`, `parallel speed-up ${(serial.ms / parallel.ms).toFixed(2)}×`],
      ["one scorecard, chiso (view → PDF)", `${perPdf.toFixed(1)} ms`],
      ["one scorecard, bare pdfmake, same content", `${perBare.toFixed(1)} ms`, `chiso / bare = ${(perPdf / perBare).toFixed(2)}× (target ≤ 1.2×)`],
    ],
    pass: parallel.ms < 5000 && perPdf / perBare <= 1.2,
  };
}
