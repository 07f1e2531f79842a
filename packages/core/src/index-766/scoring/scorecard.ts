import { sumPoints, type Points } from "../../kernel/arithmetic/points.js";
import { ChisoError } from "../../kernel/errors.js";
import { isProvisional, parsePeriod, todayInVietnam, type Period } from "../../kernel/period.js";
import { rankScores, type TieRule } from "../../kernel/rank.js";
import { findDataQualityIssues, type Finding } from "../analysis/quality.js";
import { reconcile, type Reconciliation } from "../analysis/reconcile.js";
import type { Dataset, PublishedScores, Unit } from "../input/dataset.js";
import type { UnitLevel } from "../input/schema.js";
import type { Scheme, SchemeBand } from "../scheme/compile.js";
import { bandFor } from "./band.js";
import { scoreItem, type ItemScore } from "./item.js";
import { createResolver, type ResolvedCounts } from "./resolve.js";
import { publishedOnlyBlocks, scoreSections, withPublishedBlocks, type SectionScore } from "./sections.js";

/** Why a unit is not ranked: no figures at all, figures without a single dossier, or items missing. */
export type UnrankedReason = "no_figures" | "no_dossiers" | "incomplete";

export type Standing =
  | { readonly ranked: true; readonly position: number; readonly of: number; readonly tied: boolean }
  | { readonly ranked: false; readonly reason: UnrankedReason };

/**
 * Whether a unit's result rests on complete data:
 * - `complete`: every scored item has data (counts, an empty-denominator rule, or a block the source published);
 * - `incomplete`: some scored items were not reported (`missingItems`): its total is out of fewer points than
 *   the maximum, so it gets no band and is not ranked unless asked;
 * - `no_dossiers`: it received no dossier in the period: the total is shown as the portal would, without band;
 * - `no_figures`: nothing reported at all.
 */
export interface Completeness {
  readonly status: "complete" | "incomplete" | "no_dossiers" | "no_figures";
  /** Codes of the scored items with no data, in scheme order. */
  readonly missingItems: readonly string[];
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
  /** `2026-03`, `2026-Q1` or `2026`. */
  readonly period: string;
  /** The date the scoring is done, `YYYY-MM-DD`; an unfinished period is provisional. Default: today in Vietnam. */
  readonly asOf?: string;
  /** Tie rule for ranks; default: the scheme's (competition). */
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
 * @example
 * const scheme = getScheme();
 * const card = scoreDataset(parseDataset(json, scheme), { period: "2026-03" });
 * card.unit("xa-an-binh")?.total?.toString(); // "87.45"
 */
export function scoreDataset(dataset: Dataset, options: ScoreOptions): Scorecard {
  const period = parsePeriod(options.period);
  if (!period) throw new ChisoError("INVALID_PERIOD", [{ code: "invalid_period", path: ["period"], params: { received: options.period } }]);
  const { scheme } = dataset;
  const asOf = options.asOf ?? todayInVietnam();
  const provisional = isProvisional(period, asOf);
  const resolve = createResolver(dataset, period);

  const partial = dataset.units.map((unit) => scoreUnit(dataset, unit, period, provisional, resolve(unit.id)));
  const rankIncomplete = options.rankIncomplete === true;
  const standings = rankWithinLevels(partial, options.tie ?? scheme.tie, rankIncomplete);
  const units = partial.map((score): UnitScore => {
    const banded = score.completeness.status === "complete" || (rankIncomplete && score.completeness.status === "incomplete");
    return { ...score, band: banded ? bandFor(scheme, score.total) : null, standing: standings.get(score.unit.id)! };
  });
  const byId = new Map(units.map((score) => [score.unit.id, score]));
  const reconciliation = reconcile(scheme, units);
  const findings = options.findings === false ? [] : findDataQualityIssues(dataset, period, resolve, units, reconciliation);
  return { scheme, period, provisional, asOf, units, findings, reconciliation, unit: (id) => byId.get(id) };
}

type PartialUnitScore = Omit<UnitScore, "standing" | "band">;

function scoreUnit(dataset: Dataset, unit: Unit, period: Period, provisional: boolean, resolved: ResolvedCounts): PartialUnitScore {
  const { scheme } = dataset;
  const maxima = effectiveMaxima(scheme, resolved);
  const items = scheme.items.map((item) => scoreItem(scheme, item, resolved.counts[item.index], resolved.origins[item.index]!, maxima[item.index]!));
  const ownRow = resolved.ownRows.length === 1 && resolved.ownRows[0]!.period.key === period.key ? resolved.ownRows[0] : undefined;
  const publishedBlocks = publishedOnlyBlocks(scheme, items, ownRow?.published);
  const { groups, blocks } = withPublishedBlocks(scheme, scoreSections(scheme, scheme.blocks, items), scoreSections(scheme, scheme.groups, items), publishedBlocks);
  const hasData = resolved.hasData || publishedBlocks.size > 0;
  const groupSum = sumPoints(groups.map((group) => group.points), scheme.decimals);
  const total = hasData && groupSum ? scheme.points(groupSum.units) : null;
  return {
    unit,
    period,
    provisional,
    items,
    groups,
    blocks,
    total,
    max: scheme.points(scheme.totalMaxUnits),
    completeness: completenessOf(scheme, items, publishedBlocks, hasData && total !== null, hasDossiers(scheme, items)),
    missingMonths: resolved.missingMonths,
    ...(ownRow?.published && { published: ownRow.published }),
  };
}

/**
 * Dossiers are counted by the scheme's volume item; a unit that does not report it is judged by its other
 * dossier items.
 */
function hasDossiers(scheme: Scheme, items: readonly ItemScore[]): boolean {
  const volume = items[scheme.volumeItem.index]!;
  if (volume.status !== "missing") return (volume.counts?.denominator ?? 0) > 0;
  return items.some((item, index) => scheme.items[index]!.scope === "dossier" && scheme.items[index]!.maxUnits > 0 && (item.counts?.denominator ?? 0) > 0);
}

function completenessOf(scheme: Scheme, items: readonly ItemScore[], publishedBlocks: ReadonlyMap<number, Points>, hasData: boolean, withDossiers: boolean): Completeness {
  const covered = new Set<number>();
  for (const position of publishedBlocks.keys()) for (const index of scheme.blocks[position]!.itemIndices) covered.add(index);
  const missingItems: string[] = [];
  let reportedUnits = 0;
  items.forEach((item, index) => {
    if (scheme.items[index]!.maxUnits === 0) return;
    if (item.status === "missing" && !covered.has(index)) missingItems.push(item.code);
    else reportedUnits += item.max.units;
  });
  const status = !hasData ? "no_figures" : !withDossiers ? "no_dossiers" : missingItems.length > 0 ? "incomplete" : "complete";
  return { status, missingItems: hasData ? missingItems : [], reportedMax: scheme.points(hasData ? reportedUnits : 0) };
}

/** Each item's maximum for this unit: an empty item with a `transfer` policy gives its maximum away. */
function effectiveMaxima(scheme: Scheme, resolved: ResolvedCounts): number[] {
  const maxima = scheme.items.map((item) => item.maxUnits);
  for (const item of scheme.items) {
    const policy = item.emptyDenominator;
    const counts = resolved.counts[item.index];
    if (policy.policy !== "transfer" || counts === undefined || (counts !== null && counts.denominator !== 0)) continue;
    const target = scheme.itemByCode.get(policy.to)!;
    maxima[target.index]! += item.maxUnits;
    maxima[item.index] = 0;
  }
  return maxima;
}

const REASON_BY_STATUS = { no_figures: "no_figures", no_dossiers: "no_dossiers", incomplete: "incomplete" } as const;

function rankWithinLevels(scores: readonly PartialUnitScore[], tie: TieRule, rankIncomplete: boolean): Map<string, Standing> {
  const standings = new Map<string, Standing>();
  const byLevel = new Map<UnitLevel, { id: string; score: number }[]>();
  for (const score of scores) {
    const status = score.completeness.status;
    const ranked = score.total !== null && (status === "complete" || (status === "incomplete" && rankIncomplete));
    if (!ranked) {
      standings.set(score.unit.id, { ranked: false, reason: status === "complete" ? "no_figures" : REASON_BY_STATUS[status] });
      continue;
    }
    const entries = byLevel.get(score.unit.level) ?? [];
    entries.push({ id: score.unit.id, score: score.total!.units });
    byLevel.set(score.unit.level, entries);
  }
  for (const entries of byLevel.values()) {
    for (const [id, rank] of rankScores(entries, tie)) standings.set(id, { ranked: true, ...rank });
  }
  return standings;
}
