import type { Dataset } from "../input/dataset.js";
import type { UnitLevel } from "../input/schema.js";
import { rankAssessments, scoreAssessment, type ParResult } from "../../par/compute.js";
import { parsePeriod, type Period } from "../../kernel/period.js";
import { rankSurveys, scoreSurvey, type SipasResult } from "../../sipas/compute.js";
import type { Rank, TieRule } from "../../kernel/rank.js";
import { checkOptions } from "./options.js";

/** A unit's survey or PAR result with its rank within its level (`null`: not ranked, e.g. small sample). */
export interface Ranked<T> {
  readonly result: T;
  readonly rank: Rank | null;
}

export interface CompanionScores {
  readonly sipas: ReadonlyMap<string, Ranked<SipasResult>>;
  readonly par: ReadonlyMap<string, Ranked<ParResult>>;
}

/**
 * Entries for a period: those of the period itself, else those of its year (surveys and PAR are yearly).
 * Periods are compared by their canonical key (an entry's " 2026" is the year 2026).
 */
function forPeriod<T extends { unit: string; period: string }>(entries: readonly T[], period: Period): T[] {
  const keyOf = (entry: T) => parsePeriod(entry.period)?.key;
  const exact = entries.filter((entry) => keyOf(entry) === period.key);
  const units = new Set(exact.map((entry) => entry.unit));
  const yearly = period.kind === "year" ? [] : entries.filter((entry) => keyOf(entry) === String(period.year) && !units.has(entry.unit));
  return [...exact, ...yearly];
}

function rankWithin<T extends { unit: string }>(dataset: Dataset, results: readonly T[], rank: (results: readonly T[]) => Map<string, Rank>): Map<string, Ranked<T>> {
  const byLevel = new Map<UnitLevel, T[]>();
  for (const result of results) {
    const level = dataset.unitById.get(result.unit)?.level;
    if (level) byLevel.set(level, [...(byLevel.get(level) ?? []), result]);
  }
  const ranked = new Map<string, Ranked<T>>();
  for (const group of byLevel.values()) {
    const ranks = rank(group);
    for (const result of group) ranked.set(result.unit, { result, rank: ranks.get(result.unit) ?? null });
  }
  return ranked;
}

/**
 * Scores the SIPAS surveys and PAR assessments that apply to a period (the period's own, else its
 * year's), ranked within each level with the schemes' tie rules.
 */
export function scoreCompanions(dataset: Dataset, periodText: string, tie?: TieRule): CompanionScores {
  // The period and the tie rule are checked as `scoreDataset` checks them (a ChisoError naming the field).
  const period = checkOptions({ period: periodText, ...(tie !== undefined && { tie }) });
  const { companions } = dataset;
  const surveys = forPeriod(companions.surveys, period).map((survey) => scoreSurvey(companions.sipasScheme, survey));
  const assessments = forPeriod(companions.assessments, period).flatMap((assessment) => {
    const level = dataset.unitById.get(assessment.unit)?.level;
    const scheme = level ? companions.parSchemes[level] : undefined;
    return scheme ? [scoreAssessment(scheme, assessment)] : [];
  });
  return {
    sipas: rankWithin(dataset, surveys, (group) => rankSurveys(group, tie ?? companions.sipasScheme.definition.ranking.tie)),
    par: rankWithin(dataset, assessments, (group) => {
      const level = dataset.unitById.get(group[0]!.unit)!.level;
      return rankAssessments(group, tie ?? companions.parSchemes[level]?.definition.ranking.tie ?? "competition");
    }),
  };
}

/** The SIPAS and PAR results of a period as plain JSON (part of `chiso score`'s output). */
export function companionsToJson(scores: CompanionScores) {
  const rank = (entry: { rank: Rank | null }) => entry.rank;
  return {
    sipas: [...scores.sipas.values()].map((entry) => ({
      unit: entry.result.unit,
      period: entry.result.period,
      respondents: entry.result.respondents,
      overall: entry.result.overall.percent,
      aspects: entry.result.aspects.map((aspect) => ({ code: aspect.code, percent: aspect.percent })),
      items: entry.result.items.map((item) => ({ code: item.code, answered: item.answered, satisfied: item.satisfied, percent: item.percent, interval: item.interval })),
      smallSample: entry.result.smallSample,
      rank: rank(entry),
    })),
    par: [...scores.par.values()].map((entry) => ({
      unit: entry.result.unit,
      period: entry.result.period,
      achieved: entry.result.achieved.toString(),
      max: entry.result.max.toString(),
      percent: entry.result.percent,
      band: entry.result.band?.code ?? null,
      rescaled: entry.result.rescaled,
      fields: entry.result.fields.map((field) => ({ code: field.code, achieved: field.achieved.toString(), max: field.max.toString(), percent: field.percent })),
      tasksPercent: entry.result.tasksPercent,
      rank: rank(entry),
    })),
  };
}
