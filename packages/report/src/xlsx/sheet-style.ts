/** Cell values, header styles and print setup shared by the workbook's sheets. */
import type { CellStyle, Worksheet } from "@chiso/xlsx-writer";

type CellValue = string | number | null;

export const HEADER_STYLE: CellStyle = { font: { bold: true, color: "FFFFFFFF" }, fill: "FF1F4E79", alignment: { vertical: "middle", horizontal: "center", wrapText: true } };
export const RED_FILL = "FFFFC7CE";
export const AMBER_FILL = "FFFFEB9C";
export const GREEN_FILL = "FFC6EFCE";

/**
 * A cell value that can never become a formula: text is always written as a plain string (the writer
 * never writes `<f>`), normalised to NFC; numbers stay numbers. Only this function puts values into cells.
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
  sheet.styleRow(rowNumber, HEADER_STYLE, columns);
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
  sheet.page = {
    paperSize: 9,
    orientation: "landscape",
    ...(wide ? { scale: wide.scale } : { fitToWidth: 1, fitToHeight: 0 }),
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.printTitles = { rows: `1:${headerRows}`, ...(wide && { columns: wide.titleColumns }) };
  sheet.headerFooter = {
    oddHeader: `&L&"Times New Roman,Bold"&10${headerText(texts.title)}&R&"Times New Roman,Regular"&10${headerText(texts.period)}`,
    oddFooter: `&L&8${headerText(texts.footer)}&R&8${texts.page}`,
  };
}
