import { Points } from "../../kernel/arithmetic/points.js";
import type { Scheme, SchemeSection } from "../scheme/compile.js";
import type { ItemScore } from "./item.js";

/** A group's or a block's result: the sum of its rounded item points. */
export interface SectionScore {
  readonly code: string;
  /** `null` when none of its items has data. */
  readonly points: Points | null;
  readonly max: Points;
  /**
   * `computed` from its items; `published` when the source gave the block only as a score (the portal's
   * online-services block of a department or commune) and chiso keeps it as published, not recomputed.
   * A group holding a published block says `published` too.
   */
  readonly origin: "computed" | "published";
}

/**
 * Sums rounded item points into sections (groups or blocks). Summing rounded items keeps every
 * printed group equal to the sum of its printed items (docs/decisions.md, "Sum of rounded items").
 */
export function scoreSections(scheme: Scheme, sections: readonly SchemeSection[], items: readonly ItemScore[]): SectionScore[] {
  return sections.map((section) => {
    let points = 0;
    let maxUnits = 0;
    let hasData = false;
    for (const index of section.itemIndices) {
      const item = items[index]!;
      maxUnits += item.max.units;
      if (item.points === null) continue;
      points += item.points.units;
      hasData = true;
    }
    return {
      code: section.code,
      points: hasData ? scheme.points(points) : null,
      max: maxUnits === section.maxUnits ? section.maxPoints : scheme.points(maxUnits),
      origin: "computed",
    };
  });
}
