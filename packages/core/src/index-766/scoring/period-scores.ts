import { Points } from "../../kernel/arithmetic/points.js";
import type { Dataset, FigureRow } from "../input/dataset.js";
import { ABSENT, HAS_PUBLISHED, NULL } from "../input/table.js";
import type { Scheme } from "../scheme/compile.js";
import { resolvedBase, resolvedSlab, type CountsSlab, type PeriodCounts } from "./period-counts.js";
import { roundSafeQuotient } from "../../kernel/arithmetic/rational.js";
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

/** Points of one kind of section (groups or blocks) of one unit, by section position. */
export interface SectionSheet {
  /** Points in scheme units; -1 when no item has data. */
  readonly points: Int32Array;
  readonly max: Int32Array;
  /** 1 where the section holds a block kept as published. */
  readonly published: Uint8Array;
}

/**
 * One unit's scores in a period, item by item (by position in `scheme.items`) and section by section. The
 * period's pass fills one sheet per period and reuses it for every unit; a unit's result fills a sheet of its
 * own when its items or sections are first read (see {@link unitSheetOf}).
 */
export interface UnitSheet {
  /** Item points in scheme units; -1 for no score. */
  readonly points: Int32Array;
  /** `SCORED` … `TRACKING`. */
  readonly status: Uint8Array;
  /** Each item's maximum for the unit: its own, or moved by an empty `transfer` item. */
  readonly maxUnits: Int32Array;
  readonly groups: SectionSheet;
  readonly blocks: SectionSheet;
  /** The total in scheme units; -1 when the unit has no data. */
  total: number;
  /** `COMPLETE` … `NO_FIGURES`. */
  completeness: number;
  /** The maximum of the items that have data. */
  reportedMax: number;
}

/**
 * Every unit's scores for one period: the total, completeness and reported maximum in flat arrays. The item
 * and section scores are not kept: they live in a scratch sheet while the unit is scored, and are scored again
 * from the same counts for the few units whose detail is read, so a period allocates a few arrays of one
 * number per unit, not per item.
 */
export interface PeriodScores {
  readonly dataset: Dataset;
  readonly counts: PeriodCounts;
  /** The total in scheme units; -1 when the unit has no data. */
  readonly total: Int32Array;
  /** `COMPLETE` … `NO_FIGURES`. */
  readonly completeness: Uint8Array;
  /** The maximum of the items that have data. */
  readonly reportedMax: Int32Array;
}

/**
 * Scores every unit of a period from its resolved counts, one unit at a time in one reused sheet: item points
 * by their rule, sections as sums of rounded items (a block published only as a score added as published),
 * the total, completeness and the maximum of what was reported.
 */
export function scorePeriod(dataset: Dataset, counts: PeriodCounts): PeriodScores {
  const units = counts.table.parent.length;
  const scores: PeriodScores = { dataset, counts, total: new Int32Array(units), completeness: new Uint8Array(units), reportedMax: new Int32Array(units) };
  const rules = itemRules(dataset.scheme);
  const sheet = emptySheet(dataset.scheme);
  for (let unit = 0; unit < units; unit += 1) {
    scoreUnit(dataset, rules, counts, unit, sheet);
    scores.total[unit] = sheet.total;
    scores.completeness[unit] = sheet.completeness;
    scores.reportedMax[unit] = sheet.reportedMax;
  }
  return scores;
}

/** A unit's items and sections in a sheet of its own, scored again from the period's counts (same rules, same result). */
export function unitSheetOf(scores: PeriodScores, unit: number): UnitSheet {
  const sheet = emptySheet(scores.dataset.scheme);
  scoreUnit(scores.dataset, itemRules(scores.dataset.scheme), scores.counts, unit, sheet);
  return sheet;
}

function emptySheet(scheme: Scheme): UnitSheet {
  const items = scheme.items.length;
  const section = (count: number): SectionSheet => ({ points: new Int32Array(count), max: new Int32Array(count), published: new Uint8Array(count) });
  return { points: new Int32Array(items), status: new Uint8Array(items), maxUnits: new Int32Array(items), groups: section(scheme.groups.length), blocks: section(scheme.blocks.length), total: -1, completeness: NO_FIGURES, reportedMax: 0 };
}

/** Scores one unit into `sheet`, overwriting all of it. */
function scoreUnit(dataset: Dataset, rules: ItemRules, counts: PeriodCounts, unit: number, sheet: UnitSheet): void {
  const { scheme } = dataset;
  const moved = setMaxima(scheme, rules, counts, unit, sheet.maxUnits);
  scoreItems(scheme, rules, counts, unit, sheet);
  const row = counts.exactRow[unit]!;
  const published = row >= 0 && (counts.table.rowFlags[row]! & HAS_PUBLISHED) !== 0 ? publishedOnlyBlocks(scheme, dataset.figures[row]!, sheet.status) : null;
  sumSections(scheme, rules, sheet, moved, published);
  finishUnit(scheme, rules, counts, unit, sheet, published);
}

/** Below this, `2p + q` and `2q` stay safe integers, as `roundSafeQuotient` needs. */
const MAX_EXACT_SUM = Number.MAX_SAFE_INTEGER / 3;

/**
 * Item maxima for a unit: the scheme's, with an empty `transfer` item's maximum moved to its target. Returns
 * whether any moved.
 */
function setMaxima(scheme: Scheme, rules: ItemRules, counts: PeriodCounts, unit: number, maxUnits: Int32Array): boolean {
  maxUnits.set(rules.maxUnits);
  if (scheme.transfers.length === 0) return false;
  const resolved = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  let moved = false;
  for (const { item, target } of scheme.transfers) {
    const state = resolved.state[from + item.index];
    if (state === ABSENT || (state !== NULL && resolved.denominators[from + item.index] !== 0)) continue;
    maxUnits[target.index] = maxUnits[target.index]! + item.maxUnits;
    maxUnits[item.index] = 0;
    moved = true;
  }
  return moved;
}

/** Every item of a unit: its status and points by its rule. */
function scoreItems(scheme: Scheme, rules: ItemRules, counts: PeriodCounts, unit: number, sheet: UnitSheet): void {
  const { numerators, denominators, state: states } = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  const { rule: ruleOf, empty: emptyOf, maxUnits: ownMax, factorNumerator, factorDenominator } = rules;
  const { maxUnits: maxima, status: statuses, points: pointsOf } = sheet;
  const mode = scheme.roundingMode;
  for (let item = 0; item < counts.items; item += 1) {
    const rule = ruleOf[item]!;
    const state = states[from + item];
    const max = maxima[item]!;
    let status = SCORED;
    let points = -1;
    if (rule === RULE_TRACKING) status = TRACKING;
    else if (state === ABSENT) status = MISSING;
    else if (state === NULL || denominators[from + item] === 0) {
      const empty = emptyOf[item]!;
      status = empty === EMPTY_TRANSFER ? TRANSFERRED : EMPTY;
      points = empty === EMPTY_ZERO ? 0 : empty === EMPTY_FULL ? max : -1;
    } else {
      const numerator = numerators[from + item]!;
      const denominator = denominators[from + item]!;
      // The common case inline: the exact rule at the item's own maximum, on safe integers.
      const p = factorNumerator[item]! * numerator;
      const q = factorDenominator[item]! * denominator;
      points = rule === RULE_EXACT && max === ownMax[item] && p + q <= MAX_EXACT_SUM ? Math.min(max, roundSafeQuotient(p, q, mode)) : pointsFor(scheme, scheme.items[item]!, numerator, denominator, max);
    }
    statuses[item] = status;
    pointsOf[item] = points;
  }
}

/**
 * Blocks the source published only as a score: every item of the block is unreported and the unit's row for
 * the period carries the block's published score. Returns points by block position, or `null` without any.
 */
function publishedOnlyBlocks(scheme: Scheme, row: FigureRow, status: Uint8Array): Map<number, number> | null {
  const published = row.published?.blocks;
  if (!published || published.size === 0) return null;
  const blocks = new Map<number, number>();
  scheme.blocks.forEach((block, position) => {
    const text = published.get(block.code);
    if (text === undefined || text === null || block.groupIndex < 0) return;
    if (!block.itemIndices.every((index) => status[index] === MISSING)) return;
    const units = Points.parseUnits(text, scheme.decimals);
    if (units !== null && units <= block.maxUnits) blocks.set(position, units);
  });
  return blocks;
}

/**
 * Sums a unit's rounded item points into its groups and blocks in one pass over the items; a block published
 * only as a score adds its published points to the block and to the group that holds it.
 */
function sumSections(scheme: Scheme, rules: ItemRules, sheet: UnitSheet, moved: boolean, published: ReadonlyMap<number, number> | null): void {
  const { groups, blocks } = sheet;
  // With every item at its own maximum, the sections' maxima are the scheme's, summed once per scheme.
  clearSections(groups, rules.groupMax, moved);
  clearSections(blocks, rules.blockMax, moved);
  for (let item = 0; item < sheet.points.length; item += 1) {
    const group = rules.group[item]!;
    const block = rules.block[item]!;
    if (moved) {
      groups.max[group] = groups.max[group]! + sheet.maxUnits[item]!;
      blocks.max[block] = blocks.max[block]! + sheet.maxUnits[item]!;
    }
    const points = sheet.points[item]!;
    if (points < 0) continue;
    groups.points[group] = Math.max(groups.points[group]!, 0) + points;
    blocks.points[block] = Math.max(blocks.points[block]!, 0) + points;
  }
  if (!published) return;
  for (const [position, points] of published) {
    const group = scheme.blocks[position]!.groupIndex;
    blocks.points[position] = Math.max(blocks.points[position]!, 0) + points;
    groups.points[group] = Math.max(groups.points[group]!, 0) + points;
    blocks.published[position] = 1;
    groups.published[group] = 1;
  }
}

/** No points yet; maxima the scheme's (0 when items moved theirs: they are summed item by item). */
function clearSections(sections: SectionSheet, schemeMax: Int32Array, moved: boolean): void {
  // A loop, not fill/set: the sheets hold a handful of sections, fewer than a builtin call is worth.
  for (let position = 0; position < schemeMax.length; position += 1) {
    sections.points[position] = -1;
    sections.max[position] = moved ? 0 : schemeMax[position]!;
    sections.published[position] = 0;
  }
}

/** The unit's total, completeness and the maximum of what it reported. */
function finishUnit(scheme: Scheme, rules: ItemRules, counts: PeriodCounts, unit: number, sheet: UnitSheet, published: ReadonlyMap<number, number> | null): void {
  let total = 0;
  let anyGroup = false;
  for (let group = 0; group < sheet.groups.points.length; group += 1) {
    const points = sheet.groups.points[group]!;
    if (points < 0) continue;
    total += points;
    anyGroup = true;
  }
  const scored = (counts.hasData[unit] === 1 || (published !== null && published.size > 0)) && anyGroup;
  sheet.total = scored ? total : -1;
  let missing = 0;
  let reported = 0;
  for (let item = 0; item < sheet.points.length; item += 1) {
    if (rules.rule[item] === RULE_TRACKING) continue;
    const covered = published !== null && published.has(rules.block[item]!);
    if (sheet.status[item] === MISSING && !covered) missing += 1;
    else reported += sheet.maxUnits[item]!;
  }
  sheet.reportedMax = scored ? reported : 0;
  const gaps = missing > 0 || counts.missingMonths[unit] !== 0 || partialItemCount(counts, rules, unit) > 0 || childGapCount(counts, rules, unit) > 0;
  sheet.completeness = !scored ? NO_FIGURES : !hasDossiers(scheme, counts, unit, sheet) ? NO_DOSSIERS : gaps ? INCOMPLETE : COMPLETE;
}

/** How many scored items the unit's own month rows report in only part of a quarter or year. */
function partialItemCount(counts: PeriodCounts, rules: ItemRules, unit: number): number {
  const partial = counts.partialItems;
  if (partial === null) return 0;
  let count = 0;
  for (let item = 0; item < counts.items; item += 1) if (partial[unit * counts.items + item] === 1 && rules.rule[item] !== RULE_TRACKING) count += 1;
  return count;
}

/** How many scored items the unit takes from children of which one is missing or short for the item. */
export function childGapCount(counts: PeriodCounts, rules: ItemRules, unit: number): number {
  if (counts.children.base[unit]! < 0) return 0;
  let count = 0;
  for (let item = 0; item < counts.items; item += 1) if (counts.childGaps[unit * counts.items + item] === 1 && rules.rule[item] !== RULE_TRACKING) count += 1;
  return count;
}

/**
 * Dossiers are counted by the scheme's volume item; a unit that does not report it is judged by its other
 * dossier items.
 */
function hasDossiers(scheme: Scheme, counts: PeriodCounts, unit: number, sheet: UnitSheet): boolean {
  const resolved = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  const volume = scheme.volumeItem.index;
  if (sheet.status[volume] !== MISSING) return denominatorOf(resolved, from + volume) > 0;
  return scheme.items.some((item) => item.scope === "dossier" && item.maxUnits > 0 && denominatorOf(resolved, from + item.index) > 0);
}

/** A resolved denominator; 0 for none. */
function denominatorOf(resolved: CountsSlab, at: number): number {
  return resolved.state[at] === ABSENT || resolved.state[at] === NULL ? 0 : resolved.denominators[at]!;
}
