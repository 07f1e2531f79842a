/** Cell values, header styles and print setup shared by the workbook's sheets. */
import type ExcelJS from "exceljs";

type Worksheet = ExcelJS.Worksheet;
type CellValue = string | number | null;

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
export const RED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } };
export const AMBER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } };
export const GREEN_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } };

/**
 * A cell value that can never become a formula: text is always written as a plain string (exceljs
 * writes JS strings as shared strings, never `<f>`), normalised to NFC; numbers stay numbers.
 * Only this function puts values into cells.
 */
export function safeValue(value: CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return String(value).normalize("NFC");
}

export function addRows(sheet: Worksheet, rows: readonly (readonly (CellValue | undefined)[])[]): void {
  for (const row of rows) sheet.addRow(row.map(safeValue));
}

export function styleHeader(sheet: Worksheet, rowNumber: number, columns: number): void {
  const row = sheet.getRow(rowNumber);
  for (let column = 1; column <= columns; column += 1) {
    const cell = row.getCell(column);
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  }
}

/** What every printed page carries: the title and period in the header, method and page in the footer. */
export interface PrintTexts {
  readonly title: string;
  readonly period: string;
  readonly footer: string;
  readonly page: string;
}

const headerText = (text: string) => text.replace(/&/g, "&&");

/**
 * A4 landscape with the header rows (and `titleColumns`, the unit's id and name) repeated on every
 * printed page. Narrow sheets fit the page width; a wide one prints at `scale` over several pages.
 */
export function printSetup(sheet: Worksheet, headerRows: number, texts: PrintTexts, wide?: { titleColumns: string; scale: number }): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    ...(wide ? { fitToPage: false, scale: wide.scale, printTitlesColumn: wide.titleColumns } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
    printTitlesRow: `1:${headerRows}`,
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    oddHeader: `&L&"Times New Roman,Bold"&10${headerText(texts.title)}&R&"Times New Roman,Regular"&10${headerText(texts.period)}`,
    oddFooter: `&L&8${headerText(texts.footer)}&R&8${texts.page}`,
  };
}

