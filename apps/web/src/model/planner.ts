import { parseDataset, parsePeriod, scoreDataset, smallestNumeratorFor, ChisoError, describeIssue, type Counts, type FiguresFile, type Language, type Scheme, type SchemeItem, type Scorecard, type UnitScore } from "@chiso/core";

/** A unit's edited counts by item code: the what-if scenario. */
export type Edits = ReadonlyMap<string, Counts>;

export type ScenarioResult = { readonly ok: true; readonly card: Scorecard; readonly unit: UnitScore } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The month's figures of every unit, with `unit`'s items replaced by the edits: ranks are within the
 * period and parents are summed from their children, so the other units' rows of the month stay in.
 */
export function scenarioDocument(document: FiguresFile, unit: string, period: string, edits: Edits): FiguresFile {
  const figures = document.figures
    .filter((figure) => parsePeriod(figure.period)?.key === period)
    .map((figure) => {
      if (figure.unit !== unit || edits.size === 0) return figure;
      const items = { ...figure.items };
      for (const [code, counts] of edits) items[code] = { numerator: counts.numerator, denominator: counts.denominator };
      return { ...figure, items };
    });
  return { units: document.units, figures };
}

/** Scores the scenario with @chiso/core exactly as the original; invalid edits give core's own messages. */
export function scoreScenario(document: FiguresFile, scheme: Scheme, unit: string, period: string, edits: Edits, options: { asOf: string; tie?: "competition" | "dense" }, language: Language): ScenarioResult {
  try {
    const dataset = parseDataset(scenarioDocument(document, unit, period, edits), scheme);
    const card = scoreDataset(dataset, { period, asOf: options.asOf, findings: false, ...(options.tie && { tie: options.tie }) });
    return { ok: true, card, unit: card.unit(unit)! };
  } catch (error) {
    if (error instanceof ChisoError) return { ok: false, problems: error.issues.map((issue) => describeIssue(issue, language)) };
    throw error;
  }
}

/** Raising one item's numerator from `from` to `to` (its denominator unchanged). */
export interface Step {
  readonly item: SchemeItem;
  readonly from: number;
  readonly to: number;
  readonly denominator: number;
}

export interface Reach {
  /** Single items that reach the target alone, least extra dossiers first. */
  readonly single: readonly Step[];
  /** When no single item suffices: items raised in order of recoverable points until the target is met. */
  readonly combined: readonly Step[] | null;
}

/**
 * The items whose numerator the unit itself can still raise: its own counts (not its parent's, which
 * it inherits), scored, below their maximum.
 */
function improvable(score: UnitScore) {
  return score.items.flatMap((item, index) => (item.origin === "own" && item.status === "scored" && item.counts && item.points && item.points.units < item.max.units ? [{ index, item, counts: item.counts, points: item.points.units, max: item.max.units }] : []));
}

/**
 * The smallest numerator changes that bring a unit's total to `targetUnits` (in scheme units). The
 * total is the sum of the rounded item points (decisions.md, "Sum of rounded items"), so an item must
 * reach `target − (total − its points)`; core's `smallestNumeratorFor` finds the least numerator that
 * does, exactly. Results are checked by rescoring in the tests.
 */
export function changesToReach(scheme: Scheme, score: UnitScore, targetUnits: number): Reach {
  const total = score.total?.units ?? 0;
  if (targetUnits <= total) return { single: [], combined: null };
  const candidates = improvable(score);
  const single: Step[] = [];
  for (const candidate of candidates) {
    const needed = targetUnits - (total - candidate.points);
    if (needed > candidate.max) continue;
    const item = scheme.items[candidate.index]!;
    const to = smallestNumeratorFor(scheme, item, candidate.counts.denominator, candidate.max, needed, candidate.counts.numerator);
    if (to !== null) single.push({ item, from: candidate.counts.numerator, to, denominator: candidate.counts.denominator });
  }
  single.sort((a, b) => a.to - a.from - (b.to - b.from) || a.item.index - b.item.index);
  if (single.length > 0) return { single, combined: null };
  // Greedy: the items losing most points first, each to full marks, the last only as far as needed.
  const combined: Step[] = [];
  let remaining = targetUnits - total;
  for (const candidate of [...candidates].sort((a, b) => b.max - b.points - (a.max - a.points))) {
    const item = scheme.items[candidate.index]!;
    const gain = Math.min(remaining, candidate.max - candidate.points);
    const to = smallestNumeratorFor(scheme, item, candidate.counts.denominator, candidate.max, candidate.points + gain, candidate.counts.numerator);
    if (to === null) continue;
    combined.push({ item, from: candidate.counts.numerator, to, denominator: candidate.counts.denominator });
    remaining -= gain;
    if (remaining <= 0) return { single: [], combined };
  }
  return { single: [], combined: null };
}

/** The next band up: its label and minimum, or `null` in the top band. */
export function nextBand(scheme: Scheme, score: UnitScore) {
  const total = score.total?.units ?? 0;
  const higher = scheme.bands.filter((band) => band.minUnits > total).sort((a, b) => a.minUnits - b.minUnits);
  return higher[0] ?? null;
}

/** The next rank up within the unit's level: tie with the nearest unit above. `null` at the top or unranked. */
export function nextRank(card: Scorecard, score: UnitScore): { readonly position: number; readonly units: number } | null {
  if (!score.standing.ranked || score.total === null) return null;
  const mine = score.total.units;
  let best: { position: number; units: number } | null = null;
  for (const other of card.units) {
    if (other.unit.level !== score.unit.level || !other.standing.ranked || other.total === null || other.total.units <= mine) continue;
    if (!best || other.total.units < best.units) best = { position: other.standing.position, units: other.total.units };
  }
  return best;
}

/** The scenario as a file an officer can keep or send: what changed and what it gives. */
export function scenarioJson(options: { scheme: Scheme; unit: UnitScore; before: UnitScore; after: UnitScore; period: string; source: string; checksum: string }): string {
  const { scheme, unit, before, after } = options;
  const standing = (score: UnitScore) => (score.standing.ranked ? { position: score.standing.position, of: score.standing.of, tied: score.standing.tied } : { unranked: score.standing.reason });
  const summary = (score: UnitScore) => ({ total: score.total?.toString() ?? null, band: score.band?.code ?? null, standing: standing(score), blocks: Object.fromEntries(score.blocks.map((block) => [block.code, block.points?.toString() ?? null])) });
  const changes = after.items.flatMap((item, index) => {
    const was = before.items[index]!.counts;
    const now = item.counts;
    if (!now || (was && was.numerator === now.numerator && was.denominator === now.denominator)) return [];
    return [{ item: item.code, id: scheme.items[index]!.id, before: was, after: now, points: { before: before.items[index]!.points?.toString() ?? null, after: item.points?.toString() ?? null } }];
  });
  return `${JSON.stringify({ format: "chiso.scenario/1", scheme: `${scheme.id} ${scheme.version}`, source: options.source, checksum: options.checksum, unit: { id: unit.unit.id, name: unit.unit.name }, period: options.period, changes, before: summary(before), after: summary(after) }, null, 2)}\n`;
}
