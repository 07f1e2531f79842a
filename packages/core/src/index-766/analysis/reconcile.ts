import { Points } from "../../kernel/arithmetic/points.js";
import type { Scheme, SchemeItem } from "../scheme/compile.js";
import type { ItemScore } from "../scoring/item.js";
import { pointsUnits } from "../scoring/points-rule.js";
import type { UnitScore } from "../scoring/scorecard.js";

/**
 * How chiso's figure compares with the published one:
 * - `match`: equal (both "no score" included);
 * - `empty`: chiso has no data where the source printed 0 (an item or block whose counts are all 0/0):
 *   the same fact, shown two ways — not a difference;
 * - `published`: a block the source gave only as a score, kept as published (not recomputed);
 * - `differs`: a real difference — the data or the rule changed.
 */
export type ReconciliationStatus = "match" | "empty" | "published" | "differs";

/**
 * The likely cause of a difference:
 * - `rounding_rule`: the other rounding rule (exact rational or percent-first) gives the published value;
 * - `empty_rule`: the item has no counts and the published value is what another empty-denominator rule gives;
 * - `not_reported`: the input does not carry the item's counts;
 * - `counts_or_rule`: neither — the counts differ from the ones the source scored, or its rule changed.
 */
export type ReconciliationCause = "rounding_rule" | "empty_rule" | "not_reported" | "counts_or_rule";

/** One published figure against chiso's own. */
export interface Reconciliation {
  readonly unit: string;
  readonly level: "item" | "block" | "total";
  readonly code: string;
  readonly computed: Points | null;
  /** The published value at the scheme's precision; `null` where the source printed none (or more decimals than the scheme keeps: see `publishedText`). */
  readonly published: Points | null;
  /** The published value as the source wrote it. */
  readonly publishedText: string | null;
  readonly status: ReconciliationStatus;
  readonly cause?: ReconciliationCause;
}

/**
 * Compares every published item, block and total of every unit with chiso's own result. With the right
 * rules on a source's own data there is no `differs`: one means the data or the rule changed.
 */
export function reconcile(scheme: Scheme, units: readonly UnitScore[]): Reconciliation[] {
  const entries: Reconciliation[] = [];
  for (const unit of units) {
    const published = unit.published;
    if (!published) continue;
    const base = { unit: unit.unit.id };
    for (const [code, text] of published.items) {
      const item = scheme.itemByCode.get(code)!;
      const score = unit.items[item.index]!;
      entries.push({ ...base, level: "item", code, publishedText: text, ...compareItem(scheme, item, score, parse(scheme, text)) });
    }
    for (const [code, text] of published.blocks) {
      const position = scheme.blocks.findIndex((block) => block.code === code);
      const block = unit.blocks[position]!;
      const value = parse(scheme, text);
      if (block.origin === "published") {
        entries.push({ ...base, level: "block", code, computed: block.points, published: value ?? null, publishedText: text, status: "published" });
        continue;
      }
      const items = scheme.blocks[position]!.itemIndices.map((index) => unit.items[index]!);
      entries.push({ ...base, level: "block", code, publishedText: text, ...compareSection(block.points, value, items) });
    }
    if (published.total !== undefined) {
      entries.push({ ...base, level: "total", code: "TOTAL", publishedText: published.total, ...compareSection(unit.total, parse(scheme, published.total), unit.items) });
    }
  }
  return entries;
}

/** A published value at the scheme's precision; `undefined` when it cannot be held exactly (it then never matches). */
function parse(scheme: Scheme, text: string | null): Points | null | undefined {
  if (text === null) return null;
  const units = Points.parseUnits(text, scheme.decimals);
  return units === null ? undefined : scheme.points(units);
}

type Compared = Pick<Reconciliation, "computed" | "published" | "status" | "cause">;

const same = (a: Points | null, b: Points | null | undefined) => b !== undefined && (a === null ? b === null : b !== null && a.units === b.units);

function compareItem(scheme: Scheme, item: SchemeItem, score: ItemScore, published: Points | null | undefined): Compared {
  const computed = score.points;
  const result = { computed, published: published ?? null };
  if (same(computed, published)) return { ...result, status: "match" };
  if (computed === null && published?.units === 0 && score.status === "empty") return { ...result, status: "empty" };
  if (score.status === "missing") return { ...result, status: "differs", cause: "not_reported" };
  if (score.status === "empty" || score.status === "transferred") return { ...result, status: "differs", cause: "empty_rule" };
  const counts = score.counts;
  if (counts && published) {
    const other = item.points.method === "percent-first" ? { method: "exact" as const } : { method: "percent-first" as const, percentDecimals: 2 };
    if (pointsUnits(scheme, { ...item, points: other }, counts, score.max.units) === published.units) return { ...result, status: "differs", cause: "rounding_rule" };
  }
  return { ...result, status: "differs", cause: "counts_or_rule" };
}

function compareSection(computed: Points | null, published: Points | null | undefined, items: readonly ItemScore[]): Compared {
  const result = { computed, published: published ?? null };
  if (same(computed, published)) return { ...result, status: "match" };
  if (computed === null && published?.units === 0) return { ...result, status: "empty" };
  const cause = items.some((item) => item.status === "missing") ? "not_reported" : "counts_or_rule";
  return { ...result, status: "differs", cause };
}
