import { monthsOf, type Period } from "../../kernel/period.js";
import type { Dataset } from "../input/dataset.js";
import { ABSENT, COUNTS, HAS_ROW_CHECKS, NULL, type DatasetTable } from "../input/table.js";
import { FROM_OWN, originAt, resolvedBase, resolvedSlab, resolvePeriodCounts, viewIndex, type PeriodCounts } from "../scoring/period-counts.js";
import type { PeriodScores } from "../scoring/period-scores.js";
import type { UnitScore } from "../scoring/scorecard.js";
import type { Finding } from "./findings.js";
import { findHistoryJumps } from "./history-checks.js";
import type { Reconciliation } from "./reconcile.js";
import { checkRow } from "./row-checks.js";

export type { Finding } from "./findings.js";
export { JUMP_LIMITS } from "./history-checks.js";

/**
 * Data-quality findings for one period: items not reported, figures that do not add up, stated rates that
 * do not match their counts, flags the source attached, tiny denominators, a parent whose own figures
 * differ from its children's sum, a quarter or year whose own figures differ from its months', months far
 * from the unit's history, quarters or years with months missing, and published scores chiso does not
 * reproduce. Reads the period's flat arrays; allocates only the findings.
 */
export function findDataQualityIssues(dataset: Dataset, scores: PeriodScores, units: readonly UnitScore[], reconciliation: readonly Reconciliation[]): Finding[] {
  const findings: Finding[] = [];
  const { counts } = scores;
  const { table, period } = counts;
  const monthRows = period.kind === "month" ? [] : monthsOf(period).map((month) => table.rowsByPeriod.get(month.key));
  const smallChecked = Int32Array.from(dataset.scheme.items.filter((item) => item.checkSmallDenominator && item.maxUnits > 0), (item) => item.index);
  /** Which unit and period a finding is about (built only for findings). */
  const base = (unit: number) => ({ unit: units[unit]!.unit.id, period: period.key });
  // Parents of a quarter or year summed from months whose own months differ from their children's sums.
  const summedParents: number[] = [];
  units.forEach((score, unit) => {
    const { missingItems, partialItems } = score.completeness;
    if (missingItems.length > 0) {
      const ids = missingItems.map((code) => dataset.scheme.itemByCode.get(code)!.id);
      // A quarter or year scored from its own row: say which missing items its months hold (not used: decision 96).
      const inMonths = counts.exactRow[unit]! >= 0 && period.kind !== "month" ? missingItems.filter((code) => monthsHold(table, monthRows, unit, dataset.scheme.itemByCode.get(code)!.index)).map((code) => dataset.scheme.itemByCode.get(code)!.id) : [];
      findings.push({ ...base(unit), code: "missing_items", params: { items: ids.join(", "), count: ids.length, ...(inMonths.length > 0 && { inMonths: inMonths.join(", "), inMonthsCount: inMonths.length }) } });
    }
    if (partialItems.length > 0) {
      const ids = partialItems.map((code) => dataset.scheme.itemByCode.get(code)!.id);
      findings.push({ ...base(unit), code: "partial_items", params: { items: ids.join(", "), count: ids.length } });
    }
    const { missingChildren, incompleteChildren } = score.completeness;
    if (missingChildren.length > 0 || incompleteChildren.length > 0) {
      const names = (ids: readonly string[]) => ids.map((id) => units[table.unitIndex.get(id)!]!.unit.name).join(", ");
      findings.push({ ...base(unit), code: "incomplete_children", params: { missing: names(missingChildren), incomplete: names(incompleteChildren), count: missingChildren.length + incompleteChildren.length } });
    }
    // The unit's own rows: its row for the period, or for a quarter or year without one, its months' rows.
    const exact = counts.exactRow[unit]!;
    const rows = exact >= 0 || period.kind === "month" ? null : monthRows.flatMap((byUnit) => (byUnit && byUnit[unit]! >= 0 ? [byUnit[unit]!] : []));
    const single = exact >= 0 ? exact : rows?.length === 1 ? rows[0]! : -1;
    if (exact >= 0 && (table.rowFlags[exact]! & HAS_ROW_CHECKS) !== 0) checkRow(dataset, dataset.figures[exact]!, findings);
    for (const row of rows ?? []) if ((table.rowFlags[row]! & HAS_ROW_CHECKS) !== 0) checkRow(dataset, dataset.figures[row]!, findings);
    if (score.missingMonths.length > 0) findings.push({ ...base(unit), code: "incomplete_period", params: { months: score.missingMonths.join(", ") } });
    if (exact >= 0 && period.kind !== "month") checkPeriodRow(dataset, counts, unit, exact, monthRows, findings);
    checkSmallDenominators(dataset, counts, smallChecked, unit, base, findings);
    if (single >= 0) checkParent(dataset, counts, unit, single, findings);
    else if (rows && rows.length > 1 && parentDiffers(dataset, counts, unit)) summedParents.push(unit);
  });
  if (summedParents.length > 0) mergeByUnit(findings, monthParentFindings(dataset, period, summedParents, monthRows), table.unitIndex);
  if (period.kind === "month") {
    // Jumps are found in one pass over the period, then put with each unit's other findings.
    const jumps: Finding[] = [];
    findHistoryJumps(dataset, table, period, counts.exactRow, jumps);
    mergeByUnit(findings, jumps, table.unitIndex);
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

/** Whether a month row of `unit` within the period has counts for `item`. */
function monthsHold(table: DatasetTable, monthRows: readonly (Int32Array | undefined)[], unit: number, item: number): boolean {
  return monthRows.some((byUnit) => byUnit !== undefined && byUnit[unit]! >= 0 && table.state[byUnit[unit]! * table.items + item] === COUNTS);
}

/** Inserts `extra` findings after each unit's own, keeping units in order. */
function mergeByUnit(findings: Finding[], extra: readonly Finding[], unitIndex: ReadonlyMap<string, number>): void {
  if (extra.length === 0) return;
  const order = (finding: Finding) => unitIndex.get(finding.unit) ?? -1;
  const merged = [...findings, ...extra].map((finding, position) => ({ finding, position, unit: order(finding) })).sort((a, b) => a.unit - b.unit || a.position - b.position);
  findings.splice(0, findings.length, ...merged.map((entry) => entry.finding));
}

function checkSmallDenominators(dataset: Dataset, counts: PeriodCounts, checked: Int32Array, unit: number, base: (unit: number) => { unit: string; period: string }, findings: Finding[]): void {
  const minimum = dataset.scheme.minReliableDenominator;
  const { state, denominators } = resolvedSlab(counts, unit);
  const from = resolvedBase(counts, unit);
  for (let position = 0; position < checked.length; position += 1) {
    const item = checked[position]!;
    const at = from + item;
    if (state[at] !== COUNTS) continue;
    const denominator = denominators[at]!;
    if (denominator > 0 && denominator < minimum) findings.push({ ...base(unit), code: "small_denominator", item: dataset.scheme.items[item]!.code, params: { denominator, minimum } });
  }
}

/** A parent's own dossier counts against its children's sum. */
function checkParent(dataset: Dataset, counts: PeriodCounts, unit: number, row: number, findings: Finding[]): void {
  const { own, children } = counts;
  if (children.base[unit]! < 0 || own.base[unit]! < 0) return;
  const figure = dataset.figures[row]!;
  for (const item of dataset.scheme.items) {
    if (item.scope !== "dossier") continue;
    const mine = viewIndex(own, unit, item.index);
    const theirs = viewIndex(children, unit, item.index);
    if (own.state[mine] !== COUNTS || children.state[theirs] !== COUNTS) continue;
    if (own.numerators[mine] === children.numerators[theirs] && own.denominators[mine] === children.denominators[theirs]) continue;
    findings.push({
      unit: figure.unit,
      period: counts.period.key,
      item: item.code,
      source: figure.source,
      code: "parent_mismatch",
      params: {
        ownNumerator: own.numerators[mine]!,
        ownDenominator: own.denominators[mine]!,
        childNumerator: children.numerators[theirs]!,
        childDenominator: children.denominators[theirs]!,
        used: originAt(counts, unit, item.index) === FROM_OWN ? "own" : "children",
      },
    });
  }
}

/** Whether a parent's own counts (its months summed) differ from its children's sum on a dossier item. */
function parentDiffers(dataset: Dataset, counts: PeriodCounts, unit: number): boolean {
  const { own, children } = counts;
  if (children.base[unit]! < 0 || own.base[unit]! < 0) return false;
  return dataset.scheme.items.some((item) => {
    if (item.scope !== "dossier") return false;
    const mine = viewIndex(own, unit, item.index);
    const theirs = viewIndex(children, unit, item.index);
    return own.state[mine] === COUNTS && children.state[theirs] === COUNTS && (own.numerators[mine] !== children.numerators[theirs] || own.denominators[mine] !== children.denominators[theirs]);
  });
}

/**
 * A quarter or year summed from months uses, month by month, what each month used: where a parent's own
 * month differs from its children's sum, the month's `parent_mismatch` finding is kept, with the month as its
 * period, so the reader sees per month what was replaced. The months are resolved only for such parents.
 */
function monthParentFindings(dataset: Dataset, period: Period, parents: readonly number[], monthRows: readonly (Int32Array | undefined)[]): Finding[] {
  const found: Finding[] = [];
  monthsOf(period).forEach((month, position) => {
    const rows = monthRows[position];
    if (!rows || !parents.some((unit) => rows[unit]! >= 0)) return;
    const counts = resolvePeriodCounts(dataset, month);
    for (const unit of parents) if (rows[unit]! >= 0) checkParent(dataset, counts, unit, rows[unit]!, found);
  });
  return found;
}

/**
 * A quarter or year with a row of its own is scored on that row (a source's own quarter figures are the
 * reference); when the unit also has month rows inside it that add up to something else, say so.
 */
function checkPeriodRow(dataset: Dataset, counts: PeriodCounts, unit: number, row: number, monthRows: readonly (Int32Array | undefined)[], findings: Finding[]): void {
  const { table, items } = counts;
  const months = monthRows.flatMap((byUnit) => (byUnit && byUnit[unit]! >= 0 ? [byUnit[unit]!] : []));
  if (months.length === 0) return;
  const figure = dataset.figures[row]!;
  for (const item of dataset.scheme.items) {
    if (item.maxUnits === 0) continue;
    const sum = monthSum(table, months, item.index);
    const at = row * items + item.index;
    const state = table.state[at]!;
    if (sum.state === ABSENT || (state === sum.state && (state !== COUNTS || (table.numerators[at] === sum.numerator && table.denominators[at] === sum.denominator)))) continue;
    const shown = (value: number, present: boolean) => (present ? value : "—");
    findings.push({
      unit: figure.unit,
      period: counts.period.key,
      item: item.code,
      source: figure.source,
      code: "period_mismatch",
      params: {
        ownNumerator: shown(table.numerators[at]!, state === COUNTS),
        ownDenominator: shown(table.denominators[at]!, state === COUNTS),
        monthNumerator: shown(sum.numerator, sum.state === COUNTS),
        monthDenominator: shown(sum.denominator, sum.state === COUNTS),
        months: months.length,
      },
    });
  }
}

function monthSum(table: DatasetTable, rows: readonly number[], item: number): { state: number; numerator: number; denominator: number } {
  let state = ABSENT;
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    const at = row * table.items + item;
    if (table.state[at] === COUNTS) {
      state = COUNTS;
      numerator += table.numerators[at]!;
      denominator += table.denominators[at]!;
    } else if (table.state[at] === NULL && state === ABSENT) state = NULL;
  }
  return { state, numerator, denominator };
}
