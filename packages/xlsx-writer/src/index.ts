export { MAX_CELL_TEXT, Workbook, quoteSheetName, type WriteOptions } from "./workbook.js";
export { Worksheet, type CellValue, type ConditionalRule, type PageSetup, type Validation } from "./worksheet.js";
export type { Alignment, CellStyle, DifferentialStyle, Font } from "./styles.js";
export type { ChartSpec } from "./chart.js";
export { cellRef, columnLetter, rangeRef } from "./cell-ref.js";
export { zip, type ZipEntry } from "./zip.js";
