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
    const order = Int32Array.from(level).sort((a, b) => scores.total[b]! - scores.total[a]! || a - b);
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
