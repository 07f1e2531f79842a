import { hasFiguresFor, parseDataset, parsePeriod, parseScheme, previousPeriod, scoreDataset, type Dataset, type Period, type Scheme, type Scorecard } from "@chiso/core";
import { refusedFigures, type RefusedFigures } from "@chiso/report";
import type { ServedPayload } from "./payload.js";

/** The served data parsed and scored in the browser, with scorecards kept per period. */
export interface Model {
  readonly payload: ServedPayload;
  readonly scheme: Scheme;
  readonly dataset: Dataset;
  /** Months, quarters and years that have figures, newest first within each kind. */
  readonly periods: { readonly month: readonly string[]; readonly quarter: readonly string[]; readonly year: readonly string[] };
  /** The period's scorecard, without data-quality findings (they take as long as the scoring). */
  score(period: string): Scorecard;
  /** The period's scorecard with its data-quality findings. */
  scoreWithFindings(period: string): Scorecard;
  /** The previous period's scorecard, if it has figures. */
  previous(period: string): Scorecard | null;
  /** Up to 12 periods of the same kind, oldest first, ending with `period`. */
  trend(period: string): readonly Scorecard[];
  /**
   * Units whose figures lost input rows rejected with --skip-invalid (and, when parents sum their units, the
   * parents): their totals are partial, so no change is shown for them, as in the pack (decision 61).
   */
  readonly refused: RefusedFigures | undefined;
}

/** Month, quarter and year keys that have figures. */
export function periodsOf(dataset: Dataset): Model["periods"] {
  const months = [...dataset.figuresByPeriod.keys()].filter((key) => parsePeriod(key)?.kind === "month").sort().reverse();
  const quarters = [...new Set(months.map((key) => { const p = parsePeriod(key)!; return `${p.year}-Q${Math.ceil(p.index! / 3)}`; }))];
  const years = [...new Set(months.map((key) => key.slice(0, 4)))];
  const others = [...dataset.figuresByPeriod.keys()].filter((key) => parsePeriod(key)?.kind !== "month");
  const add = (list: string[], kind: "quarter" | "year") => [...new Set([...list, ...others.filter((key) => parsePeriod(key)?.kind === kind)])].sort().reverse();
  return { month: months, quarter: add(quarters, "quarter"), year: add(years, "year") };
}

/** The served data parsed (validated) and scored by @chiso/core in the browser. */
export function createModel(payload: ServedPayload): Model {
  return createModelFrom(payload, parseDataset(payload.document, parseScheme(payload.scheme)));
}

/** A model over a dataset already parsed: the browser's own, or the server's for the first screen. */
export function createModelFrom(payload: ServedPayload, dataset: Dataset): Model {
  const { scheme } = dataset;
  const { asOf, tie, rankIncomplete } = payload.meta;
  const cards = new Map<string, Scorecard>();
  const score = (period: string, findings = true): Scorecard => {
    const key = `${period}|${findings}`;
    let card = cards.get(key);
    if (!card) {
      card = scoreDataset(dataset, { period, asOf, findings, ...(tie && { tie }), ...(rankIncomplete && { rankIncomplete: true }) });
      cards.set(key, card);
    }
    return card;
  };
  const has = (period: Period) => hasFiguresFor(dataset, period);
  const refused = payload.rejected && payload.rejected.length > 0 ? refusedFigures(payload.rejected, (id) => (dataset.parentCounts === "own" ? null : dataset.unitById.get(id)?.parent)) : undefined;
  return {
    payload,
    refused,
    scheme,
    dataset,
    periods: periodsOf(dataset),
    score: (period) => cards.get(`${period}|true`) ?? score(period, false),
    scoreWithFindings: (period) => score(period, true),
    previous(period) {
      const before = previousPeriod(parsePeriod(period)!);
      return has(before) ? score(before.key, false) : null;
    },
    trend(period) {
      const current = parsePeriod(period)!;
      return Array.from({ length: 12 }, (_, index) => previousPeriod(current, 11 - index))
        .filter((p) => p.key === current.key || has(p))
        .map((p) => score(p.key, false));
    },
  };
}
