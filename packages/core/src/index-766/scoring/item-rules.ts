import type { Scheme } from "../scheme/compile.js";

/** What an item does when it has no counts (denominator 0, or counts the source returned as null). */
export const EMPTY_NULL = 0;
export const EMPTY_ZERO = 1;
export const EMPTY_FULL = 2;
export const EMPTY_TRANSFER = 3;

/** How an item's points are computed. */
export const RULE_TRACKING = 0;
export const RULE_EXACT = 1;
export const RULE_PERCENT_FIRST = 2;

/**
 * A scheme's item rules as parallel typed arrays, indexed like `scheme.items`, so the scoring loop reads
 * numbers instead of walking objects. Derived once per scheme.
 */
export interface ItemRules {
  readonly rule: Uint8Array;
  readonly empty: Uint8Array;
  readonly maxUnits: Int32Array;
  /** `points = round(factorNumerator · n / (factorDenominator · d))` for exact items at their own maximum. */
  readonly factorNumerator: Float64Array;
  readonly factorDenominator: Float64Array;
  /** The group and block holding each item (positions in `scheme.groups`, `scheme.blocks`). */
  readonly group: Int32Array;
  readonly block: Int32Array;
  /** 1 for dossier items: a parent's counts are its children's sum. */
  readonly sumsChildren: Uint8Array;
  /** Per level code (province, department, commune): 1 where the level inherits the item from an ancestor. */
  readonly inherits: readonly Uint8Array[];
  /** Each group's and block's maximum when every item has its own (the sum of its items' maxima). */
  readonly groupMax: Int32Array;
  readonly blockMax: Int32Array;
}

const cache = new WeakMap<Scheme, ItemRules>();

export function itemRules(scheme: Scheme): ItemRules {
  let rules = cache.get(scheme);
  if (rules) return rules;
  const items = scheme.items;
  const emptyCode = { null: EMPTY_NULL, zero: EMPTY_ZERO, full: EMPTY_FULL, transfer: EMPTY_TRANSFER } as const;
  const group = Int32Array.from(items, (item) => scheme.groups.findIndex((entry) => entry.code === item.group));
  const block = Int32Array.from(scheme.blockOfItem);
  rules = {
    rule: Uint8Array.from(items, (item) => (item.maxUnits === 0 ? RULE_TRACKING : item.points.method === "percent-first" ? RULE_PERCENT_FIRST : RULE_EXACT)),
    empty: Uint8Array.from(items, (item) => emptyCode[item.emptyDenominator.policy]),
    maxUnits: Int32Array.from(items, (item) => item.maxUnits),
    factorNumerator: Float64Array.from(items, (item) => item.factorNumerator),
    factorDenominator: Float64Array.from(items, (item) => item.factorDenominator),
    group,
    block,
    sumsChildren: Uint8Array.from(items, (item) => (item.scope === "dossier" ? 1 : 0)),
    inherits: (["province", "department", "commune"] as const).map((level) => Uint8Array.from(items, (item) => (item.inheritedBy.includes(level) ? 1 : 0))),
    groupMax: sectionMaxima(items, group, scheme.groups.length),
    blockMax: sectionMaxima(items, block, scheme.blocks.length),
  };
  cache.set(scheme, rules);
  return rules;
}

function sectionMaxima(items: Scheme["items"], sectionOfItem: Int32Array, sections: number): Int32Array {
  const maxima = new Int32Array(sections);
  items.forEach((item, index) => {
    const section = sectionOfItem[index]!;
    if (section >= 0) maxima[section]! += item.maxUnits;
  });
  return maxima;
}
