import { Dec } from "../kernel/arithmetic/decimal.js";
import { ChisoError, type Issue, type SafeResult } from "../kernel/errors.js";
import { parsePeriod } from "../kernel/period.js";
import { rankScores, type TieRule } from "../kernel/rank.js";
import { fromZodIssues } from "../kernel/zod-issues.js";
import { sipasSchemeSchema, sipasSurveySchema, type SipasSchemeData } from "./schema.js";
import { wilsonInterval } from "./wilson.js";

/** A validated survey scheme. */
export interface SipasScheme {
  readonly definition: SipasSchemeData;
  readonly id: string;
  readonly version: string;
  /** Item code → where it sits. */
  readonly itemPlace: ReadonlyMap<string, { aspect: string; factor: string }>;
  readonly scaleValues: ReadonlySet<number>;
  readonly satisfied: ReadonlySet<number>;
}

/** Validates a survey scheme and checks it: unique codes, satisfied answers on the scale, ordered bands. */
export function parseSipasScheme(input: unknown): SipasScheme {
  const parsed = sipasSchemeSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ChisoError("INVALID_SCHEME", fromZodIssues(parsed.error.issues));
  const data = parsed.data;
  const issues: Issue[] = [];
  const itemPlace = new Map<string, { aspect: string; factor: string }>();
  const codes = new Set<string>();
  data.aspects.forEach((aspect, a) => {
    for (const [code, path] of [[aspect.code, ["aspects", a, "code"]] as const, ...aspect.factors.map((factor, f) => [factor.code, ["aspects", a, "factors", f, "code"]] as const)]) {
      if (codes.has(code)) issues.push({ code: "scheme_duplicate_code", path, params: { code } });
      codes.add(code);
    }
    aspect.factors.forEach((factor, f) =>
      factor.items.forEach((item, i) => {
        if (codes.has(item.code)) issues.push({ code: "scheme_duplicate_code", path: ["aspects", a, "factors", f, "items", i, "code"], params: { code: item.code } });
        codes.add(item.code);
        itemPlace.set(item.code, { aspect: aspect.code, factor: factor.code });
      }),
    );
  });
  const scaleValues = new Set(data.scale.map((level) => level.value));
  data.satisfied.forEach((value, index) => {
    if (!scaleValues.has(value)) issues.push({ code: "invalid_value", path: ["satisfied", index], params: { detail: String(value), allowed: [...scaleValues].join(", ") } });
  });
  for (let index = 1; index < data.bands.length; index += 1) {
    if (!(Number(data.bands[index - 1]!.min) > Number(data.bands[index]!.min))) issues.push({ code: "scheme_band_order", path: ["bands", index, "min"], params: {} });
  }
  if (issues.length > 0) throw new ChisoError("INVALID_SCHEME", issues);
  return { definition: data, id: data.id, version: data.version, itemPlace, scaleValues, satisfied: new Set(data.satisfied) };
}

/** A unit's survey reduced to counts: per item, answers per level; and how many people answered. */
export interface SipasSurvey {
  readonly unit: string;
  readonly period: string;
  readonly respondents: number;
  /** Item code → answer value → count. */
  readonly tallies: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

/**
 * Validates surveys against a scheme, every problem in one pass: unknown items, answers off the scale,
 * duplicate unit-periods, invalid periods. Raw responses are tallied; a respondent who did not answer
 * an item is not counted for it.
 */
export function safeParseSurveys(input: unknown, scheme: SipasScheme, basePath: readonly (string | number)[] = ["surveys"]): SafeResult<SipasSurvey[]> {
  const list = Array.isArray(input) ? input : [];
  const issues: Issue[] = Array.isArray(input) ? [] : [{ code: "invalid_type", path: basePath, params: { expected: "array", received: typeof input } }];
  const surveys: SipasSurvey[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const path = [...basePath, index];
    const parsed = sipasSurveySchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, path));
      return;
    }
    const survey = parsed.data;
    if (!parsePeriod(survey.period)) issues.push({ code: "invalid_period", path: [...path, "period"], params: { received: survey.period } });
    const key = `${survey.unit}|${survey.period}`;
    if (seen.has(key)) issues.push({ code: "duplicate_unit_period", path, params: { unit: survey.unit, period: survey.period, first: `${basePath.join(".")}[${seen.get(key)}]` } });
    seen.set(key, index);
    const tallies = new Map<string, Map<number, number>>();
    const unknown = new Set<string>();
    const add = (item: string, answer: number, count: number, at: readonly (string | number)[]) => {
      if (!scheme.itemPlace.has(item)) {
        // Once per question, not once per answer level.
        if (!unknown.has(item)) issues.push({ code: "unknown_item", path: at, params: { item, scheme: scheme.id } });
        return unknown.add(item);
      }
      if (!scheme.scaleValues.has(answer)) return issues.push({ code: "invalid_value", path: at, params: { detail: String(answer), allowed: [...scheme.scaleValues].join(", ") } });
      const counts = tallies.get(item) ?? new Map<number, number>();
      counts.set(answer, (counts.get(answer) ?? 0) + count);
      tallies.set(item, counts);
    };
    let respondents: number;
    if ("responses" in survey) {
      survey.responses.forEach((response, r) => response.answer !== null && add(response.item, response.answer, 1, [...path, "responses", r]));
      respondents = new Set(survey.responses.map((response) => response.respondent)).size;
    } else {
      // zod drops an own `__proto__` key without a word: a question coded so is unknown, not lost.
      const rawTallies = (raw as { tallies?: unknown }).tallies;
      if (typeof rawTallies === "object" && rawTallies !== null && Object.hasOwn(rawTallies, "__proto__")) add("__proto__", 0, 0, [...path, "tallies", "__proto__"]);
      for (const [item, counts] of Object.entries(survey.tallies)) {
        for (const [answer, count] of Object.entries(counts)) add(item, Number(answer), count, [...path, "tallies", item, answer]);
      }
      const answered = [...tallies.values()].map((counts) => [...counts.values()].reduce((sum, count) => sum + count, 0));
      respondents = survey.respondents ?? Math.max(0, ...answered);
    }
    surveys.push({ unit: survey.unit, period: survey.period, respondents, tallies });
  });
  if (issues.length > 0) return { success: false, error: new ChisoError("INVALID_INPUT", issues) };
  return { success: true, data: surveys };
}

export interface SipasItemResult {
  readonly code: string;
  readonly answered: number;
  readonly satisfied: number;
  /** satisfied / answered, exact; `null` when nobody answered. */
  readonly share: Dec | null;
  /** The share in percent, rounded once by the scheme ("87.50"). */
  readonly percent: string | null;
  /** 95% Wilson interval, in percent (rounded outward to the scheme's decimals). */
  readonly interval: { readonly low: string; readonly high: string } | null;
}

export interface SipasPartResult {
  readonly code: string;
  /** Mean (or weighted mean) of its parts with data, exact; `null` when none has data. */
  readonly index: Dec | null;
  readonly percent: string | null;
}

export interface SipasResult {
  readonly unit: string;
  readonly period: string;
  readonly respondents: number;
  readonly items: readonly SipasItemResult[];
  readonly factors: readonly SipasPartResult[];
  readonly aspects: readonly SipasPartResult[];
  readonly overall: SipasPartResult;
  /** Fewer respondents than the scheme's minimum: reported, not ranked. */
  readonly smallSample: boolean;
}

function weightedMean(parts: readonly { index: Dec | null; weight: number }[]): Dec | null {
  const present = parts.filter((part) => part.index !== null);
  if (present.length === 0) return null;
  const totalWeight = present.reduce((sum, part) => sum.plus(part.weight), new Dec(0));
  return present.reduce((sum, part) => sum.plus(part.index!.times(part.weight)), new Dec(0)).div(totalWeight);
}

/**
 * Scores one survey: each item's share of satisfied respondents among those who answered, with a 95%
 * Wilson interval; factors, aspects and the overall index as (weighted) means of their parts.
 */
export function scoreSurvey(scheme: SipasScheme, survey: SipasSurvey): SipasResult {
  const { definition } = scheme;
  const decimals = definition.rounding.decimals;
  const rounding = definition.rounding.mode === "half-up" ? Dec.ROUND_HALF_UP : Dec.ROUND_HALF_EVEN;
  const percent = (index: Dec | null) => (index === null ? null : index.times(100).toFixed(decimals, rounding));
  const items: SipasItemResult[] = [];
  const itemIndex = new Map<string, Dec | null>();
  for (const aspect of definition.aspects) {
    for (const factor of aspect.factors) {
      for (const item of factor.items) {
        const counts = survey.tallies.get(item.code);
        let answered = 0;
        let satisfied = 0;
        for (const [answer, count] of counts ?? []) {
          answered += count;
          if (scheme.satisfied.has(answer)) satisfied += count;
        }
        const share = answered > 0 ? new Dec(satisfied).div(answered) : null;
        itemIndex.set(item.code, share);
        const interval = answered > 0 ? wilsonInterval(satisfied, answered) : null;
        items.push({
          code: item.code,
          answered,
          satisfied,
          share,
          percent: percent(share),
          interval: interval && { low: new Dec(interval.low).times(100).toFixed(decimals, Dec.ROUND_FLOOR), high: new Dec(interval.high).times(100).toFixed(decimals, Dec.ROUND_CEIL) },
        });
      }
    }
  }
  const factors: SipasPartResult[] = [];
  const aspects: SipasPartResult[] = [];
  const aspectParts: { index: Dec | null; weight: number }[] = [];
  for (const aspect of definition.aspects) {
    const factorParts = aspect.factors.map((factor) => {
      const index = weightedMean(factor.items.map((item) => ({ index: itemIndex.get(item.code) ?? null, weight: item.weight ?? 1 })));
      factors.push({ code: factor.code, index, percent: percent(index) });
      return { index, weight: factor.weight ?? 1 };
    });
    const index = weightedMean(factorParts);
    aspects.push({ code: aspect.code, index, percent: percent(index) });
    aspectParts.push({ index, weight: aspect.weight ?? 1 });
  }
  const overall = weightedMean(aspectParts);
  return {
    unit: survey.unit,
    period: survey.period,
    respondents: survey.respondents,
    items,
    factors,
    aspects,
    overall: { code: "OVERALL", index: overall, percent: percent(overall) },
    smallSample: survey.respondents < definition.minRespondents,
  };
}

/** Ranks survey results on the rounded overall index; small samples and surveys without data are left out. */
export function rankSurveys(results: readonly SipasResult[], tie: TieRule) {
  const eligible = results.filter((result) => !result.smallSample && result.overall.percent !== null);
  return rankScores(eligible.map((result) => ({ id: result.unit, score: Math.round(Number(result.overall.percent) * 100) })), tie);
}

/** The items that would raise the overall index most if all their respondents were satisfied. */
export function sipasImprovements(scheme: SipasScheme, result: SipasResult, limit = 3): { code: string; gainPercent: string }[] {
  const aspects = scheme.definition.aspects;
  const aspectWeight = aspects.reduce((sum, aspect) => sum + (aspect.weight ?? 1), 0);
  return result.items
    .filter((item) => item.share !== null && item.share.lt(1))
    .map((item) => {
      const place = scheme.itemPlace.get(item.code)!;
      const aspect = aspects.find((entry) => entry.code === place.aspect)!;
      const factor = aspect.factors.find((entry) => entry.code === place.factor)!;
      const factorWeight = aspect.factors.reduce((sum, entry) => sum + (entry.weight ?? 1), 0);
      const itemWeight = factor.items.reduce((sum, entry) => sum + (entry.weight ?? 1), 0);
      const share = new Dec(aspect.weight ?? 1).div(aspectWeight).times(factor.weight ?? 1).div(factorWeight).times(factor.items.find((entry) => entry.code === item.code)!.weight ?? 1).div(itemWeight);
      return { code: item.code, gain: new Dec(1).minus(item.share!).times(share).times(100) };
    })
    .sort((a, b) => b.gain.comparedTo(a.gain))
    .slice(0, limit)
    .map(({ code, gain }) => ({ code, gainPercent: gain.toFixed(2, Dec.ROUND_HALF_UP) }));
}
