import { Dec } from "../../kernel/arithmetic/decimal.js";
import { figureFor, type Dataset, type FigureRow, type ReportedCounts } from "../input/dataset.js";
import { monthsOf, previousPeriod, type Period } from "../../kernel/period.js";
import type { Scheme, SchemeItem } from "../scheme/compile.js";
import { sumCounts, type ResolvedCounts } from "../scoring/resolve.js";
import type { UnitScore } from "../scoring/scorecard.js";
import type { Finding } from "./findings.js";
import type { Reconciliation } from "./reconcile.js";

export type { Finding } from "./findings.js";

/** How far a month may move from the unit's recent history before it is flagged. */
export const JUMP_LIMITS = {
  /** Months of history looked at, and the fewest needed to judge. */
  historyMonths: 12,
  minimumHistory: 3,
  /** Dossier volume more than this factor above or below the median. */
  volumeFactor: 3,
  /** A rate this many percentage points from its median. */
  ratioPoints: 30,
} as const;

/**
 * Data-quality findings for one period: items not reported, figures that do not add up, stated rates that
 * do not match their counts, flags the source attached, tiny denominators, a parent whose own figures
 * differ from its children's sum, a quarter or year whose own figures differ from its months', months far
 * from the unit's history, quarters or years with months missing, and published scores chiso does not
 * reproduce.
 */
export function findDataQualityIssues(dataset: Dataset, period: Period, resolve: (unitId: string) => ResolvedCounts, units: readonly UnitScore[], reconciliation: readonly Reconciliation[]): Finding[] {
  const findings: Finding[] = [];
  const { scheme } = dataset;
  const scoreOf = new Map(units.map((score) => [score.unit.id, score]));
  for (const unit of dataset.units) {
    const resolved = resolve(unit.id);
    const base = { unit: unit.id, period: period.key };
    const completeness = scoreOf.get(unit.id)?.completeness;
    if (completeness && completeness.missingItems.length > 0 && completeness.status !== "no_figures") {
      const ids = completeness.missingItems.map((code) => scheme.itemByCode.get(code)!.id);
      findings.push({ ...base, code: "missing_items", params: { items: ids.join(", "), count: ids.length } });
    }
    for (const row of resolved.ownRows) findings.push(...checkRow(dataset, row));
    if (resolved.missingMonths.length > 0) {
      findings.push({ ...base, code: "incomplete_period", params: { months: resolved.missingMonths.join(", ") } });
    }
    findings.push(...checkPeriodRow(dataset, unit.id, period, resolved));
    for (const item of scheme.items) {
      const counts = resolved.counts[item.index];
      if (item.checkSmallDenominator && item.maxUnits > 0 && counts && counts.denominator > 0 && counts.denominator < scheme.minReliableDenominator) {
        findings.push({ ...base, code: "small_denominator", item: item.code, params: { denominator: counts.denominator, minimum: scheme.minReliableDenominator } });
      }
    }
    findings.push(...checkParent(dataset, unit.id, period, resolved));
    if (period.kind === "month") findings.push(...checkHistory(dataset, unit.id, period));
  }
  for (const entry of reconciliation) {
    if (entry.status !== "differs") continue;
    findings.push({
      unit: entry.unit,
      period: period.key,
      code: "published_mismatch",
      ...(entry.level === "item" && { item: entry.code }),
      params: { level: entry.level, section: entry.code, computed: entry.computed?.toString() ?? "—", published: entry.publishedText ?? "—", cause: entry.cause ?? "counts_or_rule" },
    });
  }
  return findings;
}

function checkRow(dataset: Dataset, row: FigureRow): Finding[] {
  const findings: Finding[] = [];
  const base = { unit: row.unit, period: row.period.key, source: row.source };
  const { channels, settlement } = row;
  if (channels) {
    const sum = channels.online + channels.direct + channels.post;
    if (sum !== channels.received) findings.push({ ...base, code: "channels_mismatch", params: { ...channels, sum } });
  }
  if (settlement) {
    const sum = settlement.early + settlement.onTime + settlement.overdue;
    if (sum !== settlement.settled) findings.push({ ...base, code: "settlement_mismatch", params: { ...settlement, sum } });
  }
  for (const flag of row.flags ?? []) {
    findings.push({ ...base, code: "source_flag", ...(flag.item && { item: flag.item }), params: { flag: flag.code, message: flag.message ?? "" } });
  }
  for (const [code, stated] of Object.entries(row.stated ?? {})) {
    const item = dataset.scheme.itemByCode.get(code)!;
    const counts = row.counts[item.index];
    if (!counts || counts.denominator === 0) continue;
    const computed = new Dec(counts.numerator).times(100).div(counts.denominator);
    // A stated rate written with k decimals may be off by half a unit of its last decimal.
    const statedDecimal = new Dec(stated);
    const tolerance = new Dec(5).div(new Dec(10).pow(statedDecimal.decimalPlaces() + 1));
    if (computed.minus(statedDecimal).abs().gt(tolerance)) {
      findings.push({
        ...base,
        code: "stated_mismatch",
        item: code,
        params: { stated, computed: computed.toFixed(2), numerator: counts.numerator, denominator: counts.denominator },
      });
    }
  }
  return findings;
}

function checkParent(dataset: Dataset, unitId: string, period: Period, resolved: ResolvedCounts): Finding[] {
  const ownRow = resolved.ownRows.length === 1 ? resolved.ownRows[0] : undefined;
  if (!ownRow || !resolved.childCounts) return [];
  const findings: Finding[] = [];
  for (const item of dataset.scheme.items) {
    const own = ownRow.counts[item.index];
    const children = resolved.childCounts[item.index];
    if (item.scope !== "dossier" || !own || !children || sameCounts(own, children)) continue;
    findings.push({
      unit: unitId,
      period: period.key,
      item: item.code,
      source: ownRow.source,
      code: "parent_mismatch",
      params: { ownNumerator: own.numerator, ownDenominator: own.denominator, childNumerator: children.numerator, childDenominator: children.denominator, used: resolved.origins[item.index] === "own" ? "own" : "children" },
    });
  }
  return findings;
}

const sameCounts = (a: ReportedCounts, b: ReportedCounts) => (a && b ? a.numerator === b.numerator && a.denominator === b.denominator : a === b);

/**
 * A quarter or year with a row of its own is scored on that row (a source's own quarter figures are the
 * reference); when the unit also has month rows inside it that add up to something else, say so.
 */
function checkPeriodRow(dataset: Dataset, unitId: string, period: Period, resolved: ResolvedCounts): Finding[] {
  if (period.kind === "month") return [];
  const row = resolved.ownRows.length === 1 && resolved.ownRows[0]!.period.key === period.key ? resolved.ownRows[0]! : undefined;
  if (!row) return [];
  const months = monthsOf(period).flatMap((month) => figureFor(dataset, unitId, month.key) ?? []);
  if (months.length === 0) return [];
  const summed = sumCounts(months.map((month) => month.counts), dataset.scheme.items.length);
  return differingItems(dataset.scheme, row.counts, summed).map(([item, own, sum]) => ({
    unit: unitId,
    period: period.key,
    item: item.code,
    source: row.source,
    code: "period_mismatch" as const,
    params: { ownNumerator: own?.numerator ?? "—", ownDenominator: own?.denominator ?? "—", monthNumerator: sum?.numerator ?? "—", monthDenominator: sum?.denominator ?? "—", months: months.length },
  }));
}

function differingItems(scheme: Scheme, a: readonly ReportedCounts[], b: readonly ReportedCounts[]): [SchemeItem, ReportedCounts, ReportedCounts][] {
  return scheme.items.flatMap((item) => (item.maxUnits > 0 && b[item.index] !== undefined && !sameCounts(a[item.index], b[item.index]) ? [[item, a[item.index], b[item.index]] as [SchemeItem, ReportedCounts, ReportedCounts]] : []));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The dossier volume of a row: the denominator of the scheme's volume item (0 when not reported). */
function volumeOf(dataset: Dataset, counts: readonly ReportedCounts[]): number {
  return counts[dataset.scheme.volumeItem.index]?.denominator ?? 0;
}

function checkHistory(dataset: Dataset, unitId: string, period: Period): Finding[] {
  const row = figureFor(dataset, unitId, period.key);
  if (!row) return [];
  const history: FigureRow[] = [];
  for (let step = 1; step <= JUMP_LIMITS.historyMonths; step += 1) {
    const previous = figureFor(dataset, unitId, previousPeriod(period, step).key);
    if (previous) history.push(previous);
  }
  if (history.length < JUMP_LIMITS.minimumHistory) return [];
  const findings: Finding[] = [];
  const base = { unit: unitId, period: period.key, source: row.source };
  const months = history.length;
  const current = volumeOf(dataset, row.counts);
  const typical = median(history.map((past) => volumeOf(dataset, past.counts)));
  if (typical > 0 && (current > typical * JUMP_LIMITS.volumeFactor || current * JUMP_LIMITS.volumeFactor < typical)) {
    findings.push({ ...base, code: "volume_jump", params: { current, median: typical, months } });
  }
  for (const item of dataset.scheme.items) findings.push(...checkRatioJump(item, row, history, base));
  return findings;
}

function checkRatioJump(item: SchemeItem, row: FigureRow, history: readonly FigureRow[], base: Omit<Finding, "code" | "params">): Finding[] {
  const counts = row.counts[item.index];
  if (item.maxUnits === 0 || !item.checkSmallDenominator || !counts || counts.denominator < 5) return [];
  const past = history.flatMap((previous) => {
    const value = previous.counts[item.index];
    return value && value.denominator >= 5 ? [(value.numerator / value.denominator) * 100] : [];
  });
  if (past.length < JUMP_LIMITS.minimumHistory) return [];
  const current = (counts.numerator / counts.denominator) * 100;
  const typical = median(past);
  if (Math.abs(current - typical) < JUMP_LIMITS.ratioPoints) return [];
  return [{ ...base, code: "ratio_jump", item: item.code, params: { current: current.toFixed(2), median: typical.toFixed(2), change: Math.abs(current - typical).toFixed(2), months: past.length } }];
}
