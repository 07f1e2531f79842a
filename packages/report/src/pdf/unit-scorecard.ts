import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { labelsFor } from "../labels.js";
import type { UnitScorecardView } from "../view/types.js";
import { blockBarsChart, trendChart } from "./charts.js";
import { administrativeHeader, compactLayout, documentShell, provisionalBanner } from "./layout.js";
import { COLORS } from "./theme.js";

/** The place name in the date line: "Tỉnh Hòa Sơn" → "Hòa Sơn". */
export function placeOf(issuerParent: string): string {
  return issuerParent.replace(/^(UBND\s+)?(TỈNH|THÀNH PHỐ)\s+/iu, "").replace(/\s+PEOPLE'S COMMITTEE$/u, "").toLocaleLowerCase("vi").replace(/(^|\s)\p{L}/gu, (letter) => letter.toLocaleUpperCase("vi"));
}

function kpi(label: string, value: string, detail: string, color: string = COLORS.primary): TableCell {
  return {
    stack: [
      { text: label, fontSize: 7.5, color: "#555555", alignment: "center" },
      { text: value, fontSize: 14, bold: true, color, alignment: "center" },
      { text: detail, fontSize: 7, alignment: "center", color: "#333333" },
    ],
    margin: [0, 2, 0, 2],
  };
}

export function kpiRow(cells: TableCell[]): Content {
  return {
    table: { widths: cells.map(() => "*"), body: [cells] },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule },
    margin: [0, 6, 0, 2],
  };
}

function itemsTable(view: UnitScorecardView): Content {
  const labels = labelsFor(view.context.language);
  const header = [labels.colItem, labels.colNumerator, labels.colDenominator, labels.colRatio, labels.colThreshold, `${labels.colPoints} / ${labels.colMax}`, labels.colLost, labels.colChange].map((text) => ({ text, style: "th" }));
  const body: TableCell[][] = [
    header,
    ...view.items.map((item): TableCell[] => [
      { text: [{ text: `${item.id} `, bold: true }, item.name, ...(item.note ? [{ text: ` (${item.note})`, italics: true, color: "#666666" }] : [])] },
      { text: item.numerator, alignment: "right" },
      { text: item.denominator, alignment: "right" },
      { text: item.ratio, alignment: "right" },
      { text: item.threshold, alignment: "right" },
      { text: `${item.points} / ${item.max}`, alignment: "right", bold: true },
      { text: item.lost, alignment: "right", color: item.lostValue > 0 ? COLORS.bad : "#333333" },
      { text: item.change, alignment: "right" },
    ]),
  ];
  return { table: { headerRows: 1, dontBreakRows: true, widths: ["*", 36, 36, 38, 30, 50, 30, 32], body }, layout: compactLayout, fontSize: 6.9 };
}

function keyFigures(rows: readonly (readonly [string, string])[]): Content {
  return {
    table: { widths: ["*", "auto"], body: rows.map(([label, value]) => [{ text: label, color: "#555555" }, { text: value, bold: true, alignment: "right" as const }]) },
    layout: "noBorders",
    fontSize: 8,
  };
}

/** SIPAS and PAR Index side by side, or a line saying there is none this period. */
function companionSections(view: UnitScorecardView): Content[] {
  const labels = labelsFor(view.context.language);
  const sipas: Content[] = view.sipas
    ? [
        keyFigures([
          [labels.colIndex, view.sipas.overall],
          [labels.band, view.sipas.band],
          [labels.rank, view.sipas.rank],
          [labels.respondents, view.sipas.respondents],
        ]),
        ...(view.sipas.warning ? [{ text: view.sipas.warning, color: COLORS.warning, fontSize: 7.5 }] : []),
        { table: { widths: ["*", 45], body: view.sipas.parts.map((part) => [part.label, { text: part.percent, alignment: "right" as const }]) }, layout: compactLayout, fontSize: 7.5, margin: [0, 3, 0, 2] },
        { ul: [...view.sipas.improvements], fontSize: 7 },
      ]
    : [{ text: labels.noSurvey, italics: true, fontSize: 8 }];
  const par: Content[] = view.par
    ? [
        keyFigures([
          [labels.colIndex, view.par.index],
          [labels.band, view.par.band],
          [labels.rank, view.par.rank],
          [labels.achieved, view.par.achieved],
          ...(view.par.tasks ? [[labels.tasks, view.par.tasks] as const] : []),
        ]),
        ...(view.par.note ? [{ text: view.par.note, italics: true, fontSize: 7.5 }] : []),
        { table: { widths: ["*", 55, 40], body: view.par.fields.map((field) => [field.label, { text: field.points, alignment: "right" as const }, { text: field.percent, alignment: "right" as const }]) }, layout: compactLayout, fontSize: 7.5, margin: [0, 3, 0, 2] },
        { ul: [...view.par.improvements], fontSize: 7 },
      ]
    : [{ text: labels.noPar, italics: true, fontSize: 8 }];
  return [
    {
      columns: [
        { width: "45%", stack: [{ text: view.sipas ? `${labels.sipasTitle} — ${view.sipas.period}` : labels.sipasTitle, style: "h2" }, ...sipas] },
        { width: "55%", stack: [{ text: view.par ? `${labels.parTitle} — ${view.par.period}` : labels.parTitle, style: "h2" }, ...par] },
      ],
      columnGap: 12,
      unbreakable: true,
    },
  ];
}

/** One unit's A4 scorecard: header, totals, charts, item table, what to do next, data notes. */
export function unitScorecardDocument(view: UnitScorecardView): TDocumentDefinitions {
  const { context } = view;
  const labels = labelsFor(context.language);
  const bandColor = view.totalValue === null ? COLORS.muted : view.totalValue >= 90 ? COLORS.good : view.totalValue >= 80 ? COLORS.primary : COLORS.bad;
  const content: Content[] = [
    administrativeHeader(context, placeOf(context.issuer.parent)),
    { text: labels.scorecardTitle, style: "title" },
    { text: labels.scorecardSubtitle, style: "subtitle" },
    { text: view.unitName, style: "unitName" },
    { text: `${view.levelLabel} · ${labels.period}: ${context.periodLabel}`, alignment: "center", fontSize: 9, margin: [0, 1, 0, 0] },
    ...provisionalBanner(context),
    kpiRow([
      kpi(labels.total, view.total, `${labels.outOf} ${view.max}`, bandColor),
      kpi(labels.band, view.band, " ", bandColor),
      kpi(labels.rank, view.rank, view.rankDetail),
      kpi(labels.change, view.scoreChange, view.rankChange === "—" ? " " : `${labels.colRank}: ${view.rankChange}`),
    ]),
    {
      columns: [
        { width: "55%", stack: [{ text: labels.blocksChart, style: "h2" }, blockBarsChart(view.blocks)] },
        { width: "45%", stack: [{ text: labels.trendChartOf[view.context.periodKind], style: "h2" }, trendChart(view.trend, 230, 96)] },
      ],
      columnGap: 10,
    },
    { text: labels.itemsTable, style: "h2" },
    itemsTable(view),
    { text: labels.nextSteps, style: "h2" },
    view.actions.length === 0
      ? { text: labels.noNextSteps, italics: true }
      : { ol: view.actions.map((action) => ({ text: [{ text: `${action.item}: `, bold: true }, action.text] })), fontSize: 7.5 },
    { text: labels.findings, style: "h2" },
    view.findings.length === 0 ? { text: labels.noFindings, italics: true, fontSize: 7.5 } : { ul: [...view.findings], fontSize: 7.5 },
    ...companionSections(view),
  ];
  return documentShell(context, `${labels.scorecardTitle} — ${view.unitName} — ${context.periodLabel}`, content);
}
