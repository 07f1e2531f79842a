import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FiguresFile, Language } from "@chiso/core";
import type { ProvinceSummaryView, UnitScorecardView, WorkbookView } from "@chiso/report";

/** One document of the pack, as plain data a worker thread can receive. */
export type RenderJob =
  | { readonly kind: "unit"; readonly view: UnitScorecardView }
  | { readonly kind: "summary"; readonly view: ProvinceSummaryView }
  | { readonly kind: "unit-docx"; readonly view: UnitScorecardView }
  | { readonly kind: "summary-docx"; readonly view: ProvinceSummaryView }
  | { readonly kind: "dispatch-docx"; readonly view: ProvinceSummaryView }
  | { readonly kind: "workbook"; readonly view: WorkbookView }
  /** The demo's input as a filled template (built-in scheme). */
  | { readonly kind: "template"; readonly schemeId: string; readonly period: string; readonly language: Language; readonly data: FiguresFile };
export type RenderResult = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

/**
 * Renders one job in this thread. Each kind loads only its own renderer, the first time it is needed:
 * pdfkit for PDFs, docx for Word files, exceljs for workbooks.
 */
export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  switch (job.kind) {
    case "unit":
      return (await import("@chiso/report/pdf")).renderUnitScorecard(job.view);
    case "summary":
      return (await import("@chiso/report/pdf")).renderProvinceSummary(job.view);
    case "unit-docx":
      return (await import("@chiso/report/docx")).renderUnitScorecardDocx(job.view);
    case "summary-docx":
      return (await import("@chiso/report/docx")).renderProvinceSummaryDocx(job.view);
    case "dispatch-docx":
      return (await import("@chiso/report/docx")).renderDispatchDocx(job.view);
    case "workbook":
      return (await import("@chiso/report/xlsx")).workbookBytes(job.view);
    case "template": {
      const [{ getScheme }, { buildTemplate }, { writeWorkbook }] = await Promise.all([import("@chiso/core"), import("@chiso/io"), import("@chiso/report/xlsx")]);
      return writeWorkbook(buildTemplate({ scheme: getScheme(job.schemeId), period: job.period, language: job.language, data: job.data }), new Date(0));
    }
  }
}

/** The built worker script next to this module; absent when running from TypeScript sources (tests). */
function workerScript(): string | null {
  const path = fileURLToPath(new URL("./pack/render-worker.js", import.meta.url));
  return existsSync(path) ? path : null;
}

/** Renders documents, on worker threads when it has them, calling `onRendered` as each one completes. */
export interface RenderPool {
  render(jobs: readonly RenderJob[], onRendered: (index: number, bytes: Uint8Array) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts one worker per core (rendering is CPU-bound and single-threaded). Workers load pdfkit and
 * prepare the fonts while the caller scores and builds the views, so start the pool first. Jobs go to
 * whichever worker is free, in the order given: put the long ones first. Output is identical to
 * rendering in-process, which is what happens with one core or without a built worker script.
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
