/**
 * `@chiso/dossiers/sql` — the portable SQL of methodology §1.5 and the table contract a loader fills,
 * for running the same rules on another engine (the ClickHouse cross-check does).
 */
export { INPUT_TABLES, DEFAULT_EVIDENCE_LIMIT, FEEDBACK_HANDLING_WORKING_DAYS } from "./tables.js";
export { DUPLICATE_IDS_SQL, EVENT_SUMMARY_SQL, KEY_COLLISIONS_SQL, WAITING_SQL, DOSSIER_LINKS_SQL, PROBLEMS_SQL, DOSSIER_STATUS_SQL, REJECTED_UNITS_SQL, DOSSIER_RESULT_SQL, UNIT_COUNTS_SQL, FEEDBACK_RESULT_SQL, FEEDBACK_COUNTS_SQL, ACCOUNTING_SQL, MATERIALIZED, evidenceSql, EVIDENCE_ITEMS, EVIDENCE_ORDER, EVIDENCE_COLUMNS } from "./rules.js";
export { periodRows, setupTables, insertStatements, unitOrder, type PeriodRow, type SetupTable, type SetupColumn } from "./setup.js";
