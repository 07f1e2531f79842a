import { Dec, toScaledInteger } from "../../kernel/arithmetic/decimal.js";
import { Points } from "../../kernel/arithmetic/points.js";
import { ChisoError, type Issue, type SafeResult } from "../../kernel/errors.js";
import { fromZodIssues } from "../../kernel/zod-issues.js";
import type { Bilingual } from "../../kernel/common-schema.js";
import { schemeSchema, type ItemDefinition, type SchemeData } from "./schema.js";

/** An item ready to score: its rule as exact integer factors. */
export interface SchemeItem extends ItemDefinition {
  readonly index: number;
  /** The maximum in scheme units (hundredths for 2 decimals). */
  readonly maxUnits: number;
  /** `points units = min(maxUnits, round(factorNumerator·n / (factorDenominator·d)))`. */
  readonly factorNumerator: number;
  readonly factorDenominator: number;
  /** The threshold as a fraction of 1, exact. */
  readonly threshold: Dec;
  /** The maximum as points (shared: points are immutable). */
  readonly maxPoints: Points;
}

export interface SchemeSection {
  readonly code: string;
  readonly number: string;
  readonly name: Bilingual;
  readonly maxUnits: number;
  readonly maxPoints: Points;
  readonly items: readonly string[];
  /** Positions of its items in `scheme.items`. */
  readonly itemIndices: readonly number[];
  /** For a block: the position in `scheme.groups` of the group holding all its items (`-1` if they span groups). */
  readonly groupIndex: number;
}

export interface SchemeBand {
  readonly code: string;
  readonly minUnits: number;
  readonly label: Bilingual;
}

/** A validated, consistent scheme, ready to score with. Create it with {@link parseScheme}. */
export interface Scheme {
  readonly definition: SchemeData;
  readonly id: string;
  readonly version: string;
  readonly name: Bilingual;
  readonly decimals: number;
  readonly roundingMode: SchemeData["rounding"]["mode"];
  readonly tie: SchemeData["ranking"]["tie"];
  readonly items: readonly SchemeItem[];
  readonly itemByCode: ReadonlyMap<string, SchemeItem>;
  readonly groups: readonly SchemeSection[];
  readonly blocks: readonly SchemeSection[];
  readonly bands: readonly SchemeBand[];
  readonly totalMaxUnits: number;
  readonly minReliableDenominator: number;
  /** The item counting the unit's dossiers (its denominator). */
  readonly volumeItem: SchemeItem;
  /** Codes of the display-only values a row may carry in `tracked`. */
  readonly trackedCodes: ReadonlySet<string>;
  /** Items whose empty-denominator rule moves their maximum to another item, with that item. */
  readonly transfers: readonly { readonly item: SchemeItem; readonly target: SchemeItem }[];
  /** For each item (by index), the position of its block in `blocks`. */
  readonly blockOfItem: readonly number[];
  /** 0 points at the scheme's precision (shared). */
  readonly zeroPoints: Points;
  /** Points for `units` at the scheme's precision; values from 0 to the total maximum are shared, not allocated. */
  points(units: number): Points;
}

/**
 * Validates a scheme (e.g. loaded from JSON) and checks it is consistent: unique codes, known
 * groups and blocks, items adding up to their group and block maxima, valid transfers, ordered bands.
 *
 * @throws {ChisoError} `INVALID_SCHEME` with every problem found.
 * @example
 * const scheme = parseScheme(JSON.parse(readFileSync("my-province-766.json", "utf8")));
 */
export function parseScheme(input: unknown): Scheme {
  const result = safeParseScheme(input);
  if (!result.success) throw result.error;
  return result.data;
}

/** Like {@link parseScheme}, returning the problems instead of throwing. */
export function safeParseScheme(input: unknown): SafeResult<Scheme> {
  const parsed = schemeSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { success: false, error: new ChisoError("INVALID_SCHEME", fromZodIssues(parsed.error.issues)) };
  }
  const issues = checkConsistency(parsed.data);
  if (issues.length > 0) return { success: false, error: new ChisoError("INVALID_SCHEME", issues) };
  return { success: true, data: compile(parsed.data) };
}

function toUnits(value: number | string, decimals: number): number | null {
  const scaled = toScaledInteger(value);
  if (scaled.scale > decimals) return null;
  return scaled.units * 10 ** (decimals - scaled.scale);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The exact integer factors of `points = M·n / (d·T)` in scheme units, reduced to keep the
 * products of counts far inside the safe-integer range.
 */
export function scoreFactors(maxUnits: number, thresholdPercent: number | string): { numerator: number; denominator: number } {
  const threshold = toScaledInteger(thresholdPercent);
  // points units = maxUnits · n / (d · T), T = threshold.units / (100 · 10^scale)
  let numerator = maxUnits * 100 * 10 ** threshold.scale;
  let denominator = threshold.units;
  const divisor = gcd(numerator, denominator);
  numerator /= divisor;
  denominator /= divisor;
  return { numerator, denominator };
}

function checkConsistency(data: SchemeData): Issue[] {
  const issues: Issue[] = [];
  const decimals = data.rounding.decimals;
  for (const [listName, list] of [
    ["groups", data.groups],
    ["blocks", data.blocks],
    ["items", data.items],
    ["bands", data.bands],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (seen.has(entry.code)) issues.push({ code: "scheme_duplicate_code", path: [listName, index, "code"], params: { code: entry.code } });
      seen.add(entry.code);
    });
  }
  const itemByCode = new Map(data.items.map((item) => [item.code, item]));
  data.items.forEach((item, index) => {
    if (!data.groups.some((group) => group.code === item.group)) {
      issues.push({ code: "scheme_unknown_group", path: ["items", index, "group"], params: { group: item.group, allowed: data.groups.map((g) => g.code).join(", ") } });
    }
    if (!data.blocks.some((block) => block.code === item.block)) {
      issues.push({ code: "scheme_unknown_block", path: ["items", index, "block"], params: { block: item.block, allowed: data.blocks.map((b) => b.code).join(", ") } });
    }
    if (toUnits(item.max, decimals) === null) {
      issues.push({ code: "invalid_value", path: ["items", index, "max"], params: { allowed: `at most ${decimals} decimals`, detail: String(item.max) } });
    }
    const policy = item.emptyDenominator;
    if (policy.policy === "transfer") {
      const target = itemByCode.get(policy.to);
      const reason = !target
        ? { vi: "không tồn tại", en: "does not exist" }
        : target.group !== item.group
          ? { vi: "thuộc nhóm khác", en: "is in another group" }
          : target.code === item.code || target.emptyDenominator.policy === "transfer"
            ? { vi: "cũng chuyển điểm hoặc là chính nó", en: "transfers its own points or is the same item" }
            : null;
      if (reason) {
        issues.push({ code: "scheme_transfer_target", path: ["items", index, "emptyDenominator", "to"], params: { target: policy.to, reason: reason.vi, reasonEn: reason.en } });
      }
    }
  });
  for (const [listName, list, key] of [
    ["groups", data.groups, "group"],
    ["blocks", data.blocks, "block"],
  ] as const) {
    list.forEach((section, index) => {
      const sum = data.items
        .filter((item) => item[key] === section.code)
        .reduce((total, item) => total.plus(new Dec(item.max)), new Dec(0));
      if (!sum.eq(new Dec(section.max))) {
        issues.push({
          code: key === "group" ? "scheme_group_sum" : "scheme_block_sum",
          path: [listName, index, "max"],
          params: { [key]: section.code, sum: sum.toString(), max: String(section.max) },
        });
      }
    });
  }
  const volume = itemByCode.get(data.volumeItem);
  if (!volume || volume.scope !== "dossier") {
    issues.push({ code: "invalid_value", path: ["volumeItem"], params: { detail: data.volumeItem, allowed: data.items.filter((item) => item.scope === "dossier").map((item) => item.code).join(", ") } });
  }
  for (let index = 1; index < data.bands.length; index += 1) {
    if (!new Dec(data.bands[index - 1]!.min).gt(new Dec(data.bands[index]!.min))) {
      issues.push({ code: "scheme_band_order", path: ["bands", index, "min"], params: {} });
    }
  }
  return issues;
}

function compile(data: SchemeData): Scheme {
  const decimals = data.rounding.decimals;
  const items: SchemeItem[] = data.items.map((item, index) => {
    const maxUnits = toUnits(item.max, decimals)!;
    const factors = scoreFactors(maxUnits, item.thresholdPercent);
    return {
      ...item,
      index,
      maxUnits,
      factorNumerator: factors.numerator,
      factorDenominator: factors.denominator,
      threshold: new Dec(item.thresholdPercent).div(100),
      maxPoints: new Points(maxUnits, decimals),
    };
  });
  const section = (list: SchemeData["groups"], key: "group" | "block"): SchemeSection[] =>
    list.map((entry) => ({
      code: entry.code,
      number: entry.number,
      name: entry.name,
      maxUnits: toUnits(entry.max, decimals)!,
      maxPoints: new Points(toUnits(entry.max, decimals)!, decimals),
      items: data.items.filter((item) => item[key] === entry.code).map((item) => item.code),
      itemIndices: data.items.flatMap((item, index) => (item[key] === entry.code ? [index] : [])),
      groupIndex: groupOfSection(data, key, entry.code),
    }));
  const groups = section(data.groups, "group");
  const totalMaxUnits = groups.reduce((sum, group) => sum + group.maxUnits, 0);
  // Points are immutable, so every score from 0 to the maximum can share one instance: a national
  // year then allocates no Points at all (see bench/core.bench.mjs).
  const interned = Array.from({ length: totalMaxUnits + 1 }, (_, units) => new Points(units, decimals));
  const points = (units: number): Points => interned[units] ?? new Points(units, decimals);
  return {
    definition: data,
    id: data.id,
    version: data.version,
    name: data.name,
    decimals,
    roundingMode: data.rounding.mode,
    tie: data.ranking.tie,
    items,
    itemByCode: new Map(items.map((item) => [item.code, item])),
    groups,
    blocks: section(data.blocks, "block"),
    bands: data.bands.map((band) => ({ code: band.code, minUnits: toUnits(band.min, decimals) ?? 0, label: band.label })),
    totalMaxUnits,
    minReliableDenominator: data.quality.minReliableDenominator,
    volumeItem: items.find((item) => item.code === data.volumeItem)!,
    trackedCodes: new Set(data.tracked.map((entry) => entry.code)),
    transfers: items.flatMap((item) => (item.emptyDenominator.policy === "transfer" ? [{ item, target: items.find((other) => other.code === (item.emptyDenominator as { to: string }).to)! }] : [])),
    blockOfItem: items.map((item) => data.blocks.findIndex((block) => block.code === item.block)),
    zeroPoints: points(0),
    points,
  };
}

/** The group that holds every item of a block (a group is its own), or -1 when its items span groups. */
function groupOfSection(data: SchemeData, key: "group" | "block", code: string): number {
  const groups = new Set(data.items.filter((item) => item[key] === code).map((item) => item.group));
  if (groups.size !== 1) return -1;
  const [group] = groups;
  return data.groups.findIndex((entry) => entry.code === group);
}
