// A worker thread that renders PDF view models; see render-pool.ts.
import { parentPort } from "node:worker_threads";
import { loadFonts } from "@chiso/report/pdf";
import { renderJob, type RenderJob, type RenderResult } from "./render-pool.js";

// Load and register the fonts now, while the main thread is still scoring.
loadFonts();

parentPort!.on("message", async (job: RenderJob & { readonly id: number }) => {
  try {
    const bytes = await renderJob(job);
    const copy = new Uint8Array(bytes); // pdfkit's buffer may share a pooled ArrayBuffer: send a copy we own
    parentPort!.postMessage({ id: job.id, bytes: copy } satisfies RenderResult, [copy.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderResult);
  }
});
