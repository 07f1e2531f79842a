import { dayAfter, parsePeriod, type Dataset, type Language, type TieRule } from "@chiso/core";
import { buildPackView, type ProvinceProfile } from "@chiso/report";
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
  readonly issuer?: { readonly parent?: string; readonly name?: string };
  /** Who issues, signs and receives the documents (default: the province's home-affairs department). */
  readonly profile?: ProvinceProfile;
  /** Also write each unit's scorecard as a Word file. */
  readonly wordCards?: boolean;
  /** The period's sign-off in the office's store (the documents print it). */
  readonly signOff?: { readonly at: string; readonly by?: string; readonly checksum: string };
  /** A quarter or year not wholly signed off: which of its months are (`at`), which are not (`at` null) and which have no figures (`absent`). */
  readonly monthSignOffs?: readonly { readonly period: string; readonly at: string | null; readonly by?: string; readonly absent?: true }[];
  /** Rank units that did not report every item (the core leaves them unranked by default). */
  readonly rankIncomplete?: boolean;
  /** Input rows rejected with --skip-invalid, for the cards and the summary to say so. */
  readonly rejectedRows?: readonly { readonly kind?: "figures" | "sipas" | "par"; readonly unit: string; readonly period: string; readonly where: string; readonly reasons: readonly string[] }[];
  /** Files to add to the pack (e.g. the demo's input, or its template being rendered), written atomically with it. */
  readonly extraFiles?: readonly { readonly name: string; readonly data: string | Uint8Array | Promise<Uint8Array> }[];
  /** A render pool the caller started before its own serial work (and closes); by default one is started here. */
  readonly pool?: RenderPool;
  readonly progress?: (total: number) => Progress;
  /** Worker threads for PDF rendering (default: one per core; 1 renders in-process). */
  readonly workers?: number;
}

export interface PackResult {
  readonly files: readonly string[];
  readonly scorecards: number;
  readonly summaries: number;
  /** Word files written (summary, dispatch, and the cards when asked for). */
  readonly wordFiles: number;
  /** Of those, the unit cards (`--word-cards`). */
  readonly wordCards: number;
}

/** The time printed on the pack: now, or with `deterministic` the start of the day after the period (Vietnam time). */
export function generationTime(period: string, deterministic: boolean | undefined, now: Date = new Date()): Date {
  if (!deterministic) return now;
  const parsed = parsePeriod(period);
  return parsed ? new Date(`${dayAfter(parsed)}T00:00:00+07:00`) : new Date(0);
}

/**
 * Every document of the pack with its file name, longest first so that no worker is left with a long
 * job at the end: the workbook, the Word files, the summary, then the unit cards.
 */
export function packJobs(view: ReturnType<typeof buildPackView>, period: string, wordCards: boolean): { job: RenderJob; name: string }[] {
  return [
    { job: { kind: "workbook", view: view.workbook }, name: `chiso-${period}.xlsx` },
    ...view.summaries.flatMap((summary) => [
      { job: { kind: "summary-docx", view: summary } as const, name: `${summary.fileBase}-${period}.docx` },
      { job: { kind: "dispatch-docx", view: summary } as const, name: `${summary.fileBase.replace(/^tong-hop-/, "cong-van-")}-${period}.docx` },
      { job: { kind: "summary", view: summary } as const, name: `${summary.fileBase}-${period}.pdf` },
    ]),
    ...view.scorecards.flatMap((scorecard) => [
      { job: { kind: "unit", view: scorecard } as const, name: `don-vi/${scorecard.fileBase}-${period}.pdf` },
      ...(wordCards ? [{ job: { kind: "unit-docx", view: scorecard } as const, name: `don-vi/${scorecard.fileBase}-${period}.docx` }] : []),
    ]),
  ];
}

/**
 * Scores the period and writes the whole pack — a PDF per department and commune, a summary per
 * province (PDF and Word), the cover dispatch (Word) and one workbook — atomically into `out`: all
 * files appear, or none.
 */
export async function writePack(request: PackRequest): Promise<PackResult> {
  if (request.pool) return scoreAndWrite(request, request.pool);
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
    ...(request.profile && { profile: request.profile }),
    ...(request.signOff && { signOff: request.signOff }),
    ...(request.monthSignOffs && { monthSignOffs: request.monthSignOffs }),
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
  const jobs = packJobs(view, period, request.wordCards === true);
  const progress = request.progress?.(jobs.length);
  try {
    // Every document is queued at once (longest first) and staged as soon as it is rendered; on a
    // failure, everything under way settles before the staging folder is removed.
    const writes = [
      ...jobs.map(async (entry) => {
        const bytes = await pool.run(entry.job);
        await output.write(entry.name, bytes);
        progress?.tick();
      }),
      ...(request.extraFiles ?? []).map(async (file) => output.write(file.name, await file.data)),
    ];
    const failed = (await Promise.allSettled(writes)).find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
    const files = await output.commit();
    return { files, scorecards: view.scorecards.length, summaries: view.summaries.length, wordFiles: jobs.filter((entry) => entry.name.endsWith(".docx")).length, wordCards: jobs.filter((entry) => entry.job.kind === "unit-docx").length };
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
