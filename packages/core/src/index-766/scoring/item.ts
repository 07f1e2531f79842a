import { Points } from "../../kernel/arithmetic/points.js";
import type { Counts, ReportedCounts } from "../input/dataset.js";
import type { Scheme, SchemeItem } from "../scheme/compile.js";
import { pointsUnits } from "./points-rule.js";

/**
 * How an item's points came about:
 * - `scored`: from its ratio;
 * - `empty`: its denominator was 0, or the source returned it without counts (`counts` is then `null`), and
 *   its empty-denominator policy applied;
 * - `transferred`: its denominator was 0 and its points moved to another item;
 * - `missing`: the unit reported nothing for it ("no data", never 0);
 * - `tracking`: a display-only item with no points.
 */
export type ItemStatus = "scored" | "empty" | "transferred" | "missing" | "tracking";

/** One item's result for one unit and period. */
export interface ItemScore {
  readonly code: string;
  readonly status: ItemStatus;
  readonly counts: Counts | null;
  /** Rounded once by the scheme's rule; `null` means no data (not 0). */
  readonly points: Points | null;
  /** The item's maximum for this unit, including points transferred to it (0 when transferred away). */
  readonly max: Points;
  /** Where the counts came from: the unit's own row, its children's sum, or its parent. */
  readonly origin: CountsOrigin;
}

export type CountsOrigin = "own" | "children" | "parent" | "none";

/** Builds an item score with one fixed shape (a million of these make a national year). */
function itemScore(code: string, status: ItemStatus, counts: Counts | null, points: Points | null, max: Points, origin: CountsOrigin): ItemScore {
  return { code, status, counts, points, max, origin };
}

/**
 * Scores one item. `maxUnits` is the item's maximum for this unit (its own plus any transfer).
 */
export function scoreItem(scheme: Scheme, item: SchemeItem, counts: ReportedCounts, origin: CountsOrigin, maxUnits: number): ItemScore {
  const max = maxUnits === item.maxUnits ? item.maxPoints : scheme.points(maxUnits);
  if (item.maxUnits === 0) return itemScore(item.code, "tracking", counts ?? null, null, max, origin);
  if (counts === undefined) return itemScore(item.code, "missing", null, null, max, origin);
  if (counts === null || counts.denominator === 0) {
    switch (item.emptyDenominator.policy) {
      case "null":
        return itemScore(item.code, "empty", counts, null, max, origin);
      case "zero":
        return itemScore(item.code, "empty", counts, scheme.zeroPoints, max, origin);
      case "full":
        return itemScore(item.code, "empty", counts, max, max, origin);
      case "transfer":
        return itemScore(item.code, "transferred", counts, null, scheme.zeroPoints, origin);
    }
  }
  return itemScore(item.code, "scored", counts, scheme.points(pointsUnits(scheme, item, counts, maxUnits)), max, origin);
}
