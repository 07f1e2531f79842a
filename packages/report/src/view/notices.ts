import { describeFinding, formatNumber, formatPeriod, parsePeriod, type CompanionScores, type Dataset, type Language, type Scheme, type Scorecard, type UnitScore } from "@chiso/core";
import { labelsFor, type Labels } from "../labels.js";
import { inheritedLoss } from "./inherited-loss.js";
import { itemName } from "./item-name.js";
import type { NoticeView, PackContext } from "./types.js";

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** How many names a notice lists before "…" (a unit missing 20 items gets a readable line, not a page). */
const LISTED = 6;

/** An item by its code, as the documents name it (the code itself if the scheme has no such item). */
export function itemLabel(scheme: Scheme, code: string, language: Language): string {
  const item = scheme.itemByCode.get(code);
  return item ? itemName(item, language) : code;
}

/** The first few names, then "…" with how many more. */
export function shortList(names: readonly string[], language: Language): string {
  if (names.length <= LISTED) return names.join("; ");
  return `${names.slice(0, LISTED).join("; ")}; … (${language === "vi" ? "và" : "and"} ${formatNumber(names.length - LISTED, language)} ${language === "vi" ? "mục khác" : "more"})`;
}

/** The names of the blocks kept as the portal published them (not recomputed). */
export function publishedBlockNames(scheme: Scheme, score: UnitScore, language: Language): string[] {
  return score.blocks.flatMap((block, index) => (block.origin === "published" ? [scheme.blocks[index]!.name[language]] : []));
}

/** Whether the unit is scored on a SIPAS questionnaire or PAR tree that is chiso's example, not the province's. */
function examples(dataset: Dataset, score: UnitScore, companions: CompanionScores | undefined): { sipas: boolean; par: boolean } {
  const sipas = companions?.sipas.has(score.unit.id) === true && dataset.companions.sipasScheme.definition.example;
  const par = companions?.par.has(score.unit.id) === true && dataset.companions.parSchemes[score.unit.level]?.definition.example === true;
  return { sipas, par };
}

/** One line for the examples in use: SIPAS, PAR or both. */
function exampleNotice(example: { sipas: boolean; par: boolean }, labels: Labels): NoticeView | null {
  const text = example.sipas && example.par ? labels.noticeExampleBoth : example.sipas ? labels.noticeExampleSipas : example.par ? labels.noticeExamplePar : null;
  return text ? { level: "info", text } : null;
}

/**
 * What an incomplete unit lacks: items not reported, months without a row, items in only some months,
 * children missing or incomplete (named from `card` when given, else by id).
 */
export function incompleteParts(scheme: Scheme, score: UnitScore, labels: Labels, language: Language, card?: Scorecard): string {
  const { missingItems, partialItems, missingChildren, incompleteChildren } = score.completeness;
  const unitNames = (ids: readonly string[]) => shortList(ids.map((id) => card?.unit(id)?.unit.name ?? id), language);
  const names = (codes: readonly string[]) => shortList(codes.map((code) => itemLabel(scheme, code, language)), language);
  const months = score.missingMonths.map((key) => {
    const period = parsePeriod(key);
    return period ? formatPeriod(period, language) : key;
  });
  return [
    missingItems.length > 0 && labels.missingItemsPart(missingItems.length, names(missingItems)),
    months.length > 0 && labels.missingMonthsPart(months.join(", ")),
    partialItems.length > 0 && labels.partialItemsPart(partialItems.length, names(partialItems)),
    missingChildren.length > 0 && labels.missingChildrenPart(missingChildren.length, unitNames(missingChildren)),
    incompleteChildren.length > 0 && labels.incompleteChildrenPart(incompleteChildren.length, unitNames(incompleteChildren)),
  ]
    .filter((part): part is string => typeof part === "string")
    .join("; ");
}

function completenessNotice(scheme: Scheme, score: UnitScore, labels: Labels, language: Language, card: Scorecard): NoticeView | null {
  const { completeness } = score;
  if (completeness.status === "no_figures") return { level: "warning", text: labels.noticeNoFigures };
  if (completeness.status === "no_dossiers") return { level: "info", text: labels.noticeNoDossiers };
  if (completeness.status !== "incomplete") return null;
  const text = score.standing.ranked ? labels.noticeIncompleteRanked : labels.noticeIncomplete;
  return { level: "warning", text: text(incompleteParts(scheme, score, labels, language, card)) };
}

/** Where the figures come from, when the file says (a portal import, the dossier engine). */
export function sourceNotice(dataset: Dataset, labels: Labels, language: Language): NoticeView | null {
  const source = dataset.provenance;
  if (!source) return null;
  const detail = [source.procedure && labels.procedureScope(source.procedure), source.retrievedAt && labels.retrievedAt(source.retrievedAt)].filter(Boolean).join(", ");
  // A limit of the source (e.g. responses that listed only part of the province's units) is a warning.
  const warning = (typeof source.warning === "string" ? source.warning : source.warning?.[language])?.trim();
  return warning ? { level: "warning", text: `${labels.noticeSource(source.system, detail)} ${warning}` } : { level: "info", text: labels.noticeSource(source.system, detail) };
}

/**
 * What a unit's card must say before its numbers: figures missing or rejected, no dossiers, blocks kept as
 * published, example questionnaires — so that an incomplete card is never read as a complete one.
 */
export function unitNotices(context: PackContext, card: Scorecard, score: UnitScore, dataset: Dataset, companions?: CompanionScores): NoticeView[] {
  const { language } = context;
  const labels = labelsFor(language);
  const notices: NoticeView[] = [];
  for (const rejected of context.rejectedRows ?? []) {
    if (rejected.unit !== score.unit.id) continue;
    // A rejected survey or PAR assessment is named as such: the card must not read as if there were none.
    const notice = rejected.kind === "sipas" ? labels.noticeRejectedSipas : rejected.kind === "par" ? labels.noticeRejectedPar : labels.noticeRejected;
    notices.push({ level: "warning", text: notice(rejected.where, rejected.reasons.map((reason) => reason.replace(/[.。]\s*$/u, "")).join("; ")) });
  }
  const completeness = completenessNotice(card.scheme, score, labels, language, card);
  if (completeness) notices.push(completeness);
  // Items taken from a parent whose row was rejected: the cause is the parent's row, not this unit's.
  const loss = inheritedLoss(card.scheme, dataset, score, context.rejectedRows);
  if (loss) {
    const items = shortList(loss.items.map((code) => itemLabel(card.scheme, code, language)), language);
    const row = loss.rows[0]!;
    notices.push({ level: "warning", text: labels.noticeInheritedRejected(items, loss.from.name, row.where, row.reasons.map((reason) => reason.replace(/[.。]\s*$/u, "")).join("; ")) });
  }
  const published = publishedBlockNames(card.scheme, score, language);
  if (published.length > 0) notices.push({ level: "info", text: labels.noticePublished(published.join(", ")) });
  const example = exampleNotice(examples(dataset, score, companions), labels);
  if (example) notices.push(example);
  return notices;
}

/** The province summary's notices: which units are incomplete or without figures, rejected rows, examples, the source. */
export function summaryNotices(context: PackContext, card: Scorecard, province: UnitScore, children: readonly UnitScore[], dataset: Dataset, companions?: CompanionScores): NoticeView[] {
  const { language } = context;
  const labels = labelsFor(language);
  const notices: NoticeView[] = [];
  // The province's own rows (1.1–1.3, 5.1–5.3 where it reports them itself) can be missing too.
  if (province.completeness.status === "incomplete") {
    notices.push({ level: "warning", text: labels.provinceIncomplete(incompleteParts(card.scheme, province, labels, language, card)) });
  }
  const named = (status: UnitScore["completeness"]["status"]) => children.filter((score) => score.completeness.status === status).map((score) => score.unit.name);
  const incomplete = named("incomplete");
  if (incomplete.length > 0) {
    notices.push({ level: "warning", text: labels.summaryIncomplete(incomplete.length, shortList(incomplete, language)) });
    // Say when units are incomplete because a parent's row was rejected, per parent.
    const byParent = new Map<string, number>();
    for (const score of children) {
      const loss = inheritedLoss(card.scheme, dataset, score, context.rejectedRows);
      if (loss) byParent.set(loss.from.name, (byParent.get(loss.from.name) ?? 0) + 1);
    }
    for (const [from, count] of byParent) notices.push({ level: "warning", text: labels.summaryInheritedRejected(count, from) });
  }
  const empty = named("no_figures");
  if (empty.length > 0) notices.push({ level: "warning", text: labels.summaryNoFigures(empty.length, shortList(empty, language)) });
  const rejected = (context.rejectedRows ?? []).filter((row) => row.kind === undefined || row.kind === "figures").length;
  if (rejected > 0) notices.push({ level: "warning", text: labels.summaryRejected(rejected) });
  // Surveys and PAR assessments rejected: the units named, so their missing index is not read as "none".
  const rejectedCompanions = [...new Set((context.rejectedRows ?? []).filter((row) => row.kind === "sipas" || row.kind === "par").map((row) => row.unit))];
  if (rejectedCompanions.length > 0) notices.push({ level: "warning", text: labels.summaryRejectedCompanions(rejectedCompanions.length, shortList(rejectedCompanions, language)) });
  const anyExample = (kind: "sipas" | "par") => children.some((score) => examples(dataset, score, companions)[kind]);
  const example = exampleNotice({ sipas: anyExample("sipas"), par: anyExample("par") }, labels);
  if (example) notices.push(example);
  const source = sourceNotice(dataset, labels, language);
  if (source) notices.push(source);
  // A unit renamed or moved within a quarter or year (the store's flag): said on the summary too, not only its card.
  const ids = new Set(children.map((score) => score.unit.id));
  for (const finding of card.findings) {
    if (finding.code === "source_flag" && finding.params.flag === "unit_changed" && ids.has(finding.unit)) notices.push({ level: "warning", text: capitalize(describeFinding(finding, language)) });
  }
  return notices;
}
