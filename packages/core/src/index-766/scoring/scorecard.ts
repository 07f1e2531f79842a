import { sumPoints, type Points } from "../../kernel/arithmetic/points.js";
import { ChisoError } from "../../kernel/errors.js";
import type { Dataset, Unit } from "../input/dataset.js";
import type { UnitLevel } from "../input/schema.js";
import { isProvisional, parsePeriod, todayInVietnam, type Period } from "../../kernel/period.js";
import type { Scheme, SchemeBand } from "../scheme/compile.js";
import { findDataQualityIssues, type Finding } from "../analysis/quality.js";
import { bandFor } from "./band.js";
import { scoreItem, type ItemScore } from "./item.js";
import { rankScores, type TieRule } from "../../kernel/rank.js";
import { createResolver, type ResolvedCounts } from "./resolve.js";
import { scoreSections, type SectionScore } from "./sections.js";

/** Why a unit is not ranked: no figures at all, or figures without a single dossier. */
export type UnrankedReason = "no_figures" | "no_dossiers";

export type Standing =
  | { readonly ranked: true; readonly position: number; readonly of: number; readonly tied: boolean }
  | { readonly ranked: false; readonly reason: UnrankedReason };

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
  readonly band: SchemeBand | null;
  /** Rank within the unit's level. */
  readonly standing: Standing;
  /** Months of a quarter or year with no figures of the unit's own. */
  readonly missingMonths: readonly string[];
}

/** A whole period scored: every unit, ranked within its level, with data-quality findings. */
export interface Scorecard {
  readonly scheme: Scheme;
  readonly period: Period;
  readonly provisional: boolean;
  readonly asOf: string;
  readonly units: readonly UnitScore[];
  readonly findings: readonly Finding[];
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
  /** Compute data-quality findings (default true). */
  readonly findings?: boolean;
}

/**
 * Scores every unit of a dataset for one period: items → groups and blocks → total, roll-ups from
 * summed counts, ranks within each level, bands and data-quality findings.
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

  const partial = dataset.units.map((unit) => scoreUnit(scheme, unit, period, provisional, resolve(unit.id)));
  const standings = rankWithinLevels(partial, options.tie ?? scheme.tie);
  const units = partial.map(({ hasData: _hasData, hasDossiers: _hasDossiers, ...score }): UnitScore => ({ ...score, standing: standings.get(score.unit.id)! }));
  const byId = new Map(units.map((score) => [score.unit.id, score]));
  const findings = options.findings === false ? [] : findDataQualityIssues(dataset, period, resolve);
  return { scheme, period, provisional, asOf, units, findings, unit: (id) => byId.get(id) };
}

type PartialUnitScore = Omit<UnitScore, "standing"> & { readonly hasData: boolean; readonly hasDossiers: boolean };

function scoreUnit(scheme: Scheme, unit: Unit, period: Period, provisional: boolean, resolved: ResolvedCounts): PartialUnitScore {
  const maxima = effectiveMaxima(scheme, resolved);
  const items = scheme.items.map((item) => scoreItem(scheme, item, resolved.counts[item.index], resolved.origins[item.index]!, maxima[item.index]!));
  const groups = scoreSections(scheme, scheme.groups, items);
  const groupSum = sumPoints(groups.map((group) => group.points), scheme.decimals);
  const total = resolved.hasData && groupSum ? scheme.points(groupSum.units) : null;
  // Dossiers are counted by the scheme's volume item; a unit that does not report it is judged by
  // its other dossier items.
  const volume = items[scheme.volumeItem.index]!.counts;
  const hasDossiers = volume
    ? volume.denominator > 0
    : items.some((item, index) => scheme.items[index]!.scope === "dossier" && scheme.items[index]!.maxUnits > 0 && (item.counts?.denominator ?? 0) > 0);
  return {
    unit,
    period,
    provisional,
    items,
    groups,
    blocks: scoreSections(scheme, scheme.blocks, items),
    total,
    max: scheme.points(scheme.totalMaxUnits),
    band: bandFor(scheme, total),
    missingMonths: resolved.missingMonths,
    hasData: resolved.hasData,
    hasDossiers,
  };
}

/** Each item's maximum for this unit: an empty item with a `transfer` policy gives its maximum away. */
function effectiveMaxima(scheme: Scheme, resolved: ResolvedCounts): number[] {
  const maxima = scheme.items.map((item) => item.maxUnits);
  for (const item of scheme.items) {
    const policy = item.emptyDenominator;
    if (policy.policy !== "transfer" || resolved.counts[item.index]?.denominator !== 0) continue;
    const target = scheme.itemByCode.get(policy.to)!;
    maxima[target.index]! += item.maxUnits;
    maxima[item.index] = 0;
  }
  return maxima;
}

function rankWithinLevels(scores: readonly PartialUnitScore[], tie: TieRule): Map<string, Standing> {
  const standings = new Map<string, Standing>();
  const byLevel = new Map<UnitLevel, { id: string; score: number }[]>();
  for (const score of scores) {
    if (!score.hasData || score.total === null) {
      standings.set(score.unit.id, { ranked: false, reason: "no_figures" });
    } else if (!score.hasDossiers) {
      standings.set(score.unit.id, { ranked: false, reason: "no_dossiers" });
    } else {
      const entries = byLevel.get(score.unit.level) ?? [];
      entries.push({ id: score.unit.id, score: score.total.units });
      byLevel.set(score.unit.level, entries);
    }
  }
  for (const entries of byLevel.values()) {
    for (const [id, rank] of rankScores(entries, tie)) standings.set(id, { ranked: true, ...rank });
  }
  return standings;
}
