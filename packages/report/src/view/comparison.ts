import { monthsOf, parsePeriod, type Period, type Points, type Scorecard, type UnitScore } from "@chiso/core";

/** Why a unit's change since the previous period is not shown. */
export type NoComparisonReason = "current_missing" | "current_incomplete" | "current_refused" | "previous_missing" | "previous_incomplete" | "previous_refused";

/** A unit's change since the previous period, or why there is none. */
export type Comparison =
  | { readonly comparable: true; readonly previous: UnitScore; readonly change: Points }
  | { readonly comparable: false; readonly reason: NoComparisonReason };

/**
 * Units whose figures for a period lost input rows (rejected with --skip-invalid): the unit of the row and,
 * when parents' figures are summed from their children, every unit above it.
 */
export interface RefusedFigures {
  /** Whether any of the unit's figures for the period were refused. */
  has(unitId: string, period: Period): boolean;
}

/** Builds {@link RefusedFigures} from the rejected rows' units and periods, walking parents through `parentOf`. */
export function refusedFigures(rows: readonly { readonly unit: string; readonly period: string }[], parentOf: (unitId: string) => string | null | undefined): RefusedFigures {
  const refused = new Set<string>();
  for (const row of rows) {
    const period = parsePeriod(row.period);
    if (!period) continue;
    const months = period.kind === "month" ? [period] : monthsOf(period);
    for (let unit: string | null | undefined = row.unit; unit; unit = parentOf(unit)) {
      for (const month of months) refused.add(`${month.key}\u0000${unit}`);
    }
  }
  return {
    has: (unitId, period) => refused.size > 0 && (period.kind === "month" ? [period] : monthsOf(period)).some((month) => refused.has(`${month.key}\u0000${unitId}`)),
  };
}

/** Complete for a comparison (and a trend's line): every item reported, dossiers in the period, and no input row refused. */
export function isComplete(score: UnitScore, refused: RefusedFigures | undefined): boolean {
  return score.total !== null && score.completeness.status === "complete" && !refused?.has(score.unit.id, score.period);
}

/**
 * The change of a unit's total since the previous period — only when both periods' figures are complete
 * for it. A change against a partial total (items missing, no dossiers, rows refused) is not a change in
 * the unit's performance, so it is not shown, and the reason is given instead.
 */
export function compareWithPrevious(score: UnitScore, previous: UnitScore | undefined, refused?: RefusedFigures): Comparison {
  if (score.total === null) return { comparable: false, reason: "current_missing" };
  if (score.completeness.status !== "complete") return { comparable: false, reason: "current_incomplete" };
  // Complete by its own rows, but a row of its figures was rejected: said as such, not as "incomplete".
  if (!isComplete(score, refused)) return { comparable: false, reason: "current_refused" };
  if (!previous || previous.total === null) return { comparable: false, reason: "previous_missing" };
  if (previous.completeness.status !== "complete") return { comparable: false, reason: "previous_incomplete" };
  if (!isComplete(previous, refused)) return { comparable: false, reason: "previous_refused" };
  return { comparable: true, previous, change: score.total.minus(previous.total) };
}

/** The units of a period whose change can be shown, with that change: the lists of largest gains and losses. */
export function comparableChanges(scores: readonly UnitScore[], previous: Scorecard | null, refused?: RefusedFigures): { score: UnitScore; delta: Points }[] {
  return scores.flatMap((score) => {
    const comparison = compareWithPrevious(score, previous?.unit(score.unit.id), refused);
    return comparison.comparable ? [{ score, delta: comparison.change }] : [];
  });
}
