import { z } from "zod";

/** Unit levels since the 2025 two-tier reform. */
export const unitLevels = ["province", "department", "commune"] as const;
export type UnitLevel = (typeof unitLevels)[number];

/** The format id of chiso's input documents. */
export const FIGURES_FORMAT = "chiso.figures/1";

/** Longest name or id accepted: far above any real unit name, far below what would slow a renderer down. */
export const MAX_TEXT_LENGTH = 500;

/**
 * C0 and C1 controls and the bidirectional overrides: they reach terminals and signed documents unseen. Line
 * breaks and tabs (a name typed with Alt+Enter in Excel) are not refused: they become one space.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const nfcText = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TEXT_LENGTH)
  .superRefine((text, context) => {
    const found = CONTROL.exec(text);
    if (found) context.addIssue({ code: "custom", params: { chiso: "control_character", character: `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` } });
  })
  .transform((text) => text.replace(/\s*[\t\n\r]+\s*/gu, " ").normalize("NFC"));

/** A count of dossiers or procedures: a whole number from 0. */
export const countSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const unitSchema = z.strictObject({
  id: nfcText,
  name: nfcText,
  level: z.enum(unitLevels),
  parent: nfcText.optional(),
  /** The source system's own code for the unit, e.g. the portal's hierarchical `H44.01`. */
  code: nfcText.optional(),
});

/**
 * An item's counts, as `{ "numerator": 7, "denominator": 10 }` or the short form `[7, 10]`; `null` when the
 * source returned the item without counts (the portal does so for 4.6): the item's empty-denominator rule
 * then applies. An item left out altogether is "no data".
 */
export const itemCountsSchema = z.union([
  z.strictObject({ numerator: countSchema, denominator: countSchema }),
  z.tuple([countSchema, countSchema]).transform(([numerator, denominator]) => ({ numerator, denominator })),
  z.null(),
]);

/** Dossiers received by channel; the parts must add up to `received`. */
export const channelsSchema = z.strictObject({
  received: countSchema,
  online: countSchema,
  direct: countSchema,
  post: countSchema,
});

/** Dossiers settled by timeliness; the parts must add up to `settled`. */
export const settlementSchema = z.strictObject({
  settled: countSchema,
  early: countSchema,
  onTime: countSchema,
  overdue: countSchema,
});

/** A score as a source printed it: a decimal (number or text such as "14.20"), or `null` where it printed none. */
export const publishedScoreSchema = z.union([z.number().min(0).max(1000), z.string().regex(/^\d{1,4}(\.\d{1,6})?$/), z.null()]);

/** Codes: item, block and flag codes are upper snake case. */
const codeKey = z.string().regex(/^[A-Z][A-Z0-9_]*$/);

/** Scores a source published for the row (e.g. the national portal), kept to reconcile with chiso's own. */
export const publishedSchema = z.strictObject({
  /** Item scores by item code. */
  items: z.unknown().optional(),
  /** Block scores by block code (the portal's six blocks). */
  blocks: z.unknown().optional(),
  total: publishedScoreSchema.optional(),
});

/**
 * A data-quality flag the source attached to the row (e.g. the portal's `TEMP_NATIONAL_REPORT_DENOMINATOR`).
 * Its message is one text (a source that writes one language, like the portal), or one per language so that a
 * document in either language prints it in its own (as `chiso dossiers` writes `RECORDS_REJECTED`).
 */
export const sourceFlagSchema = z.strictObject({
  item: codeKey.optional(),
  code: z.string().min(1).max(100),
  message: z.union([z.string().max(2000), z.strictObject({ vi: z.string().max(2000), en: z.string().max(2000) })]).optional(),
});

export const figureSchema = z.strictObject({
  unit: nfcText,
  period: z.string().max(20),
  /** Item counts by item code (checked one key at a time: see `dataset.ts`). */
  items: z.unknown(),
  channels: channelsSchema.optional(),
  settlement: settlementSchema.optional(),
  /** Percentages the source document states for items, checked against the counts. */
  stated: z.unknown().optional(),
  /** Display-only values (e.g. AVERAGE_PROCESSING_TIME in days). */
  tracked: z.unknown().optional(),
  published: publishedSchema.optional(),
  flags: z.array(sourceFlagSchema).max(1000).optional(),
});

/** A dossier that did not count toward an item's numerator, with what an officer needs to act on it. */
export const evidenceDossierSchema = z.strictObject({
  id: z.string().min(1).max(200),
  procedure: z.string().max(200).nullish(),
  procedureName: z.string().max(MAX_TEXT_LENGTH).nullish(),
  /** Local Asia/Ho_Chi_Minh wall-clock timestamps, ISO without offset. */
  receivedAt: z.string().max(40).nullish(),
  dueAt: z.string().max(40).nullish(),
  finishedAt: z.string().max(40).nullish(),
  daysLate: z.number().min(0).nullish(),
  /** Why it did not count: a snake_case code (`late`, `not_online`, …; see docs/dossier-format.md). */
  reason: z.string().regex(/^[a-z][a-z0-9_]*$/).max(60),
});

/** The dossiers behind one unit's lost points on one item in one period. */
export const evidenceSchema = z.strictObject({
  unit: nfcText,
  period: z.string().max(20),
  item: codeKey,
  /** How many dossiers did not count (the list may hold only the worst of them). */
  count: countSchema,
  dossiers: z.array(evidenceDossierSchema),
});

/** Where the figures come from, printed on reports (e.g. the national portal's responses for a period). */
export const provenanceSchema = z.strictObject({
  system: z.string().min(1).max(200),
  /** A procedure when the figures cover one procedure only. */
  procedure: z.string().max(200).optional(),
  retrievedAt: z.string().max(40).optional(),
  note: z.string().max(2000).optional(),
  /**
   * A limit of the source every document must show (e.g. a list of units cut short): one text, or one per
   * language so that a document in either language prints it in its own.
   */
  warning: z.union([z.string().max(2000), z.strictObject({ vi: z.string().max(2000), en: z.string().max(2000) })]).optional(),
});

/**
 * How a parent's dossier counts are found when it has children: `sum` (default) adds its children's counts;
 * `own` uses the parent's own counts where it reports them (a source that publishes every unit's totals,
 * like the portal), falling back to the sum.
 */
export const parentCountsSchema = z.enum(["sum", "own"]);

/** The JSON input format `chiso.figures/1` (see docs/input-format.md). */
export const figuresFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FIGURES_FORMAT).optional(),
  /** The scheme the figures were prepared for (a built-in id); a caller may refuse a different one. */
  scheme: z.string().min(1).max(100).optional(),
  source: provenanceSchema.optional(),
  parentCounts: parentCountsSchema.optional(),
  units: z.array(unitSchema),
  figures: z.array(figureSchema),
  /** SIPAS surveys (see `SipasSurveyInput`), validated against the dataset's SIPAS scheme. */
  surveys: z.array(z.unknown()).optional(),
  /** PAR assessments (see `ParAssessmentInput`), validated against the PAR tree of each unit's level. */
  par: z.array(z.unknown()).optional(),
  /** The dossiers behind lost points (e.g. from `chiso dossiers`). */
  evidence: z.array(z.unknown()).optional(),
});

export type FiguresFile = Omit<z.input<typeof figuresFileSchema>, "figures" | "evidence"> & {
  figures: FigureInput[];
  evidence?: EvidenceInput[];
};
export type UnitInput = z.input<typeof unitSchema>;
/** One row of figures as written in JSON. */
export type FigureInput = Omit<z.input<typeof figureSchema>, "items" | "stated" | "tracked" | "published"> & {
  items: Record<string, [number, number] | { numerator: number; denominator: number } | null>;
  stated?: Record<string, number>;
  tracked?: Record<string, number>;
  published?: PublishedInput;
};
export interface PublishedInput {
  items?: Record<string, number | string | null>;
  blocks?: Record<string, number | string | null>;
  total?: number | string | null;
}
export type EvidenceInput = z.input<typeof evidenceSchema>;
export type EvidenceDossier = z.output<typeof evidenceDossierSchema>;
export type SourceFlag = z.output<typeof sourceFlagSchema>;
export type Provenance = z.output<typeof provenanceSchema>;
export type ParentCounts = z.output<typeof parentCountsSchema>;
export type Channels = z.output<typeof channelsSchema>;
export type Settlement = z.output<typeof settlementSchema>;
