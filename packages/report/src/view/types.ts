import type { Language } from "@chiso/core";

/** A message shown prominently near the top of a document (incomplete data, example schemes…). */
export interface NoticeView {
  readonly level: "info" | "warning";
  readonly text: string;
}

/** How a score is coloured: by its band, or neutrally when it has none. */
export type Tone = "good" | "fair" | "bad" | "neutral";

/** The elements of an administrative document (Decree 30/2020/NĐ-CP) every document of the pack shares. */
export interface OfficialView {
  readonly issuer: { readonly parent: string; readonly name: string };
  /** The issuing body inside a sentence: "Sở Nội vụ". */
  readonly issuerInText: string;
  readonly place: string;
  /** "Hòa Sơn, ngày 01 tháng 11 năm 2026". */
  readonly dateLine: string;
  /** "01/11/2026" (English: "1 November 2026"). */
  readonly date: string;
  /** "Số:      /BC-SNV": the number is left for the clerk unless the profile gives it. */
  readonly reportNumber: string;
  readonly dispatchNumber: string;
  readonly signer: { readonly authority: string | null; readonly title: string; readonly name: string };
  readonly dispatchTo: readonly string[];
  readonly recipients: { readonly report: readonly string[]; readonly dispatch: readonly string[] };
}

/** What every document of a pack shares: who issues it, for which period, from which data. */
export interface PackContext {
  readonly language: Language;
  /** The issuing body as printed top left: "UBND TỈNH HÒA SƠN" over "SỞ NỘI VỤ". */
  readonly issuer: { readonly parent: string; readonly name: string };
  readonly official: OfficialView;
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
  /** A quarter or year not wholly signed off: which of its months are (`at`), which are not (`at` null) and which have no figures (`absent`). */
  readonly monthSignOffs?: readonly { readonly period: string; readonly at: string | null; readonly by?: string; readonly absent?: true }[];
  /** Input rows rejected with --skip-invalid: a unit's card and the summary say its figures were refused, and why. */
  readonly rejectedRows?: readonly RejectedRowView[];
  readonly generatedAt: string;
  readonly generatedLabel: string;
}

/** An input row that was rejected, as the documents may print it. */
export interface RejectedRowView {
  /** What was rejected: a row of figures (the default), or the unit's SIPAS survey or PAR assessment (or a row of it). */
  readonly kind?: "figures" | "sipas" | "par";
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
  readonly tone: Tone;
  /** A short note beside the bar (e.g. "published by the portal"). */
  readonly note?: string | null;
}

export interface TrendPointView {
  readonly label: string;
  readonly value: number | null;
  /** The total adds only part of the figures (items missing, no dossiers, rows rejected): drawn apart, not joined to the line. */
  readonly partial: boolean;
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
  /** A short badge after the name (e.g. "example", "published"). */
  readonly badge?: string | null;
  /** The block this item belongs to (the rows of a block follow each other). */
  readonly block: string;
}

export interface ActionView {
  readonly item: string;
  readonly text: string;
  /** Lines under the action (e.g. the dossiers behind the lost points). */
  readonly details?: readonly string[];
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
  /** `null`: no band (no data, no dossiers, incomplete) — shown neutrally. */
  readonly band: string | null;
  readonly tone: Tone;
  readonly rank: string;
  readonly rankDetail: string;
  readonly notices: readonly NoticeView[];
  /** "+1,20"; "—" when the two periods do not compare (then `changeNote` says why). */
  readonly scoreChange: string;
  /** Why there is no change: no previous period, or one period's figures incomplete; `null` with a change. */
  readonly changeNote: string | null;
  readonly rankChange: string;
  readonly blocks: readonly BlockBarView[];
  readonly trend: readonly TrendPointView[];
  readonly items: readonly ItemRowView[];
  readonly actions: readonly ActionView[];
  readonly findings: readonly string[];
  /** `null`: no survey (or PAR assessment) this period. */
  readonly sipas: SipasView | null;
  readonly par: ParView | null;
  /** Set when there is no survey (or assessment) because the input's was rejected (--skip-invalid): never "none this period". */
  readonly rejected?: { readonly sipas: boolean; readonly par: boolean };
}

export interface RankingRowView {
  readonly rank: string;
  readonly name: string;
  readonly total: string;
  readonly band: string;
  readonly tone: Tone;
  readonly change: string;
  readonly rankChange: string;
  /** SIPAS and PAR Index of the unit, when it has them ("" otherwise). */
  readonly sipas: string;
  readonly par: string;
}

export interface LevelRankingView {
  readonly level: string;
  readonly title: string;
  /** "Bảng 1": how the other lists refer to it. */
  readonly table: string;
  readonly rows: readonly RankingRowView[];
}

export interface UnitListEntryView {
  readonly name: string;
  readonly level: string;
  readonly total: string;
  readonly detail: string;
}

/** A paragraph of the written assessment: a heading-less block of sober administrative text. */
export type Paragraphs = readonly string[];

/** The province summary: its own score, rankings per level, units to watch. */
export interface ProvinceSummaryView {
  readonly context: PackContext;
  readonly provinceName: string;
  readonly fileBase: string;
  readonly total: string;
  readonly band: string | null;
  readonly tone: Tone;
  /** "+1,20"; "—" when the two periods do not compare (then `changeNote` says why). */
  readonly scoreChange: string;
  readonly changeNote: string | null;
  readonly notices: readonly NoticeView[];
  /** The written assessment, generated from the figures or the office's own wording. */
  readonly assessment: Paragraphs;
  /** What the office asks of the units next. */
  readonly tasks: Paragraphs;
  /** The cover dispatch's body. */
  readonly dispatch: Paragraphs;
  /** The title line under "BÁO CÁO": "Kết quả Chỉ số … tháng 10/2026". */
  readonly subject: string;
  /** The dispatch's "V/v …" line. */
  readonly dispatchAbout: string;
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
  /** The printed number ("" for the portal's unnumbered items). */
  readonly id: string;
  /** The decision's group the item belongs to: printed pages break between groups. */
  readonly group: string;
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

/** The data of the workbook's native charts. */
export interface WorkbookChartsView {
  readonly provinceName: string;
  /** The province's six blocks against their maxima. */
  readonly blocks: readonly { readonly label: string; readonly points: number | null; readonly max: number }[];
  /** The province's total over recent periods, oldest first. */
  /** `partial`: the total adds only part of the figures (drawn apart from the line). */
  readonly trend: readonly { readonly label: string; readonly value: number | null; readonly partial: boolean }[];
}

/** A plain sheet of the workbook: a header row, then rows of texts and numbers (notes, evidence, reconciliation). */
export interface WorkbookTable {
  readonly name: string;
  /** A title line above the header (a sheet of dossiers: the item and period). */
  readonly title?: string;
  /** A note under the title (what the sheet lists and what it leaves out). */
  readonly note?: string;
  readonly headers: readonly string[];
  /** Column widths in characters, one per header. */
  readonly widths: readonly number[];
  /** Number formats by column (`undefined`: as written), e.g. a date-time or a grouped count. */
  readonly formats?: readonly (string | undefined)[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** The workbook's content as plain numbers and texts. */
export interface WorkbookView {
  readonly context: PackContext;
  /** Label, value and how a number is shown: points with two decimals, counts as integers. */
  readonly summary: readonly (readonly [string, string | number, ("points" | "count")?])[];
  /** "Tỉnh Hòa Sơn — Kết quả Chỉ số … tháng 10/2026": the title in every printed page's header. */
  readonly title: string;
  readonly charts: WorkbookChartsView;
  readonly rankings: readonly { readonly level: string; readonly sheetName: string; readonly rows: readonly WorkbookRankingRow[] }[];
  readonly itemColumns: readonly WorkbookItemColumn[];
  readonly units: readonly WorkbookUnitRow[];
  readonly inputs: readonly WorkbookInputRow[];
  readonly findings: readonly WorkbookFindingRow[];
  readonly sipas: { readonly headers: readonly string[]; readonly rows: readonly (readonly (string | number | null)[])[] };
  readonly par: { readonly headers: readonly string[]; readonly rows: readonly (readonly (string | number | null)[])[] };
  /** Sheets shown only when they have rows: the notes per unit, the dossiers behind lost points, the reconciliation with the portal. */
  readonly tables: readonly WorkbookTable[];
}

/** A whole monthly pack: one scorecard per department and commune, one summary per province, one workbook. */
export interface PackView {
  readonly context: PackContext;
  readonly scorecards: readonly UnitScorecardView[];
  readonly summaries: readonly ProvinceSummaryView[];
  readonly workbook: WorkbookView;
}
