import { Points } from "../../kernel/arithmetic/points.js";
import type { PublishedScores } from "../input/dataset.js";
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

/**
 * Blocks the source published only as a score: every item of the block is unreported and the row carries
 * the block's published score. Returns the published points by block position.
 */
export function publishedOnlyBlocks(scheme: Scheme, items: readonly ItemScore[], published: PublishedScores | undefined): Map<number, Points> {
  const blocks = new Map<number, Points>();
  if (!published) return blocks;
  scheme.blocks.forEach((block, position) => {
    const text = published.blocks.get(block.code);
    if (text === undefined || text === null || block.groupIndex < 0) return;
    if (!block.itemIndices.every((index) => items[index]!.status === "missing")) return;
    const units = Points.parseUnits(text, scheme.decimals);
    if (units !== null && units <= block.maxUnits) blocks.set(position, scheme.points(units));
  });
  return blocks;
}

/** Puts published-only blocks into the block and group results (groups add the block's published points). */
export function withPublishedBlocks(scheme: Scheme, blocks: readonly SectionScore[], groups: readonly SectionScore[], publishedBlocks: ReadonlyMap<number, Points>): { blocks: SectionScore[]; groups: SectionScore[] } {
  if (publishedBlocks.size === 0) return { blocks: [...blocks], groups: [...groups] };
  const nextBlocks = blocks.map((block, position) => {
    const points = publishedBlocks.get(position);
    return points ? { ...block, points, origin: "published" as const } : block;
  });
  const nextGroups = groups.map((group, position) => {
    let extra = 0;
    let any = false;
    for (const [blockPosition, points] of publishedBlocks) {
      if (scheme.blocks[blockPosition]!.groupIndex !== position) continue;
      extra += points.units;
      any = true;
    }
    if (!any) return group;
    return { ...group, points: scheme.points((group.points?.units ?? 0) + extra), origin: "published" as const };
  });
  return { blocks: nextBlocks, groups: nextGroups };
}
