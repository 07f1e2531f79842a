import { columnLetter, Workbook, type CellStyle, type ConditionalRule, type Worksheet } from "@chiso/xlsx-writer";
import { footerText } from "../view/footer.js";
import { labelsFor } from "../labels.js";
import type { WorkbookTable, WorkbookView } from "../view/types.js";
import { chartSheet, chartSpecs } from "./chart-sheet.js";
import { addRows, AMBER_FILL, GREEN_FILL, printSetup, RED_FILL, safeValue, styleHeader, type PrintTexts } from "./sheet-style.js";

export { safeValue } from "./sheet-style.js";

const SUMMARY_VALUE_WIDTH = 66;

/**
 * The lines a wrapped text takes in a column `width` characters wide: LibreOffice and Excel do not grow a row
 * the file gives no height, so rows of long text are given theirs.
 */
const wrappedLines = (text: string, width: number) => Math.max(1, Math.ceil(text.length / Math.max(1, width - 1)));

/** A sheet with frozen header rows and columns. */
function frozenSheet(workbook: Workbook, name: string, headerRows: number, columns = 0): Worksheet {
  const sheet = workbook.addSheet(name);
  sheet.freeze(headerRows, columns);
  return sheet;
}

/** Column widths and styles from the first column on. */
function setColumns(sheet: Worksheet, columns: readonly { readonly width: number; readonly style?: CellStyle }[]): void {
  columns.forEach((column, index) => sheet.setColumn(index + 1, column));
}

const headerFilter = (sheet: Worksheet, row: number, columns: number) => sheet.autoFilter(`A${row}:${columnLetter(columns)}${row}`);

/** Colours a column of totals: red below 80, amber below 90, green from 90 (the common local bands). */
function totalBands(sheet: Worksheet, column: string, firstRow: number, lastRow: number): void {
  const cell = `${column}${firstRow}`;
  const rule = (formula: string, fill: string, priority: number): ConditionalRule => ({ type: "expression", formula: `AND(ISNUMBER(${cell}),${formula})`, priority, style: { fill } });
  sheet.addConditionalFormat(`${cell}:${column}${lastRow}`, [rule(`${cell}<80`, RED_FILL, 1), rule(`${cell}>=80,${cell}<90`, AMBER_FILL, 2), rule(`${cell}>=90`, GREEN_FILL, 3)]);
}

/**
 * Builds the pack's workbook: summary, a ranking sheet per level, item detail, inputs as received and
 * data-quality findings. Frozen headers, filters, number formats, conditional formats against the
 * thresholds and A4 landscape print setup throughout.
 */
export function buildWorkbook(view: WorkbookView): Workbook {
  const labels = labelsFor(view.context.language);
  const workbook = new Workbook();
  const footer: PrintTexts = {
    title: view.title,
    period: view.context.periodLabel,
    footer: footerText(view.context),
    page: labels.pageOf,
  };

  const summary = workbook.addSheet(labels.sheetSummary);
  setColumns(summary, [{ width: 50, style: { font: { bold: true }, alignment: { vertical: "top" } } }, { width: SUMMARY_VALUE_WIDTH }]);
  addRows(summary, view.summary.map(([label, value]) => [label, value]));
  view.summary.forEach(([, value, format], index) => {
    const numFmt = format === "points" ? "0.00" : format === "count" ? "#,##0" : undefined;
    summary.styleCell(index + 1, 2, { alignment: { horizontal: "left", vertical: "top", wrapText: true }, ...(numFmt && { numFmt }) });
    const lines = wrappedLines(String(value ?? ""), SUMMARY_VALUE_WIDTH);
    if (lines > 1) summary.setRowHeight(index + 1, 15 * lines);
  });
  printSetup(summary, 1, footer);

  chartSheet(workbook, view, footer).charts.push(...chartSpecs(view));

  for (const ranking of view.rankings) {
    const sheet = frozenSheet(workbook, ranking.sheetName, 1, 3);
    const headers = [labels.colRank, labels.colId, labels.colName, labels.colTotal, labels.colBand, labels.colChange, labels.colRankChange, labels.colReason];
    setColumns(sheet, [{ width: 7, style: { numFmt: "0" } }, { width: 12 }, { width: 34 }, { width: 11, style: { numFmt: "0.00" } }, { width: 12 }, { width: 11, style: { numFmt: "+0.00;-0.00;0.00" } }, { width: 12, style: { numFmt: "+0;-0;0" } }, { width: 30 }]);
    addRows(sheet, [headers, ...ranking.rows.map((row) => [row.rank, row.id, row.name, row.total, row.band, row.change, row.rankChange, row.reason])]);
    styleHeader(sheet, 1, headers.length);
    headerFilter(sheet, 1, headers.length);
    if (ranking.rows.length > 0) totalBands(sheet, "D", 2, ranking.rows.length + 1);
    printSetup(sheet, 1, footer);
  }

  const detail = frozenSheet(workbook, labels.sheetItems, 2, 2);
  const fixed = [labels.colId, labels.colName, labels.colLevel, labels.colTotal];
  const perItem = [labels.colNumerator, labels.colDenominator, labels.colRatio, labels.colPoints];
  const firstRow = [...fixed, ...view.itemColumns.flatMap((column) => [`${column.id ? `${column.id} ` : ""}${column.name} (${column.code})`, null, null, null])];
  const secondRow = [...fixed, ...view.itemColumns.flatMap(() => perItem)];
  setColumns(detail, [{ width: 12 }, { width: 28 }, { width: 11 }, { width: 9, style: { numFmt: "0.00" } }]);
  addRows(detail, [firstRow, secondRow]);
  addRows(
    detail,
    view.units.map((unit) => [unit.id, unit.name, unit.level, unit.total, ...unit.items.flatMap((cell) => [cell.numerator, cell.denominator, cell.ratio, cell.points])]),
  );
  fixed.forEach((_, index) => detail.merge(1, index + 1, 2, index + 1));
  const lastRow = view.units.length + 2;
  const itemFormats = ["#,##0", "#,##0", "0.00%", "0.00"];
  view.itemColumns.forEach((column, index) => {
    const start = fixed.length + 1 + index * 4;
    detail.merge(1, start, 1, start + 3);
    itemFormats.forEach((numFmt, offset) => detail.setColumn(start + offset, { width: offset === 2 ? 9 : 8.5, style: { numFmt } }));
    if (view.units.length === 0 || column.max === 0) return;
    // Ratios below the item's full-marks threshold, and points below its maximum, stand out.
    const ratioColumn = columnLetter(start + 2);
    const pointsColumn = columnLetter(start + 3);
    detail.addConditionalFormat(`${ratioColumn}3:${ratioColumn}${lastRow}`, [{ type: "cellIs", operator: "lessThan", formula: String(column.thresholdPercent / 100), priority: 10 + index * 2, style: { fill: RED_FILL } }]);
    detail.addConditionalFormat(`${pointsColumn}3:${pointsColumn}${lastRow}`, [{ type: "cellIs", operator: "lessThan", formula: String(column.max), priority: 11 + index * 2, style: { font: { color: "FFC62828", bold: true } } }]);
  });
  styleHeader(detail, 1, secondRow.length);
  styleHeader(detail, 2, secondRow.length);
  detail.setRowHeight(1, 54);
  if (view.units.length > 0) totalBands(detail, "D", 3, lastRow);
  headerFilter(detail, 2, secondRow.length);
  // 92 columns print over several pages, each with the units' id and name; pages break between groups.
  printSetup(detail, 2, footer, { titleColumns: "A:B", scale: 62 });
  detail.columnBreaks(itemColumnBreaks(view));

  const inputs = frozenSheet(workbook, labels.sheetInputs, 1);
  const inputHeaders = [labels.colSource, labels.colId, labels.colPeriod, labels.colCode, labels.colNumerator, labels.colDenominator];
  setColumns(inputs, [{ width: 16 }, { width: 14 }, { width: 10 }, { width: 36 }, { width: 12, style: { numFmt: "#,##0" } }, { width: 12, style: { numFmt: "#,##0" } }]);
  addRows(inputs, [inputHeaders, ...view.inputs.map((row) => [row.source, row.unit, row.period, row.code, row.numerator, row.denominator])]);
  styleHeader(inputs, 1, inputHeaders.length);
  headerFilter(inputs, 1, inputHeaders.length);
  printSetup(inputs, 1, footer);

  for (const [name, sheetView] of [[labels.sheetSipas, view.sipas], [labels.sheetPar, view.par]] as const) {
    const sheet = frozenSheet(workbook, name, 1, 2);
    // Each column's format from its values: whole numbers (respondents, ranks) as integers, others with two decimals.
    sheetView.headers.forEach((header, index) => {
      const numbers = sheetView.rows.map((row) => row[index]).filter((value): value is number => typeof value === "number");
      const width = index === 1 ? 32 : index === 0 ? 12 : 14;
      const numFmt = numbers.every(Number.isInteger) && !/%|điểm|point/iu.test(header) ? "#,##0" : "0.00";
      sheet.setColumn(index + 1, { width, ...(numbers.length > 0 && { style: { numFmt } }) });
    });
    addRows(sheet, [sheetView.headers, ...sheetView.rows]);
    styleHeader(sheet, 1, sheetView.headers.length);
    sheet.setRowHeight(1, 32);
    headerFilter(sheet, 1, sheetView.headers.length);
    printSetup(sheet, 1, footer);
  }

  const findings = frozenSheet(workbook, labels.sheetFindings, 1);
  const findingHeaders = [labels.colId, labels.colName, labels.colPeriod, labels.colCode, labels.colFinding, labels.colSource];
  setColumns(findings, [{ width: 14 }, { width: 28 }, { width: 10 }, { width: 30 }, { width: 90 }, { width: 16 }]);
  addRows(findings, [findingHeaders, ...view.findings.map((row) => [row.unit, row.unitName, row.period, row.item, row.message, row.source])]);
  styleHeader(findings, 1, findingHeaders.length);
  headerFilter(findings, 1, findingHeaders.length);
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

/** The pack's workbook as bytes, dated with the generation time: the same input gives the same bytes. */
export function workbookBytes(view: WorkbookView): Uint8Array {
  return buildWorkbook(view).toBytes({ date: new Date(view.context.generatedAt) });
}

/**
 * A plain sheet (notes, evidence, reconciliation): each column as wide as its longest text up to the width the
 * view allows, the widest columns wrapped, and each row as tall as its wrapped text (LibreOffice and Excel do not
 * grow a row that a file gives no height). A title and a note, when the view has them, stand above the header.
 */
function tableSheet(workbook: Workbook, table: WorkbookTable, footer: PrintTexts): void {
  const above = [table.title, table.note].filter((line): line is string => line !== undefined);
  const headerRow = above.length + 1;
  const sheet = frozenSheet(workbook, table.name.slice(0, 31), headerRow, 2);
  // A column with a number format (a date-time, a count) is as wide as the view says and never wraps: its
  // cells' text is the format's, not the stored number's.
  const formatted = (index: number) => table.formats?.[index] !== undefined;
  const longest = table.headers.map((header, index) => (formatted(index) ? header.length : Math.max(header.length, ...table.rows.map((row) => String(row[index] ?? "").length))));
  const widths = table.widths.map((cap, index) => (formatted(index) ? cap : Math.max(8, Math.min(cap, longest[index]! + 2))));
  const wrapped = (index: number) => !formatted(index) && (table.widths[index]! >= 60 || longest[index]! + 2 > table.widths[index]!);
  setColumns(
    sheet,
    widths.map((width, index) => {
      const numFmt = table.formats?.[index];
      return { width, style: { alignment: { vertical: "top", ...(wrapped(index) && { wrapText: true }) }, ...(numFmt && { numFmt }) } };
    }),
  );
  // The title and note span the sheet's width, wrapped, as tall as their text.
  const span = widths.reduce((sum, width) => sum + width, 0);
  above.forEach((line, index) => {
    sheet.addRow([safeValue(line)]);
    sheet.merge(index + 1, 1, index + 1, table.headers.length);
    sheet.styleCell(index + 1, 1, { alignment: { vertical: "top", wrapText: true }, ...(index === 0 && table.title !== undefined ? { font: { bold: true, size: 13 } } : { font: { italic: true } }) });
    const lines = wrappedLines(line, span);
    if (lines > 1) sheet.setRowHeight(index + 1, 15 * lines + (index === 0 ? 3 : 0));
  });
  addRows(sheet, [table.headers, ...table.rows]);
  table.rows.forEach((row, rowIndex) => {
    const lines = Math.max(1, ...row.map((value, index) => (wrapped(index) ? wrappedLines(String(value ?? ""), widths[index]!) : 1)));
    if (lines > 1) sheet.setRowHeight(rowIndex + headerRow + 1, 15 * lines);
  });
  styleHeader(sheet, headerRow, table.headers.length);
  // A header wider than its column wraps (the header style does): its row as tall as its lines.
  const headerLines = Math.max(1, ...table.headers.map((header, index) => wrappedLines(header, widths[index]!)));
  if (headerLines > 1) sheet.setRowHeight(headerRow, 15 * headerLines);
  headerFilter(sheet, headerRow, table.headers.length);
  printSetup(sheet, headerRow, footer);
}
