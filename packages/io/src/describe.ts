import { describeIssue, type IssueCode, type Language } from "@chiso/core";
import type { ImportIssue, Origin } from "./issues.js";
import { describeImportProblem, isImportProblem } from "./messages.js";

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
