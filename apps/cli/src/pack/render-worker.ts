// A worker thread that renders PDF view models; see render-pool.ts.
import { parentPort } from "node:worker_threads";
import { provinceSummaryDocument, renderPdf, unitScorecardDocument } from "@chiso/report/pdf";
import type { RenderJob, RenderResult } from "./render-pool.js";

parentPort!.on("message", async (job: RenderJob & { readonly id: number }) => {
  try {
    const bytes = await renderPdf(job.kind === "unit" ? unitScorecardDocument(job.view) : provinceSummaryDocument(job.view));
    const copy = new Uint8Array(bytes); // pdfkit's buffer may share a pooled ArrayBuffer: send a copy we own
    parentPort!.postMessage({ id: job.id, bytes: copy } satisfies RenderResult, [copy.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderResult);
  }
});
