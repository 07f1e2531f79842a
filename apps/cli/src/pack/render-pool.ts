import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ProvinceSummaryView, UnitScorecardView } from "@chiso/report";
import { provinceSummaryDocument, renderPdf, unitScorecardDocument } from "@chiso/report/pdf";

export type RenderJob = { readonly kind: "unit"; readonly view: UnitScorecardView } | { readonly kind: "summary"; readonly view: ProvinceSummaryView };
export type RenderResult = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

/** Renders one job in this thread. */
export function renderJob(job: RenderJob): Promise<Uint8Array> {
  return renderPdf(job.kind === "unit" ? unitScorecardDocument(job.view) : provinceSummaryDocument(job.view));
}

/** The built worker script next to this module; absent when running from TypeScript sources (tests). */
function workerScript(): string | null {
  const path = fileURLToPath(new URL("./pack/render-worker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

/** Renders PDFs, on worker threads when it has them, calling `onRendered` as each one completes. */
export interface RenderPool {
  render(jobs: readonly RenderJob[], onRendered: (index: number, bytes: Uint8Array) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts one worker per core (pdfmake is CPU-bound and single-threaded). Workers load pdfmake and
 * parse the fonts while the caller scores and builds the views, so start the pool first. Output is
 * identical to rendering in-process, which is what happens with one core or without a built worker
 * script.
 */
export function startRenderPool(workers = availableParallelism()): RenderPool {
  const script = workerScript();
  if (!script || workers < 2) {
    return {
      async render(jobs, onRendered) {
        for (const [index, job] of jobs.entries()) await onRendered(index, await renderJob(job));
      },
      async close() {},
    };
  }
  const pool = Array.from({ length: workers }, () => new Worker(script));
  return {
    async render(jobs, onRendered) {
      let next = 0;
      await Promise.all(
        pool.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= jobs.length) return resolve();
                const id = next++;
                worker.postMessage({ ...jobs[id]!, id });
              };
              const onMessage = (result: RenderResult) => {
                if ("error" in result) return reject(new Error(result.error));
                onRendered(result.id, result.bytes).then(send, reject);
              };
              worker.on("message", onMessage);
              worker.once("error", reject);
              worker.once("exit", (code) => code !== 0 && reject(new Error(`render worker exited with ${code}`)));
              send();
            }),
        ),
      );
      for (const worker of pool) worker.removeAllListeners("message");
    },
    async close() {
      await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}
