import { z } from "zod";
import { bandSchema, bilingualSchema, sourceSchema } from "../kernel/common-schema.js";

const weighted = { weight: z.number().positive().optional() };

export const sipasItemSchema = z.strictObject({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/), name: bilingualSchema, ...weighted });
export const sipasFactorSchema = z.strictObject({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/), name: bilingualSchema, items: z.array(sipasItemSchema).min(1), ...weighted });
export const sipasAspectSchema = z.strictObject({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/), name: bilingualSchema, factors: z.array(sipasFactorSchema).min(1), ...weighted });

/**
 * A satisfaction survey as data: aspects → factors → items, the answer scale, which answers count as
 * satisfied, optional weights, the smallest sample that can be ranked, bands, effective date and sources.
 */
export const sipasSchemeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  version: z.string().min(1),
  /** Marked `true` on the questionnaires chiso ships: their items are examples, not a province's official survey. */
  example: z.boolean().default(false),
  name: bilingualSchema,
  description: z.string().optional(),
  effectiveFrom: z.iso.date(),
  sources: z.array(sourceSchema).min(1),
  /** Answer levels, lowest first, e.g. 1 "Rất không hài lòng" … 5 "Rất hài lòng". */
  scale: z.array(z.strictObject({ value: z.number().int(), label: bilingualSchema })).min(2),
  /** Answers counted as satisfied (e.g. 4 and 5). */
  satisfied: z.array(z.number().int()).min(1),
  /** How factors, aspects and the overall index combine their parts (weights apply when given). */
  aggregation: z.enum(["mean"]).default("mean"),
  /** A unit with fewer respondents is reported but not ranked. */
  minRespondents: z.number().int().min(1),
  rounding: z.strictObject({ mode: z.enum(["half-up", "half-even"]), decimals: z.number().int().min(0).max(4) }),
  ranking: z.strictObject({ tie: z.enum(["competition", "dense"]) }),
  bands: z.array(bandSchema),
  aspects: z.array(sipasAspectSchema).min(1),
  /** Where the official arithmetic could not be confirmed. */
  certainty: z.enum(["certain", "observed", "doc", "conflict", "configurable"]),
});

export type SipasSchemeDefinition = z.input<typeof sipasSchemeSchema>;
export type SipasSchemeData = z.output<typeof sipasSchemeSchema>;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** One unit's survey in one period: raw responses or tallies per answer level. */
export const sipasSurveySchema = z.union([
  z.strictObject({
    unit: z.string().min(1),
    period: z.string().min(1),
    /** One entry per respondent per question; `answer` null when the respondent did not answer. */
    responses: z.array(z.strictObject({ respondent: z.string().min(1), item: z.string().min(1), answer: z.number().int().nullable() })),
  }),
  z.strictObject({
    unit: z.string().min(1),
    period: z.string().min(1),
    /** Item code → answer value (as text) → number of respondents. */
    tallies: z.record(z.string(), z.record(z.string(), count)),
    /** Respondents surveyed (defaults to the most answers any item received). */
    respondents: count.optional(),
  }),
]);

export type SipasSurveyInput = z.input<typeof sipasSurveySchema>;
