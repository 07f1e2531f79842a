import { describeIssue, type IssueCode, type Language } from "@chiso/core";
import type { ImportIssue, Origin } from "./issues.js";
import { describeImportProblem, type ImportProblem } from "./messages.js";

const WORDS = {
  vi: { row: "dòng", line: "dòng", column: "cột", unit: "đơn vị" },
  en: { row: "row", line: "line", column: "column", unit: "unit" },
} as const;

/** Headers are shown in full up to 60 characters. */
const shortHeader = (header: string) => (header.length > 60 ? `${header.slice(0, 57)}…` : header);

/** Where an issue is: "so-lieu.xlsx › Số liệu › dòng 12 › cột F “1.1 Tử số…” › đơn vị HS-X001". */
export function importIssueLocation(issue: ImportIssue, language: Language = "vi"): string {
  const words = WORDS[language];
  return [
    issue.file,
    issue.sheet && issue.sheet !== issue.file ? issue.sheet : undefined,
    issue.row !== undefined ? `${words.row} ${issue.row}` : issue.line !== undefined ? `${words.line} ${issue.line}` : undefined,
    issue.column ? `${words.column} ${issue.column}${issue.header ? ` “${shortHeader(issue.header)}”` : ""}` : undefined,
    issue.path,
    issue.unit ? `${words.unit} ${issue.unit}` : undefined,
  ]
    .filter(Boolean)
    .join(" › ");
}

/** A row's place in its file, as `sources` and the rejected-rows file give it: "so-lieu.xlsx › Số liệu › dòng 12". */
export function originLocation(file: string, origin: Origin, language: Language = "vi"): string {
  const words = WORDS[language];
  return [
    file,
    origin.sheet && origin.sheet !== file ? origin.sheet : undefined,
    origin.row !== undefined ? `${words.row} ${origin.row}` : origin.line !== undefined ? `${words.line} ${origin.line}` : undefined,
    origin.path,
  ]
    .filter(Boolean)
    .join(" › ");
}

const IMPORT_PROBLEMS = new Set<string>([
  "file_too_large", "unreadable_file", "unsupported_format", "no_figures_table", "no_units", "no_rows", "missing_column", "unknown_column", "duplicate_column", "missing_value",
  "not_a_number", "not_integer", "negative", "ambiguous_number", "formula_without_value", "too_large", "invalid_level", "invalid_period", "cell_too_long", "not_utf8",
  "utf16_without_bom", "invalid_json", "json_not_object", "duplicate_key", "xlsx_empty", "xlsx_not_zip", "xlsx_legacy", "xlsx_truncated", "xlsx_encrypted", "xlsx_corrupt",
  "xlsx_unsupported", "uncompressed_too_large", "duplicate_unit_row", "conflicting_unit", "unit_rejected", "sheet_not_read", "unrecognised_table", "unknown_scheme",
  "scheme_conflict", "conflicting_figures", "repeated_figures", "conflicting_field", "cell_beyond_header", "file_repeated",
  "answers_above_respondents",
] satisfies ImportProblem[]);

function isImportProblem(code: string): code is ImportProblem {
  return IMPORT_PROBLEMS.has(code);
}

/** What is wrong and how to fix it, without the location. */
export function importIssueMessage(issue: ImportIssue, language: Language = "vi"): string {
  const message = !issue.core && isImportProblem(issue.code)
    ? describeImportProblem(issue.code, issue.params, language)
    : describeIssue({ code: issue.code as IssueCode, path: [], params: issue.params }, language);
  return `${issue.severity === "warning" ? (language === "vi" ? "(cảnh báo) " : "(warning) ") : ""}${message}`;
}

/** One issue as a line: where (file › sheet › row › column › unit), then what is wrong and how to fix it. */
export function describeImportIssue(issue: ImportIssue, language: Language = "vi"): string {
  return `${importIssueLocation(issue, language)}: ${importIssueMessage(issue, language)}`;
}
