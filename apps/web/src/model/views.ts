import { explainUnit, formatPeriod, parsePeriod, type ItemExplanation, type Language, type Scheme, type Scorecard, type UnitScore } from "@chiso/core";
import { compareWithPrevious, isComplete, type RefusedFigures } from "@chiso/report";
import { formatChange, formatPoints, pointsValue } from "../format.js";
import type { Messages } from "../i18n.js";

export interface BlockRow {
  readonly code: string;
  readonly label: string;
  readonly points: number | null;
  readonly max: number;
  /** Points as a share of the maximum, 0–100 (for the radar), `null` without data. */
  readonly percent: number | null;
  readonly pointsText: string;
  readonly maxText: string;
}

/** The portal's six blocks against their maxima. */
export function blockRows(scheme: Scheme, score: UnitScore, language: Language): BlockRow[] {
  return score.blocks.map((block, index) => {
    const section = scheme.blocks[index]!;
    const points = pointsValue(block.points);
    const max = block.max.toNumber();
    return {
      code: block.code,
      label: `${section.number}. ${section.name[language]}`,
      points,
      max,
      percent: points === null || max === 0 ? null : Math.round((points / max) * 10000) / 100,
      pointsText: formatPoints(block.points, language),
      maxText: formatPoints(block.max, language),
    };
  });
}

export interface TrendRow {
  readonly period: string;
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
  /** The total adds only part of the figures (items or months missing, rows rejected): drawn off the line. */
  readonly partial: boolean;
}

/** A unit's total over the trend periods. */
export function trendRows(trend: readonly Scorecard[], unitId: string, language: Language, refused?: RefusedFigures): TrendRow[] {
  return trend.map((card) => {
    const score = card.unit(unitId);
    const total = score?.total ?? null;
    const partial = score !== undefined && total !== null && !isComplete(score, refused);
    return { period: card.period.key, label: formatPeriod(card.period, language), value: pointsValue(total), text: formatPoints(total, language), partial };
  });
}

export function periodLabel(key: string, language: Language): string {
  const period = parsePeriod(key);
  return period ? formatPeriod(period, language) : key;
}

export function rankText(score: UnitScore, messages: Messages): string {
  return score.standing.ranked ? messages.rankOf(score.standing.position, score.standing.of, score.standing.tied) : messages.unranked;
}

/** "+1,20 · tăng 2 bậc", or the reason there is none. */
export function changeText(score: UnitScore, previous: UnitScore | undefined, messages: Messages, language: Language, refused?: RefusedFigures): { score: string; rank: string | null; value: number | null } {
  // No change against a partial total: both periods' figures must be complete for the unit, and none of its
  // rows rejected (as in the reports).
  const comparison = compareWithPrevious(score, previous, refused);
  if (!comparison.comparable) return { score: messages.noComparison[comparison.reason], rank: null, value: null };
  const difference = comparison.change;
  const before = comparison.previous;
  const rank = score.standing.ranked && before.standing.ranked ? messages.rankMove(before.standing.position - score.standing.position) : null;
  return { score: formatChange(difference, language), rank, value: difference.toNumber() };
}

/** Why an item scored what it did, in a few words (or `null` when its ratio says it all). */
export function itemNote(explanation: ItemExplanation, messages: Messages): string | null {
  const { score } = explanation;
  if (score.status === "missing") return messages.noData;
  if (score.status === "tracking") return messages.tracking;
  if (score.status === "transferred") return messages.transferred;
  if (score.status === "empty") {
    const policy = explanation.item.emptyDenominator.policy;
    if (policy === "full") return messages.emptyFull;
    if (policy === "zero") return explanation.item.scope === "dossier" ? messages.noDossiers : messages.emptyZero;
    return messages.noData;
  }
  if (score.origin === "parent") return messages.inherited;
  if (score.origin === "children") return messages.fromChildren;
  return null;
}

export { explainUnit };
