import type { Points } from "../../kernel/arithmetic/points.js";
import { isProvisional, todayInVietnam, type Period } from "../../kernel/period.js";
import type { TieRule } from "../../kernel/rank.js";
import { findDataQualityIssues, type Finding } from "../analysis/quality.js";
import { reconcile, type Reconciliation } from "../analysis/reconcile.js";
import type { Dataset, PublishedScores, Unit } from "../input/dataset.js";
import type { Scheme, SchemeBand } from "../scheme/compile.js";
import { bandFor } from "./band.js";
import { checkOptions } from "./options.js";
import type { ItemScore } from "./item.js";
import { HAS_PUBLISHED } from "../input/table.js";
import { resolvePeriodCounts } from "./period-counts.js";
import { COMPLETE, INCOMPLETE, scorePeriod } from "./period-scores.js";
import type { SectionScore } from "./sections.js";
import { rankLevels } from "./standings.js";
import { UnitResult } from "./unit-result.js";

/** Why a unit is not ranked: no figures at all, figures without a single dossier, or items missing. */
export type UnrankedReason = "no_figures" | "no_dossiers" | "incomplete";

export type Standing =
  | { readonly ranked: true; readonly position: number; readonly of: number; readonly tied: boolean }
  | { readonly ranked: false; readonly reason: UnrankedReason };

/**
 * Whether a unit's result rests on complete data:
 * - `complete`: every scored item has data (counts, an empty-denominator rule, or a block the source published);
 * - `incomplete`: some scored items were not reported (`missingItems`), or — for a quarter or year summed from
 *   months — a month has no row (`UnitScore.missingMonths`) or an item is in only some months' rows
 *   (`partialItems`), or — for a parent summing its children — a child that counts toward it is missing or
 *   partial (`missingChildren`, `incompleteChildren`): its total rests on part of the data, so it gets no band
 *   and is not ranked unless asked;
 * - `no_dossiers`: it received no dossier in the period: the total is shown as the portal would, without band;
 * - `no_figures`: nothing reported at all.
 */
export interface Completeness {
  readonly status: "complete" | "incomplete" | "no_dossiers" | "no_figures";
  /** Codes of the scored items with no data, in scheme order. */
  readonly missingItems: readonly string[];
  /**
   * Codes of the scored items that a quarter or year built from months has for only some of the unit's months
   * (reported in one month's row, left out of another's), in scheme order: their sums cover part of the period.
   */
  readonly partialItems: readonly string[];
  /**
   * For a parent whose scored items are its children's sums: ids of the children with no figures for the
   * period (in unit order); the sums lack them, so the parent is `incomplete`.
   */
  readonly missingChildren: readonly string[];
  /**
   * For such a parent: ids of the children with figures whose counts for a summed item are themselves partial
   * (the item not reported, a month missing, an item in only some months, or a child of theirs missing).
   */
  readonly incompleteChildren: readonly string[];
  /** The maximum of the items that have data (equals `max` when complete). */
  readonly reportedMax: Points;
}

/** Everything chiso computes for one unit in one period. */
export interface UnitScore {
  readonly unit: Unit;
  readonly period: Period;
  readonly provisional: boolean;
  readonly items: readonly ItemScore[];
  /** The decision's five groups. */
  readonly groups: readonly SectionScore[];
  /** The portal's six blocks. */
  readonly blocks: readonly SectionScore[];
  /** Sum of the groups; `null` when the unit has no data at all. */
  readonly total: Points | null;
  readonly max: Points;
  /** The grade band; `null` without a total, without dossiers, or with items missing (unless ranked anyway). */
  readonly band: SchemeBand | null;
  /** Rank within the unit's level. */
  readonly standing: Standing;
  readonly completeness: Completeness;
  /** Months of a quarter or year with no figures of the unit's own. */
  readonly missingMonths: readonly string[];
  /** Scores the source published for the unit's own row of this period (e.g. the national portal's). */
  readonly published?: PublishedScores;
}

/** A whole period scored: every unit, ranked within its level, with data-quality findings. */
export interface Scorecard {
  readonly scheme: Scheme;
  readonly period: Period;
  readonly provisional: boolean;
  readonly asOf: string;
  readonly units: readonly UnitScore[];
  readonly findings: readonly Finding[];
  /** Every published item, block and total compared with chiso's own (empty without published scores). */
  readonly reconciliation: readonly Reconciliation[];
  /** A unit's result by id. */
  unit(id: string): UnitScore | undefined;
}

export interface ScoreOptions {
  /**
   * `2026-03`, `2026-Q1` or `2026`, a year from 1990 to 2150; white space around it is ignored (the card's
   * `period.key` is canonical).
   */
  readonly period: string;
  /**
   * The date the scoring is done, `YYYY-MM-DD`, a day that exists; an unfinished period is provisional.
   * Default: today in Vietnam.
   */
  readonly asOf?: string;
  /** Tie rule for ranks, `competition` or `dense`; default: the scheme's (competition). */
  readonly tie?: TieRule;
  /** Rank and band units with items missing too (default false: they are listed as unranked, "incomplete"). */
  readonly rankIncomplete?: boolean;
  /** Compute data-quality findings (default true). */
  readonly findings?: boolean;
}

/**
 * Scores every unit of a dataset for one period: items → groups and blocks → total, roll-ups from
 * summed counts, completeness, ranks within each level, bands, data-quality findings and the
 * reconciliation with published scores.
 *
 * The work is done on flat typed arrays (one slab per period: units × items); each unit's result is a light
 * object whose item and section lists are built when first read.
 *
 * @example
 * const scheme = getScheme();
 * const card = scoreDataset(parseDataset(json, scheme), { period: "2026-03" });
 * card.unit("xa-an-binh")?.total?.toString(); // "87.45"
 */
export function scoreDataset(dataset: Dataset, options: ScoreOptions): Scorecard {
  const period = checkOptions(options);
  const { scheme } = dataset;
  const asOf = options.asOf ?? todayInVietnam();
  const provisional = isProvisional(period, asOf);
  const counts = resolvePeriodCounts(dataset, period);
  const scores = scorePeriod(dataset, counts);
  const rankIncomplete = options.rankIncomplete === true;
  const standings = rankLevels(counts.table, scores, options.tie ?? scheme.tie, rankIncomplete);
  const units = dataset.units.map((unit, index) => {
    const status = scores.completeness[index]!;
    const banded = status === COMPLETE || (rankIncomplete && status === INCOMPLETE);
    const total = scores.total[index]!;
    const band = banded && total >= 0 ? bandFor(scheme, scheme.points(total)) : null;
    const row = counts.exactRow[index]!;
    const published = row >= 0 && (counts.table.rowFlags[row]! & HAS_PUBLISHED) !== 0 ? dataset.figures[row]!.published : undefined;
    return new UnitResult(scheme, scores, index, unit, period, provisional, standings, band, published);
  });
  const reconciliation = reconcile(scheme, units);
  const findings = options.findings === false ? [] : findDataQualityIssues(dataset, scores, units, reconciliation);
  const { unitIndex } = counts.table;
  return { scheme, period, provisional, asOf, units, findings, reconciliation, unit: (id) => units[unitIndex.get(id) ?? -1] };
}
