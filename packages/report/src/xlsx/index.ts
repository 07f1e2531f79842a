/** @chiso/report/xlsx — the pack's Excel workbook with exceljs (never loads pdfmake). */
export { buildWorkbook, writeWorkbook, safeValue } from "./workbook.js";
