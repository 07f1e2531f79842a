import { describeFinding, formatPath, type CompanionScores, type Dataset, type Language, type Scheme, type Scorecard, type UnitLevel } from "@chiso/core";
import { labelsFor, type Labels } from "../labels.js";
import { unitsOfLevel } from "./summary-view.js";
import { compareWithPrevious, type Comparison } from "./comparison.js";
import { evidenceTables } from "./evidence.js";
import { itemLabel, summaryNotices, unitNotices } from "./notices.js";
import type { PackContext, WorkbookInputRow, WorkbookTable, WorkbookView } from "./types.js";
import { bandOf, blockBars, displayId, trendPoints, unitKind, unrankedReason, type History } from "./unit-view.js";

const RANKED_LEVELS: readonly UnitLevel[] = ["department", "commune"];

export function workbookView(context: PackContext, dataset: Dataset, card: Scorecard, history: History, companions?: CompanionScores): WorkbookView {
  const { language } = context;
  const labels = labelsFor(language);
  const { scheme } = card;
  const provinces = card.units.filter((score) => score.unit.level === "province");
  const rankings = RANKED_LEVELS.map((level) => ({
    level,
    sheetName: labels.sheetRanking(labels.levels[level]).slice(0, 31),
    rows: provinces.flatMap((province) =>
      unitsOfLevel(card, province.unit.id, level).map((score) => {
        // No change against a partial total: both periods' figures must be complete for the unit.
        const comparison = compareWithPrevious(score, history.previous?.unit(score.unit.id), history.refused);
        const previous = comparison.comparable ? comparison.previous : undefined;
        const moved = score.standing.ranked && previous?.standing.ranked ? previous.standing.position - score.standing.position : null;
        return {
          rank: score.standing.ranked ? score.standing.position : null,
          id: score.unit.id,
          name: score.unit.name,
          total: score.total?.toNumber() ?? null,
          band: bandOf(score)?.label[language] ?? "",
          change: comparison.comparable ? comparison.change.toNumber() : null,
          rankChange: moved,
          reason: [unrankedReason(score, labels, history.refused), comparisonNote(comparison, score.standing.ranked, labels)].filter(Boolean).join("; "),
        };
      }),
    ),
  }));
  const inputs: WorkbookInputRow[] = dataset.figures
    .filter((row) => row.period.key === card.period.key || (card.period.kind !== "month" && row.period.key.startsWith(String(card.period.year))))
    .flatMap((row) =>
      scheme.items.flatMap((item) => {
        const counts = row.counts[item.index];
        return counts ? [{ source: formatPath(row.source), unit: row.unit, period: row.period.key, code: item.code, numerator: counts.numerator, denominator: counts.denominator }] : [];
      }),
    );
  const province = provinces[0];
  const r = labels.summaryRows;
  // Departments and communes: the province itself is not one of the units it ranks.
  const scored = card.units.filter((score) => score.unit.level !== "province");
  const period = language === "vi" ? context.periodLabel.charAt(0).toLocaleLowerCase("vi") + context.periodLabel.slice(1) : context.periodLabel;
  return {
    context,
    title: `${province?.unit.name ?? ""} — ${labels.subject(period)}`,
    summary: [
      [r.province, province?.unit.name ?? ""],
      [r.period, context.periodLabel],
      [r.provisional, context.provisional ? r.yes : r.no],
      [r.scheme, context.scheme],
      [dataset.parentCounts === "own" ? labels.provinceScoreOwn : labels.provinceScore, province?.total?.toNumber() ?? "—", "points"],
      [r.band, province?.band?.label[language] ?? "—"],
      [r.units, scored.length, "count"],
      [r.ranked, scored.filter((score) => score.standing.ranked).length, "count"],
      [r.checksum, context.checksum],
      [r.generated, context.generatedLabel],
      // The summary's notices (units incomplete or without figures, rejected rows, example schemes, the source).
      ...(province ? summaryNotices(context, card, province, scored.filter((score) => score.unit.parent === province.unit.id), dataset, companions) : []).map((notice) => [labels.notices, notice.text] as [string, string]),
    ],
    charts: {
      provinceName: province?.unit.name ?? "",
      blocks: province ? blockBars(scheme, province, language).map((bar) => ({ label: bar.label, points: bar.points, max: bar.max })) : [],
      trend: province ? trendPoints(province.unit.id, history, language).map((point) => ({ label: point.label, value: point.value, partial: point.partial })) : [],
    },
    rankings,
    itemColumns: scheme.items.map((item) => ({ id: displayId(item.id), group: String(item.group), code: item.code, name: item.name[language], max: item.maxPoints.toNumber(), thresholdPercent: Number(item.thresholdPercent) })),
    units: card.units.map((score) => ({
      id: score.unit.id,
      name: score.unit.name,
      level: unitKind(score.unit.name, score.unit.level, labels),
      total: score.total?.toNumber() ?? null,
      items: score.items.map((itemScore) => ({
        numerator: itemScore.counts?.numerator ?? null,
        denominator: itemScore.counts?.denominator ?? null,
        ratio: itemScore.counts && itemScore.counts.denominator > 0 ? itemScore.counts.numerator / itemScore.counts.denominator : null,
        points: itemScore.points?.toNumber() ?? null,
      })),
    })),
    inputs,
    ...companionSheets(dataset, companions, language),
    // A sheet per item with the dossiers listed for it, in the scorecard's item order.
    tables: [noticesTable(context, dataset, card, companions), ...evidenceTables(dataset, card, language, context.periodLabel), reconciliationTable(dataset, card, language)].filter((table) => table.rows.length > 0),
    findings: card.findings.map((finding) => ({
      unit: finding.unit,
      unitName: card.unit(finding.unit)?.unit.name ?? finding.unit,
      period: finding.period,
      item: finding.item ?? "",
      message: describeFinding(finding, language),
      source: finding.source ? formatPath(finding.source) : "",
    })),
  };
}

/**
 * Why a ranked unit's change is blank: its figures, this period or the last, are incomplete (an unranked
 * unit's reason says it already; no previous period needs no note).
 */
function comparisonNote(comparison: Comparison, ranked: boolean, labels: Labels): string {
  if (comparison.comparable) return "";
  if (comparison.reason === "previous_incomplete" || comparison.reason === "previous_refused" || (ranked && (comparison.reason === "current_incomplete" || comparison.reason === "current_refused"))) return labels.noComparison[comparison.reason];
  return "";
}

/** The SIPAS and PAR sheets: one row per unit with a result, its parts, rank and warnings. */
function companionSheets(dataset: Dataset, scores: CompanionScores | undefined, language: Language): Pick<WorkbookView, "sipas" | "par"> {
  const labels = labelsFor(language);
  const sipasScheme = dataset.companions.sipasScheme.definition;
  const number = (text: string | null) => (text === null ? null : Number(text));
  const unit = (id: string) => dataset.unitById.get(id)!;
  const sipasRows = [...(scores?.sipas.values() ?? [])].map(({ result, rank }) => [
    result.unit,
    unit(result.unit).name,
    unitKind(unit(result.unit).name, unit(result.unit).level, labels),
    result.respondents,
    number(result.overall.percent),
    ...result.aspects.map((aspect) => number(aspect.percent)),
    rank?.position ?? null,
    result.smallSample ? labels.summaryRows.yes : "",
  ]);
  const parRows = [...(scores?.par.values() ?? [])].map(({ result, rank }) => [
    result.unit,
    unit(result.unit).name,
    unitKind(unit(result.unit).name, unit(result.unit).level, labels),
    Number(result.achieved.toFixed(2)),
    Number(result.max.toFixed(2)),
    number(result.percent),
    result.band?.label[language] ?? "",
    rank?.position ?? null,
    number(result.tasksPercent),
    result.rescaled ? labels.summaryRows.yes : "",
  ]);
  return {
    sipas: {
      headers: [labels.colId, labels.colName, labels.colLevel, labels.colRespondents, labels.colIndex, ...sipasScheme.aspects.map((aspect) => aspect.name[language]), labels.colRank, labels.colSmall],
      rows: sipasRows,
    },
    par: {
      headers: [labels.colId, labels.colName, labels.colLevel, labels.colPoints, labels.colMax, labels.colIndex, labels.colBand, labels.colRank, labels.colTasks, labels.colRescaled],
      rows: parRows,
    },
  };
}

/** Every unit's notes (incomplete, rejected, published blocks, examples): the officer's list of what to look at. */
function noticesTable(context: PackContext, dataset: Dataset, card: Scorecard, companions: CompanionScores | undefined): WorkbookTable {
  const labels = labelsFor(context.language);
  const rows = card.units.flatMap((score) =>
    unitNotices(context, card, score, dataset, companions).map((notice) => [score.unit.id, score.unit.name, labels.completenessStatus[score.completeness.status] ?? "", notice.text]),
  );
  return { name: labels.sheetNotices, headers: [labels.colId, labels.colName, labels.colCompleteness, labels.colFinding], widths: [40, 36, 16, 100], rows };
}

/** Each published score against chiso's own, with the likely cause of a difference. */
function reconciliationTable(dataset: Dataset, card: Scorecard, language: Language): WorkbookTable {
  const labels = labelsFor(language);
  const target = (scheme: Scheme, level: string, code: string) =>
    level === "item" ? itemLabel(scheme, code, language) : level === "block" ? (scheme.blocks.find((block) => block.code === code)?.name[language] ?? code) : labels.total;
  const rows = card.reconciliation.map((entry) => [
    entry.unit,
    dataset.unitById.get(entry.unit)?.name ?? entry.unit,
    labels.reconciliationLevel[entry.level] ?? entry.level,
    target(card.scheme, entry.level, entry.code),
    entry.published?.toNumber() ?? entry.publishedText ?? null,
    entry.computed?.toNumber() ?? null,
    labels.reconciliationStatus[entry.status] ?? entry.status,
    entry.cause ? (labels.reconciliationCause[entry.cause] ?? entry.cause) : "",
  ]);
  return {
    name: labels.sheetReconciliation,
    headers: [labels.colId, labels.colName, labels.colLevelOf, labels.colItem, labels.colPublished, labels.colRecomputed, labels.colStatus, labels.colCause],
    widths: [40, 36, 10, 44, 14, 14, 16, 36],
    rows,
  };
}
