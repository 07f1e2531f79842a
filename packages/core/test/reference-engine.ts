// A simple reference for scoreDataset, written straight from the rules with plain objects, maps and BigInt
// arithmetic, and slow on purpose: no tables, no typed arrays, no memo. The property test
// (engine.test.ts) checks the engine against it on random datasets.
import { exactReference, percentFirstReference } from "../../../bench/reference-points.mjs";
import { monthsOf, parsePeriod, type FiguresFile, type Scheme } from "../src/index.js";

type Pair = { n: number; d: number } | null;

export interface ReferenceUnit {
  total: number | null;
  items: (number | null)[];
  statuses: string[];
  blocks: (number | null)[];
  groups: (number | null)[];
  completeness: string;
  band: string | null;
  rank: number | null;
  tied: boolean;
}

function pairOf(value: unknown): Pair | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (Array.isArray(value)) return { n: value[0] as number, d: value[1] as number };
  const counts = value as { numerator: number; denominator: number };
  return { n: counts.numerator, d: counts.denominator };
}

/** Adds reported counts: absent adds nothing; null adds nothing to counts; two nulls stay null. */
function add(a: Pair | undefined, b: Pair | undefined): Pair | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === null) return b;
  if (b === null) return a;
  return { n: a.n + b.n, d: a.d + b.d };
}

export function referenceScores(file: FiguresFile, scheme: Scheme, periodKey: string, options: { tie: "competition" | "dense"; rankIncomplete: boolean }): Map<string, ReferenceUnit> {
  const period = parsePeriod(periodKey)!;
  const rowOf = (unit: string, key: string) => file.figures.find((figure) => figure.unit === unit && figure.period === key);
  // Own counts: the period's own row, else its months summed.
  const own = (unit: string, code: string): Pair | undefined => {
    const exact = rowOf(unit, period.key);
    if (exact) return pairOf(exact.items[code]);
    if (period.kind === "month") return undefined;
    let sum: Pair | undefined;
    for (const month of monthsOf(period)) sum = add(sum, pairOf(rowOf(unit, month.key)?.items[code]));
    return sum;
  };
  const children = (unit: string) => file.units.filter((candidate) => candidate.parent === unit);
  const level = (unit: string) => file.units.find((candidate) => candidate.id === unit)!.level;
  const parentOf = (unit: string) => file.units.find((candidate) => candidate.id === unit)!.parent;
  const resolved = (unit: string, code: string): { value: Pair | undefined; fromParent: boolean } => {
    const item = scheme.itemByCode.get(code)!;
    const mine = own(unit, code);
    if (item.scope === "dossier") {
      let sum: Pair | undefined;
      for (const child of children(unit)) sum = add(sum, resolved(child.id, code).value);
      if (sum !== undefined && !(file.parentCounts === "own" && mine !== undefined)) return { value: sum, fromParent: false };
    }
    if (mine !== undefined) return { value: mine, fromParent: false };
    if (item.inheritedBy.includes(level(unit))) {
      for (let ancestor = parentOf(unit); ancestor !== undefined; ancestor = parentOf(ancestor)) {
        const theirs = own(ancestor, code);
        if (theirs !== undefined) return { value: theirs, fromParent: true };
      }
    }
    return { value: undefined, fromParent: false };
  };

  // A quarter or year summed from months is partial when a month has no row or an item is in only some rows.
  const hasGaps = (unit: string): boolean => {
    if (period.kind === "month" || rowOf(unit, period.key)) return false;
    const rows = monthsOf(period).flatMap((month) => rowOf(unit, month.key) ?? []);
    if (rows.length === 0) return false;
    if (rows.length < monthsOf(period).length) return true;
    return scheme.items.some((item) => item.maxUnits > 0 && rows.some((row) => row.items[item.code] !== undefined) && rows.some((row) => row.items[item.code] === undefined));
  };

  // Where a count comes from: the children's sum, the unit's own, an ancestor's, or nowhere.
  const origin = (unit: string, code: string): "children" | "own" | "parent" | "none" => {
    const item = scheme.itemByCode.get(code)!;
    const mine = own(unit, code);
    if (item.scope === "dossier") {
      let sum: Pair | undefined;
      for (const child of children(unit)) sum = add(sum, resolved(child.id, code).value);
      if (sum !== undefined && !(file.parentCounts === "own" && mine !== undefined)) return "children";
    }
    if (mine !== undefined) return "own";
    return resolved(unit, code).fromParent ? "parent" : "none";
  };
  // The unit's own months: one missing, or the item in only some of them.
  const ownGap = (unit: string, code: string): boolean => {
    if (period.kind === "month" || rowOf(unit, period.key)) return false;
    const rows = monthsOf(period).flatMap((month) => rowOf(unit, month.key) ?? []);
    if (rows.length === 0) return false;
    if (rows.length < monthsOf(period).length) return true;
    return rows.some((row) => row.items[code] !== undefined) && rows.some((row) => row.items[code] === undefined);
  };
  const hasAnyData = (unit: string) => scheme.items.some((item) => resolved(unit, item.code).value !== undefined && !resolved(unit, item.code).fromParent);
  // A dossier item from the children is a gap when a child is short for it.
  const childGap = (unit: string, code: string): boolean => origin(unit, code) === "children" && children(unit).some((child) => short(child.id, code));
  const gap = (unit: string, code: string): boolean => {
    const from = origin(unit, code);
    return from === "own" ? ownGap(unit, code) : from === "children" ? childGap(unit, code) : from === "none";
  };
  // A unit counts short for a dossier item toward its parent: no figures, the item missing (unless it reports
  // no dossiers: its volume item at zero, itself whole), or a gap in it.
  const short = (unit: string, code: string): boolean => {
    if (!hasAnyData(unit)) return true;
    if (resolved(unit, code).value !== undefined) return gap(unit, code);
    const volume = resolved(unit, scheme.volumeItem.code).value;
    const noDossiers = volume !== undefined && (volume === null || volume.d === 0) && !gap(unit, scheme.volumeItem.code);
    return !noDossiers;
  };
  const childGaps = (unit: string): boolean => scheme.items.some((item) => item.maxUnits > 0 && item.scope === "dossier" && childGap(unit, item.code));

  const results = new Map<string, ReferenceUnit>();
  for (const unit of file.units) {
    const counts = scheme.items.map((item) => resolved(unit.id, item.code));
    const maxima = scheme.items.map((item) => item.maxUnits);
    scheme.items.forEach((item, index) => {
      const value = counts[index]!.value;
      if (item.emptyDenominator.policy !== "transfer" || value === undefined || (value !== null && value.d !== 0)) return;
      maxima[scheme.itemByCode.get(item.emptyDenominator.to)!.index]! += item.maxUnits;
      maxima[index] = 0;
    });
    const statuses: string[] = [];
    const items = scheme.items.map((item, index) => {
      const value = counts[index]!.value;
      const max = maxima[index]!;
      if (item.maxUnits === 0) return statuses.push("tracking"), null;
      if (value === undefined) return statuses.push("missing"), null;
      if (value === null || value.d === 0) {
        const policy = item.emptyDenominator.policy;
        statuses.push(policy === "transfer" ? "transferred" : "empty");
        return policy === "zero" ? 0 : policy === "full" ? max : null;
      }
      statuses.push("scored");
      // The references cap at the item's own maximum; a transfer raises it, so scale by the effective one.
      const rule = item.points.method === "percent-first" ? percentFirstReference : exactReference;
      return rule((max / 10 ** scheme.decimals).toString(), item.thresholdPercent, value.n, value.d).units;
    });
    const sum = (indices: readonly number[]) => (indices.some((index) => items[index] !== null) ? indices.reduce((total, index) => total + (items[index] ?? 0), 0) : null);
    const groups = scheme.groups.map((group) => sum(group.itemIndices));
    const blocks = scheme.blocks.map((block) => sum(block.itemIndices));
    const hasData = counts.some((entry) => entry.value !== undefined && !entry.fromParent);
    const total = hasData && groups.some((group) => group !== null) ? groups.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
    const missing = scheme.items.filter((item, index) => item.maxUnits > 0 && statuses[index] === "missing").length;
    const volume = counts[scheme.volumeItem.index]!.value;
    const denominator = (pair: Pair | undefined) => (pair ? pair.d : 0);
    const dossiers = volume !== undefined ? denominator(volume) > 0 : scheme.items.some((item, index) => item.scope === "dossier" && item.maxUnits > 0 && denominator(counts[index]!.value) > 0);
    const completeness = total === null ? "no_figures" : !dossiers ? "no_dossiers" : missing > 0 || hasGaps(unit.id) || childGaps(unit.id) ? "incomplete" : "complete";
    const banded = completeness === "complete" || (options.rankIncomplete && completeness === "incomplete");
    const band = banded && total !== null ? (scheme.bands.find((entry) => total >= entry.minUnits)?.code ?? null) : null;
    results.set(unit.id, { total, items, statuses, blocks, groups, completeness, band, rank: null, tied: false });
  }
  for (const lv of ["province", "department", "commune"] as const) {
    const ranked = file.units.filter((unit) => unit.level === lv).map((unit) => ({ id: unit.id, result: results.get(unit.id)! })).filter(({ result }) => result.total !== null && (result.completeness === "complete" || (options.rankIncomplete && result.completeness === "incomplete")));
    const totals = [...new Set(ranked.map(({ result }) => result.total!))].sort((a, b) => b - a);
    for (const { result } of ranked) {
      const higher = ranked.filter((other) => other.result.total! > result.total!).length;
      result.rank = options.tie === "competition" ? higher + 1 : totals.indexOf(result.total!) + 1;
      result.tied = ranked.filter((other) => other.result.total === result.total).length > 1;
    }
  }
  return results;
}
