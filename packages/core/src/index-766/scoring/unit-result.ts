import type { Points } from "../../kernel/arithmetic/points.js";
import { monthsOf, type Period } from "../../kernel/period.js";
import type { PublishedScores, Unit } from "../input/dataset.js";
import { ABSENT, NULL } from "../input/table.js";
import type { Scheme, SchemeBand } from "../scheme/compile.js";
import type { CountsOrigin, ItemScore } from "./item.js";
import { originAt, resolvedBase, resolvedSlab } from "./period-counts.js";
import { COMPLETE, COMPLETENESS, INCOMPLETE, ITEM_STATUSES, MISSING, NO_DOSSIERS, unitSheetOf, type PeriodScores, type SectionSheet, type UnitSheet } from "./period-scores.js";
import type { Completeness, Standing, UnitScore, UnrankedReason } from "./scorecard.js";
import type { Standings } from "./standings.js";
import type { SectionScore } from "./sections.js";

/** By `FROM_NONE`, `FROM_OWN`, `FROM_CHILDREN`, `FROM_PARENT` (period-counts.ts). */
const ORIGINS: readonly CountsOrigin[] = ["none", "own", "children", "parent"];
const NO_MONTHS: readonly string[] = Object.freeze([]);
const NO_ITEMS: readonly string[] = Object.freeze([]);

/**
 * One unit's result, read from its period's flat arrays. The scalar results are set when the scorecard is
 * built; the per-item and per-section lists are built the first time they are read (from the unit scored
 * again into a sheet of its own), so scoring a national year allocates a few objects per unit, not one per item.
 */
export class UnitResult implements UnitScore {
  readonly total: Points | null;
  readonly max: Points;
  readonly completeness: Completeness;
  readonly missingMonths: readonly string[];
  readonly published?: PublishedScores;
  private standingValue?: Standing;
  private sheet?: UnitSheet;
  private itemList?: readonly ItemScore[];
  private groupList?: readonly SectionScore[];
  private blockList?: readonly SectionScore[];

  constructor(
    private readonly scheme: Scheme,
    private readonly scores: PeriodScores,
    private readonly index: number,
    readonly unit: Unit,
    readonly period: Period,
    readonly provisional: boolean,
    private readonly standings: Standings,
    readonly band: SchemeBand | null,
    published: PublishedScores | undefined,
  ) {
    const total = scores.total[index]!;
    this.total = total < 0 ? null : scheme.points(total);
    this.max = scheme.points(scheme.totalMaxUnits);
    this.completeness = completenessOf(scheme, scores, index, scores.completeness[index] === INCOMPLETE ? this.detail() : null);
    this.missingMonths = missingMonthsOf(period, scores.counts.missingMonths[index]!);
    if (published) this.published = published;
  }

  /** Built when first read: most readers of a national year never look at most units' standings. */
  get standing(): Standing {
    return (this.standingValue ??= standingOf(this.standings, this.scores, this.index));
  }

  get items(): readonly ItemScore[] {
    return (this.itemList ??= itemsOf(this.scheme, this.scores, this.index, this.detail()));
  }

  get groups(): readonly SectionScore[] {
    return (this.groupList ??= sectionsOf(this.scheme, this.scheme.groups, this.detail().groups));
  }

  get blocks(): readonly SectionScore[] {
    return (this.blockList ??= sectionsOf(this.scheme, this.scheme.blocks, this.detail().blocks));
  }

  private detail(): UnitSheet {
    return (this.sheet ??= unitSheetOf(this.scores, this.index));
  }
}

const UNRANKED: Readonly<Record<UnrankedReason, Standing>> = {
  no_figures: Object.freeze({ ranked: false, reason: "no_figures" }),
  no_dossiers: Object.freeze({ ranked: false, reason: "no_dossiers" }),
  incomplete: Object.freeze({ ranked: false, reason: "incomplete" }),
};

function standingOf(standings: Standings, scores: PeriodScores, unit: number): Standing {
  const position = standings.position[unit]!;
  if (position > 0) return { ranked: true, position, of: standings.of[unit]!, tied: standings.tied[unit] === 1 };
  const status = scores.completeness[unit]!;
  return UNRANKED[status === NO_DOSSIERS ? "no_dossiers" : status === INCOMPLETE ? "incomplete" : "no_figures"];
}

const completeCache = new WeakMap<Scheme, Completeness>();

/** `sheet`: the unit's detail, needed only for an incomplete unit (which items are missing). */
function completenessOf(scheme: Scheme, scores: PeriodScores, unit: number, sheet: UnitSheet | null): Completeness {
  const status = scores.completeness[unit]!;
  const reportedMax = scheme.points(scores.reportedMax[unit]!);
  if (status === COMPLETE && reportedMax.units === scheme.totalMaxUnits) {
    // Most units: one shared, frozen value per scheme.
    let complete = completeCache.get(scheme);
    if (!complete) completeCache.set(scheme, (complete = Object.freeze({ status: "complete", missingItems: NO_ITEMS, partialItems: NO_ITEMS, missingChildren: NO_ITEMS, incompleteChildren: NO_ITEMS, reportedMax })));
    return complete;
  }
  if (status !== INCOMPLETE || sheet === null) return { status: COMPLETENESS[status]!, missingItems: NO_ITEMS, partialItems: NO_ITEMS, missingChildren: NO_ITEMS, incompleteChildren: NO_ITEMS, reportedMax };
  const missingItems = scheme.items
    .filter((item) => item.maxUnits > 0 && sheet.status[item.index] === MISSING && sheet.blocks.published[scheme.blockOfItem[item.index]!] !== 1)
    .map((item) => item.code);
  const partial = scores.counts.partialItems;
  const items = scheme.items.length;
  const partialItems = partial === null ? NO_ITEMS : scheme.items.filter((item) => item.maxUnits > 0 && partial[unit * items + item.index] === 1).map((item) => item.code);
  const { missingChildren, incompleteChildren } = shortChildren(scheme, scores, unit);
  return { status: "incomplete", missingItems, partialItems, missingChildren, incompleteChildren, reportedMax };
}

/**
 * The children that leave gaps in a parent's sums (scored items only): those with no figures for the period,
 * and those whose figures for a summed item are themselves partial. Ids, in unit order.
 */
function shortChildren(scheme: Scheme, scores: PeriodScores, unit: number): { missingChildren: readonly string[]; incompleteChildren: readonly string[] } {
  const { counts } = scores;
  const { items, table } = counts;
  const gaps = scheme.items.filter((item) => item.maxUnits > 0 && counts.childGaps[unit * items + item.index] === 1).map((item) => item.index);
  if (gaps.length === 0) return { missingChildren: NO_ITEMS, incompleteChildren: NO_ITEMS };
  const missingChildren: string[] = [];
  const incompleteChildren: string[] = [];
  const units = scores.dataset.units;
  for (let child = 0; child < table.parent.length; child += 1) {
    if (table.parent[child] !== unit || !gaps.some((item) => counts.short[child * items + item] === 1)) continue;
    (counts.hasData[child] === 1 ? incompleteChildren : missingChildren).push(units[child]!.id);
  }
  return { missingChildren, incompleteChildren };
}

function missingMonthsOf(period: Period, bits: number): readonly string[] {
  if (bits === 0) return NO_MONTHS;
  return monthsOf(period).flatMap((month, position) => ((bits >> position) & 1 ? [month.key] : []));
}

function itemsOf(scheme: Scheme, scores: PeriodScores, unit: number, sheet: UnitSheet): ItemScore[] {
  const resolved = resolvedSlab(scores.counts, unit);
  const from = resolvedBase(scores.counts, unit);
  return scheme.items.map((item) => {
    const status = ITEM_STATUSES[sheet.status[item.index]!]!;
    const state = resolved.state[from + item.index];
    const counts = status === "missing" || state === ABSENT || state === NULL ? null : { numerator: resolved.numerators[from + item.index]!, denominator: resolved.denominators[from + item.index]! };
    const points = sheet.points[item.index]!;
    const max = sheet.maxUnits[item.index]!;
    return {
      code: item.code,
      status,
      counts,
      points: points < 0 ? null : scheme.points(points),
      max: max === item.maxUnits ? item.maxPoints : scheme.points(max),
      origin: ORIGINS[originAt(scores.counts, unit, item.index)]!,
    };
  });
}

function sectionsOf(scheme: Scheme, sections: Scheme["groups"], sheet: SectionSheet): SectionScore[] {
  return sections.map((section, position) => {
    const points = sheet.points[position]!;
    const max = sheet.max[position]!;
    return {
      code: section.code,
      points: points < 0 ? null : scheme.points(points),
      max: max === section.maxUnits ? section.maxPoints : scheme.points(max),
      origin: sheet.published[position] === 1 ? "published" : "computed",
    };
  });
}
