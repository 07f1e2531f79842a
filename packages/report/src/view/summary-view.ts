import type { CompanionScores, Dataset, Scorecard, UnitLevel, UnitScore } from "@chiso/core";
import { companionRankings } from "./companion-view.js";
import { labelsFor } from "../labels.js";
import { formatPoints } from "./format.js";
import type { LevelRankingView, PackContext, ProvinceSummaryView, RankingRowView, UnitListEntryView } from "./types.js";
import { blockBars, changeTexts, rankTexts, trendPoints, type History } from "./unit-view.js";

const RANKED_LEVELS: readonly UnitLevel[] = ["department", "commune"];

/** Units of a level under a province, ranked first (by position, then name), unranked last. */
export function unitsOfLevel(card: Scorecard, provinceId: string, level: UnitLevel): UnitScore[] {
  return card.units
    .filter((score) => score.unit.level === level && score.unit.parent === provinceId)
    .sort((a, b) => {
      const pa = a.standing.ranked ? a.standing.position : Infinity;
      const pb = b.standing.ranked ? b.standing.position : Infinity;
      return pa - pb || a.unit.name.localeCompare(b.unit.name, "vi");
    });
}

export function provinceSummaryView(
  context: PackContext,
  card: Scorecard,
  province: UnitScore,
  history: History,
  fileBase: string,
  companions?: { readonly dataset: Dataset; readonly scores: CompanionScores },
): ProvinceSummaryView {
  const { language } = context;
  const labels = labelsFor(language);
  const previousCard = history.previous;
  const row = (score: UnitScore): RankingRowView => {
    const change = changeTexts(score, previousCard?.unit(score.unit.id), language);
    return {
      rank: score.standing.ranked ? String(score.standing.position) : "—",
      name: score.unit.name,
      total: formatPoints(score.total, language),
      band: score.band?.label[language] ?? "—",
      change: change.score,
      rankChange: change.rank,
    };
  };
  const rankings: LevelRankingView[] = RANKED_LEVELS.map((level) => ({
    level,
    title: labels.rankingOf(labels.levels[level]),
    rows: unitsOfLevel(card, province.unit.id, level).filter((score) => score.standing.ranked).map(row),
  }));
  const children = RANKED_LEVELS.flatMap((level) => unitsOfLevel(card, province.unit.id, level));
  const ranked = children.filter((score) => score.standing.ranked && score.total !== null);
  const entry = (score: UnitScore, detail = ""): UnitListEntryView => ({
    name: score.unit.name,
    level: labels.levelNames[score.unit.level],
    total: formatPoints(score.total, language),
    detail,
  });
  const below = (units: number) => (score: UnitScore) => score.total!.units < units;
  const movers = ranked
    .flatMap((score) => {
      const before = previousCard?.unit(score.unit.id)?.total;
      return before ? [{ score, delta: score.total!.minus(before) }] : [];
    })
    .filter(({ delta }) => delta.units !== 0)
    .sort((a, b) => Math.abs(b.delta.units) - Math.abs(a.delta.units) || a.score.unit.name.localeCompare(b.score.unit.name, "vi"))
    .slice(0, 10)
    .map(({ score }) => entry(score, changeTexts(score, previousCard?.unit(score.unit.id), language).score));
  const hundredths = 10 ** card.scheme.decimals;
  return {
    context,
    provinceName: province.unit.name,
    fileBase,
    total: formatPoints(province.total, language),
    band: province.band?.label[language] ?? "—",
    scoreChange: changeTexts(province, previousCard?.unit(province.unit.id), language).score,
    blocks: blockBars(card.scheme, province, language),
    trend: trendPoints(province.unit.id, history, language),
    rankings,
    below80: ranked.filter(below(80 * hundredths)).map((score) => entry(score, rankTexts(score, labels).rank)),
    between80and90: ranked.filter((score) => !below(80 * hundredths)(score) && below(90 * hundredths)(score)).map((score) => entry(score, rankTexts(score, labels).rank)),
    movers,
    unranked: children.filter((score) => !score.standing.ranked).map((score) => entry(score, rankTexts(score, labels).detail)),
    ...(companions
      ? (({ sipas, par }) => ({ sipasRankings: sipas, parRankings: par }))(companionRankings(companions.dataset, companions.scores, province.unit.id, language))
      : { sipasRankings: [], parRankings: [] }),
  };
}
