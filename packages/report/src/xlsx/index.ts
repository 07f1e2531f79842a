/** @chiso/report/xlsx — the pack's Excel workbook with exceljs and native charts (never loads pdfkit or docx). */
export { buildWorkbook, writeWorkbook, workbookBytes, itemColumnBreaks, safeValue } from "./workbook.js";
export { addToWorkbook, chartXml, type ChartSpec, type WorkbookAdditions } from "./charts.js";
