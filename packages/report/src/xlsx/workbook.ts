import { footerText } from "../view/footer.js";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import { labelsFor } from "../labels.js";
import type { WorkbookTable, WorkbookView } from "../view/types.js";
import { addToWorkbook } from "./charts.js";
import { chartSheet, chartSpecs } from "./chart-sheet.js";
import { addRows, AMBER_FILL, GREEN_FILL, printSetup, RED_FILL, styleHeader, type PrintTexts } from "./sheet-style.js";

type Worksheet = ExcelJS.Worksheet;

export { safeValue } from "./sheet-style.js";

function frozen(headerRows: number, columns = 0): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: "frozen", xSplit: columns, ySplit: headerRows }];
}

function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Colours a column of totals: red below 80, amber below 90, green from 90 (the common local bands). */
function totalBands(sheet: Worksheet, column: string, firstRow: number, lastRow: number): void {
  const cell = `${column}${firstRow}`;
  const rule = (formula: string, fill: ExcelJS.Fill, priority: number): ExcelJS.ConditionalFormattingRule => ({
    type: "expression",
    formulae: [`AND(ISNUMBER(${cell}),${formula})`],
    priority,
    style: { fill },
  });
  sheet.addConditionalFormatting({
    ref: `${cell}:${column}${lastRow}`,
    rules: [rule(`${cell}<80`, RED_FILL, 1), rule(`${cell}>=80,${cell}<90`, AMBER_FILL, 2), rule(`${cell}>=90`, GREEN_FILL, 3)],
  });
}

/**
 * Builds the pack's workbook: summary, a ranking sheet per level, item detail, inputs as received and
 * data-quality findings. Frozen headers, filters, number formats, conditional formats against the
 * thresholds and A4 landscape print setup throughout.
 */
export function buildWorkbook(view: WorkbookView): ExcelJS.Workbook {
  const labels = labelsFor(view.context.language);
  const generated = new Date(view.context.generatedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chiso";
  workbook.lastModifiedBy = "chiso";
  workbook.created = generated;
  workbook.modified = generated;
  workbook.lastPrinted = generated;
  const footer: PrintTexts = {
    title: view.title,
    period: view.context.periodLabel,
    footer: footerText(view.context),
    page: labels.pageOf,
  };

  const summary = workbook.addWorksheet(labels.sheetSummary, { views: frozen(0) });
  summary.columns = [{ width: 50 }, { width: 66 }];
  addRows(summary, view.summary.map(([label, value]) => [label, value]));
  summary.getColumn(1).font = { bold: true };
  view.summary.forEach(([, , format], index) => {
    const cell = summary.getCell(index + 1, 2);
    cell.alignment = { horizontal: "left", vertical: "top", wrapText: true };
    if (format === "points") cell.numFmt = "0.00";
    if (format === "count") cell.numFmt = "#,##0";
  });
  printSetup(summary, 1, footer);

  chartSheet(workbook, view, footer);

  for (const ranking of view.rankings) {
    const sheet = workbook.addWorksheet(ranking.sheetName, { views: frozen(1, 3) });
    const headers = [labels.colRank, labels.colId, labels.colName, labels.colTotal, labels.colBand, labels.colChange, labels.colRankChange, labels.colReason];
    sheet.columns = [{ width: 7, style: { numFmt: "0" } }, { width: 12 }, { width: 34 }, { width: 11, style: { numFmt: "0.00" } }, { width: 12 }, { width: 11, style: { numFmt: "+0.00;-0.00;0.00" } }, { width: 12, style: { numFmt: "+0;-0;0" } }, { width: 30 }];
    addRows(sheet, [headers, ...ranking.rows.map((row) => [row.rank, row.id, row.name, row.total, row.band, row.change, row.rankChange, row.reason])]);
    styleHeader(sheet, 1, headers.length);
    sheet.autoFilter = { from: "A1", to: `${columnLetter(headers.length)}1` };
    if (ranking.rows.length > 0) totalBands(sheet, "D", 2, ranking.rows.length + 1);
    printSetup(sheet, 1, footer);
  }

  const detail = workbook.addWorksheet(labels.sheetItems, { views: frozen(2, 2) });
  const fixed = [labels.colId, labels.colName, labels.colLevel, labels.colTotal];
  const perItem = [labels.colNumerator, labels.colDenominator, labels.colRatio, labels.colPoints];
  const firstRow = [...fixed, ...view.itemColumns.flatMap((column) => [`${column.id ? `${column.id} ` : ""}${column.name} (${column.code})`, null, null, null])];
  const secondRow = [...fixed, ...view.itemColumns.flatMap(() => perItem)];
  addRows(detail, [firstRow, secondRow]);
  addRows(
    detail,
    view.units.map((unit) => [unit.id, unit.name, unit.level, unit.total, ...unit.items.flatMap((cell) => [cell.numerator, cell.denominator, cell.ratio, cell.points])]),
  );
  fixed.forEach((_, index) => detail.mergeCells(1, index + 1, 2, index + 1));
  detail.getColumn(1).width = 12;
  detail.getColumn(2).width = 28;
  detail.getColumn(3).width = 11;
  detail.getColumn(4).width = 9;
  detail.getColumn(4).numFmt = "0.00";
  const lastRow = view.units.length + 2;
  view.itemColumns.forEach((column, index) => {
    const start = fixed.length + 1 + index * 4;
    detail.mergeCells(1, start, 1, start + 3);
    detail.getColumn(start).numFmt = "#,##0";
    detail.getColumn(start + 1).numFmt = "#,##0";
    detail.getColumn(start + 2).numFmt = "0.00%";
    detail.getColumn(start + 3).numFmt = "0.00";
    for (let offset = 0; offset < 4; offset += 1) detail.getColumn(start + offset).width = offset === 2 ? 9 : 8.5;
    if (view.units.length === 0 || column.max === 0) return;
    // Ratios below the item's full-marks threshold, and points below its maximum, stand out.
    const ratioColumn = columnLetter(start + 2);
    const pointsColumn = columnLetter(start + 3);
    detail.addConditionalFormatting({
      ref: `${ratioColumn}3:${ratioColumn}${lastRow}`,
      rules: [{ type: "cellIs", operator: "lessThan", formulae: [String(column.thresholdPercent / 100)], priority: 10 + index * 2, style: { fill: RED_FILL } }],
    });
    detail.addConditionalFormatting({
      ref: `${pointsColumn}3:${pointsColumn}${lastRow}`,
      rules: [{ type: "cellIs", operator: "lessThan", formulae: [String(column.max)], priority: 11 + index * 2, style: { font: { color: { argb: "FFC62828" }, bold: true } } }],
    });
  });
  styleHeader(detail, 1, secondRow.length);
  styleHeader(detail, 2, secondRow.length);
  detail.getRow(1).height = 54;
  if (view.units.length > 0) totalBands(detail, "D", 3, lastRow);
  detail.autoFilter = { from: "A2", to: `${columnLetter(secondRow.length)}2` };
  // 92 columns print over several pages, each with the units' id and name; pages break between groups.
  printSetup(detail, 2, footer, { titleColumns: "A:B", scale: 62 });

  const inputs = workbook.addWorksheet(labels.sheetInputs, { views: frozen(1) });
  const inputHeaders = [labels.colSource, labels.colId, labels.colPeriod, labels.colCode, labels.colNumerator, labels.colDenominator];
  inputs.columns = [{ width: 16 }, { width: 14 }, { width: 10 }, { width: 36 }, { width: 12, style: { numFmt: "#,##0" } }, { width: 12, style: { numFmt: "#,##0" } }];
  addRows(inputs, [inputHeaders, ...view.inputs.map((row) => [row.source, row.unit, row.period, row.code, row.numerator, row.denominator])]);
  styleHeader(inputs, 1, inputHeaders.length);
  inputs.autoFilter = { from: "A1", to: `${columnLetter(inputHeaders.length)}1` };
  printSetup(inputs, 1, footer);

  for (const [name, sheetView] of [[labels.sheetSipas, view.sipas], [labels.sheetPar, view.par]] as const) {
    const sheet = workbook.addWorksheet(name, { views: frozen(1, 2) });
    addRows(sheet, [sheetView.headers, ...sheetView.rows]);
    styleHeader(sheet, 1, sheetView.headers.length);
    sheet.getRow(1).height = 32;
    // Each column's format from its values: whole numbers (respondents, ranks) as integers, others with two decimals.
    sheetView.headers.forEach((_, index) => {
      const column = sheet.getColumn(index + 1);
      const numbers = sheetView.rows.map((row) => row[index]).filter((value): value is number => typeof value === "number");
      column.width = index === 1 ? 32 : index === 0 ? 12 : 14;
      if (numbers.length > 0) column.numFmt = numbers.every(Number.isInteger) && !/%|điểm|point/iu.test(sheetView.headers[index]!) ? "#,##0" : "0.00";
    });
    sheet.autoFilter = { from: "A1", to: `${columnLetter(sheetView.headers.length)}1` };
    printSetup(sheet, 1, footer);
  }

  const findings = workbook.addWorksheet(labels.sheetFindings, { views: frozen(1) });
  const findingHeaders = [labels.colId, labels.colName, labels.colPeriod, labels.colCode, labels.colFinding, labels.colSource];
  findings.columns = [{ width: 14 }, { width: 28 }, { width: 10 }, { width: 30 }, { width: 90 }, { width: 16 }];
  addRows(findings, [findingHeaders, ...view.findings.map((row) => [row.unit, row.unitName, row.period, row.item, row.message, row.source])]);
  styleHeader(findings, 1, findingHeaders.length);
  findings.autoFilter = { from: "A1", to: `${columnLetter(findingHeaders.length)}1` };
  printSetup(findings, 1, footer);

  for (const table of view.tables) tableSheet(workbook, table, footer);

  return workbook;
}

/** One-based columns of the item sheet after which a printed page ends: between groups, at most three items a page. */
export function itemColumnBreaks(view: WorkbookView, fixedColumns = 4): number[] {
  const breaks: number[] = [];
  let onPage = 0;
  view.itemColumns.forEach((column, index) => {
    const next = view.itemColumns[index + 1];
    onPage += 1;
    if (next && (next.group !== column.group || onPage === 3)) {
      breaks.push(fixedColumns + (index + 1) * 4);
      onPage = 0;
    }
  });
  return breaks;
}

/**
 * The pack's workbook as bytes: exceljs writes the sheets, then the native charts and the item sheet's
 * page breaks are added to the file; every zip entry carries the generation time (same input, same bytes).
 */
export async function workbookBytes(view: WorkbookView): Promise<Uint8Array> {
  const labels = labelsFor(view.context.language);
  const generated = new Date(view.context.generatedAt);
  const workbook = buildWorkbook(view);
  const written = await writeWorkbook(workbook, generated);
  return addToWorkbook(written, { charts: new Map([[labels.sheetCharts, chartSpecs(view)]]), columnBreaks: new Map([[labels.sheetItems, itemColumnBreaks(view)]]) }, generated);
}

const require = createRequire(import.meta.url);

/**
 * Serialises a workbook, stamped with `date`: its created and modified properties, and the zip entries
 * (exceljs leaves both at "now"; jszip's default date is pinned on exceljs' own jszip instance), so the
 * same input yields byte-identical files.
 */
export async function writeWorkbook(workbook: ExcelJS.Workbook, date: Date): Promise<Buffer> {
  workbook.created = date;
  workbook.modified = date;
  const jszip = createRequire(require.resolve("exceljs"))("jszip") as { defaults: { date: Date | undefined } };
  const previous = jszip.defaults.date;
  jszip.defaults.date = date;
  try {
    // Level 1: a third faster than the default for a workbook a little larger.
    return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } }));
  } finally {
    jszip.defaults.date = previous;
  }
}

/**
 * A plain sheet (notes, evidence, reconciliation): each column as wide as its longest text up to the width the
 * view allows, the widest columns wrapped, and each row as tall as its wrapped text (LibreOffice and Excel do not
 * grow a row that a file gives no height).
 */
function tableSheet(workbook: ExcelJS.Workbook, table: WorkbookTable, footer: PrintTexts): void {
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: frozen(1, 2) });
  const longest = table.headers.map((header, index) => Math.max(header.length, ...table.rows.map((row) => String(row[index] ?? "").length)));
  const widths = table.widths.map((cap, index) => Math.max(8, Math.min(cap, longest[index]! + 2)));
  const wrapped = (index: number) => table.widths[index]! >= 60 || longest[index]! + 2 > table.widths[index]!;
  sheet.columns = widths.map((width, index) => ({ width, style: { alignment: { vertical: "top", ...(wrapped(index) && { wrapText: true }) } } }));
  addRows(sheet, [table.headers, ...table.rows]);
  table.rows.forEach((row, rowIndex) => {
    const lines = Math.max(1, ...row.map((value, index) => (wrapped(index) ? Math.ceil(String(value ?? "").length / Math.max(1, widths[index]! - 1)) : 1)));
    if (lines > 1) sheet.getRow(rowIndex + 2).height = 15 * lines;
  });
  styleHeader(sheet, 1, table.headers.length);
  sheet.autoFilter = { from: "A1", to: `${columnLetter(table.headers.length)}1` };
  printSetup(sheet, 1, footer);
}
