import { Points } from "../../kernel/arithmetic/points.js";
import type { Dataset, FigureRow } from "../input/dataset.js";
import { ABSENT, HAS_PUBLISHED, NULL } from "../input/table.js";
import type { Scheme } from "../scheme/compile.js";
import { resolvedBase, resolvedSlab, type PeriodCounts } from "./period-counts.js";
import { roundQuotient } from "../../kernel/arithmetic/rational.js";
import { EMPTY_FULL, EMPTY_TRANSFER, EMPTY_ZERO, RULE_EXACT, RULE_TRACKING, itemRules, type ItemRules } from "./item-rules.js";
import { pointsFor } from "./points-rule.js";

/** An item's status as a code (see `ItemStatus`). */
export const SCORED = 0;
export const EMPTY = 1;
export const TRANSFERRED = 2;
export const MISSING = 3;
export const TRACKING = 4;
export const ITEM_STATUSES = ["scored", "empty", "transferred", "missing", "tracking"] as const;

/** A unit's completeness as a code (see `Completeness`). */
export const COMPLETE = 0;
export const INCOMPLETE = 1;
export const NO_DOSSIERS = 2;
export const NO_FIGURES = 3;
export const COMPLETENESS = ["complete", "incomplete", "no_dossiers", "no_figures"] as const;

/** Points of one kind of section (groups or blocks) for every unit: section `s` of unit `u` at `u · sections + s`. */
export interface SectionSlab {
  /** Points in scheme units; -1 when no item has data. */
  readonly points: Int32Array;
  readonly max: Int32Array;
  /** 1 where the section holds a block kept as published. */
  readonly published: Uint8Array;
}

/** Every unit's scores for one period, in flat typed arrays (unit `u`, item `i` at `u · items + i`). */
export interface PeriodScores {
  readonly counts: PeriodCounts;
  /** Item points in scheme units; -1 for no score. */
  readonly points: Int32Array;
  /** `SCORED` … `TRACKING`. */
  readonly status: Uint8Array;
  /**
   * Each item's maximum for the unit when the scheme moves an empty item's maximum to another (`transfer`);
   * `null` when it has no such rule and every unit's maxima are the scheme's (see {@link maxUnitsAt}).
   */
  readonly maxUnits: Int32Array | null;
  readonly groups: SectionSlab;
  readonly blocks: SectionSlab;
  /** The total in scheme units; -1 when the unit has no data. */
  readonly total: Int32Array;
  /** `COMPLETE` … `NO_FIGURES`. */
  readonly completeness: Uint8Array;
  /** The maximum of the items that have data. */
  readonly reportedMax: Int32Array;
}

/**
 * Scores every unit of a period from its resolved counts in one pass per unit: item points by their rule,
 * sections as sums of rounded items (a block published only as a score added as published), the total,
 * completeness and the maximum of what was reported.
 */
export function scorePeriod(dataset: Dataset, counts: PeriodCounts): PeriodScores {
  const { scheme } = dataset;
  const units = counts.table.parent.length;
  const items = counts.items;
  const scores: PeriodScores = {
    counts,
    points: new Int32Array(units * items),
    status: new Uint8Array(units * items),
    maxUnits: scheme.transfers.length > 0 ? new Int32Array(units * items) : null,
    groups: sectionSlab(units, scheme.groups.length),
    blocks: sectionSlab(units, scheme.blocks.length),
    total: new Int32Array(units),
    completeness: new Uint8Array(units),
    reportedMax: new Int32Array(units),
  };
  const rules = itemRules(scheme);
  for (let unit = 0; unit < units; unit += 1) {
    if (scores.maxUnits) setMaxima(scheme, counts, unit, scores.maxUnits);
    scoreItems(scheme, rules, counts, unit, scores);
    const row = counts.exactRow[unit]!;
    const published = row >= 0 && (counts.table.rowFlags[row]! & HAS_PUBLISHED) !== 0 ? publishedOnlyBlocks(scheme, dataset.figures[row]!, scores.status, unit * items) : null;
    sumSections(scheme, rules, unit, scores, published);
    finishUnit(scheme, rules, unit, scores, published);
  }
  return scores;
}

/** Below this, `2p + q` stays a safe integer and `roundQuotient` takes its exact fast path. */
const MAX_EXACT_SUM = Number.MAX_SAFE_INTEGER / 3;

/** An item's maximum for a unit (`at` = unit · items + item). */
export function maxUnitsAt(scores: PeriodScores, rules: ItemRules, at: number, item: number): number {
  return scores.maxUnits ? scores.maxUnits[at]! : rules.maxUnits[item]!;
}

function sectionSlab(units: number, sections: number): SectionSlab {
  return { points: new Int32Array(units * sections), max: new Int32Array(units * sections), published: new Uint8Array(units * sections) };
}

/** Item maxima for a unit: the scheme's, with an empty `transfer` item's maximum moved to its target. */
function setMaxima(scheme: Scheme, counts: PeriodCounts, unit: number, maxUnits: Int32Array): void {
  const base = unit * counts.items;
  const resolved = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  maxUnits.set(itemRules(scheme).maxUnits, base);
  for (const { item, target } of scheme.transfers) {
    const at = base + item.index;
    const state = resolved.state[from + item.index];
    if (state === ABSENT || (state !== NULL && resolved.denominators[from + item.index] !== 0)) continue;
    maxUnits[base + target.index] = maxUnits[base + target.index]! + item.maxUnits;
    maxUnits[at] = 0;
  }
}

/** Every item of a unit: its status and points by its rule. */
function scoreItems(scheme: Scheme, rules: ItemRules, counts: PeriodCounts, unit: number, scores: PeriodScores): void {
  const { items } = counts;
  const { numerators, denominators, state: states } = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  const maxima = scores.maxUnits;
  for (let item = 0; item < items; item += 1) {
    const at = unit * items + item;
    const rule = rules.rule[item]!;
    const state = states[from + item];
    const max = maxima ? maxima[at]! : rules.maxUnits[item]!;
    let status = SCORED;
    let points = -1;
    if (rule === RULE_TRACKING) status = TRACKING;
    else if (state === ABSENT) status = MISSING;
    else if (state === NULL || denominators[from + item] === 0) {
      const empty = rules.empty[item]!;
      status = empty === EMPTY_TRANSFER ? TRANSFERRED : EMPTY;
      points = empty === EMPTY_ZERO ? 0 : empty === EMPTY_FULL ? max : -1;
    } else {
      const numerator = numerators[from + item]!;
      const denominator = denominators[from + item]!;
      // The common case inline: the exact rule at the item's own maximum, on safe integers.
      const p = rules.factorNumerator[item]! * numerator;
      const q = rules.factorDenominator[item]! * denominator;
      points = rule === RULE_EXACT && max === rules.maxUnits[item] && p + q <= MAX_EXACT_SUM ? Math.min(max, roundQuotient(p, q, scheme.roundingMode)) : pointsFor(scheme, scheme.items[item]!, numerator, denominator, max);
    }
    scores.status[at] = status;
    scores.points[at] = points;
  }
}

/**
 * Blocks the source published only as a score: every item of the block is unreported and the unit's row for
 * the period carries the block's published score. Returns points by block position, or `null` without any.
 */
function publishedOnlyBlocks(scheme: Scheme, row: FigureRow, status: Uint8Array, base: number): Map<number, number> | null {
  const published = row.published?.blocks;
  if (!published || published.size === 0) return null;
  const blocks = new Map<number, number>();
  scheme.blocks.forEach((block, position) => {
    const text = published.get(block.code);
    if (text === undefined || text === null || block.groupIndex < 0) return;
    if (!block.itemIndices.every((index) => status[base + index] === MISSING)) return;
    const units = Points.parseUnits(text, scheme.decimals);
    if (units !== null && units <= block.maxUnits) blocks.set(position, units);
  });
  return blocks;
}

/**
 * Sums a unit's rounded item points into its groups and blocks in one pass over the items; a block published
 * only as a score adds its published points to the block and to the group that holds it.
 */
function sumSections(scheme: Scheme, rules: ItemRules, unit: number, scores: PeriodScores, published: ReadonlyMap<number, number> | null): void {
  const { groups, blocks } = scores;
  const groupCount = scheme.groups.length;
  const blockCount = scheme.blocks.length;
  const groupBase = unit * groupCount;
  const blockBase = unit * blockCount;
  groups.points.fill(-1, groupBase, groupBase + groupCount);
  blocks.points.fill(-1, blockBase, blockBase + blockCount);
  const base = unit * scores.counts.items;
  const maxima = scores.maxUnits;
  if (maxima === null) {
    // Every item at its own maximum: the sections' maxima are the scheme's, summed once per scheme.
    for (let group = 0; group < groupCount; group += 1) groups.max[groupBase + group] = rules.groupMax[group]!;
    for (let block = 0; block < blockCount; block += 1) blocks.max[blockBase + block] = rules.blockMax[block]!;
  }
  for (let item = 0; item < scores.counts.items; item += 1) {
    const group = groupBase + rules.group[item]!;
    const block = blockBase + rules.block[item]!;
    if (maxima !== null) {
      groups.max[group] = groups.max[group]! + maxima[base + item]!;
      blocks.max[block] = blocks.max[block]! + maxima[base + item]!;
    }
    const points = scores.points[base + item]!;
    if (points < 0) continue;
    groups.points[group] = Math.max(groups.points[group]!, 0) + points;
    blocks.points[block] = Math.max(blocks.points[block]!, 0) + points;
  }
  if (!published) return;
  for (const [position, points] of published) {
    const block = blockBase + position;
    const group = groupBase + scheme.blocks[position]!.groupIndex;
    blocks.points[block] = Math.max(blocks.points[block]!, 0) + points;
    groups.points[group] = Math.max(groups.points[group]!, 0) + points;
    blocks.published[block] = 1;
    groups.published[group] = 1;
  }
}

/** The unit's total, completeness and the maximum of what it reported. */
function finishUnit(scheme: Scheme, rules: ItemRules, unit: number, scores: PeriodScores, published: ReadonlyMap<number, number> | null): void {
  const { counts, groups } = scores;
  const items = counts.items;
  const base = unit * items;
  let total = 0;
  let anyGroup = false;
  for (let group = unit * scheme.groups.length, end = group + scheme.groups.length; group < end; group += 1) {
    const points = groups.points[group]!;
    if (points < 0) continue;
    total += points;
    anyGroup = true;
  }
  const scored = (counts.hasData[unit] === 1 || (published !== null && published.size > 0)) && anyGroup;
  scores.total[unit] = scored ? total : -1;
  let missing = 0;
  let reported = 0;
  for (let item = 0; item < items; item += 1) {
    if (rules.rule[item] === RULE_TRACKING) continue;
    const covered = published !== null && published.has(rules.block[item]!);
    if (scores.status[base + item] === MISSING && !covered) missing += 1;
    else reported += maxUnitsAt(scores, rules, base + item, item);
  }
  scores.reportedMax[unit] = scored ? reported : 0;
  scores.completeness[unit] = !scored ? NO_FIGURES : !hasDossiers(scheme, unit, scores) ? NO_DOSSIERS : missing > 0 ? INCOMPLETE : COMPLETE;
}

/**
 * Dossiers are counted by the scheme's volume item; a unit that does not report it is judged by its other
 * dossier items.
 */
function hasDossiers(scheme: Scheme, unit: number, scores: PeriodScores): boolean {
  const { counts } = scores;
  const resolved = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  const denominator = (item: number) => (resolved.state[from + item] === ABSENT || resolved.state[from + item] === NULL ? 0 : resolved.denominators[from + item]!);
  const volume = scheme.volumeItem.index;
  if (scores.status[unit * counts.items + volume] !== MISSING) return denominator(volume) > 0;
  return scheme.items.some((item) => item.scope === "dossier" && item.maxUnits > 0 && denominator(item.index) > 0);
}
