import { formatPeriod, parsePeriod, type CompanionScores, type Dataset, type Language, type ParResult, type Rank, type Ranked, type SipasResult, type UnitLevel } from "@chiso/core";
import { labelsFor } from "../labels.js";
import { formatDecimalText } from "./format.js";
import type { LevelRankingView, ParView, SipasView } from "./types.js";

const periodLabel = (key: string, language: Language) => {
  const period = parsePeriod(key);
  return period ? formatPeriod(period, language) : key;
};
const pct = (text: string | null, language: Language) => (text === null ? "—" : `${formatDecimalText(text, language)}%`);
const rankText = (rank: Rank | null) => (rank ? `${rank.position}/${rank.of}${rank.tied ? " (=)" : ""}` : "—");

/** A unit's SIPAS section; `null` when it had no survey this period. */
export function sipasView(dataset: Dataset, ranked: Ranked<SipasResult> | undefined, language: Language): SipasView | null {
  if (!ranked) return null;
  const labels = labelsFor(language);
  const { result } = ranked;
  const scheme = dataset.companions.sipasScheme;
  const definition = scheme.definition;
  const band = result.overall.percent === null ? null : definition.bands.find((entry) => Number(result.overall.percent) >= Number(entry.min));
  const names = new Map<string, string>();
  for (const aspect of definition.aspects) {
    names.set(aspect.code, aspect.name[language]);
    for (const factor of aspect.factors) for (const item of factor.items) names.set(item.code, item.name[language]);
  }
  const itemIntervals = new Map(result.items.map((item) => [item.code, item]));
  return {
    period: periodLabel(result.period, language),
    overall: pct(result.overall.percent, language),
    band: band?.label[language] ?? "—",
    respondents: formatDecimalText(String(result.respondents), language),
    rank: result.smallSample ? labels.unranked : rankText(ranked.rank),
    warning: result.smallSample ? labels.smallSample(result.respondents, definition.minRespondents) : null,
    parts: result.aspects.map((aspect) => ({ label: names.get(aspect.code) ?? aspect.code, percent: pct(aspect.percent, language), interval: "" })),
    improvements: sipasImprovementsText(dataset, result, language, itemIntervals),
  };
}

function sipasImprovementsText(dataset: Dataset, result: SipasResult, language: Language, items: ReadonlyMap<string, SipasResult["items"][number]>): string[] {
  const labels = labelsFor(language);
  const scheme = dataset.companions.sipasScheme;
  const lowest = [...items.values()].filter((item) => item.share !== null && item.share.lt(1)).sort((a, b) => a.share!.comparedTo(b.share!)).slice(0, 2);
  const nameOf = (code: string) => {
    for (const aspect of scheme.definition.aspects) for (const factor of aspect.factors) for (const item of factor.items) if (item.code === code) return item.name[language];
    return code;
  };
  return lowest.map((item) => `${nameOf(item.code)}: ${pct(item.percent, language)} (${labels.interval} ${formatDecimalText(item.interval!.low, language)}–${formatDecimalText(item.interval!.high, language)}%)`);
}

/** A unit's PAR Index section; `null` when it had no assessment this period. */
export function parView(dataset: Dataset, level: UnitLevel, ranked: Ranked<ParResult> | undefined, language: Language): ParView | null {
  const scheme = dataset.companions.parSchemes[level];
  if (!ranked || !scheme) return null;
  const labels = labelsFor(language);
  const { result } = ranked;
  const fieldName = new Map(scheme.definition.fields.map((field) => [field.code, field.name[language]]));
  const leafName = new Map<string, string>();
  for (const field of scheme.definition.fields) {
    for (const criterion of field.criteria) {
      leafName.set(criterion.code, criterion.name[language]);
      for (const sub of criterion.subCriteria ?? []) leafName.set(sub.code, sub.name[language]);
    }
  }
  const number = (value: { toFixed(decimals: number): string }) => formatDecimalText(value.toFixed(2), language);
  return {
    period: periodLabel(result.period, language),
    index: pct(result.percent, language),
    band: result.band?.label[language] ?? "—",
    rank: rankText(ranked.rank),
    achieved: `${number(result.achieved)} / ${number(result.max)}`,
    note: result.rescaled ? labels.rescaled : null,
    fields: result.fields.map((field) => ({ label: `${field.code} ${fieldName.get(field.code) ?? ""}`, points: `${number(field.achieved)} / ${number(field.max)}`, percent: pct(field.percent, language) })),
    tasks: result.tasksPercent === null ? null : pct(result.tasksPercent, language),
    improvements: result.improvements.slice(0, 3).map((entry) => labels.parGain(entry.code, leafName.get(entry.code) ?? "", number(entry.lost))),
  };
}

/** Rankings by SIPAS and by PAR per ranked level, for the province summary. */
export function companionRankings(dataset: Dataset, scores: CompanionScores, provinceId: string, language: Language): { sipas: LevelRankingView[]; par: LevelRankingView[] } {
  const labels = labelsFor(language);
  const levels: UnitLevel[] = ["department", "commune"];
  const rows = <T>(map: ReadonlyMap<string, Ranked<T>>, level: UnitLevel, percentOf: (result: T) => string | null, bandOf: (result: T) => string) =>
    [...map.entries()]
      .filter(([id, entry]) => entry.rank && dataset.unitById.get(id)?.level === level && dataset.unitById.get(id)?.parent === provinceId)
      .sort(([, a], [, b]) => a.rank!.position - b.rank!.position)
      .map(([id, entry]) => ({ rank: String(entry.rank!.position), name: dataset.unitById.get(id)!.name, total: pct(percentOf(entry.result), language), band: bandOf(entry.result), tone: "neutral" as const, change: "", rankChange: "", sipas: "", par: "" }));
  const sipasBand = (result: SipasResult) => dataset.companions.sipasScheme.definition.bands.find((entry) => Number(result.overall.percent) >= Number(entry.min))?.label[language] ?? "—";
  return {
    sipas: levels.map((level) => ({ level, title: labels.sipasRankingOf(labels.levels[level]), table: "", rows: rows(scores.sipas, level, (result) => result.overall.percent, sipasBand) })),
    par: levels.map((level) => ({ level, title: labels.parRankingOf(labels.levels[level]), table: "", rows: rows(scores.par, level, (result) => result.percent, (result) => result.band?.label[language] ?? "—") })),
  };
}
