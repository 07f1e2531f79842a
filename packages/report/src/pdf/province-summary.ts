import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { labelsFor } from "../labels.js";
import type { ProvinceSummaryView, UnitListEntryView } from "../view/types.js";
import { blockBarsChart, trendChart } from "./charts.js";
import { administrativeHeader, documentShell, provisionalBanner, zebraLayout } from "./layout.js";
import { kpiRow, placeOf } from "./unit-scorecard.js";
import { COLORS } from "./theme.js";

function header(texts: string[]): TableCell[] {
  return texts.map((text) => ({ text, style: "th" }));
}

function unitList(view: ProvinceSummaryView, title: string, entries: readonly UnitListEntryView[], detailHeader: string): Content[] {
  const labels = labelsFor(view.context.language);
  if (entries.length === 0) return [{ text: title, style: "h2" }, { text: labels.none, italics: true }];
  return [
    { text: `${title} (${entries.length})`, style: "h2" },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ["*", 80, 50, 140],
        body: [
          header([labels.colName, labels.colLevel, labels.colTotal, detailHeader]),
          ...entries.map((entry) => [entry.name, entry.level, { text: entry.total, alignment: "right" as const }, entry.detail]),
        ],
      },
      layout: zebraLayout,
    },
  ];
}

/** SIPAS and PAR Index rankings per level, when the pack has them. */
function companionRankings(view: ProvinceSummaryView): Content[] {
  const labels = labelsFor(view.context.language);
  return [...view.sipasRankings, ...view.parRankings]
    .filter((ranking) => ranking.rows.length > 0)
    .flatMap((ranking, index) => [
      { text: `${ranking.title} (${ranking.rows.length})`, style: "h2", ...(index === 0 && { pageBreak: "before" as const }) },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [30, "*", 60, 70],
          body: [header([labels.colRank, labels.colName, labels.colIndex, labels.colBand]), ...ranking.rows.map((row) => [{ text: row.rank, alignment: "center" as const }, row.name, { text: row.total, alignment: "right" as const }, row.band])],
        },
        layout: zebraLayout,
        fontSize: 8,
      },
    ]);
}

/** The province summary: its own score from summed counts, rankings per level, units to watch. */
export function provinceSummaryDocument(view: ProvinceSummaryView): TDocumentDefinitions {
  const { context } = view;
  const labels = labelsFor(context.language);
  const kpi = (label: string, value: string): TableCell => ({
    stack: [
      { text: label, fontSize: 7.5, color: "#555555", alignment: "center" },
      { text: value, fontSize: 15, bold: true, color: COLORS.primary, alignment: "center" },
    ],
    margin: [0, 3, 0, 3],
  });
  const rankings: Content[] = view.rankings.flatMap((ranking) => [
    { text: `${ranking.title} (${ranking.rows.length})`, style: "h2", pageBreak: ranking.level === "commune" ? ("before" as const) : undefined },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [30, "*", 50, 60, 60, 44],
        body: [
          header([labels.colRank, labels.colName, labels.colTotal, labels.colBand, labels.colChange, labels.colRankChange]),
          ...ranking.rows.map((row) => [
            { text: row.rank, alignment: "center" as const },
            row.name,
            { text: row.total, alignment: "right" as const, bold: true },
            row.band,
            { text: row.change, alignment: "right" as const },
            { text: row.rankChange, alignment: "center" as const },
          ]),
        ],
      },
      layout: zebraLayout,
      fontSize: 8,
    },
  ]);
  const content: Content[] = [
    administrativeHeader(context, placeOf(context.issuer.parent)),
    { text: labels.summaryTitle, style: "title" },
    { text: `${view.provinceName} · ${labels.period}: ${context.periodLabel}`, style: "subtitle" },
    ...provisionalBanner(context),
    { text: labels.provinceScore, style: "h2" },
    kpiRow([kpi(labels.total, `${view.total} / 100`), kpi(labels.band, view.band), kpi(labels.change, view.scoreChange)]),
    {
      columns: [
        { width: "55%", stack: [{ text: labels.blocksChart, style: "h2" }, blockBarsChart(view.blocks)] },
        { width: "45%", stack: [{ text: labels.trendChartOf[view.context.periodKind], style: "h2" }, trendChart(view.trend)] },
      ],
      columnGap: 10,
    },
    ...unitList(view, labels.below80, view.below80, labels.colRank),
    ...unitList(view, labels.between80and90, view.between80and90, labels.colRank),
    ...unitList(view, labels.movers, view.movers, labels.colChange),
    ...unitList(view, labels.unrankedUnits, view.unranked, labels.colReason),
    ...rankings,
    ...companionRankings(view),
  ];
  return documentShell(context, `${labels.summaryTitle} — ${view.provinceName} — ${context.periodLabel}`, content);
}
