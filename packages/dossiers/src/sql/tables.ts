/**
 * The contract between an engine's loader and the portable rules. A loader (DuckDB's in
 * `engine/duckdb-load.ts`, ClickHouse's in the cross-check script) creates these tables with exactly
 * these columns; everything after loading is the SQL in `rules.ts` (`MATERIALIZED`, each step's `check`
 * included), which both engines run unchanged.
 *
 * Types are kept to the portable core: 64-bit integers (BIGINT; the id keys unsigned), text (VARCHAR) and 0/1
 * integers for flags, never NULL (a flag column the file lacks is 0). Timestamps arrive as integer minutes of Vietnam's wall clock since 1970-01-01 00:00 (`*_min`)
 * and their local day number (`*_day`, days since 1970-01-01), so the rules never call an engine's
 * date functions: every working-day question is a join on the calendar table.
 *
 * A dossier id also arrives as its key (`dossier_key`): a 64-bit hash of the id's text as loaded (DuckDB's `hash`,
 * ClickHouse's `sipHash64`), the same function for both files, NULL exactly when the id is. The rules join
 * dossiers and events on the key — an integer hash table is several times cheaper than one of texts — and check
 * that no two different ids share one (`KEY_COLLISIONS_SQL`, the event summary's `check`); when they do, the
 * engine must load the files again with another key function (a salted hash) and start over.
 */
export const INPUT_TABLES = {
  /** One row per record of the dossiers file. `parse_error`: the first column whose value could not be read (else NULL). */
  dossiers: {
    name: "chiso_dossiers_in",
    columns: [
      "row_no", "dossier_id", "dossier_key", "unit_id", "procedure_id", "channel", "received_min", "received_day", "due_min", "due_day",
      "fee_due", "paid_online", "digitized_at_intake", "result_electronic", "reused_data", "population_data", "data_store_synced", "complained",
      "parse_error", "parse_value",
    ],
  },
  /** One row per record of the events file. */
  events: { name: "chiso_events_in", columns: ["row_no", "dossier_id", "dossier_key", "state", "changed_min", "changed_day", "parse_error", "parse_value"] },
  /** One row per record of the procedures file. `duration_unit`: hours, days, working_days, months (lower case). */
  procedures: { name: "chiso_procedures_in", columns: ["row_no", "procedure_id", "procedure_name", "legal_duration", "duration_unit", "paper_result", "fee_bearing", "parse_error", "parse_value"] },
  /** One row per record of the feedback (PAKN) file; may be empty. */
  feedback: { name: "chiso_feedback_in", columns: ["row_no", "feedback_id", "unit_id", "received_min", "received_day", "due_day", "handled_min", "handled_day", "likes", "dislikes", "repeated", "parse_error", "parse_value"] },
  /**
   * The units that may receive dossiers (from the units file), numbered by `unitOrder` (`setup.ts`): the
   * rules carry the number, not the id, through the large steps and join the id back at the end.
   */
  units: { name: "chiso_units", columns: ["unit_id", "unit_no", "has_children"] },
  /**
   * One row per day: working (0/1), work_ord (working days so far), pos (see CalendarDay.position), month_ord, dom,
   * next_work_day (the day itself when working, else the next working day).
   */
  calendar: { name: "chiso_calendar", columns: ["cal_day", "working", "work_ord", "pos", "month_ord", "dom", "next_work_day"] },
  /** One row per calendar month: its first day and length. */
  months: { name: "chiso_months", columns: ["month_ord", "first_day", "days_in_month"] },
  /**
   * The months computed: first and last day, the end used for a dossier still open (`open_end_min`: the
   * end of the month's last day, or the as-of time when earlier), and `as_of_min` (later events ignored).
   */
  periods: { name: "chiso_periods", columns: ["month_ord", "first_day", "last_day", "open_end_min", "open_end_day", "as_of_min"] },
} as const;

/** How many failing dossiers per unit, month and item the evidence lists by default (the worst first). */
export const DEFAULT_EVIDENCE_LIMIT = 20;

/** Feedback (PAKN) must be handled within 15 working days when no due date is given (methodology §1.5). */
export const FEEDBACK_HANDLING_WORKING_DAYS = 15;
