import { z } from "zod";
import { bandSchema, bilingualSchema, decimalSchema, sourceSchema } from "../../kernel/common-schema.js";

/**
 * What an item scores when its denominator is 0:
 * - `null`: no score ("no data"); counts 0 in its group.
 * - `zero`: scores 0 (e.g. "no dossiers").
 * - `full`: full marks (the portal's rule for feedback items).
 * - `transfer`: its maximum moves to another item of the same group, scored on that item's ratio.
 */
export const emptyDenominatorSchema = z.discriminatedUnion("policy", [
  z.strictObject({ policy: z.literal("null") }),
  z.strictObject({ policy: z.literal("zero") }),
  z.strictObject({ policy: z.literal("full") }),
  z.strictObject({ policy: z.literal("transfer"), to: z.string().min(1) }),
]);

/**
 * How an item's points are computed from its counts:
 * - `exact`: `min(M, M·n / (d·T))` as an exact rational, rounded once by the scheme's rule;
 * - `percent-first`: the portal's online-payment arithmetic (methodology §1.7): the ratio is first rounded
 *   half-up to a percentage with `percentDecimals` decimals, then `percentage × (M / T) / 100` is computed in
 *   IEEE-754 double precision, capped at M and rounded half-up (on the double's exact value) to the scheme's
 *   decimals.
 */
export const pointsRuleSchema = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("exact") }),
  z.strictObject({ method: z.literal("percent-first"), percentDecimals: z.number().int().min(0).max(6) }),
]);

/** How sure the public record is of an item's rule (see methodology: certain/observed/doc/conflict). */
export const certaintySchema = z.enum(["certain", "observed", "doc", "conflict"]);

export const itemSchema = z.strictObject({
  /** The decision's numbering, e.g. "4.5a". */
  id: z.string().min(1),
  /** Stable identifier used in inputs; the portal's metric code where it has one. */
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  name: bilingualSchema,
  numerator: bilingualSchema,
  denominator: bilingualSchema,
  group: z.string().min(1),
  block: z.string().min(1),
  max: decimalSchema,
  /** Ratio (in percent) at and above which the item earns its maximum; 100 means linear. */
  thresholdPercent: z.number().positive().max(100),
  emptyDenominator: emptyDenominatorSchema,
  /**
   * `dossier`: a parent unit's counts are the sum of its children's.
   * `catalogue`: counts of procedures in the unit's own scope; a parent uses its own figures.
   * `own`: counts of what is addressed to the unit itself (feedback, PAKN); a parent uses its own
   *   figures, never its children's (the portal's rule for 5.1–5.3, methodology §1.7).
   */
  scope: z.enum(["dossier", "catalogue", "own"]),
  /** Levels whose units, when they report nothing for this item, take their nearest ancestor's own figures (766: communes take 1.1–1.3). */
  inheritedBy: z.array(z.enum(["province", "department", "commune"])).default([]),
  certainty: certaintySchema,
  /** How the points are computed from the counts (default: the exact rational, rounded once). */
  points: pointsRuleSchema.default({ method: "exact" }),
  /** Flag non-empty denominators below `quality.minReliableDenominator` (off where they are small by nature, e.g. 4.6). */
  checkSmallDenominator: z.boolean().default(true),
  note: z.string().optional(),
});

const sectionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  number: z.string().min(1),
  name: bilingualSchema,
  max: decimalSchema,
});



/**
 * A scoring methodology as data: versioned, dated and cited. Load one with `parseScheme`.
 */
export const schemeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  version: z.string().min(1),
  name: bilingualSchema,
  description: z.string().optional(),
  /** First day the scheme applies (ISO date). */
  effectiveFrom: z.iso.date(),
  effectiveTo: z.iso.date().optional(),
  sources: z.array(sourceSchema).min(1),
  rounding: z.strictObject({
    mode: z.enum(["half-up", "half-even"]),
    decimals: z.number().int().min(0).max(4),
  }),
  ranking: z.strictObject({ tie: z.enum(["competition", "dense"]) }),
  bands: z.array(bandSchema),
  groups: z.array(sectionSchema).min(1),
  blocks: z.array(sectionSchema).min(1),
  items: z.array(itemSchema).min(1),
  /**
   * The item whose denominator counts the unit's dossiers (766: ON_TIME). A unit whose count is 0 is
   * unranked ("no dossiers"), and its month-to-month change is watched for jumps.
   */
  volumeItem: z.string().min(1),
  /** Display-only indicators carried by the input but never scored (e.g. 2.2 processing time). */
  tracked: z.array(z.strictObject({ id: z.string(), code: z.string(), name: bilingualSchema })).default([]),
  quality: z
    .strictObject({
      /** A non-empty denominator below this is flagged as too small to be reliable. */
      minReliableDenominator: z.number().int().min(1).default(5),
    })
    .default({ minReliableDenominator: 5 }),
});

/** A scheme as written in JSON (before validation). */
export type SchemeDefinition = z.input<typeof schemeSchema>;
/** A scheme after validation, with defaults applied. */
export type SchemeData = z.output<typeof schemeSchema>;
export type ItemDefinition = z.output<typeof itemSchema>;
export type EmptyDenominatorPolicy = z.output<typeof emptyDenominatorSchema>;
export type PointsRule = z.output<typeof pointsRuleSchema>;
