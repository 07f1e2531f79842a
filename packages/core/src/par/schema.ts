import { z } from "zod";
import { bandSchema, bilingualSchema, sourceSchema } from "../kernel/common-schema.js";

const points = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
const code = z.string().regex(/^[A-Z][A-Z0-9_.]*$/);

export const parSubCriterionSchema = z.strictObject({ code, name: bilingualSchema, max: points });
export const parCriterionSchema = z.strictObject({
  code,
  name: bilingualSchema,
  /** Points of a criterion without sub-criteria; with sub-criteria, their sum. */
  max: points.optional(),
  subCriteria: z.array(parSubCriterionSchema).optional(),
});
export const parFieldSchema = z.strictObject({
  code,
  name: bilingualSchema,
  criteria: z.array(parCriterionSchema).min(1),
  /** Survey points of the field (0 when the field has none). */
  surveyMax: points.default(0),
});

/** A PAR Index criteria tree as data: fields → criteria → sub-criteria with maxima, survey, bonus, penalty, bands. */
export const parSchemeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  version: z.string().min(1),
  name: bilingualSchema,
  description: z.string().optional(),
  /** Marked `true` on the trees chiso ships: examples of a provincial tree, not any province's official one. */
  example: z.boolean().default(false),
  effectiveFrom: z.iso.date(),
  sources: z.array(sourceSchema).min(1),
  fields: z.array(parFieldSchema).min(1),
  bonusMax: points.default(0),
  penaltyMax: points.default(0),
  /** A unit without survey points: its other points rescaled to 100 (a province's published rule), or not. */
  noSurvey: z.enum(["rescale", "zero"]),
  rounding: z.strictObject({ mode: z.enum(["half-up", "half-even"]), decimals: z.number().int().min(0).max(4) }),
  ranking: z.strictObject({ tie: z.enum(["competition", "dense"]) }),
  bands: z.array(bandSchema),
});

export type ParSchemeDefinition = z.input<typeof parSchemeSchema>;
export type ParSchemeData = z.output<typeof parSchemeSchema>;

/** A unit's PAR assessment for a year: scores per leaf (sub-criterion, or criterion without any). */
export const parAssessmentSchema = z.strictObject({
  unit: z.string().min(1),
  period: z.string().min(1),
  scores: z.record(
    z.string(),
    z.strictObject({
      self: points,
      /** Appraisal rounds in order; the latest round that exists counts. */
      appraisal: z.array(points).max(2).optional(),
    }),
  ),
  /** Survey points per field; absent when the unit had no survey. */
  survey: z.record(z.string(), points).optional(),
  bonus: points.optional(),
  penalty: points.optional(),
  /** Tasks of the year's reform plan. */
  tasks: z.strictObject({ done: z.number().int().min(0), planned: z.number().int().min(0) }).optional(),
});

export type ParAssessmentInput = z.input<typeof parAssessmentSchema>;
