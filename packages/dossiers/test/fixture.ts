import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UnitInput } from "@chiso/core";
import { computeDossierFigures, type ComputeOptions, type DossierComputation } from "../src/index.js";

export type Row = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Records {
  readonly dossiers: readonly Row[];
  readonly events: readonly Row[];
  readonly procedures?: readonly Row[];
  readonly feedback?: readonly Row[];
}

/** The procedures most cases use. */
export const PROCEDURES: readonly Row[] = [
  { procedure_id: "P-WD5", procedure_name: "Cấp giấy phép A", legal_duration: 5, duration_unit: "working_days", paper_result: 1, fee_bearing: 1 },
  { procedure_id: "P-WD3", procedure_name: "Cấp giấy phép B", legal_duration: 3, duration_unit: "working_days", paper_result: 0, fee_bearing: 0 },
  { procedure_id: "P-WD2", procedure_name: "Đăng ký C", legal_duration: 2, duration_unit: "working_days", paper_result: 0, fee_bearing: 0 },
  { procedure_id: "P-H8", procedure_name: "Chứng thực D", legal_duration: 8, duration_unit: "hours", paper_result: 0, fee_bearing: 0 },
  { procedure_id: "P-D10", procedure_name: "Thủ tục E", legal_duration: 10, duration_unit: "days", paper_result: 0, fee_bearing: 0 },
  { procedure_id: "P-M1", procedure_name: "Thủ tục F", legal_duration: 1, duration_unit: "months", paper_result: 0, fee_bearing: 0 },
];

export const UNITS: readonly UnitInput[] = [
  { id: "T", name: "Tỉnh Thử", level: "province" },
  { id: "U1", name: "Xã Một", level: "commune", parent: "T" },
  { id: "U2", name: "Xã Hai", level: "commune", parent: "T" },
];

function csv(rows: readonly Row[], columns?: readonly string[]): string {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: Row[string]) => (value === null || value === undefined ? "" : String(value));
  return `${[header.join(","), ...rows.map((row) => header.map((column) => cell(row[column])).join(","))].join("\n")}\n`;
}

/** Writes the records as CSV files in a temporary folder; `dispose` removes it. */
export function writeRecords(records: Records, columns: Partial<Record<keyof Records, readonly string[]>> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "chiso-dossiers-"));
  const files = {
    dossiers: join(dir, "dossiers.csv"),
    events: join(dir, "events.csv"),
    procedures: join(dir, "procedures.csv"),
    ...(records.feedback && { feedback: join(dir, "feedback.csv") }),
  };
  writeFileSync(files.dossiers, csv(records.dossiers, columns.dossiers));
  writeFileSync(files.events, csv(records.events, columns.events ?? ["dossier_id", "state", "changed_at"]));
  writeFileSync(files.procedures, csv(records.procedures ?? PROCEDURES, columns.procedures));
  if (records.feedback && files.feedback) writeFileSync(files.feedback, csv(records.feedback, columns.feedback));
  return { dir, files, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Computes a period from records written as CSV. */
export async function computeRecords(records: Records, options: Partial<ComputeOptions> & { period: string }, columns?: Partial<Record<keyof Records, readonly string[]>>): Promise<DossierComputation> {
  const written = writeRecords(records, columns);
  try {
    return await computeDossierFigures(written.files, { units: UNITS, ...options });
  } finally {
    written.dispose();
  }
}

/** A dossier with every flag set (so only the rule under test can fail), overridable. */
export function dossier(id: string, received: string, extra: Row = {}): Row {
  return {
    dossier_id: id,
    unit_id: "U1",
    procedure_id: "P-WD3",
    channel: 2,
    received_at: received,
    due_at: "",
    fee_due: 0,
    paid_online: 0,
    digitized_at_intake: 1,
    result_electronic: 1,
    reused_data: 1,
    population_data: 1,
    data_store_synced: 1,
    complained: 0,
    ...extra,
  };
}

/** Events of a dossier: `[state, time]` pairs. */
export function events(id: string, ...changes: readonly (readonly [number, string])[]): Row[] {
  return changes.map(([state, changed_at]) => ({ dossier_id: id, state, changed_at }));
}

/** The ON_TIME evidence line of a dossier, if it failed. */
export function onTimeEvidence(result: DossierComputation, id: string) {
  return result.evidence.filter((entry) => entry.item === "ON_TIME").flatMap((entry) => entry.dossiers).find((item) => item.id === id);
}
