import { Dec } from "../kernel/arithmetic/decimal.js";
import { ChisoError, type Issue, type SafeResult } from "../kernel/errors.js";
import { parsePeriod } from "../kernel/period.js";
import { rankScores, type TieRule } from "../kernel/rank.js";
import { fromZodIssues } from "../kernel/zod-issues.js";
import { parAssessmentSchema, parSchemeSchema, type ParSchemeData } from "./schema.js";

/** A leaf of the tree: where points are scored. */
export interface ParLeaf {
  readonly code: string;
  readonly field: string;
  readonly criterion: string;
  readonly max: Dec;
}

export interface ParScheme {
  readonly definition: ParSchemeData;
  readonly id: string;
  readonly version: string;
  readonly leaves: ReadonlyMap<string, ParLeaf>;
  readonly fieldMax: ReadonlyMap<string, { readonly scored: Dec; readonly survey: Dec }>;
  readonly max: Dec;
  readonly surveyMax: Dec;
}

/** Validates a PAR tree: unique codes, criteria maxima equal to their sub-criteria's sum, ordered bands. */
export function parseParScheme(input: unknown): ParScheme {
  const parsed = parSchemeSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ChisoError("INVALID_SCHEME", fromZodIssues(parsed.error.issues));
  const data = parsed.data;
  const issues: Issue[] = [];
  const leaves = new Map<string, ParLeaf>();
  const codes = new Set<string>();
  const fieldMax = new Map<string, { scored: Dec; survey: Dec }>();
  const unique = (code: string, path: (string | number)[]) => {
    if (codes.has(code)) issues.push({ code: "scheme_duplicate_code", path, params: { code } });
    codes.add(code);
  };
  data.fields.forEach((field, f) => {
    unique(field.code, ["fields", f, "code"]);
    let scored = new Dec(0);
    field.criteria.forEach((criterion, c) => {
      unique(criterion.code, ["fields", f, "criteria", c, "code"]);
      const subs = criterion.subCriteria ?? [];
      if (subs.length === 0) {
        if (criterion.max === undefined) issues.push({ code: "required", path: ["fields", f, "criteria", c, "max"], params: {} });
        const max = new Dec(criterion.max ?? 0);
        leaves.set(criterion.code, { code: criterion.code, field: field.code, criterion: criterion.code, max });
        scored = scored.plus(max);
        return;
      }
      const sum = subs.reduce((total, sub, s) => {
        unique(sub.code, ["fields", f, "criteria", c, "subCriteria", s, "code"]);
        leaves.set(sub.code, { code: sub.code, field: field.code, criterion: criterion.code, max: new Dec(sub.max) });
        return total.plus(new Dec(sub.max));
      }, new Dec(0));
      if (criterion.max !== undefined && !sum.eq(new Dec(criterion.max))) {
        issues.push({ code: "scheme_group_sum", path: ["fields", f, "criteria", c, "max"], params: { group: criterion.code, sum: sum.toString(), max: String(criterion.max) } });
      }
      scored = scored.plus(sum);
    });
    fieldMax.set(field.code, { scored, survey: new Dec(field.surveyMax) });
  });
  for (let index = 1; index < data.bands.length; index += 1) {
    if (!(Number(data.bands[index - 1]!.min) > Number(data.bands[index]!.min))) issues.push({ code: "scheme_band_order", path: ["bands", index, "min"], params: {} });
  }
  if (issues.length > 0) throw new ChisoError("INVALID_SCHEME", issues);
  const surveyMax = [...fieldMax.values()].reduce((sum, field) => sum.plus(field.survey), new Dec(0));
  const max = [...fieldMax.values()].reduce((sum, field) => sum.plus(field.scored).plus(field.survey), new Dec(0));
  return { definition: data, id: data.id, version: data.version, leaves, fieldMax, max, surveyMax };
}

export interface ParAssessment {
  readonly unit: string;
  readonly period: string;
  /** Leaf code → points that count (latest appraisal round, else self-assessment) and how they were set. */
  readonly leaves: ReadonlyMap<string, { readonly points: Dec; readonly self: Dec; readonly source: "self" | "appraisal-1" | "appraisal-2" }>;
  readonly survey: ReadonlyMap<string, Dec> | null;
  readonly bonus: Dec;
  readonly penalty: Dec;
  readonly tasks: { readonly done: number; readonly planned: number } | null;
}

/**
 * Validates PAR assessments against a tree, every problem in one pass: unknown criteria or fields,
 * points above a criterion's or a field's survey maximum, tasks done above planned, duplicate unit-periods.
 */
export function safeParseAssessments(input: unknown, scheme: ParScheme, basePath: readonly (string | number)[] = ["par"]): SafeResult<ParAssessment[]> {
  const list = Array.isArray(input) ? input : [];
  const issues: Issue[] = Array.isArray(input) ? [] : [{ code: "invalid_type", path: basePath, params: { expected: "array", received: typeof input } }];
  const result: ParAssessment[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const path = [...basePath, index];
    const parsed = parAssessmentSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) return issues.push(...fromZodIssues(parsed.error.issues, path));
    const entry = parsed.data;
    if (!parsePeriod(entry.period)) issues.push({ code: "invalid_period", path: [...path, "period"], params: { received: entry.period } });
    const key = `${entry.unit}|${entry.period}`;
    if (seen.has(key)) issues.push({ code: "duplicate_unit_period", path, params: { unit: entry.unit, period: entry.period, first: "" } });
    seen.add(key);
    const above = (value: Dec, max: Dec, at: (string | number)[], item: string) => {
      if (value.gt(max)) issues.push({ code: "too_large", path: at, params: { received: value.toString(), maximum: `${max.toString()} (${item})` } });
    };
    const leaves = new Map<string, { points: Dec; self: Dec; source: "self" | "appraisal-1" | "appraisal-2" }>();
    for (const [code, score] of Object.entries(entry.scores)) {
      const leaf = scheme.leaves.get(code);
      if (!leaf) {
        issues.push({ code: "unknown_item", path: [...path, "scores", code], params: { item: code, scheme: scheme.id } });
        continue;
      }
      const self = new Dec(score.self);
      above(self, leaf.max, [...path, "scores", code, "self"], code);
      const rounds = (score.appraisal ?? []).map((value) => new Dec(value));
      rounds.forEach((value, round) => above(value, leaf.max, [...path, "scores", code, "appraisal", round], code));
      const latest = rounds.length > 0 ? rounds[rounds.length - 1]! : null;
      leaves.set(code, { points: latest ?? self, self, source: latest === null ? "self" : rounds.length === 2 ? "appraisal-2" : "appraisal-1" });
    }
    let survey: Map<string, Dec> | null = null;
    if (entry.survey) {
      survey = new Map();
      for (const [field, value] of Object.entries(entry.survey)) {
        const max = scheme.fieldMax.get(field);
        if (!max) issues.push({ code: "unknown_item", path: [...path, "survey", field], params: { item: field, scheme: scheme.id } });
        else above(new Dec(value), max.survey, [...path, "survey", field], field);
        survey.set(field, new Dec(value));
      }
    }
    if (entry.tasks && entry.tasks.done > entry.tasks.planned) {
      issues.push({ code: "numerator_above_denominator", path: [...path, "tasks", "done"], params: { item: "tasks", numerator: entry.tasks.done, denominator: entry.tasks.planned } });
    }
    result.push({ unit: entry.unit, period: entry.period, leaves, survey, bonus: new Dec(entry.bonus ?? 0), penalty: new Dec(entry.penalty ?? 0), tasks: entry.tasks ?? null });
  });
  if (issues.length > 0) return { success: false, error: new ChisoError("INVALID_INPUT", issues) };
  return { success: true, data: result };
}

export interface ParFieldResult {
  readonly code: string;
  readonly achieved: Dec;
  readonly max: Dec;
  readonly percent: string;
}

export interface ParResult {
  readonly unit: string;
  readonly period: string;
  readonly fields: readonly ParFieldResult[];
  /** Points achieved, bonus and penalty applied within their caps, bounded to [0, max]. */
  readonly achieved: Dec;
  /** The maximum the index is measured against (without survey points when the unit was rescaled). */
  readonly max: Dec;
  readonly bonusApplied: Dec;
  readonly penaltyApplied: Dec;
  readonly rescaled: boolean;
  /** achieved / max × 100, exact, and rounded once by the scheme. */
  readonly index: Dec;
  readonly percent: string;
  readonly band: { readonly code: string; readonly label: { vi: string; en: string } } | null;
  /** Tasks done / planned in percent, same rounding; `null` without tasks or with none planned. */
  readonly tasksPercent: string | null;
  /** Leaves by points lost, most first: what would raise the index most. */
  readonly improvements: readonly { readonly code: string; readonly lost: Dec }[];
}

/** Tasks done / planned in percent with the scheme's rounding; `null` when none were planned. */
export function taskCompletion(done: number, planned: number, decimals = 2, mode: "half-up" | "half-even" = "half-up"): string | null {
  if (planned === 0) return null;
  return new Dec(done).times(100).div(planned).toFixed(decimals, mode === "half-up" ? Dec.ROUND_HALF_UP : Dec.ROUND_HALF_EVEN);
}

/**
 * Scores one assessment: leaf points (latest appraisal round, else self), survey points, bonus and
 * penalty within their caps; index = achieved / maximum × 100 per field and overall. Without survey
 * points and with the `rescale` rule, the index is measured against the maximum without survey.
 */
export function scoreAssessment(scheme: ParScheme, assessment: ParAssessment): ParResult {
  const { definition } = scheme;
  const rounding = definition.rounding.mode === "half-up" ? Dec.ROUND_HALF_UP : Dec.ROUND_HALF_EVEN;
  const percentOf = (achieved: Dec, max: Dec) => (max.isZero() ? new Dec(0) : achieved.div(max).times(100));
  const rescaled = assessment.survey === null && definition.noSurvey === "rescale";
  const fields: ParFieldResult[] = definition.fields.map((field) => {
    const limits = scheme.fieldMax.get(field.code)!;
    const scored = [...scheme.leaves.values()].filter((leaf) => leaf.field === field.code).reduce((sum, leaf) => sum.plus(assessment.leaves.get(leaf.code)?.points ?? 0), new Dec(0));
    const survey = assessment.survey?.get(field.code) ?? new Dec(0);
    const max = rescaled ? limits.scored : limits.scored.plus(limits.survey);
    const achieved = scored.plus(survey);
    return { code: field.code, achieved, max, percent: percentOf(achieved, max).toFixed(definition.rounding.decimals, rounding) };
  });
  const bonusApplied = Dec.min(assessment.bonus, new Dec(definition.bonusMax));
  const penaltyApplied = Dec.min(assessment.penalty, new Dec(definition.penaltyMax));
  const max = rescaled ? scheme.max.minus(scheme.surveyMax) : scheme.max;
  const raw = fields.reduce((sum, field) => sum.plus(field.achieved), new Dec(0)).plus(bonusApplied).minus(penaltyApplied);
  const achieved = Dec.max(new Dec(0), Dec.min(max, raw));
  const index = percentOf(achieved, max);
  const percent = index.toFixed(definition.rounding.decimals, rounding);
  const band = definition.bands.find((entry) => new Dec(percent).gte(new Dec(entry.min))) ?? null;
  return {
    unit: assessment.unit,
    period: assessment.period,
    fields,
    achieved,
    max,
    bonusApplied,
    penaltyApplied,
    rescaled,
    index,
    percent,
    band: band && { code: band.code, label: band.label },
    tasksPercent: assessment.tasks ? taskCompletion(assessment.tasks.done, assessment.tasks.planned, definition.rounding.decimals, definition.rounding.mode) : null,
    improvements: [...scheme.leaves.values()]
      .map((leaf) => ({ code: leaf.code, lost: leaf.max.minus(assessment.leaves.get(leaf.code)?.points ?? 0) }))
      .filter((entry) => entry.lost.gt(0))
      .sort((a, b) => b.lost.comparedTo(a.lost) || a.code.localeCompare(b.code)),
  };
}

/** Ranks PAR results on the rounded index with the scheme's (or the given) tie rule. */
export function rankAssessments(results: readonly ParResult[], tie: TieRule) {
  return rankScores(results.map((result) => ({ id: result.unit, score: Math.round(Number(result.percent) * 100) })), tie);
}
