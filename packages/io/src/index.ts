/**
 * @chiso/io — the front door: read a month's figures from .xlsx, .csv or .json with every problem
 * located (file, sheet, row, column, unit) and every row accounted for; write the input template.
 */
export { importFigures, describeImportIssue, importIssueLocation, importIssueMessage, DEFAULT_MAX_BYTES, type ImportIssue, type ImportOptions, type ImportResult, type RowOutcome } from "./import.js";
export { buildTemplate, type TemplateOptions } from "./template.js";
export { buildFindingsWorkbook } from "./findings.js";
export { figureColumns, unitColumns, matchHeader, type ColumnSpec, type ColumnKey } from "./columns.js";
export { parseCount, parseDecimal, parseLevel, parsePeriodCell, cellText, cellValue, type CellProblem, type CellResult } from "./cells.js";
export { normalizeText, columnLetter } from "./normalize.js";
export { describeImportProblem, type ImportProblem } from "./messages.js";
export { readCsv, readXlsx, detectDelimiter, type Sheet } from "./tables.js";
export * from "./portal/index.js";
