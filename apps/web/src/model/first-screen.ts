import type { Dataset, Language, Scheme, UnitScore } from "@chiso/core";
import { comparableChanges, type RefusedFigures } from "@chiso/report";
import { formatChange, formatPoints } from "../format.js";
import { messagesFor, type Messages } from "../i18n.js";
import { createModelFrom, type Model } from "./model.js";
import type { DataMeta, ServedPayload } from "./payload.js";
import { blockRows, changeText, periodLabel, rankText, trendRows, type BlockRow, type TrendRow } from "./views.js";

// What the overview shows, as plain data: computed by one function from core's scorecards, by the server
// for the first screen (so the browser draws it before it has loaded, parsed and scored anything) and by
// the browser's own model afterwards (another period or language, or the same one once the model is ready).

/** A band as shown: its code, its place in the scheme (best first: the colour) and its label. */
export interface BandData {
  readonly code: string;
  readonly index: number;
  readonly label: string;
}

export interface HeadlineData {
  readonly total: string;
  readonly max: string;
  readonly band: BandData | null;
  /** `null` where the rank is not shown (the province). */
  readonly rank: { readonly text: string; readonly detail: string } | null;
  readonly change: { readonly score: string; readonly rank: string | null; readonly value: number | null };
}

/** What a score rests on when the data is not whole. */
/**
 * `names`: items not reported; `months`: months of a quarter or year without a row; `partial`: items in only some
 * months; `missingChildren` / `incompleteChildren`: units under a parent whose sums lack them, or their part.
 */
export type CompletenessData =
  | { readonly kind: "no_dossiers" }
  | { readonly kind: "incomplete"; readonly names: readonly string[]; readonly months: readonly string[]; readonly partial: readonly string[]; readonly missingChildren: readonly string[]; readonly incompleteChildren: readonly string[] }
  | null;

export interface OverviewData {
  readonly period: string;
  readonly language: Language;
  /** The province's name, or `null` when the data has no province. */
  readonly title: string | null;
  readonly provisional: boolean;
  readonly province: {
    readonly completeness: CompletenessData;
    readonly headline: HeadlineData;
    /** The province's score is summed from its units, or the province's own figures. */
    readonly scoreOrigin: "sum" | "own";
    readonly blocks: readonly BlockRow[];
    readonly trend: { readonly kind: string; readonly rows: readonly TrendRow[] };
  } | null;
  readonly bandCounts: readonly { readonly band: BandData; readonly count: number }[];
  readonly watch: readonly { readonly id: string; readonly name: string; readonly total: string; readonly band: BandData | null }[];
  readonly movers: readonly { readonly id: string; readonly name: string; readonly change: string; readonly sign: number }[];
  readonly unranked: readonly { readonly id: string; readonly name: string; readonly reason: string }[];
}

/** The page around the views: the province's name, the periods to choose from, the scheme in the footer. */
export interface ShellData {
  readonly province: string | null;
  readonly periods: Model["periods"];
  readonly scheme: string;
}

/** What `chiso serve` sends at /api/first (format `chiso.first/1`): the opening period's overview, drawn at once. */
export interface FirstScreen {
  readonly format: "chiso.first/1";
  readonly language: Language;
  readonly meta: DataMeta;
  readonly shell: ShellData;
  readonly overview: OverviewData;
}

export function bandData(scheme: Scheme, score: UnitScore, language: Language): BandData | null {
  if (!score.band || !score.standing.ranked) return null;
  const code = score.band.code;
  return { code, index: scheme.bands.findIndex((band) => band.code === code), label: score.band.label[language] };
}

export function headlineData(scheme: Scheme, score: UnitScore, previous: UnitScore | undefined, language: Language, showRank: boolean, refused?: RefusedFigures): HeadlineData {
  const messages = messagesFor(language);
  return {
    total: formatPoints(score.total, language),
    max: formatPoints(score.max, language),
    band: bandData(scheme, score, language),
    rank: showRank ? { text: rankText(score, messages), detail: score.standing.ranked ? messages.rankWithin(messages.levels[score.unit.level]!) : (messages.reason[score.standing.reason] ?? "") } : null,
    change: changeText(score, previous, messages, language, refused),
  };
}

export function completenessData(scheme: Scheme, score: UnitScore, language: Language, nameOf: (unitId: string) => string = (unitId) => unitId): CompletenessData {
  const { completeness } = score;
  if (completeness.status === "no_dossiers") return { kind: "no_dossiers" };
  if (completeness.status !== "incomplete") return null;
  const named = (codes: readonly string[]) =>
    codes.map((code) => {
      const item = scheme.itemByCode.get(code);
      return item ? `${item.id} ${item.name[language]}` : code;
    });
  const months = score.missingMonths.map((key) => periodLabel(key, language));
  const { missingChildren, incompleteChildren } = completeness;
  return { kind: "incomplete", names: named(completeness.missingItems), months, partial: named(completeness.partialItems), missingChildren: missingChildren.map(nameOf), incompleteChildren: incompleteChildren.map(nameOf) };
}

/** The province overview of a period: score, band and change, the six blocks, the trend, and where to look next. */
export function overviewData(model: Model, period: string, language: Language): OverviewData {
  const { scheme } = model;
  const messages: Messages = messagesFor(language);
  const card = model.score(period);
  const previous = model.previous(period);
  const province = card.units.find((score) => score.unit.level === "province");
  const units = card.units.filter((score) => score.unit.level !== "province");
  const ranked = units.filter((score) => score.standing.ranked && score.total !== null);
  const watch = [...ranked].sort((a, b) => a.total!.units - b.total!.units).slice(0, 6);
  // Only units complete in both periods: a change against a partial total is not a move.
  const movers = comparableChanges(ranked, previous, model.refused)
    .map(({ score, delta }) => ({ score, change: delta }))
    .sort((a, b) => Math.abs(b.change.units) - Math.abs(a.change.units))
    .slice(0, 6);
  return {
    period,
    language,
    title: province?.unit.name ?? null,
    provisional: card.provisional,
    province: province
      ? {
          completeness: completenessData(scheme, province, language, (id) => model.dataset.unitById.get(id)?.name ?? id),
          headline: headlineData(scheme, province, previous?.unit(province.unit.id), language, false, model.refused),
          scoreOrigin: model.dataset.parentCounts === "own" ? "own" : "sum",
          blocks: blockRows(scheme, province, language),
          trend: { kind: card.period.kind, rows: trendRows(model.trend(period), province.unit.id, language, model.refused) },
        }
      : null,
    bandCounts: scheme.bands.map((band, index) => ({ band: { code: band.code, index, label: band.label[language] }, count: ranked.filter((score) => score.band?.code === band.code).length })),
    watch: watch.map((score) => ({ id: score.unit.id, name: score.unit.name, total: formatPoints(score.total, language), band: bandData(scheme, score, language) })),
    movers: movers.map(({ score, change }) => ({ id: score.unit.id, name: score.unit.name, change: formatChange(change, language), sign: Math.sign(change.units) })),
    unranked: units.flatMap((score) => (score.standing.ranked ? [] : [{ id: score.unit.id, name: score.unit.name, reason: messages.reason[score.standing.reason] ?? "" }])),
  };
}

export function shellData(model: Model): ShellData {
  return {
    province: model.dataset.units.find((unit) => unit.level === "province")?.name ?? null,
    periods: model.periods,
    scheme: `${model.scheme.id} ${model.scheme.version}`,
  };
}

/**
 * The first screen of `chiso serve`, computed on the server from the dataset it has already validated, by the
 * same code the browser runs: the overview of the opening period in the server's language.
 */
export function firstScreen(payload: ServedPayload, dataset: Dataset): FirstScreen {
  const model = createModelFrom(payload, dataset);
  return { format: "chiso.first/1", language: payload.language, meta: payload.meta, shell: shellData(model), overview: overviewData(model, payload.meta.period, payload.language) };
}
