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
        { width: "45%", stack: [{ text: labels.trendChart, style: "h2" }, trendChart(view.trend, 230, 96)] },
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
  ];
  return documentShell(context, `${labels.scorecardTitle} — ${view.unitName} — ${context.periodLabel}`, content);
}
