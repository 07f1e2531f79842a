import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ProvinceSummaryView, UnitScorecardView } from "@chiso/report";
import { provinceSummaryDocument, renderPdf, unitScorecardDocument } from "@chiso/report/pdf";

export type RenderJob = { readonly kind: "unit"; readonly view: UnitScorecardView } | { readonly kind: "summary"; readonly view: ProvinceSummaryView };
export type RenderResult = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

function renderJob(job: RenderJob): Promise<Uint8Array> {
  return renderPdf(job.kind === "unit" ? unitScorecardDocument(job.view) : provinceSummaryDocument(job.view));
}

/** The built worker script next to this module; absent when running from TypeScript sources (tests). */
function workerScript(): string | null {
  const path = fileURLToPath(new URL("./pack/render-worker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * Renders PDFs on worker threads, one per core (pdfmake is CPU-bound and single-threaded), calling
 * `onRendered` as each one completes. Output is identical to rendering in-process, which is the fallback
 * with one core, few jobs, or no built worker script.
 */
export async function renderPdfs(jobs: readonly RenderJob[], onRendered: (index: number, bytes: Uint8Array) => Promise<void>, workers = availableParallelism()): Promise<void> {
  const script = workerScript();
  const count = Math.min(workers, Math.ceil(jobs.length / 8));
  if (!script || count < 2) {
    for (const [index, job] of jobs.entries()) await onRendered(index, await renderJob(job));
    return;
  }
  const pool = Array.from({ length: count }, () => new Worker(script));
  try {
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
            worker.on("message", (result: RenderResult) => {
              if ("error" in result) return reject(new Error(result.error));
              onRendered(result.id, result.bytes).then(send, reject);
            });
            worker.on("error", reject);
            worker.on("exit", (code) => code !== 0 && reject(new Error(`render worker exited with ${code}`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
