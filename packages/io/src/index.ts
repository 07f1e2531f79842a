/**
 * @chiso/io — the front door: read a month's figures from .xlsx, .csv or .json with every problem
 * located (file, sheet, row or line, column, unit) and every row accounted for; merge several files;
 * write the input template.
 */
export { importFigures, importFiles, importUnits, DEFAULT_MAX_BYTES, type ImportOptions } from "./import.js";
export { formatNumber, formatSize, formatSeconds, formatCount, type CountedNoun } from "./format.js";
export type { CompanionOutcome, ImportIssue, ImportResult, RowOutcome } from "./issues.js";
export { describeImportIssue, importIssueLocation, importIssueMessage } from "./describe.js";
export { mergeReads, type MergedRead, type FileRead } from "./merge.js";
export { buildTemplate, type TemplateOptions } from "./template.js";
export { buildFindingsWorkbook } from "./findings.js";
export { figureColumns, unitColumns, matchHeader, type ColumnSpec, type ColumnKey } from "./columns.js";
export { parseCount, parseDecimal, parseLevel, parsePeriodCell, cellText, cellValue, MAX_CELL_LENGTH, OversizedText, type CellProblem, type CellResult } from "./cells.js";
export { normalizeText, columnLetter } from "./normalize.js";
export { describeImportProblem, type ImportProblem } from "./messages.js";
export { readCsv, readXlsx, detectDelimiter, DEFAULT_MAX_UNCOMPRESSED_BYTES, type Sheet } from "./tables.js";
export { decodeText, type DecodedText } from "./text-encoding.js";
export { contentKind, wrongContent, describeWrongContent, kindName, type ContentKind, type ExpectedContent } from "./content.js";
export { scanJson, type JsonScan, type JsonPath } from "./json-scan.js";
export * from "./portal/index.js";
export { valueAt } from "./portal/issues.js";
