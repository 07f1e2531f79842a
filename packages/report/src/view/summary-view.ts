import { formatPeriod, previousPeriod, type CompanionScores, type Dataset, type Scorecard, type UnitLevel, type UnitScore } from "@chiso/core";
import { companionRankings } from "./companion-view.js";
import { comparableChanges } from "./comparison.js";
import { labelsFor } from "../labels.js";
import { fillWording, assessmentParagraphs, dispatchParagraphs, taskParagraphs, type AssessmentInput } from "./assessment.js";
import { formatPoints } from "./format.js";
import { summaryNotices } from "./notices.js";
import type { ProvinceProfile } from "../profile/profile.js";
import type { LevelRankingView, PackContext, ProvinceSummaryView, RankingRowView, UnitListEntryView } from "./types.js";
import { bandOf, blockBars, changeTexts, positionText, toneOf, trendPoints, unitKind, unrankedReason, type History } from "./unit-view.js";

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

/** A period inside a sentence: "tháng 10/2026" (Vietnamese lower-cases the first letter). */
function inSentence(label: string, language: "vi" | "en"): string {
  return language === "vi" ? label.charAt(0).toLocaleLowerCase("vi") + label.slice(1) : label;
}

/**
 * The province summary: its score and written assessment, the units to watch (referring to the
 * ranking tables by number), the tasks, and one ranking table per level with SIPAS and PAR beside
 * the index — each unit is ranked once.
 */
export function provinceSummaryView(
  context: PackContext,
  card: Scorecard,
  province: UnitScore,
  history: History,
  fileBase: string,
  companions?: { readonly dataset: Dataset; readonly scores: CompanionScores },
  wording?: ProvinceProfile["wording"],
): ProvinceSummaryView {
  const { language } = context;
  const labels = labelsFor(language);
  const previousCard = history.previous;
  const percent = (text: string | null | undefined) => (text ? `${text.replace(".", language === "vi" ? "," : ".")}` : "");
  const row = (score: UnitScore): RankingRowView => {
    const change = changeTexts(score, history, language);
    const sipas = companions?.scores.sipas.get(score.unit.id)?.result.overall.percent;
    const par = companions?.scores.par.get(score.unit.id)?.result.percent;
    return {
      rank: score.standing.ranked ? positionText(score.standing.position, score.standing.tied) : "—",
      name: score.unit.name,
      total: formatPoints(score.total, language),
      band: bandOf(score)?.label[language] ?? "—",
      tone: toneOf(card.scheme, score),
      change: change.score,
      rankChange: change.rank,
      sipas: percent(sipas),
      par: percent(par),
    };
  };
  const rankings: LevelRankingView[] = RANKED_LEVELS.map((level, index) => ({
    level,
    title: labels.rankingOf(labels.levels[level]),
    table: labels.table(index + 1),
    rows: unitsOfLevel(card, province.unit.id, level).filter((score) => score.standing.ranked).map(row),
  }));
  const tableOf = (level: UnitLevel) => rankings.find((ranking) => ranking.level === level)?.table ?? "";
  const children = RANKED_LEVELS.flatMap((level) => unitsOfLevel(card, province.unit.id, level));
  const ranked = children.filter((score) => score.standing.ranked && score.total !== null);
  const entry = (score: UnitScore, detail = ""): UnitListEntryView => ({
    name: score.unit.name,
    level: unitKind(score.unit.name, score.unit.level, labels),
    total: formatPoints(score.total, language),
    detail,
  });
  const rankRef = (score: UnitScore) => (score.standing.ranked ? `${positionText(score.standing.position, score.standing.tied)}/${score.standing.of} (${tableOf(score.unit.level)})` : "");
  const below = (units: number) => (score: UnitScore) => score.total!.units < units;
  // Only units whose figures are complete in both periods: a change against a partial total is not a move.
  const movers = comparableChanges(ranked, previousCard, history.refused)
    .filter(({ delta }) => delta.units !== 0)
    .sort((a, b) => Math.abs(b.delta.units) - Math.abs(a.delta.units) || a.score.unit.name.localeCompare(b.score.unit.name, "vi"))
    .slice(0, 10)
    .map(({ score }) => entry(score, changeTexts(score, history, language).score));
  const hundredths = 10 ** card.scheme.decimals;
  const period = inSentence(context.periodLabel, language);
  const input: AssessmentInput = {
    language,
    scheme: card.scheme,
    province,
    previousProvince: previousCard?.unit(province.unit.id),
    children,
    previous: previousCard,
    ...(history.refused && { refused: history.refused }),
    period,
    previousPeriod: inSentence(formatPeriod(previousPeriod(card.period), language), language),
    provisional: context.provisional,
    issuer: context.official.issuerInText,
    reportNumber: context.official.reportNumber.replace(/^Số: /u, "số "),
    findingsCount: card.findings.filter((finding) => children.some((score) => score.unit.id === finding.unit)).length,
  };
  const fill = (paragraphs: readonly string[] | undefined) => (paragraphs ? fillWording(paragraphs, { period, province: province.unit.name }) : undefined);
  return {
    context,
    provinceName: province.unit.name,
    fileBase,
    total: formatPoints(province.total, language),
    band: province.band?.label[language] ?? null,
    tone: toneOf(card.scheme, province),
    ...(({ score, note }) => ({ scoreChange: score, changeNote: note }))(changeTexts(province, history, language)),
    notices: companions ? summaryNotices(context, card, province, children, companions.dataset, companions.scores) : [],
    subject: labels.subject(period),
    dispatchAbout: labels.dispatchAbout(period),
    assessment: fill(wording?.assessment) ?? assessmentParagraphs(input),
    tasks: fill(wording?.tasks) ?? taskParagraphs(input),
    dispatch: fill(wording?.dispatch) ?? dispatchParagraphs(input),
    blocks: blockBars(card.scheme, province, language),
    trend: trendPoints(province.unit.id, history, language),
    rankings,
    below80: ranked.filter(below(80 * hundredths)).map((score) => entry(score, rankRef(score))),
    between80and90: ranked.filter((score) => !below(80 * hundredths)(score) && below(90 * hundredths)(score)).map((score) => entry(score, rankRef(score))),
    movers,
    unranked: children.filter((score) => !score.standing.ranked).map((score) => entry(score, unrankedReason(score, labels, history.refused))),
    ...(companions
      ? (({ sipas, par }) => ({ sipasRankings: sipas, parRankings: par }))(companionRankings(companions.dataset, companions.scores, province.unit.id, language))
      : { sipasRankings: [], parRankings: [] }),
  };
}
