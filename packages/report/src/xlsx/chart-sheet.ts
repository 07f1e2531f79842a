import { quoteSheetName, type ChartSpec, type Workbook, type Worksheet } from "@chiso/xlsx-writer";
import { labelsFor } from "../labels.js";
import type { WorkbookView } from "../view/types.js";
import { addRows, HEADER_STYLE, printSetup, safeValue, styleHeader, type PrintTexts } from "./sheet-style.js";

/** Where the chart sheet keeps its data: blocks in A3:C9, the trend in E3:F… (header rows included). */
const BLOCKS_TOP = 3;
const TREND_TOP = 3;

/**
 * The sheet the charts sit on, with the small tables they draw from (the province's blocks and its
 * trend); the ranking charts draw from the ranking sheets themselves.
 */
export function chartSheet(workbook: Workbook, view: WorkbookView, print: PrintTexts): Worksheet {
  const labels = labelsFor(view.context.language);
  const sheet = workbook.addSheet(labels.sheetCharts);
  [28, 10, 10, 3, 10, 10, 14].forEach((width, index) => sheet.setColumn(index + 1, { width }));
  addRows(sheet, [[view.title], []]);
  sheet.styleCell(1, 1, { font: { bold: true, size: 12 } });
  const partial = view.charts.trend.some((point) => point.partial && point.value !== null);
  addRows(sheet, [[labels.colBlock, labels.seriesPoints, labels.seriesMax, null, labels.colPeriod, labels.seriesTotal, ...(partial ? [labels.seriesPartial] : [])]]);
  const points = { numFmt: "0.00" };
  view.charts.blocks.forEach((block, index) => {
    const row = BLOCKS_TOP + 1 + index;
    sheet.setCell(row, 1, safeValue(block.label));
    sheet.setCell(row, 2, block.points, points);
    sheet.setCell(row, 3, block.max, points);
  });
  view.charts.trend.forEach((point, index) => {
    const row = TREND_TOP + 1 + index;
    sheet.setCell(row, 5, safeValue(point.label));
    // A partial total goes to its own column: the chart draws it as a grey point of its own series, off the line.
    sheet.setCell(row, point.partial ? 7 : 6, point.value, points);
  });
  styleHeader(sheet, BLOCKS_TOP, 3);
  for (const column of partial ? [5, 6, 7] : [5, 6]) sheet.styleCell(BLOCKS_TOP, column, HEADER_STYLE);
  printSetup(sheet, 2, print);
  return sheet;
}

const range = (sheet: string, column: string, first: number, last: number) => `${quoteSheetName(sheet)}!$${column}$${first}:$${column}$${last}`;

/** The charts: the province's six blocks, its trend, and the totals of each ranked level in rank order. */
export function chartSpecs(view: WorkbookView): ChartSpec[] {
  const labels = labelsFor(view.context.language);
  const sheet = labels.sheetCharts;
  const { blocks, trend, provinceName } = view.charts;
  const specs: ChartSpec[] = [];
  if (blocks.length > 0) {
    const last = BLOCKS_TOP + blocks.length;
    specs.push({
      kind: "bar",
      title: labels.chartBlocks(provinceName),
      categories: { ref: range(sheet, "A", BLOCKS_TOP + 1, last), values: blocks.map((block) => block.label) },
      series: [
        { name: labels.seriesMax, ref: range(sheet, "C", BLOCKS_TOP + 1, last), values: blocks.map((block) => block.max), color: "D9E1EC" },
        { name: labels.seriesPoints, ref: range(sheet, "B", BLOCKS_TOP + 1, last), values: blocks.map((block) => block.points), color: "1F4E79" },
      ],
      overlap: true,
      anchor: { from: [7, 0], to: [16, 18] },
    });
  }
  if (trend.length > 0) {
    const last = TREND_TOP + trend.length;
    specs.push({
      kind: "line",
      title: labels.chartTrend(provinceName),
      categories: { ref: range(sheet, "E", TREND_TOP + 1, last), values: trend.map((point) => point.label) },
      series: [
        { name: labels.seriesTotal, ref: range(sheet, "F", TREND_TOP + 1, last), values: trend.map((point) => (point.partial ? null : point.value)), color: "1F4E79" },
        ...(trend.some((point) => point.partial && point.value !== null)
          ? [{ name: labels.seriesPartial, ref: range(sheet, "G", TREND_TOP + 1, last), values: trend.map((point) => (point.partial ? point.value : null)), color: "8C8C8C" }]
          : []),
      ],
      anchor: { from: [7, 19], to: [16, 37] },
    });
  }
  let top = 0;
  for (const ranking of view.rankings) {
    const ranked = ranking.rows.filter((row) => row.rank !== null && row.total !== null);
    if (ranked.length === 0) continue;
    // About one row of the sheet for every two bars, at least a chart's usual height.
    const height = Math.max(18, Math.ceil(ranked.length / 2) + 4);
    specs.push({
      kind: "bar",
      title: labels.chartRanking(labels.levels[ranking.level as "department" | "commune"] ?? ranking.level),
      categories: { ref: range(ranking.sheetName, "C", 2, ranked.length + 1), values: ranked.map((row) => row.name) },
      series: [{ name: labels.seriesTotal, ref: range(ranking.sheetName, "D", 2, ranked.length + 1), values: ranked.map((row) => row.total), color: "2E7D32" }],
      axis: { min: 0, max: 100 },
      anchor: { from: [17, top], to: [27, top + height] },
    });
    top += height + 1;
  }
  return specs;
}
