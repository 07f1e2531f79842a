import {
  type CompanionScores,
  type Dataset,
  describeFinding,
  explainUnit,
  planImprovements,
  type Finding,
  type ItemExplanation,
  type Language,
  type Scheme,
  type Scorecard,
  type UnitScore,
} from "@chiso/core";
import { labelsFor, type Labels } from "../labels.js";
import { compareWithPrevious, isComplete, type RefusedFigures } from "./comparison.js";
import { parView, sipasView } from "./companion-view.js";
import { formatChange, formatCount, formatDecimalText, formatPercentText, formatPoints } from "./format.js";
import { displayId, itemName } from "./item-name.js";
import { evidenceLines } from "./evidence.js";
import { unitNotices } from "./notices.js";
import type { ActionView, BlockBarView, ItemRowView, PackContext, Tone, TrendPointView, UnitScorecardView } from "./types.js";

/** Scorecards of the periods a unit's page compares with: the previous period and the trend months. */
export interface History {
  readonly previous: Scorecard | null;
  /** Oldest first, ending with the current period. */
  readonly trend: readonly Scorecard[];
  /** Units whose figures lost rejected input rows, by period: their totals are partial, so not compared. */
  readonly refused?: RefusedFigures;
}

/**
 * The colour of a score: from its band's position among the scheme's bands (best band good, the
 * next fair, lower bad), neutral when it has none (no data, no dossiers, incomplete).
 */
export function toneOf(scheme: Scheme, score: UnitScore): Tone {
  if (!bandOf(score) || score.total === null) return "neutral";
  return shareTone(score.total.toNumber() / score.max.toNumber());
}

/**
 * The band a unit is shown with: none when it had no dossiers in the period — its score rests on its
 * catalogue items alone, so it is shown, but not graded (and not coloured as failing).
 */
export function bandOf(score: UnitScore): UnitScore["band"] | null {
  if (!score.standing.ranked && score.standing.reason === "no_dossiers") return null;
  return score.band ?? null;
}

/** Good from 90% of the maximum, fair from 80%, bad below (the common local bands). */
export function shareTone(share: number): Tone {
  return share >= 0.9 ? "good" : share >= 0.8 ? "fair" : "bad";
}

/** A block some of whose scored items have no figures: not a low score but an incomplete one. */
export function isPartialBlock(scheme: Scheme, score: UnitScore, index: number): boolean {
  if (score.blocks[index]?.origin === "published") return false;
  return scheme.blocks[index]!.itemIndices.some((item) => score.items[item]?.status === "missing" && scheme.items[item]!.maxUnits > 0);
}

/**
 * The six blocks as bars against their maxima. Labelled by name only: the blocks are the portal's
 * view (six) and the items are numbered by the decision's five groups, so block numbers would clash.
 */
export function blockBars(scheme: Scheme, score: UnitScore, language: Language): BlockBarView[] {
  const labels = labelsFor(language);
  return score.blocks.map((block, index) => {
    const section = scheme.blocks[index]!;
    const points = block.points?.toNumber() ?? null;
    const max = block.max.toNumber();
    const partial = isPartialBlock(scheme, score, index);
    return {
      label: section.name[language],
      points,
      max,
      text: `${formatPoints(block.points, language)} / ${formatPoints(block.max, language)}`,
      tone: points === null || partial ? "neutral" : shareTone(points / max),
      note: block.origin === "published" ? labels.publishedNote : partial ? labels.partialBlock : null,
    };
  });
}

export { displayId } from "./item-name.js";

/** What a commune-level unit is, from its name: "Phường …" is a ward, "Đặc khu …" a special zone. */
export function unitKind(name: string, level: UnitScore["unit"]["level"], labels: Labels): string {
  if (level !== "commune") return labels.levelNames[level];
  const kind = labels.communeKinds.find(([prefix]) => name.toLocaleLowerCase("vi").startsWith(prefix));
  return kind ? kind[1] : labels.levelNames.commune;
}

/** The unit's total in each trend period (`null` where it had no data), marked where it is partial. */
export function trendPoints(unitId: string, history: History, language: Language): TrendPointView[] {
  return history.trend.map((card) => {
    const score = card.unit(unitId);
    const total = score?.total ?? null;
    return {
      partial: score !== undefined && total !== null && !isComplete(score, history.refused),
      // Short axis labels: "10/26" for months, "Q3/26" for quarters, "2026" for years.
      label: card.period.kind === "year" ? String(card.period.year) : `${card.period.kind === "quarter" ? "Q" : ""}${card.period.index}/${String(card.period.year).slice(2)}`,
      value: total?.toNumber() ?? null,
      text: formatPoints(total, language),
    };
  });
}

/** A position as printed everywhere (rankings, lists, cards): "5", "5 (=)" when tied. */
export function positionText(position: number, tied: boolean): string {
  return `${position}${tied ? " (=)" : ""}`;
}

/** Why a unit is not ranked, as printed: a rejected input row of its own comes first, else the core's reason. */
export function unrankedReason(score: UnitScore, labels: Labels, refused: RefusedFigures | undefined): string {
  if (score.standing.ranked) return "";
  return refused?.has(score.unit.id, score.period) ? labels.reasonRejected : labels.reason[score.standing.reason];
}

export function rankTexts(score: UnitScore, labels: Labels, refused?: RefusedFigures): { rank: string; detail: string } {
  if (!score.standing.ranked) return { rank: labels.unranked, detail: unrankedReason(score, labels, refused) };
  const { position, of, tied } = score.standing;
  return { rank: `${position}/${of}${tied ? " (=)" : ""}`, detail: labels.rankWithin(labels.levels[score.unit.level]) };
}

/**
 * Change of total and rank since the previous period, as printed ("+1,20", "↑2") — or, when either
 * period's figures are incomplete for the unit, why there is none (no change against a partial total).
 */
export function changeTexts(score: UnitScore, history: History, language: Language): { score: string; rank: string; note: string | null; comparable: boolean } {
  const labels = labelsFor(language);
  const comparison = compareWithPrevious(score, history.previous?.unit(score.unit.id), history.refused);
  if (!comparison.comparable) return { score: "—", rank: "—", note: labels.noComparison[comparison.reason], comparable: false };
  const scoreChange = formatChange(comparison.change, language);
  const { previous } = comparison;
  if (!score.standing.ranked || !previous.standing.ranked) return { score: scoreChange, rank: "—", note: null, comparable: true };
  return { score: scoreChange, rank: labels.rankMove(previous.standing.position - score.standing.position), note: null, comparable: true };
}

function itemNote(explanation: ItemExplanation, labels: Labels, blockPublished: boolean): string | null {
  const { score } = explanation;
  if (score.status === "missing") return blockPublished ? labels.publishedNote : labels.noData;
  if (score.status === "tracking") return labels.tracking;
  if (score.status === "transferred") return labels.transferred;
  if (score.status === "empty") {
    const policy = explanation.item.emptyDenominator.policy;
    // The portal returns some items without counts (null) and scores them by the item's rule.
    if (score.counts === null) return policy === "full" ? labels.portalNullFull : policy === "zero" ? labels.portalNullZero : labels.portalNull;
    if (policy === "full") return labels.emptyFull;
    if (policy === "zero") return explanation.item.scope === "dossier" ? labels.noDossiers : labels.emptyZero;
    return labels.noData;
  }
  if (score.origin === "parent") return labels.inherited;
  return null;
}

/** The item table; `previous` only when the two periods compare (see `changeTexts`), else no item changes. */
export function itemRows(scheme: Scheme, score: UnitScore, previous: UnitScore | undefined, language: Language): ItemRowView[] {
  const labels = labelsFor(language);
  const blockOf = new Map(scheme.blocks.flatMap((block) => block.itemIndices.map((index) => [index, block.name[language]] as const)));
  const publishedItems = new Set(scheme.blocks.flatMap((block, position) => (score.blocks[position]?.origin === "published" ? block.itemIndices : [])));
  return explainUnit(scheme, score).map((explanation, index) => {
    const { item, score: itemScore } = explanation;
    const before = previous?.items[index]?.points ?? null;
    const counts = itemScore.counts;
    return {
      id: displayId(item.id),
      code: item.code,
      name: item.name[language],
      numerator: counts ? formatCount(counts.numerator, language) : "—",
      denominator: counts ? formatCount(counts.denominator, language) : "—",
      ratio: explanation.ratioPercent === null ? "—" : formatPercentText(explanation.ratioPercent, language),
      threshold: `${formatDecimalText(explanation.thresholdPercent, language)}%`,
      points: formatPoints(itemScore.points, language),
      max: formatPoints(itemScore.max, language),
      lost: formatPoints(explanation.pointsLost, language),
      change: itemScore.points && before ? formatChange(itemScore.points.minus(before), language) : "—",
      note: itemNote(explanation, labels, publishedItems.has(index)),
      lostValue: explanation.pointsLost?.toNumber() ?? 0,
      badge: item.id.endsWith(".x") ? labels.unnumbered : null,
      block: blockOf.get(index) ?? "",
    };
  });
}

/**
 * The planner's top items as sentences: what to raise, by how much, for how many points — with, when the
 * figures came from dossier records, the dossiers behind the lost points.
 */
export function actions(scheme: Scheme, score: UnitScore, language: Language, limit = 4, evidence?: { dataset: Dataset; periodKey: string }): ActionView[] {
  const labels = labelsFor(language);
  return planImprovements(scheme, score, limit).map((explanation) => {
    const full = explanation.toFullMarks!;
    const counts = explanation.score.counts!;
    let text = labels.action(
      explanation.item.numerator[language],
      formatCount(full.increase, language),
      formatCount(full.numerator, language),
      formatCount(counts.denominator, language),
      formatPoints(full.points, language),
    );
    const next = explanation.toNextPoint;
    if (next && next.increase < full.increase) text += ` ${labels.actionNext(formatCount(next.increase, language), formatPoints(next.points, language))}`;
    const details = evidence ? evidenceLines(evidence.dataset, scheme, score.unit.id, evidence.periodKey, explanation.item.code, language) : [];
    return { item: `${itemName(explanation.item, language)} (−${formatPoints(explanation.pointsLost, language)})`, text, ...(details.length > 0 && { details }) };
  });
}

/** A finding as one printed line, with the item it concerns. */
export function findingText(scheme: Scheme, finding: Finding, language: Language): string {
  const item = finding.item ? scheme.itemByCode.get(finding.item) : undefined;
  return `${item ? `${itemName(item, language)}: ` : ""}${describeFinding(finding, language)}`;
}

export function unitScorecardView(
  context: PackContext,
  card: Scorecard,
  score: UnitScore,
  history: History,
  fileBase: string,
  findings: readonly Finding[],
  companions?: { readonly dataset: Dataset; readonly scores: CompanionScores },
): UnitScorecardView {
  const { language } = context;
  const labels = labelsFor(language);
  const rank = rankTexts(score, labels, history.refused);
  const change = changeTexts(score, history, language);
  const previous = change.comparable ? history.previous?.unit(score.unit.id) : undefined;
  const rejectedKind = (kind: "sipas" | "par") => (context.rejectedRows ?? []).some((row) => row.unit === score.unit.id && row.kind === kind);
  return {
    context,
    unitId: score.unit.id,
    unitName: score.unit.name,
    levelLabel: unitKind(score.unit.name, score.unit.level, labels),
    fileBase,
    total: formatPoints(score.total, language),
    totalValue: score.total?.toNumber() ?? null,
    max: formatPoints(score.max, language),
    band: bandOf(score)?.label[language] ?? null,
    tone: toneOf(card.scheme, score),
    rank: rank.rank,
    rankDetail: rank.detail,
    notices: companions ? unitNotices(context, card, score, companions.dataset, companions.scores) : [],
    scoreChange: change.score,
    changeNote: change.note,
    rankChange: change.rank,
    blocks: blockBars(card.scheme, score, language),
    trend: trendPoints(score.unit.id, history, language),
    items: itemRows(card.scheme, score, previous, language),
    actions: actions(card.scheme, score, language, 4, companions && { dataset: companions.dataset, periodKey: card.period.key }),
    findings: [
      // A rejected row is the first thing wrong with the unit's data: never "no problems found".
      ...(context.rejectedRows ?? []).filter((row) => row.unit === score.unit.id).map((row) => `${row.where}: ${row.reasons.join("; ")}`),
      ...findings.map((finding) => findingText(card.scheme, finding, language)),
    ],
    sipas: companions ? sipasView(companions.dataset, companions.scores.sipas.get(score.unit.id), language) : null,
    par: companions ? parView(companions.dataset, score.unit.level, companions.scores.par.get(score.unit.id), language) : null,
    rejected: { sipas: rejectedKind("sipas"), par: rejectedKind("par") },
  };
}
