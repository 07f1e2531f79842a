import { z } from "zod";
import { evidenceReasons, type EvidenceReason } from "./reason-codes.js";

export { evidenceReasons, type EvidenceReason };

/** Local Asia/Ho_Chi_Minh wall-clock time, ISO without offset: `2026-10-03T09:15:00`. */
const localTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, "a local time as YYYY-MM-DDTHH:MM:SS (no offset)");

export const evidenceDossierSchema = z.strictObject({
  id: z.string().min(1),
  procedure: z.string().nullable().optional(),
  procedureName: z.string().nullable().optional(),
  receivedAt: localTimestamp,
  dueAt: localTimestamp.nullable().optional(),
  finishedAt: localTimestamp.nullable().optional(),
  daysLate: z.number().int().min(1).nullable().optional(),
  reason: z.enum(evidenceReasons),
});

/**
 * The dossiers behind the points lost for one unit, period and item: `count` failed the item (did not
 * count toward its numerator); `dossiers` lists the worst of them (most days late first, then oldest).
 */
export const evidenceEntrySchema = z
  .strictObject({
    unit: z.string().min(1),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    item: z.string().min(1),
    count: z.number().int().min(0),
    dossiers: z.array(evidenceDossierSchema),
  })
  .refine((entry) => entry.count >= entry.dossiers.length, { message: "count must be at least the number of dossiers listed", path: ["count"] });

/** The optional top-level `evidence` field of a `chiso.figures/1` file. */
export const evidenceSchema = z.array(evidenceEntrySchema);

export type EvidenceDossier = z.output<typeof evidenceDossierSchema>;
export type EvidenceEntry = z.output<typeof evidenceEntrySchema>;

/** Validates an `evidence` array; throws a zod error listing every problem. */
export function parseEvidence(data: unknown): EvidenceEntry[] {
  return evidenceSchema.parse(data);
}

export function safeParseEvidence(data: unknown): { success: true; data: EvidenceEntry[] } | { success: false; issues: readonly { path: string; message: string }[] } {
  const result = evidenceSchema.safeParse(data);
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })) };
}
