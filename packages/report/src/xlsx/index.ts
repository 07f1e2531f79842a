/** @chiso/report/xlsx — the pack's Excel workbook with exceljs and native charts (never loads pdfkit or docx). */
export { buildWorkbook, writeWorkbook, safeValue } from "./workbook.js";
