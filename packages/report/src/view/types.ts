import type { Language } from "@chiso/core";

/** What every document of a pack shares: who issues it, for which period, from which data. */
export interface PackContext {
  readonly language: Language;
  /** The issuing body as printed top left: "UBND TỈNH HÒA SƠN" over "SỞ NỘI VỤ". */
  readonly issuer: { readonly parent: string; readonly name: string };
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly periodKind: "month" | "quarter" | "year";
  readonly provisional: boolean;
  /** "766-portal 1.0.0". */
  readonly scheme: string;
  /** SHA-256 of the input, hex; reports print its first 16 characters. */
  readonly checksum: string;
  /** Set when the period is signed off in the office's store: when, by whom, and the input's SHA-256 it was locked to. */
  readonly signOff?: { readonly at: string; readonly by?: string; readonly checksum: string };
  /** Input rows rejected with --skip-invalid: a unit's card and the summary say its figures were refused, and why. */
  readonly rejectedRows?: readonly RejectedRowView[];
  readonly generatedAt: string;
  readonly generatedLabel: string;
}

/** An input row that was rejected, as the documents may print it. */
export interface RejectedRowView {
  readonly unit: string;
  readonly period: string;
  /** Where the row is: "so-lieu.xlsx › Số liệu › dòng 12". */
  readonly where: string;
  /** Why, in the pack's language. */
  readonly reasons: readonly string[];
}

export interface BlockBarView {
  readonly label: string;
  /** `null` when the block has no data. */
  readonly points: number | null;
  readonly max: number;
  readonly text: string;
}

export interface TrendPointView {
  readonly label: string;
  readonly value: number | null;
  /** The value as printed ("87,28"). */
  readonly text: string;
}

export interface ItemRowView {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly ratio: string;
  readonly threshold: string;
  readonly points: string;
  readonly max: string;
  readonly lost: string;
  readonly change: string;
  /** "no data", "no dossiers", "province's figures"… */
  readonly note: string | null;
  /** Points lost, for highlighting. */
  readonly lostValue: number;
}

export interface ActionView {
  readonly item: string;
  readonly text: string;
}

/** A unit's SIPAS satisfaction result as printed. */
export interface SipasView {
  /** The survey's own period ("Năm 2026"): surveys are yearly, the scorecard may be monthly. */
  readonly period: string;
  readonly overall: string;
  readonly band: string;
  readonly respondents: string;
  readonly rank: string;
  /** Set when the sample is too small to rank. */
  readonly warning: string | null;
  readonly parts: readonly { readonly label: string; readonly percent: string; readonly interval: string }[];
  readonly improvements: readonly string[];
}

/** A unit's PAR Index result as printed. */
export interface ParView {
  readonly period: string;
  readonly index: string;
  readonly band: string;
  readonly rank: string;
  readonly achieved: string;
  readonly note: string | null;
  readonly fields: readonly { readonly label: string; readonly points: string; readonly percent: string }[];
  readonly tasks: string | null;
  readonly improvements: readonly string[];
}

/** Everything a unit's one-page scorecard shows, already formatted. */
export interface UnitScorecardView {
  readonly context: PackContext;
  readonly unitId: string;
  readonly unitName: string;
  readonly levelLabel: string;
  readonly fileBase: string;
  readonly total: string;
  readonly totalValue: number | null;
  readonly max: string;
  readonly band: string;
  readonly rank: string;
  readonly rankDetail: string;
  readonly scoreChange: string;
  readonly rankChange: string;
  readonly blocks: readonly BlockBarView[];
  readonly trend: readonly TrendPointView[];
  readonly items: readonly ItemRowView[];
  readonly actions: readonly ActionView[];
  readonly findings: readonly string[];
  /** `null`: no survey (or PAR assessment) this period. */
  readonly sipas: SipasView | null;
  readonly par: ParView | null;
}

export interface RankingRowView {
  readonly rank: string;
  readonly name: string;
  readonly total: string;
  readonly band: string;
  readonly change: string;
  readonly rankChange: string;
}

export interface LevelRankingView {
  readonly level: string;
  readonly title: string;
  readonly rows: readonly RankingRowView[];
}

export interface UnitListEntryView {
  readonly name: string;
  readonly level: string;
  readonly total: string;
  readonly detail: string;
}

/** The province summary: its own score, rankings per level, units to watch. */
export interface ProvinceSummaryView {
  readonly context: PackContext;
  readonly provinceName: string;
  readonly fileBase: string;
  readonly total: string;
  readonly band: string;
  readonly scoreChange: string;
  readonly blocks: readonly BlockBarView[];
  readonly trend: readonly TrendPointView[];
  readonly rankings: readonly LevelRankingView[];
  readonly below80: readonly UnitListEntryView[];
  readonly between80and90: readonly UnitListEntryView[];
  readonly movers: readonly UnitListEntryView[];
  readonly unranked: readonly UnitListEntryView[];
  /** Rankings by SIPAS and by PAR Index, per level. */
  readonly sipasRankings: readonly LevelRankingView[];
  readonly parRankings: readonly LevelRankingView[];
}

export interface WorkbookRankingRow {
  readonly rank: number | null;
  readonly id: string;
  readonly name: string;
  readonly total: number | null;
  readonly band: string;
  readonly change: number | null;
  readonly rankChange: number | null;
  readonly reason: string;
}

export interface WorkbookItemColumn {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly max: number;
  readonly thresholdPercent: number;
}

export interface WorkbookItemCell {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly ratio: number | null;
  readonly points: number | null;
}

export interface WorkbookUnitRow {
  readonly id: string;
  readonly name: string;
  readonly level: string;
  readonly total: number | null;
  readonly items: readonly WorkbookItemCell[];
}

export interface WorkbookInputRow {
  readonly source: string;
  readonly unit: string;
  readonly period: string;
  readonly code: string;
  readonly numerator: number;
  readonly denominator: number;
}

export interface WorkbookFindingRow {
  readonly unit: string;
  readonly unitName: string;
  readonly period: string;
  readonly item: string;
  readonly message: string;
  readonly source: string;
}

/** The workbook's content as plain numbers and texts. */
export interface WorkbookView {
  readonly context: PackContext;
  readonly summary: readonly (readonly [string, string | number])[];
  readonly rankings: readonly { readonly level: string; readonly sheetName: string; readonly rows: readonly WorkbookRankingRow[] }[];
  readonly itemColumns: readonly WorkbookItemColumn[];
  readonly units: readonly WorkbookUnitRow[];
  readonly inputs: readonly WorkbookInputRow[];
  readonly findings: readonly WorkbookFindingRow[];
  readonly sipas: { readonly headers: readonly string[]; readonly rows: readonly (readonly (string | number | null)[])[] };
  readonly par: { readonly headers: readonly string[]; readonly rows: readonly (readonly (string | number | null)[])[] };
}

/** A whole monthly pack: one scorecard per department and commune, one summary per province, one workbook. */
export interface PackView {
  readonly context: PackContext;
  readonly scorecards: readonly UnitScorecardView[];
  readonly summaries: readonly ProvinceSummaryView[];
  readonly workbook: WorkbookView;
}
