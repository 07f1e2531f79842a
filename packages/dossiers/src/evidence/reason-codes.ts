/**
 * Why a dossier (or a feedback item) did not count toward an item's numerator. Codes are stable; their
 * wording in Vietnamese and English is in `reasons.ts` and docs/dossier-format.md.
 * Kept free of zod: the portable SQL (`@chiso/dossiers/sql`) numbers the reasons by their place here.
 */
export const evidenceReasons = [
  "late",
  "overdue_in_progress",
  "supplement_requested_twice",
  "supplement_request_late",
  "not_online",
  "no_electronic_result",
  "not_digitized",
  "not_reused",
  "not_synced_to_data_store",
  "not_paid_online",
  "no_population_data",
  "complaint",
  "feedback_late",
  "feedback_overdue_in_progress",
  "feedback_unsatisfied",
  "feedback_repeated",
] as const;
export type EvidenceReason = (typeof evidenceReasons)[number];
