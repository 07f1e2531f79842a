import { Points, sumPoints } from "../arithmetic/points.js";
import type { Scheme, SchemeSection } from "../scheme/compile.js";
import type { ItemScore } from "./item.js";

/** A group's or a block's result: the sum of its rounded item points. */
export interface SectionScore {
  readonly code: string;
  /** `null` when none of its items has data. */
  readonly points: Points | null;
  readonly max: Points;
}

/**
 * Sums rounded item points into sections (groups or blocks). Summing rounded items keeps every
 * printed group equal to the sum of its printed items (docs/decisions.md, "Sum of rounded items").
 */
export function scoreSections(scheme: Scheme, sections: readonly SchemeSection[], items: readonly ItemScore[]): SectionScore[] {
  return sections.map((section) => {
    const parts = section.items.map((code) => items[scheme.itemByCode.get(code)!.index]!);
    return {
      code: section.code,
      points: sumPoints(parts.map((part) => part.points), scheme.decimals),
      max: new Points(parts.reduce((sum, part) => sum + part.max.units, 0), scheme.decimals),
    };
  });
}
