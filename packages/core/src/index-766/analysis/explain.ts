import { Dec } from "../../kernel/arithmetic/decimal.js";
import { Points } from "../../kernel/arithmetic/points.js";
import type { Scheme, SchemeItem } from "../scheme/compile.js";
import type { ItemScore } from "../scoring/item.js";
import { pointsUnits } from "../scoring/points-rule.js";
import type { UnitScore } from "../scoring/scorecard.js";

/** A target the unit can reach by raising one item's numerator (its denominator unchanged). */
export interface Gain {
  /** How many more dossiers (or procedures) must count in the numerator. */
  readonly increase: number;
  /** The numerator to reach. */
  readonly numerator: number;
  /** The item's points once reached. */
  readonly points: Points;
}

/** Why an item scored what it did, and what would raise it. */
export interface ItemExplanation {
  readonly item: SchemeItem;
  readonly score: ItemScore;
  /** numerator / denominator, exact to 40 significant digits; `null` without counts or with an empty denominator. */
  readonly ratio: Dec | null;
  /** The ratio in percent, rounded half-up to 2 decimals for display ("70.00"). */
  readonly ratioPercent: string | null;
  /** The threshold in percent ("80", "100"). */
  readonly thresholdPercent: string;
  /** `max · ratio / threshold`, capped at max, before rounding. */
  readonly exactPoints: Dec | null;
  /** `max − points`; `null` when the item has no points. */
  readonly pointsLost: Points | null;
  /** Smallest numerator increase to full marks; `null` when the numerator cannot change the score. */
  readonly toFullMarks: Gain | null;
  /** Smallest numerator increase to gain one more point (or full marks if nearer). */
  readonly toNextPoint: Gain | null;
}

/**
 * The smallest numerator, from `from` up to `denominator`, whose points reach `targetUnits` for a
 * fixed denominator; `null` when even `numerator = denominator` does not. Points are monotone in
 * the numerator, so a binary search with the scorer itself is exact for every rounding mode.
 */
export function smallestNumeratorFor(scheme: Scheme, item: SchemeItem, denominator: number, maxUnits: number, targetUnits: number, from = 0): number | null {
  const reaches = (numerator: number) => pointsUnits(scheme, item, { numerator, denominator }, maxUnits) >= targetUnits;
  if (denominator === 0 || !reaches(denominator)) return null;
  let low = from;
  let high = denominator;
  while (low < high) {
    const middle = low + Math.floor((high - low) / 2);
    if (reaches(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function gain(scheme: Scheme, item: SchemeItem, score: ItemScore, targetUnits: number): Gain | null {
  // Counts taken from a parent (communes' 1.1–1.3) are not the unit's to raise.
  if (score.status !== "scored" || !score.counts || score.origin === "parent") return null;
  const { numerator, denominator } = score.counts;
  const needed = smallestNumeratorFor(scheme, item, denominator, score.max.units, targetUnits, numerator);
  if (needed === null) return null;
  return { increase: needed - numerator, numerator: needed, points: new Points(pointsUnits(scheme, item, { numerator: needed, denominator }, score.max.units), scheme.decimals) };
}

/** Exact `⌊a / b⌋` for non-negative safe integers (a float quotient corrected by one step either way). */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/**
 * `numerator / denominator` in percent, rounded half-up to 2 decimals ("70.00"): in integers while they are exact
 * (every real count), in 40-digit decimals beyond — the same text either way.
 */
export function ratioPercentText(numerator: number, denominator: number): string {
  const doubled = numerator * 20_000 + denominator;
  if (!Number.isSafeInteger(doubled) || !Number.isSafeInteger(2 * denominator)) return new Dec(numerator).div(denominator).times(100).toFixed(2, Dec.ROUND_HALF_UP);
  const hundredths = floorDiv(doubled, 2 * denominator);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

const thresholdTexts = new WeakMap<SchemeItem, string>();

/** The threshold in percent as text ("80", "100"), once per item. */
function thresholdText(item: SchemeItem): string {
  let text = thresholdTexts.get(item);
  if (text === undefined) thresholdTexts.set(item, (text = new Dec(item.thresholdPercent).toString()));
  return text;
}

/**
 * Explains one item of a unit's score. The exact ratio and unrounded points are computed only when read: documents
 * and the viewer need the percent text and the gains, which stay in integers.
 */
export function explainItem(scheme: Scheme, score: ItemScore): ItemExplanation {
  const item = scheme.itemByCode.get(score.code)!;
  const counts = score.counts;
  const hasRatio = counts !== null && counts.denominator > 0;
  const pointsLost = score.points === null ? null : score.max.minus(score.points);
  const oneUnitPoint = 10 ** scheme.decimals;
  const current = score.points?.units ?? 0;
  const toFullMarks = pointsLost && pointsLost.units > 0 ? gain(scheme, item, score, score.max.units) : null;
  const toNextPoint = pointsLost && pointsLost.units > 0 ? gain(scheme, item, score, Math.min(score.max.units, current + oneUnitPoint)) : null;
  let ratio: Dec | null | undefined;
  let exactPoints: Dec | null | undefined;
  return {
    item,
    score,
    get ratio() {
      if (ratio === undefined) ratio = hasRatio ? new Dec(counts.numerator).div(counts.denominator) : null;
      return ratio;
    },
    ratioPercent: hasRatio ? ratioPercentText(counts.numerator, counts.denominator) : null,
    thresholdPercent: thresholdText(item),
    get exactPoints() {
      if (exactPoints === undefined) {
        const max = new Dec(score.max.toString());
        exactPoints = hasRatio && score.status === "scored" ? Dec.min(max, max.times(counts.numerator).div(item.threshold.times(counts.denominator))) : null;
      }
      return exactPoints;
    },
    pointsLost,
    toFullMarks,
    toNextPoint,
  };
}

/** Explains every item of a unit's score, in scheme order. */
export function explainUnit(scheme: Scheme, unitScore: UnitScore): ItemExplanation[] {
  return unitScore.items.map((score) => explainItem(scheme, score));
}

/**
 * What a unit should work on: its items ordered by recoverable points (most first), then by the
 * smallest effort to full marks. Only items whose numerator can still raise the score are listed.
 *
 * @example
 * planImprovements(scheme, card.unit("xa-an-binh")!, 3).map((e) => `${e.item.code}: +${e.toFullMarks?.increase}`)
 */
export function planImprovements(scheme: Scheme, unitScore: UnitScore, limit = Infinity): ItemExplanation[] {
  return explainUnit(scheme, unitScore)
    .filter((explanation) => explanation.toFullMarks !== null && (explanation.pointsLost?.units ?? 0) > 0)
    .sort((a, b) => b.pointsLost!.units - a.pointsLost!.units || a.toFullMarks!.increase - b.toFullMarks!.increase)
    .slice(0, limit);
}
