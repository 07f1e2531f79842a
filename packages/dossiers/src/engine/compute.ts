import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk } from "@duckdb/node-api";
import { monthsOf, parsePeriod, type FigureInput, type UnitInput } from "@chiso/core";
import { buildWorkingCalendar, builtinCalendarYears, dayNumberOfIso, isoOfDayNumber } from "../calendar/working-days.js";
import type { CalendarYear } from "../calendar/schema.js";
import { DOSSIER_COLUMNS, EVENT_COLUMNS, FEEDBACK_COLUMNS, PROCEDURE_COLUMNS, type InputColumn } from "./columns.js";
import { createEmpty, inputError, keyOf, loadFile, type LoadedFile } from "./duckdb-load.js";
import { recordLines } from "./file-check.js";
export { UnreadableFileError } from "./duckdb-load.js";
import { ACCOUNTING_SQL, EVIDENCE_COLUMNS, EVIDENCE_ORDER, FEEDBACK_COUNTS_SQL, MATERIALIZED, REJECTED_FEEDBACK_UNITS_SQL, REJECTED_UNITS_SQL, UNIT_COUNTS_SQL, evidenceSql } from "../sql/rules.js";
import { DEFAULT_EVIDENCE_LIMIT } from "../sql/tables.js";
import { insertStatements, periodRows, setupTables, unitOrder, type PeriodRow, type SetupTable } from "../sql/setup.js";
import { assembleFigures, type CountRow, type EvidenceRow, type FeedbackCountRow, type ProcedureRow, type RejectedRow } from "./assemble.js";
import type { DossierProblem, InputFile } from "../problems.js";
import type { EvidenceEntry } from "../evidence/schema.js";

/** The files to read; each `.parquet`, `.csv` or `.jsonl` (see docs/dossier-format.md). */
export interface DossierFiles {
  readonly dossiers: string;
  readonly events: string;
  readonly procedures: string;
  readonly feedback?: string;
}

export interface ComputeOptions {
  /** `2026-10`, `2026-Q4` or `2026`: figures are computed for each month in it. */
  readonly period: string;
  /** The units (from the units file): dossiers of other units are rejected. */
  readonly units: readonly UnitInput[];
  /** When the data was extracted, local time `YYYY-MM-DDTHH:MM[:SS]`: later events are ignored, open dossiers judged then. */
  readonly asOf?: string;
  /** Failing dossiers listed per unit, month and item (the worst first: most days late, then the oldest, then file order); the count is always complete. */
  readonly evidenceLimit?: number;
  /** Calendar years (default: the ones chiso ships); a year an official confirmed can be passed here. */
  readonly calendarYears?: readonly CalendarYear[];
  /** Problems returned in full up to this many (their counts are always complete). Default 1000. */
  readonly problemLimit?: number;
  /** Called as each step starts (for a progress line). */
  readonly onStep?: (step: ComputeStep, index: number, total: number) => void;
  /**
   * Registers a synchronous clean-up to run if the process is stopped by a signal (Ctrl+C) before the returned
   * function is called — the CLI passes its interrupt handler, so DuckDB's temporary folder goes with the run.
   */
  readonly onInterrupt?: (cleanup: () => void) => () => void;
  /** DuckDB threads (default: DuckDB's choice, one per core). */
  readonly threads?: number;
  /** DuckDB's memory limit (default "3GB"; beyond it DuckDB spills to a temporary folder). */
  readonly memoryLimit?: string;
  /**
   * For tests: the SQL of an id's key from the SQL of its text and a salt (default `keyOf`: DuckDB's hash), to
   * show that ids sharing a key are found and the run is repeated with the next salt.
   * @internal
   */
  readonly keyOf?: (text: string, salt: number) => string;
}

export type ComputeStep = "load" | "check" | "evaluate" | "count" | "evidence";
const STEPS: readonly ComputeStep[] = ["load", "check", "evaluate", "count", "evidence"];

/** What became of the records read. Every dossier is in exactly one of the four counts. */
export interface Accounting {
  readonly dossiers: { readonly read: number; readonly counted: number; readonly rejected: number; readonly outsidePeriod: number; readonly notReceived: number };
  readonly feedback: { readonly read: number; readonly counted: number; readonly rejected: number; readonly outsidePeriod: number } | null;
}

/** A note about the result that is not a problem of one record. */
export type ComputeNote =
  | { readonly code: "item_not_computed"; readonly item: string; readonly columns: readonly string[] }
  /**
   * A year without a calendar (weekends only) or with a provisional one, noted only when counted records use
   * its days: `dossiers` and `feedback` counted whose span from reception to due date or settlement reaches it.
   */
  | { readonly code: "calendar_year_missing"; readonly year: number; readonly dossiers: number; readonly feedback: number }
  | { readonly code: "calendar_year_provisional"; readonly year: number; readonly dossiers: number; readonly feedback: number }
  | { readonly code: "unit_without_dossiers"; readonly units: readonly string[]; readonly period: string }
  /** Units whose every dossier of the month was rejected: no data for them (not 0/0); the problems say why. */
  | { readonly code: "unit_dossiers_rejected"; readonly units: readonly string[]; readonly period: string }
  /** Records received after `asOf`, which the extract cannot hold if it was taken then (they are counted as read). */
  | { readonly code: "received_after_as_of"; readonly asOf: string; readonly dossiers: number; readonly feedback: number };

/**
 * A unit's records of a month that were rejected (with the ones counted): its figures cover only part of
 * its records. `undated`: rejected records of the unit whose reception cannot be placed in a month.
 */
export interface UnitRejections {
  readonly unit: string;
  readonly period: string;
  readonly dossiers: { readonly rejected: number; readonly counted: number; readonly undated: number };
  /** `null` when no feedback file was given. */
  readonly feedback: { readonly rejected: number; readonly counted: number; readonly undated: number } | null;
}

export interface DossierComputation {
  /** `chiso.figures/1` rows, one per unit (that can receive dossiers) and month. */
  readonly figures: readonly FigureInput[];
  readonly evidence: readonly EvidenceEntry[];
  /** Problems, the first `problemLimit` in file order; `problemCounts` has them all. */
  readonly problems: readonly DossierProblem[];
  readonly problemCounts: Readonly<Record<string, number>>;
  readonly accounting: Accounting;
  readonly notes: readonly ComputeNote[];
  readonly months: readonly string[];
  /** The units and months with rejected records, in unit order then month (none when nothing was rejected). */
  readonly rejections: readonly UnitRejections[];
  /**
   * Only when no dossier and no feedback item was counted or registered in the period: the first and last
   * reception day (`YYYY-MM-DD`) of the records read, for a warning that names the period they cover.
   */
  readonly receptionSpan?: ReceptionSpan;
}

/** The first and last reception day of each file's records (`null`: none readable, or no feedback file). */
export interface ReceptionSpan {
  readonly dossiers: { readonly first: string; readonly last: string } | null;
  readonly feedback: { readonly first: string; readonly last: string } | null;
}

/** A required column is missing: nothing can be computed from the file. */
export class MissingColumnsError extends Error {
  override readonly name = "MissingColumnsError";
  constructor(readonly problems: readonly DossierProblem[]) {
    super(problems.map((problem) => `${problem.fileName}: ${problem.column}`).join("; "));
  }
}

const duckType = (type: "BIGINT" | "VARCHAR") => type;

async function createSetupTable(connection: DuckDBConnection, table: SetupTable): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${table.name} (${table.columns.map((column) => `${column.name} ${duckType(column.type)}`).join(", ")})`);
  for (const statement of insertStatements(table)) await connection.run(statement);
}

const asNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * A small result as row objects, 64-bit integers as numbers (counts are far below 2^53), read from the
 * vectors chunk by chunk: the library's row objects convert every value through a generic converter and
 * made reading the counts of a national year (40,000 rows of 21 counts) cost more than computing them.
 */
async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const result = await connection.run(sql);
  const names = result.columnNames();
  const out: Record<string, unknown>[] = [];
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const first = out.length;
    for (let index = 0; index < chunk.rowCount; index += 1) out.push({});
    names.forEach((name, column) => {
      const vector = chunk.getColumnVector(column);
      for (let index = 0; index < chunk.rowCount; index += 1) {
        const value = vector.getItem(index);
        out[first + index]![name] = typeof value === "bigint" ? Number(value) : value;
      }
    });
  }
  return out;
}

/** Local minutes since 1970 of `YYYY-MM-DDTHH:MM[:SS]` (or a date: its start). */
export function minuteOfLocal(text: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  return dayNumberOfIso(match[1]!) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/**
 * Computes the 766 counts of a period from dossier records with an embedded DuckDB: figures per unit
 * and month, the dossiers behind the points lost, and every problem found. Every dossier record is
 * counted, rejected with its reasons, or accounted as outside the period / not yet received.
 */
export async function computeDossierFigures(files: DossierFiles, options: ComputeOptions): Promise<DossierComputation> {
  // Ids are joined through a 64-bit key; when two different ids share one (found, never assumed away), the
  // run starts again with another key function. Each try has about one chance in 370,000 (ten million ids) to need the next.
  // A new try does not take the progress line back to its first step.
  let reached = -1;
  const onStep: ComputeOptions["onStep"] = options.onStep && ((step, index, total) => index > reached && (reached = index, options.onStep!(step, index, total)));
  for (let salt = 0; ; salt += 1) {
    try {
      return await computeWithKey(files, { ...options, ...(onStep && { onStep }) }, (text) => (options.keyOf ?? keyOf)(text, salt));
    } catch (error) {
      if (!(error instanceof KeyCollision)) throw error;
      if (salt + 1 >= MAX_KEY_TRIES) throw new Error(`different dossier ids share a key with each of ${MAX_KEY_TRIES} key functions tried (see KEY_COLLISIONS_SQL)`);
    }
  }
}

/** Two different ids found sharing a key (see `KEY_COLLISIONS_SQL`). */
class KeyCollision extends Error {}
const MAX_KEY_TRIES = 8;

async function computeWithKey(files: DossierFiles, options: ComputeOptions, key: (text: string) => string): Promise<DossierComputation> {
  const period = parsePeriod(options.period);
  if (!period) throw new RangeError(`not a period: ${options.period}`);
  const months = monthsOf(period).map((month) => month.key);
  const asOfMinute = options.asOf === undefined ? undefined : minuteOfLocal(options.asOf);
  if (asOfMinute === null) throw new RangeError(`not a local time: ${options.asOf}`);
  const step = (name: ComputeStep) => options.onStep?.(name, STEPS.indexOf(name), STEPS.length);

  const temp = await mkdtemp(join(tmpdir(), "chiso-duckdb-"));
  // A run stopped by a signal never reaches \`finally\`: the caller's interrupt handler removes the spill folder.
  const releaseTemp = options.onInterrupt?.(() => rmSync(temp, { recursive: true, force: true }));
  // Spill to our own temporary folder (never the working directory) when the memory limit is reached.
  const instance = await DuckDBInstance.create(":memory:", {
    temp_directory: temp,
    memory_limit: options.memoryLimit ?? "3GB",
    ...(options.threads && { threads: String(options.threads) }),
  });
  const connection = await instance.connect();
  const loaded = new Map<InputFile, LoadedFile>();
  try {
    step("load");
    const load = async (file: InputFile, table: string, path: string, columns: readonly InputColumn[]) => loaded.set(file, await loadFile(connection, table, path, columns, [], { file, tempDir: temp, key }));
    await load("dossiers", "chiso_dossiers_in", files.dossiers, DOSSIER_COLUMNS);
    await load("events", "chiso_events_in", files.events, EVENT_COLUMNS);
    await load("procedures", "chiso_procedures_in", files.procedures, PROCEDURE_COLUMNS);
    if (files.feedback) await load("feedback", "chiso_feedback_in", files.feedback, FEEDBACK_COLUMNS);
    else await createEmpty(connection, "chiso_feedback_in", FEEDBACK_COLUMNS);
    const missing = [...loaded].flatMap(([file, info]) => info.missing.map((column): DossierProblem => ({ code: "missing_column", severity: "error", file, fileName: info.path, column })));
    if (missing.length > 0) throw new MissingColumnsError(missing);
    // Row numbers are fixed now; later queries need not keep rows in order (less memory, more parallel).
    await connection.run("SET preserve_insertion_order = false");

    // The calendar covers the data's years (and two after, for due dates), within 1990–2150.
    const span = await daySpan(connection, loaded);
    const yearOf = (day: number | null, fallback: number) => (day === null ? fallback : Number(new Date(day * 86_400_000).toISOString().slice(0, 4)));
    const periodYears = months.map((month) => Number(month.slice(0, 4)));
    const fromYear = Math.min(yearOf(asNumber(span?.lo), periodYears[0]!), periodYears[0]!) - 1;
    // …and far enough after it for the longest legal duration to end inside it: a due day past the calendar's end
    // is unknown, and a dossier settled long before it would not read as early.
    const toYear = Math.min(2150, Math.max(yearOf(asNumber(span?.hi), periodYears.at(-1)!), periodYears.at(-1)!) + Math.max(2, await durationYears(connection)));
    const calendar = buildWorkingCalendar(Math.max(1990, fromYear), toYear, options.calendarYears ?? builtinCalendarYears);
    const periods = periodRows(months, asOfMinute);
    // Units with units under them: their figures are their children's sum, so records filed under them are refused.
    const parents = options.units.flatMap((unit) => (unit.parent ? [unit.parent] : []));
    for (const table of setupTables(calendar, periods, options.units.map((unit) => unit.id), parents)) await createSetupTable(connection, table);

    step("check");
    // Text files are numbered by their scan order above; from here every order that matters is an ORDER BY,
    // so DuckDB may write the intermediate tables in parallel without keeping the rows' order.
    await connection.run("SET preserve_insertion_order = false");
    // The rules write every join with the large side first and the table to look up second, and DuckDB
    // builds its hash tables on the second: its own choice, from estimates, built some on ten million
    // wide dossier rows (the per-dossier result, the evidence's ids), slower and spilling past the memory limit.
    await connection.run("SET disabled_optimizers = 'build_side_probe_side'");
    // The large intermediate tables (repeated ids, the event summary, the waits) are dropped as soon as no
    // later step reads them: their memory goes to the next steps, so ten million dossiers stay in memory.
    const evaluateFrom = MATERIALIZED.findIndex((table) => table.name === "chiso_dossier_result");
    const dropped = ["chiso_duplicate_ids", "chiso_event_summary", "chiso_waiting"];
    for (const [index, { name, sql, check }] of MATERIALIZED.entries()) {
      if (index === evaluateFrom) step("evaluate");
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`);
      if (check && (await rows(connection, check)).some((row) => Number(row.n) > 0)) throw new KeyCollision();
      const later = MATERIALIZED.slice(index + 1);
      for (const table of dropped.filter((table) => MATERIALIZED.slice(0, index + 1).some((done) => done.name === table) && !later.some((next) => new RegExp(`\\b${table}\\b`).test(next.sql)))) {
        await connection.run(`DROP TABLE IF EXISTS ${table}`);
        dropped.splice(dropped.indexOf(table), 1);
      }
    }

    step("count");
    const counts = (await rows(connection, UNIT_COUNTS_SQL)) as unknown as CountRow[];
    const feedbackCounts = files.feedback ? (await rows(connection, FEEDBACK_COUNTS_SQL)) as unknown as FeedbackCountRow[] : null;
    const accounting = accountingOf(await rows(connection, ACCOUNTING_SQL), files.feedback !== undefined);
    // Read only for a period in which nothing counts (a rare, cheap case): the span the records do cover.
    const receptionSpan = accounting.dossiers.counted + accounting.dossiers.notReceived + (accounting.feedback?.counted ?? 0) === 0 ? await receptionSpanOf(connection, files.feedback !== undefined) : undefined;
    const rejected = (await rows(connection, REJECTED_UNITS_SQL)) as unknown as RejectedRow[];
    const rejectedFeedback = files.feedback ? ((await rows(connection, REJECTED_FEEDBACK_UNITS_SQL)) as unknown as RejectedRow[]) : null;
    const problemLimit = options.problemLimit ?? 1000;
    const problemCounts: Record<string, number> = {};
    for (const row of await rows(connection, "SELECT code, CAST(COUNT(*) AS BIGINT) AS n FROM chiso_problems GROUP BY code")) problemCounts[String(row.code)] = Number(row.n);
    const problemRows = await rows(connection, `SELECT * FROM chiso_problems ORDER BY CASE source WHEN 'dossiers' THEN 1 WHEN 'events' THEN 2 WHEN 'procedures' THEN 3 ELSE 4 END, row_no, column_name LIMIT ${problemLimit}`);
    const listed = problemRows.map((row): DossierProblem => {
      const file = String(row.source) as InputFile;
      return {
        code: String(row.code) as DossierProblem["code"],
        severity: row.severity === "warning" ? "warning" : "error",
        file,
        fileName: loaded.get(file)?.path ?? file,
        ...(row.row_no !== null && { row: Number(row.row_no) }),
        ...(row.column_name !== null && { column: String(row.column_name) }),
        ...(row.record_id !== null && { record: String(row.record_id) }),
        ...(row.value !== null && { value: String(row.value) }),
      };
    });
    const problems = await atTheirLines(listed, loaded);

    step("evidence");
    const evidenceRows = await readEvidence(connection, options.evidenceLimit ?? DEFAULT_EVIDENCE_LIMIT);
    const procedures = (await rows(connection, "SELECT row_no, procedure_id, procedure_name FROM chiso_procedures_in")) as unknown as ProcedureRow[];

    const present = loaded.get("dossiers")!.present;
    const assembled = assembleFigures({ units: options.units, periods, counts, feedbackCounts, evidenceRows, procedures, presentColumns: present, rejected });
    const notes: ComputeNote[] = [...assembled.notes, ...(await calendarNotes(connection, calendar.missingYears, calendar.provisionalYears))];
    if (asOfMinute !== undefined) {
      // Only noted: whether such records count is the rules' choice; a run given an extraction time says they exist.
      const later = async (table: string) => Number((await rows(connection, `SELECT CAST(COUNT(*) AS BIGINT) AS n FROM ${table} WHERE received_min > ${asOfMinute}`))[0]?.n ?? 0);
      const counts = { dossiers: await later("chiso_dossiers_in"), feedback: await later("chiso_feedback_in") };
      if (counts.dossiers + counts.feedback > 0) notes.push({ code: "received_after_as_of", asOf: options.asOf!, ...counts });
    }
    const rejections = rejectionsOf(options.units.map((unit) => unit.id), periods, rejected, counts, rejectedFeedback, feedbackCounts);
    return { figures: assembled.figures, evidence: assembled.evidence, problems, problemCounts, accounting, notes, months, rejections, ...(receptionSpan && { receptionSpan }) };
  } catch (error) {
    // Parquet files are read as the steps need them: a damaged one is named, not shown as DuckDB's error.
    throw await inputError(connection, error, [...loaded].map(([file, info]) => ({ file, path: info.path })));
  } finally {
    connection.closeSync();
    instance.closeSync();
    releaseTemp?.();
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Whole years the longest legal duration of the procedures file can run past a reception, plus one: at least
 * 240 working days a year, 365 days, 12 months (a duration too long for the calendar's last year, 2150, is cut there).
 */
async function durationYears(connection: DuckDBConnection): Promise<number> {
  const [longest] = await rows(
    connection,
    `SELECT MAX(CASE WHEN duration_unit = 'working_days' THEN legal_duration END) AS working_days, MAX(CASE WHEN duration_unit = 'days' THEN legal_duration END) AS days,
       MAX(CASE WHEN duration_unit = 'months' THEN legal_duration END) AS months, MAX(CASE WHEN duration_unit = 'hours' THEN legal_duration END) AS hours
     FROM chiso_procedures_in WHERE parse_error IS NULL AND legal_duration >= 0`,
  );
  const of = (value: unknown) => Number(value ?? 0);
  return Math.min(200, Math.ceil(Math.max(of(longest?.working_days) / 240, of(longest?.days) / 365, of(longest?.months) / 12, of(longest?.hours) / 24 / 365)) + 1);
}

/** Problems of text files moved from their record's number to the line it starts on (see `recordLines`). */
async function atTheirLines(problems: readonly DossierProblem[], loaded: ReadonlyMap<InputFile, LoadedFile>): Promise<DossierProblem[]> {
  const out = [...problems];
  for (const [file, info] of loaded) {
    if (info.format === "parquet") continue;
    const rows = new Set(problems.flatMap((problem) => (problem.file === file && problem.row !== undefined ? [problem.row] : [])));
    if (rows.size === 0) continue;
    const lines = await recordLines(info.path, info.format, rows);
    out.forEach((problem, index) => {
      const line = problem.file === file && problem.row !== undefined ? lines.get(problem.row) : undefined;
      if (line !== undefined && line !== problem.row) out[index] = { ...problem, row: line };
    });
  }
  return out;
}

/**
 * The calendar years that decide a counted result, with how many records they decide. A counted record reads
 * the calendar's days from its reception to the later of its due date and its settlement (an open record
 * is judged at its month's end, within those days or in its reception's year); a year no record reaches
 * changes nothing, and is not noted.
 */
async function calendarNotes(connection: DuckDBConnection, missing: readonly number[], provisional: readonly number[]): Promise<ComputeNote[]> {
  const years = [...missing.map((year) => ({ year, code: "calendar_year_missing" as const })), ...provisional.map((year) => ({ year, code: "calendar_year_provisional" as const }))];
  if (years.length === 0) return [];
  const reach = (table: string, received: string, due: string, settled: string) => {
    const lo = `CAST(FLOOR(${received} / 1440.0) AS BIGINT)`;
    const hi = `CAST(FLOOR(GREATEST(${received}, COALESCE(${due}, ${received}), COALESCE(${settled}, ${received})) / 1440.0) AS BIGINT)`;
    const sums = years.map(({ year }, index) => `CAST(SUM(CASE WHEN ${lo} <= ${dayNumberOfIso(`${year}-12-31`)} AND ${hi} >= ${dayNumberOfIso(`${year}-01-01`)} THEN 1 ELSE 0 END) AS BIGINT) AS y${index}`);
    return `SELECT ${sums.join(", ")} FROM ${table}`;
  };
  const [dossiers] = await rows(connection, reach("chiso_dossier_result", "received_min", "due_out_min", "settled_min"));
  const [feedback] = await rows(connection, reach("chiso_feedback_result", "received_min", "due_out_min", "handled_min"));
  return years.flatMap(({ year, code }, index): ComputeNote[] => {
    const counts = { dossiers: Number(dossiers?.[`y${index}`] ?? 0), feedback: Number(feedback?.[`y${index}`] ?? 0) };
    return counts.dossiers + counts.feedback > 0 ? [{ code, year, ...counts }] : [];
  });
}

/** The rejected records per unit and month of the period, with the counted ones beside them. */
function rejectionsOf(
  unitIds: readonly string[],
  periods: readonly PeriodRow[],
  rejected: readonly RejectedRow[],
  counts: readonly CountRow[],
  rejectedFeedback: readonly RejectedRow[] | null,
  feedbackCounts: readonly FeedbackCountRow[] | null,
): UnitRejections[] {
  const ordered = unitOrder(unitIds);
  const tally = (list: readonly RejectedRow[]) => {
    const byKey = new Map<string, number>();
    for (const row of list) {
      const key = `${ordered[row.unit_no]}|${row.month_ord ?? "?"}`;
      byKey.set(key, (byKey.get(key) ?? 0) + row.n);
    }
    return byKey;
  };
  const dossierRejected = tally(rejected);
  const feedbackRejected = rejectedFeedback && tally(rejectedFeedback);
  const counted = new Map(counts.map((row) => [`${row.unit_id}|${row.month_ord}`, row.n_received]));
  const feedbackCounted = new Map((feedbackCounts ?? []).map((row) => [`${row.unit_id}|${row.month_ord}`, row.n_received]));
  const out: UnitRejections[] = [];
  for (const unit of ordered) {
    for (const period of periods) {
      const key = `${unit}|${period.monthOrdinal}`;
      const dossiers = { rejected: dossierRejected.get(key) ?? 0, counted: counted.get(key) ?? 0, undated: dossierRejected.get(`${unit}|?`) ?? 0 };
      const feedback = feedbackRejected ? { rejected: feedbackRejected.get(key) ?? 0, counted: feedbackCounted.get(key) ?? 0, undated: feedbackRejected.get(`${unit}|?`) ?? 0 } : null;
      if (dossiers.rejected + dossiers.undated + (feedback ? feedback.rejected + feedback.undated : 0) > 0) out.push({ unit, period: period.key, dossiers, feedback });
    }
  }
  return out;
}

const SPAN_FIRST_DAY = dayNumberOfIso("1990-01-01");
const SPAN_LAST_DAY = dayNumberOfIso("2150-12-31");
/** The timestamp columns whose days the calendar must cover: file, loaded table, target. */
const SPAN_COLUMNS: readonly (readonly [InputFile, string, string])[] = [
  ["dossiers", "chiso_dossiers_in", "received"],
  ["events", "chiso_events_in", "changed"],
  ["dossiers", "chiso_dossiers_in", "due"],
  ["feedback", "chiso_feedback_in", "received"],
  ["feedback", "chiso_feedback_in", "due"],
  ["feedback", "chiso_feedback_in", "handled"],
];

/**
 * The earliest and latest day within 1990–2150 of every timestamp of the input. A Parquet timestamp
 * column's bounds come from the file's statistics; when they fall within those years they are the
 * answer, else (an outlier, or text timestamps) the column's days are scanned, the outliers left out.
 * Scanning every timestamp of a national year (47 million) cost more than a second of CPU.
 */
async function daySpan(connection: DuckDBConnection, loaded: ReadonlyMap<InputFile, LoadedFile>): Promise<{ lo: number | null; hi: number | null }> {
  let lo: number | null = null;
  let hi: number | null = null;
  for (const [file, table, target] of SPAN_COLUMNS) {
    const info = loaded.get(file);
    const column = (file === "events" ? EVENT_COLUMNS : file === "feedback" ? FEEDBACK_COLUMNS : DOSSIER_COLUMNS).find((spec) => spec.target === target)!;
    if (!info?.present.has(column.name)) continue;
    const bounds = info.dayBounds.get(target);
    let [found] = bounds ? await rows(connection, bounds) : [];
    if (!found || (found.lo !== null && (Number(found.lo) < SPAN_FIRST_DAY || Number(found.hi) > SPAN_LAST_DAY))) {
      [found] = await rows(connection, `SELECT MIN(${target}_day) AS lo, MAX(${target}_day) AS hi FROM ${table} WHERE ${target}_day BETWEEN ${SPAN_FIRST_DAY} AND ${SPAN_LAST_DAY}`);
    }
    if (found?.lo === null || found?.lo === undefined) continue;
    lo = lo === null ? Number(found.lo) : Math.min(lo, Number(found.lo));
    hi = hi === null ? Number(found.hi) : Math.max(hi, Number(found.hi));
  }
  return { lo, hi };
}

/** The first and last reception day (within the calendar's years) of the dossiers and feedback read. */
async function receptionSpanOf(connection: DuckDBConnection, withFeedback: boolean): Promise<ReceptionSpan> {
  const span = async (table: string) => {
    const [found] = await rows(connection, `SELECT MIN(received_day) AS lo, MAX(received_day) AS hi FROM ${table} WHERE received_day BETWEEN ${SPAN_FIRST_DAY} AND ${SPAN_LAST_DAY}`);
    return found?.lo === null || found?.lo === undefined ? null : { first: isoOfDayNumber(Number(found.lo)), last: isoOfDayNumber(Number(found.hi)) };
  };
  return { dossiers: await span("chiso_dossiers_in"), feedback: withFeedback ? await span("chiso_feedback_in") : null };
}

/**
 * The evidence rows with 32-bit integers (every number of the evidence fits: minutes until 6053, ranks,
 * counts, codes), read chunk by chunk from the vectors and handed over as one reused row object: a
 * national year lists about a million dossiers, and the library's converters (a call per value) and a
 * row object per line cost more than the query.
 */
async function readEvidence(connection: DuckDBConnection, limit: number): Promise<Iterable<EvidenceRow>> {
  const select = EVIDENCE_COLUMNS.map((column) => (column === "record_id" ? column : `CAST(${column} AS INTEGER) AS ${column}`)).join(", ");
  const result = await connection.run(`SELECT ${select} FROM (${evidenceSql(limit)}) e ${EVIDENCE_ORDER}`);
  const chunks: DuckDBDataChunk[] = [];
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) chunks.push(chunk);
  return evidenceRowsOf(chunks);
}

function* evidenceRowsOf(chunks: readonly DuckDBDataChunk[]): Generator<EvidenceRow> {
  const row = { unit_no: 0, month_ord: 0, item_no: 0, failed: 0, rn: 0, record_id: "", procedure_row: null as number | null, received_min: 0, due_out_min: null as number | null, finished_min: null as number | null, days_late: null as number | null, reason_no: 0 };
  for (const chunk of chunks) {
    const [unitNo, monthOrd, itemNo, failed, rn, recordId, procedureRow, received, due, finished, daysLate, reasonNo] = EVIDENCE_COLUMNS.map((_, index) => chunk.getColumnVector(index));
    for (let index = 0, count = chunk.rowCount; index < count; index += 1) {
      row.unit_no = unitNo!.getItem(index) as number;
      row.month_ord = monthOrd!.getItem(index) as number;
      row.item_no = itemNo!.getItem(index) as number;
      row.failed = failed!.getItem(index) as number;
      row.rn = rn!.getItem(index) as number;
      row.record_id = recordId!.getItem(index) as string;
      row.procedure_row = procedureRow!.getItem(index) as number | null;
      row.received_min = received!.getItem(index) as number;
      row.due_out_min = due!.getItem(index) as number | null;
      row.finished_min = finished!.getItem(index) as number | null;
      row.days_late = daysLate!.getItem(index) as number | null;
      row.reason_no = reasonNo!.getItem(index) as number;
      yield row;
    }
  }
}

function accountingOf(rows: readonly Record<string, unknown>[], withFeedback: boolean): Accounting {
  const get = (source: string, status: string) => Number(rows.find((row) => row.source === source && row.status_name === status)?.n ?? 0);
  const dossiers = { counted: get("dossiers", "counted"), rejected: get("dossiers", "rejected"), outsidePeriod: get("dossiers", "outside_period"), notReceived: get("dossiers", "not_received") };
  const feedbackRead = get("feedback", "read");
  const feedbackCounted = get("feedback_counted", "counted");
  const feedbackRejected = get("feedback_rejected", "rejected");
  return {
    dossiers: { read: dossiers.counted + dossiers.rejected + dossiers.outsidePeriod + dossiers.notReceived, ...dossiers },
    feedback: withFeedback ? { read: feedbackRead, counted: feedbackCounted, rejected: feedbackRejected, outsidePeriod: feedbackRead - feedbackCounted - feedbackRejected } : null,
  };
}
