import type { TieRule } from "../../kernel/rank.js";
import type { DatasetTable } from "../input/table.js";
import { COMPLETE, INCOMPLETE, type PeriodScores } from "./period-scores.js";

/** Every unit's rank within its level, in flat arrays; `position` 0 means not ranked. */
export interface Standings {
  readonly position: Int32Array;
  /** How many units were ranked in the unit's level. */
  readonly of: Int32Array;
  readonly tied: Uint8Array;
}

/**
 * Ranks units within their level on the rounded total, highest first, by sorting indices (no objects, no
 * maps): competition ranking (1, 2, 2, 4) or dense (1, 2, 2, 3). Ranked: complete units with a total, and
 * incomplete ones when asked.
 */
export function rankLevels(table: DatasetTable, scores: PeriodScores, tie: TieRule, rankIncomplete: boolean): Standings {
  const units = table.parent.length;
  const position = new Int32Array(units);
  const of = new Int32Array(units);
  const tied = new Uint8Array(units);
  const byLevel: number[][] = [[], [], []];
  for (let unit = 0; unit < units; unit += 1) {
    const status = scores.completeness[unit];
    if (scores.total[unit]! >= 0 && (status === COMPLETE || (rankIncomplete && status === INCOMPLETE))) byLevel[table.level[unit]!]!.push(unit);
  }
  for (const level of byLevel) {
    const order = byTotalDescending(level, scores.total);
    let distinct = 0;
    for (let index = 0; index < order.length; index += 1) {
      const unit = order[index]!;
      const score = scores.total[unit]!;
      const previous = index > 0 ? scores.total[order[index - 1]!]! : -2;
      if (score !== previous) distinct += 1;
      position[unit] = score === previous ? position[order[index - 1]!]! : tie === "competition" ? index + 1 : distinct;
      of[unit] = order.length;
      const next = index + 1 < order.length ? scores.total[order[index + 1]!]! : -2;
      tied[unit] = score === previous || score === next ? 1 : 0;
    }
  }
  return { position, of, tied };
}

/** Above this many distinct totals, ranking sorts instead of counting (a scheme's totals are usually ≤ 10,000). */
const MAX_COUNTED_TOTAL = 1 << 20;

/**
 * Units by total, highest first, ties in unit order (`candidates` is in unit order). Totals are small
 * integers, so a counting sort orders them in one pass over the units and one over the totals; totals too
 * large for that are sorted with a comparator.
 */
function byTotalDescending(candidates: readonly number[], total: Int32Array): Int32Array {
  let highest = 0;
  for (const unit of candidates) highest = Math.max(highest, total[unit]!);
  if (highest > MAX_COUNTED_TOTAL) return Int32Array.from(candidates).sort((a, b) => total[b]! - total[a]! || a - b);
  // start[highest - t]: where the units with total t begin in the order.
  const start = new Int32Array(highest + 2);
  for (const unit of candidates) start[highest - total[unit]! + 1]! += 1;
  for (let slot = 1; slot < start.length; slot += 1) start[slot]! += start[slot - 1]!;
  const order = new Int32Array(candidates.length);
  for (const unit of candidates) order[start[highest - total[unit]!]!++] = unit;
  return order;
}
