import { z } from "zod";

/** Unit levels since the 2025 two-tier reform. */
export const unitLevels = ["province", "department", "commune"] as const;
export type UnitLevel = (typeof unitLevels)[number];

const nfcText = z.string().trim().min(1).transform((text) => text.normalize("NFC"));

/** A count of dossiers or procedures: a whole number from 0. */
export const countSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const unitSchema = z.strictObject({
  id: nfcText,
  name: nfcText,
  level: z.enum(unitLevels),
  parent: nfcText.optional(),
});

/** An item's counts, as `{ "numerator": 7, "denominator": 10 }` or the short form `[7, 10]`. */
export const itemCountsSchema = z.union([
  z.strictObject({ numerator: countSchema, denominator: countSchema }),
  z.tuple([countSchema, countSchema]).transform(([numerator, denominator]) => ({ numerator, denominator })),
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

export const figureSchema = z.strictObject({
  unit: nfcText,
  period: z.string(),
  items: z.record(z.string(), itemCountsSchema),
  channels: channelsSchema.optional(),
  settlement: settlementSchema.optional(),
  /** Percentages the source document states for items, checked against the counts. */
  stated: z.record(z.string(), z.number().min(0).max(100)).optional(),
  /** Display-only values (e.g. AVERAGE_PROCESSING_TIME in days). */
  tracked: z.record(z.string(), z.number()).optional(),
});

/** The JSON input format `chiso.figures/1` (see docs/input-format.md). */
export const figuresFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("chiso.figures/1").optional(),
  scheme: z.string().optional(),
  units: z.array(unitSchema),
  figures: z.array(figureSchema),
  /** SIPAS surveys (see `SipasSurveyInput`), validated against the dataset's SIPAS scheme. */
  surveys: z.array(z.unknown()).optional(),
  /** PAR assessments (see `ParAssessmentInput`), validated against the PAR tree of each unit's level. */
  par: z.array(z.unknown()).optional(),
});

/** The file's outer shape only; units and figures are checked one by one so one bad row hides nothing. */
export const figuresEnvelopeSchema = figuresFileSchema.extend({
  units: z.array(z.unknown()),
  figures: z.array(z.unknown()),
});

export type FiguresFile = z.input<typeof figuresFileSchema>;
export type UnitInput = z.input<typeof unitSchema>;
export type FigureInput = z.input<typeof figureSchema>;
export type Channels = z.output<typeof channelsSchema>;
export type Settlement = z.output<typeof settlementSchema>;
