import { formatPeriod, previousPeriod, scoreCompanions, scoreDataset, type Dataset, type Finding, type Language, type Period, type Scorecard, type TieRule } from "@chiso/core";
import { refusedFigures } from "./comparison.js";
import { uniqueFileBases } from "./file-names.js";
import { formatDateTime } from "./format.js";
import { officialView } from "./official.js";
import { defaultProfile, type ProvinceProfile } from "../profile/profile.js";
import { provinceSummaryView } from "./summary-view.js";
import type { PackContext, PackView } from "./types.js";
import { unitScorecardView, type History } from "./unit-view.js";
import { workbookView } from "./workbook-view.js";

export interface PackOptions {
  readonly period: string;
  readonly language?: Language;
  /** Date the scoring is done (`YYYY-MM-DD`); decides whether the period is provisional. */
  readonly asOf?: string;
  /** Printed as the generation time; fix it for byte-identical output. */
  readonly generatedAt: Date;
  /** SHA-256 of the input, hex. */
  readonly checksum: string;
  /** Who issues, signs and receives the documents, and the office's wording (default: {@link defaultProfile}). */
  readonly profile?: ProvinceProfile;
  /** The issuing body; overrides the profile's (the `--issuer-parent/--issuer-name` options). */
  readonly issuer?: { readonly parent?: string; readonly name?: string };
  readonly tie?: TieRule;
  /** The period's sign-off in the office's store, printed on the documents. */
  readonly signOff?: { readonly at: string; readonly by?: string; readonly checksum: string };
  /** A quarter or year not wholly signed off: which of its months are (`at`), which are not (`at` null) and which have no figures (`absent`). */
  readonly monthSignOffs?: readonly { readonly period: string; readonly at: string | null; readonly by?: string; readonly absent?: true }[];
  /** Input rows rejected with --skip-invalid (see `PackContext.rejectedRows`). */
  readonly rejectedRows?: PackContext["rejectedRows"];
  /** Rank units that did not report every item (the core's `rankIncomplete`). */
  readonly rankIncomplete?: boolean;
}

function hasFigures(dataset: Dataset, period: Period): boolean {
  if (dataset.figuresByPeriod.has(period.key)) return true;
  return period.kind !== "month" && [...dataset.figuresByPeriod.keys()].some((key) => key.startsWith(String(period.year)));
}

/**
 * Scores the period, the previous period and the last 12 periods of the same kind, and builds every
 * view a monthly pack prints: one scorecard per department and commune, a summary per province,
 * and the workbook.
 */
export function buildPackView(dataset: Dataset, options: PackOptions): PackView {
  const language = options.language ?? "vi";
  const score = (period: Period, findings: boolean): Scorecard =>
    scoreDataset(dataset, { period: period.key, findings, ...(options.asOf && { asOf: options.asOf }), ...(options.tie && { tie: options.tie }), ...(options.rankIncomplete && { rankIncomplete: true }) });
  const card = scoreDataset(dataset, { period: options.period, ...(options.asOf && { asOf: options.asOf }), ...(options.tie && { tie: options.tie }), ...(options.rankIncomplete && { rankIncomplete: true }) });
  const before = previousPeriod(card.period);
  const history: History = {
    previous: hasFigures(dataset, before) ? score(before, false) : null,
    trend: Array.from({ length: 12 }, (_, index) => previousPeriod(card.period, 11 - index))
      .filter((period) => hasFigures(dataset, period) || period.key === card.period.key)
      .map((period) => (period.key === card.period.key ? card : score(period, false))),
    // A refused row leaves its unit's figures partial — and its parents' too when they sum their children's.
    ...(options.rejectedRows &&
      options.rejectedRows.length > 0 && { refused: refusedFigures(options.rejectedRows, (id) => (dataset.parentCounts === "own" ? null : dataset.unitById.get(id)?.parent)) }),
  };
  const province = card.units.find((unitScore) => unitScore.unit.level === "province");
  const provinceName = province?.unit.name ?? "";
  const base = options.profile ?? defaultProfile(provinceName, language);
  const profile: ProvinceProfile = options.issuer
    ? { ...base, issuer: { parent: options.issuer.parent || base.issuer.parent, name: options.issuer.name || base.issuer.name, ...(base.issuer.inText && !options.issuer.name && { inText: base.issuer.inText }) } }
    : base;
  const official = officialView(profile, options.generatedAt.toISOString(), language);
  const context: PackContext = {
    language,
    issuer: official.issuer,
    official,
    periodKey: card.period.key,
    periodLabel: formatPeriod(card.period, language),
    periodKind: card.period.kind,
    provisional: card.provisional,
    scheme: `${card.scheme.id} ${card.scheme.version}`,
    checksum: options.checksum,
    ...(options.signOff && { signOff: options.signOff }),
    ...(!options.signOff && options.monthSignOffs?.some((month) => month.at !== null) && { monthSignOffs: options.monthSignOffs }),
    ...(options.rejectedRows && options.rejectedRows.length > 0 && { rejectedRows: options.rejectedRows }),
    generatedAt: options.generatedAt.toISOString(),
    generatedLabel: formatDateTime(options.generatedAt, language),
  };
  const companions = { dataset, scores: scoreCompanions(dataset, card.period.key, options.tie) };
  const findingsByUnit = new Map<string, Finding[]>();
  for (const finding of card.findings) findingsByUnit.set(finding.unit, [...(findingsByUnit.get(finding.unit) ?? []), finding]);
  const scored = card.units.filter((unitScore) => unitScore.unit.level !== "province");
  const fileBases = uniqueFileBases(scored.map((unitScore) => unitScore.unit));
  // Two provinces whose names give the same slug must not share a summary's file name.
  const summaryBases = uniqueFileBases(card.units.filter((unitScore) => unitScore.unit.level === "province").map((unitScore) => unitScore.unit));
  return {
    context,
    scorecards: scored.map((unitScore) => unitScorecardView(context, card, unitScore, history, fileBases.get(unitScore.unit.id)!, findingsByUnit.get(unitScore.unit.id) ?? [], companions)),
    summaries: card.units
      .filter((unitScore) => unitScore.unit.level === "province")
      .map((unitScore) => provinceSummaryView(context, card, unitScore, history, `tong-hop-${summaryBases.get(unitScore.unit.id)!}`, companions, profile.wording)),
    workbook: workbookView(context, dataset, card, history, companions.scores),
  };
}
