// The labels live in the core, beside the evidence format, so readers of a figures file need not load DuckDB.
import { EVIDENCE_REASONS, describeEvidenceReason } from "@chiso/core";
import type { EvidenceReason } from "./schema.js";

export const REASON_LABELS: typeof EVIDENCE_REASONS = EVIDENCE_REASONS;

export function describeReason(reason: EvidenceReason, language: "vi" | "en" = "vi"): string {
  return describeEvidenceReason(reason, language);
}
