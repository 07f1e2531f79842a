/**
 * @chiso/dossiers — the Decision 766 counts computed from a one-stop-shop system's dossier records
 * (Parquet, CSV or JSON lines) with an embedded DuckDB: `chiso.figures/1` rows per unit and month, the
 * dossiers behind every point lost, and every problem in the records, located.
 *
 * @example
 * import { computeDossierFigures } from "@chiso/dossiers";
 * const result = await computeDossierFigures(
 *   { dossiers: "ho-so.parquet", events: "su-kien.parquet", procedures: "thu-tuc.csv" },
 *   { period: "2026-10", units },
 * );
 * result.figures; // [{ unit: "HS-X001", period: "2026-10", items: { ON_TIME: { numerator: 412, denominator: 415 }, … } }, …]
 * result.accounting.dossiers; // { read, counted, rejected, outsidePeriod, notReceived }
 */
export { computeDossierFigures, minuteOfLocal, MissingColumnsError, UnreadableFileError, type DossierFiles, type ComputeOptions, type ComputeStep, type DossierComputation, type UnitRejections, type Accounting, type ComputeNote, type ReceptionSpan } from "./engine/compute.js";
export { assembleFigures, localIsoOfMinute, type CountRow, type FeedbackCountRow, type EvidenceRow, type RejectedRow } from "./engine/assemble.js";
export { DOSSIER_COLUMNS, EVENT_COLUMNS, PROCEDURE_COLUMNS, FEEDBACK_COLUMNS, ITEM_COLUMNS, DOSSIER_ITEMS, FEEDBACK_ITEMS, headerHint, looseName, type InputColumn, type HeaderHint } from "./engine/columns.js";
export { fileColumns, formatOf, headerReports, type FileFormat } from "./engine/duckdb-load.js";
export { describeHeader, describeProblem, problemLocation, problemCodes, type DossierProblem, type HeaderReport, type ProblemCode, type InputFile } from "./problems.js";
export { evidenceSchema, evidenceEntrySchema, evidenceDossierSchema, evidenceReasons, parseEvidence, safeParseEvidence, type EvidenceEntry, type EvidenceDossier, type EvidenceReason } from "./evidence/schema.js";
export { REASON_LABELS, describeReason } from "./evidence/reasons.js";
export { readUnits, type UnitsResult } from "./units.js";
export { generateRecords, typicalProvince, type GeneratedUnit, type GenerateOptions, type GeneratedFiles } from "./generate/records.js";
