/** @chiso/report/xlsx — the pack's Excel workbook with native charts, written by @chiso/xlsx-writer (never loads pdfkit or docx). */
export { buildWorkbook, workbookBytes, itemColumnBreaks, safeValue } from "./workbook.js";
export { chartSpecs } from "./chart-sheet.js";
