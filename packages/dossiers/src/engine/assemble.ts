import type { FigureInput, UnitInput } from "@chiso/core";
import type { EvidenceDossier, EvidenceEntry } from "../evidence/schema.js";
import { evidenceReasons } from "../evidence/reason-codes.js";
import { EVIDENCE_ITEMS } from "../sql/rules.js";
import { unitOrder, type PeriodRow } from "../sql/setup.js";
import { FEEDBACK_ITEMS, ITEM_COLUMNS } from "./columns.js";
import type { ComputeNote } from "./compute.js";

/** A row of `UNIT_COUNTS_SQL`. */
export interface CountRow {
  readonly unit_id: string;
  readonly month_ord: number;
  readonly n_received: number;
  readonly n_on_time: number;
  readonly n_settled: number;
  readonly n_early: number;
  readonly n_settled_on_time: number;
  readonly n_settled_overdue: number;
  readonly n_channel_online: number;
  readonly n_channel_direct: number;
  readonly n_channel_post: number;
  readonly n_online: number;
  readonly n_fee_due: number;
  readonly n_paid: number;
  readonly n_result_electronic: number;
  readonly n_digitized_ok: number;
  readonly n_reused_data: number;
  readonly n_data_store_synced: number;
  readonly n_population_data: number;
  readonly n_complained: number;
  readonly n_settled_minutes: number;
}

/** A row of `FEEDBACK_COUNTS_SQL`. */
export interface FeedbackCountRow {
  readonly unit_id: string;
  readonly month_ord: number;
  readonly n_received: number;
  readonly n_on_time: number;
  readonly n_satisfactory: number;
}

/** A row of `evidenceSql()`: units, items and reasons by number, the procedure by its row in the procedures file. */
export interface EvidenceRow {
  readonly unit_no: number;
  readonly month_ord: number;
  readonly item_no: number;
  readonly failed: number;
  readonly rn: number;
  readonly record_id: string;
  readonly procedure_row: number | null;
  readonly received_min: number;
  readonly due_out_min: number | null;
  readonly finished_min: number | null;
  readonly days_late: number | null;
  readonly reason_no: number;
}

/** A procedure of the procedures file, by its row (`SELECT row_no, procedure_id, procedure_name FROM chiso_procedures_in`). */
/** Rejected dossiers of a unit (by its number) in a month (`month_ord` null: received at a time that cannot be placed). */
export interface RejectedRow {
  readonly unit_no: number;
  readonly month_ord: number | null;
  readonly n: number;
}

export interface ProcedureRow {
  readonly row_no: number;
  readonly procedure_id: string | null;
  readonly procedure_name: string | null;
}

const DAY_TEXT = new Map<number, string>();
const TIME_OF_DAY = Array.from({ length: 1440 }, (_, minute) => `T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00`);

/** Local wall-clock minutes since 1970 as `2026-10-03T09:15:00` (days formatted once: a million lines are written). */
export function localIsoOfMinute(minute: number): string {
  const day = Math.floor(minute / 1440);
  let text = DAY_TEXT.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    DAY_TEXT.set(day, text);
  }
  return text + TIME_OF_DAY[minute - day * 1440]!;
}

type Pair = { numerator: number; denominator: number };
const pair = (numerator: number, denominator: number): Pair => ({ numerator, denominator });

/** The dossier items of one unit and month from its counts (only the items whose columns the file has). */
function itemsOf(row: CountRow, computed: ReadonlySet<string>): Record<string, Pair> {
  const all: Record<string, Pair> = {
    ON_TIME: pair(row.n_on_time, row.n_received),
    ONLINE_DOSSIER_SHARE: pair(row.n_online, row.n_received),
    ONLINE_PAYMENT_DOSSIER: pair(row.n_paid, row.n_fee_due),
    ORIGINAL_RESULT_AVAILABLE: pair(row.n_result_electronic, row.n_received),
    SO_HOA_GIAY_TO_GIAI_QUYET: pair(row.n_digitized_ok, row.n_received),
    REUSED_DIGITIZED_DATA: pair(row.n_reused_data, row.n_received),
    SYNCED_WITH_DVCQG_PERSONAL_STORAGE: pair(row.n_data_store_synced, row.n_received),
    CITIZEN_DATA_CONNECTED_DOSSIER: pair(row.n_population_data, row.n_received),
    // (on-time − with a complaint or dislike) / received: the count form of 100% − (overdue rate + complaint rate).
    DOSSIER_RECEIVING_SATISFACTION: pair(Math.max(0, row.n_on_time - row.n_complained), row.n_received),
  };
  return Object.fromEntries(Object.entries(all).filter(([code]) => computed.has(code)));
}

const EMPTY_COUNTS = (unit: string, month: number): CountRow => ({
  unit_id: unit,
  month_ord: month,
  n_received: 0,
  n_on_time: 0,
  n_settled: 0,
  n_early: 0,
  n_settled_on_time: 0,
  n_settled_overdue: 0,
  n_channel_online: 0,
  n_channel_direct: 0,
  n_channel_post: 0,
  n_online: 0,
  n_fee_due: 0,
  n_paid: 0,
  n_result_electronic: 0,
  n_digitized_ok: 0,
  n_reused_data: 0,
  n_data_store_synced: 0,
  n_population_data: 0,
  n_complained: 0,
  n_settled_minutes: 0,
});

export interface AssembleInput {
  readonly units: readonly UnitInput[];
  readonly periods: readonly PeriodRow[];
  readonly counts: readonly CountRow[];
  /** `null` when no feedback file was given (5.2 and 5.3 are then not computed). */
  readonly feedbackCounts: readonly FeedbackCountRow[] | null;
  /** In `EVIDENCE_ORDER`; each row is read once, when it is seen (a reader may reuse one object). */
  readonly evidenceRows: Iterable<EvidenceRow>;
  /** The procedures file's rows, for the evidence's procedure ids and names. */
  readonly procedures: readonly ProcedureRow[];
  /** Columns of the dossiers file present in it. */
  readonly presentColumns: ReadonlySet<string>;
  /** The units and months with rejected dossiers: without any counted, they have no data (not 0/0). */
  readonly rejected?: readonly RejectedRow[];
}

/**
 * Turns the engine's counts into `chiso.figures/1` rows and evidence entries. Every unit that can
 * receive dossiers (a unit without children, or one with dossiers of its own) gets a row for every
 * month: a unit with no dossier in a month gets 0/0 counts — the records say it received none — and a
 * note lists those units so a missing extract is not mistaken for a quiet month. A unit whose dossiers
 * of a month were all rejected (or rejected with a reception that cannot be placed in a month) has no
 * data for it: no dossier items and no channels — only its feedback items, if any — and a note says so.
 */
export function assembleFigures(input: AssembleInput): { figures: FigureInput[]; evidence: EvidenceEntry[]; notes: ComputeNote[] } {
  const computed = new Set(Object.entries(ITEM_COLUMNS).filter(([, columns]) => columns.every((column) => input.presentColumns.has(column))).map(([code]) => code));
  const notes: ComputeNote[] = Object.entries(ITEM_COLUMNS)
    .filter(([code]) => !computed.has(code))
    .map(([item, columns]): ComputeNote => ({ code: "item_not_computed", item, columns: columns.filter((column) => !input.presentColumns.has(column)) }));
  if (input.feedbackCounts === null) for (const item of FEEDBACK_ITEMS) notes.push({ code: "item_not_computed", item, columns: ["--feedback"] });

  const parents = new Set(input.units.flatMap((unit) => (unit.parent ? [unit.parent] : [])));
  const countsByKey = new Map(input.counts.map((row) => [`${row.unit_id}|${row.month_ord}`, row]));
  const feedbackByKey = new Map((input.feedbackCounts ?? []).map((row) => [`${row.unit_id}|${row.month_ord}`, row]));
  const unitIds = unitOrder(input.units.map((unit) => unit.id));
  const rejected = new Set((input.rejected ?? []).filter((row) => row.n > 0).map((row) => `${unitIds[row.unit_no]}|${row.month_ord ?? "?"}`));
  const figures: FigureInput[] = [];
  for (const period of input.periods) {
    const quiet: string[] = [];
    const noData: string[] = [];
    for (const unit of input.units) {
      const key = `${unit.id}|${period.monthOrdinal}`;
      const own = countsByKey.get(key);
      if (!own && parents.has(unit.id)) continue;
      if (!own && (rejected.has(key) || rejected.has(`${unit.id}|?`))) {
        noData.push(unit.id);
        if (input.feedbackCounts === null) continue;
        const feedback = feedbackByKey.get(key);
        figures.push({
          unit: unit.id,
          period: period.key,
          items: { PETITION_PROCESSING_ON_TIME: pair(feedback?.n_on_time ?? 0, feedback?.n_received ?? 0), PETITION_HANDLING_SATISFACTION: pair(feedback?.n_satisfactory ?? 0, feedback?.n_received ?? 0) },
        });
        continue;
      }
      if (!own) quiet.push(unit.id);
      const row = own ?? EMPTY_COUNTS(unit.id, period.monthOrdinal);
      const items = itemsOf(row, computed);
      if (input.feedbackCounts !== null) {
        const feedback = feedbackByKey.get(key);
        items.PETITION_PROCESSING_ON_TIME = pair(feedback?.n_on_time ?? 0, feedback?.n_received ?? 0);
        items.PETITION_HANDLING_SATISFACTION = pair(feedback?.n_satisfactory ?? 0, feedback?.n_received ?? 0);
      }
      const figure: FigureInput = {
        unit: unit.id,
        period: period.key,
        items,
        channels: { received: row.n_received, online: row.n_channel_online, direct: row.n_channel_direct, post: row.n_channel_post },
        settlement: { settled: row.n_settled, early: row.n_early, onTime: row.n_settled_on_time, overdue: row.n_settled_overdue },
      };
      // Average working time of the settled dossiers, in days (display only; waiting for the citizen removed).
      if (row.n_settled > 0) figure.tracked = { AVERAGE_PROCESSING_TIME: Math.round((row.n_settled_minutes / row.n_settled / 1440) * 10) / 10 };
      figures.push(figure);
    }
    if (quiet.length > 0) notes.push({ code: "unit_without_dossiers", units: quiet, period: period.key });
    if (noData.length > 0) notes.push({ code: "unit_dossiers_rejected", units: noData, period: period.key });
  }

  const periodKey = new Map(input.periods.map((period) => [period.monthOrdinal, period.key]));
  const procedures = new Map(input.procedures.map((procedure) => [procedure.row_no, procedure]));
  const evidence: EvidenceEntry[] = [];
  let current: EvidenceEntry | null = null;
  for (const row of input.evidenceRows) {
    const item = EVIDENCE_ITEMS[row.item_no]!;
    if (item !== "PETITION_PROCESSING_ON_TIME" && item !== "PETITION_HANDLING_SATISFACTION" && !computed.has(item)) continue;
    const unit = unitIds[row.unit_no]!;
    const period = periodKey.get(row.month_ord)!;
    if (!current || current.unit !== unit || current.period !== period || current.item !== item) {
      current = { unit, period, item, count: row.failed, dossiers: [] };
      evidence.push(current);
    }
    const procedure = row.procedure_row === null ? undefined : procedures.get(row.procedure_row);
    const dossier: EvidenceDossier = {
      id: row.record_id,
      procedure: procedure?.procedure_id ?? null,
      procedureName: procedure?.procedure_name ?? null,
      receivedAt: localIsoOfMinute(row.received_min),
      dueAt: row.due_out_min === null ? null : localIsoOfMinute(row.due_out_min),
      finishedAt: row.finished_min === null ? null : localIsoOfMinute(row.finished_min),
      daysLate: row.days_late,
      reason: evidenceReasons[row.reason_no]!,
    };
    current.dossiers.push(dossier);
  }
  return { figures, evidence, notes };
}
