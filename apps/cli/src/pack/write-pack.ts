import { dayAfter, parsePeriod, type Dataset, type Language, type TieRule } from "@chiso/core";
import { buildPackView } from "@chiso/report";
import { buildWorkbook, writeWorkbook } from "@chiso/report/xlsx";
import { CliError, EXIT } from "../cli-error.js";
import { AtomicOutput } from "../output/atomic.js";
import { describeOutputError } from "../output/output-error.js";
import type { Progress } from "../progress.js";
import { startRenderPool, type RenderJob, type RenderPool } from "./render-pool.js";

export interface PackRequest {
  readonly dataset: Dataset;
  readonly period: string;
  readonly out: string;
  readonly language: Language;
  readonly checksum: string;
  /** A fixed generation time makes every file byte-identical for the same input. */
  readonly deterministic?: boolean;
  readonly asOf?: string;
  readonly tie?: TieRule;
  readonly issuer?: { readonly parent: string; readonly name: string };
  /** The period's sign-off in the office's store (the documents print it). */
  readonly signOff?: { readonly at: string; readonly by?: string; readonly checksum: string };
  /** Rank units that did not report every item (the core leaves them unranked by default). */
  readonly rankIncomplete?: boolean;
  /** Input rows rejected with --skip-invalid, for the cards and the summary to say so. */
  readonly rejectedRows?: readonly { readonly unit: string; readonly period: string; readonly where: string; readonly reasons: readonly string[] }[];
  /** Files to add to the pack (e.g. the demo's input), written atomically with it. */
  readonly extraFiles?: readonly { readonly name: string; readonly data: string | Uint8Array }[];
  readonly progress?: (total: number) => Progress;
  /** Worker threads for PDF rendering (default: one per core; 1 renders in-process). */
  readonly workers?: number;
}

export interface PackResult {
  readonly files: readonly string[];
  readonly scorecards: number;
  readonly summaries: number;
}

/** The time printed on the pack: now, or with `deterministic` the start of the day after the period (Vietnam time). */
export function generationTime(period: string, deterministic: boolean | undefined, now: Date = new Date()): Date {
  if (!deterministic) return now;
  const parsed = parsePeriod(period);
  return parsed ? new Date(`${dayAfter(parsed)}T00:00:00+07:00`) : new Date(0);
}

/**
 * Scores the period and writes the whole pack — a PDF per department and commune, a summary per
 * province and one workbook — atomically into `out`: all files appear, or none.
 */
export async function writePack(request: PackRequest): Promise<PackResult> {
  const pool = startRenderPool(request.workers);
  try {
    return await scoreAndWrite(request, pool);
  } finally {
    await pool.close();
  }
}

async function scoreAndWrite(request: PackRequest, pool: RenderPool): Promise<PackResult> {
  const generatedAt = generationTime(request.period, request.deterministic);
  const view = buildPackView(request.dataset, {
    period: request.period,
    language: request.language,
    generatedAt,
    checksum: request.checksum,
    ...(request.asOf && { asOf: request.asOf }),
    ...(request.tie && { tie: request.tie }),
    ...(request.issuer && { issuer: request.issuer }),
    ...(request.signOff && { signOff: request.signOff }),
    ...(request.rejectedRows && { rejectedRows: request.rejectedRows }),
    ...(request.rankIncomplete && { rankIncomplete: true }),
  });
  const period = view.context.periodKey;
  let output: AtomicOutput;
  try {
    output = await AtomicOutput.open(request.out);
  } catch (error) {
    throw new CliError(describeOutputError(request.out, error, request.language), EXIT.output, { cause: error });
  }
  const progress = request.progress?.(view.scorecards.length + view.summaries.length + 1);
  try {
    for (const file of request.extraFiles ?? []) await output.write(file.name, file.data);
    const jobs: { job: RenderJob; name: string }[] = [
      ...view.summaries.map((summary) => ({ job: { kind: "summary", view: summary } as const, name: `${summary.fileBase}-${period}.pdf` })),
      ...view.scorecards.map((scorecard) => ({ job: { kind: "unit", view: scorecard } as const, name: `don-vi/${scorecard.fileBase}-${period}.pdf` })),
    ];
    // The workbook is built here while the workers render the PDFs.
    const workbook = writeWorkbook(buildWorkbook(view.workbook), generatedAt);
    await pool.render(
      jobs.map((entry) => entry.job),
      async (index, bytes) => {
        await output.write(jobs[index]!.name, bytes);
        progress?.tick();
      },
    );
    await output.write(`chiso-${period}.xlsx`, await workbook);
    progress?.tick();
    const files = await output.commit();
    return { files, scorecards: view.scorecards.length, summaries: view.summaries.length };
  } catch (error) {
    await output.abort();
    // File-system failures are the user's to fix (space, permissions); anything else is a bug.
    if (typeof (error as NodeJS.ErrnoException).code === "string") {
      throw new CliError(describeOutputError(request.out, error, request.language), EXIT.output, { cause: error });
    }
    throw error;
  } finally {
    progress?.done();
  }
}
