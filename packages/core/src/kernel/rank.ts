/** How tied totals share ranks: competition (1, 2, 2, 4) or dense (1, 2, 2, 3). */
export type TieRule = "competition" | "dense";

export interface Rank {
  readonly position: number;
  /** How many units were ranked together. */
  readonly of: number;
  /** Whether another unit has the same position. */
  readonly tied: boolean;
}

/**
 * Ranks entries by score, highest first, on the rounded totals.
 *
 * @example
 * rankScores([{ id: "a", score: 9000 }, { id: "b", score: 8500 }, { id: "c", score: 8500 }, { id: "d", score: 8000 }], "competition")
 * // a → 1, b → 2, c → 2, d → 4   (dense: d → 3)
 */
export function rankScores(entries: readonly { readonly id: string; readonly score: number }[], tie: TieRule): Map<string, Rank> {
  const sorted = [...entries].sort((a, b) => b.score - a.score);
  const counts = new Map<number, number>();
  for (const entry of sorted) counts.set(entry.score, (counts.get(entry.score) ?? 0) + 1);
  const ranks = new Map<string, Rank>();
  let position = 0;
  let distinct = 0;
  let previous: number | undefined;
  sorted.forEach((entry, index) => {
    if (entry.score !== previous) {
      distinct += 1;
      position = tie === "competition" ? index + 1 : distinct;
      previous = entry.score;
    }
    ranks.set(entry.id, { position, of: sorted.length, tied: counts.get(entry.score)! > 1 });
  });
  return ranks;
}
