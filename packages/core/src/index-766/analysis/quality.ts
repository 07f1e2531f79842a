import { Dec } from "../../kernel/arithmetic/decimal.js";
import { figureFor, type Counts, type Dataset, type FigureRow } from "../input/dataset.js";
import { previousPeriod, type Period } from "../../kernel/period.js";
import type { SchemeItem } from "../scheme/compile.js";
import type { ResolvedCounts } from "../scoring/resolve.js";
import type { Finding } from "./findings.js";

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
 * Data-quality findings for one period: figures that do not add up, stated rates that do not match
 * their counts, tiny denominators, a parent whose own figures differ from its children's sum,
 * months far from the unit's history, and quarters or years with months missing.
 */
export function findDataQualityIssues(dataset: Dataset, period: Period, resolve: (unitId: string) => ResolvedCounts): Finding[] {
  const findings: Finding[] = [];
  const { scheme } = dataset;
  for (const unit of dataset.units) {
    const resolved = resolve(unit.id);
    const base = { unit: unit.id, period: period.key };
    for (const row of resolved.ownRows) findings.push(...checkRow(dataset, row));
    if (resolved.missingMonths.length > 0) {
      findings.push({ ...base, code: "incomplete_period", params: { months: resolved.missingMonths.join(", ") } });
    }
    for (const item of scheme.items) {
      const counts = resolved.counts[item.index];
      if (item.checkSmallDenominator && item.maxUnits > 0 && counts && counts.denominator > 0 && counts.denominator < scheme.minReliableDenominator) {
        findings.push({ ...base, code: "small_denominator", item: item.code, params: { denominator: counts.denominator, minimum: scheme.minReliableDenominator } });
      }
    }
    findings.push(...checkParent(dataset, unit.id, period, resolved));
    if (period.kind === "month") findings.push(...checkHistory(dataset, unit.id, period));
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
  if (!ownRow || !dataset.childrenOf.has(unitId)) return [];
  const findings: Finding[] = [];
  for (const item of dataset.scheme.items) {
    const own = ownRow.counts[item.index];
    const used = resolved.counts[item.index];
    if (item.scope !== "dossier" || !own || !used || resolved.origins[item.index] !== "children") continue;
    if (own.numerator !== used.numerator || own.denominator !== used.denominator) {
      findings.push({
        unit: unitId,
        period: period.key,
        item: item.code,
        source: ownRow.source,
        code: "parent_mismatch",
        params: { ownNumerator: own.numerator, ownDenominator: own.denominator, childNumerator: used.numerator, childDenominator: used.denominator },
      });
    }
  }
  return findings;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The dossier volume of a row: the denominator of the scheme's volume item (0 when not reported). */
function volumeOf(dataset: Dataset, counts: readonly (Counts | undefined)[]): number {
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
