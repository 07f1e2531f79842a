import { Workbook } from "@chiso/xlsx-writer";
import type { Language } from "@chiso/core";
import { importIssueMessage } from "./describe.js";
import type { ImportResult } from "./issues.js";

/** Text only: nothing read from the input can become a formula in the findings file (the writer cuts text at a cell's limit). */
const text = (value: unknown) => (value === undefined || value === null ? null : String(value));
/**
 * A rejected row's cell: a plain number — integer or decimal, as read ("12", "6.8") — stays a number (so it
 * can be corrected and summed); anything else (a code with leading zeros, "1e5", more digits than a number keeps) text.
 */
const cell = (value: string) => (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(value) && value.replace(/[-.]/g, "").replace(/^0+(?=\d)/, "").length <= 15 ? Number(value) : text(value));

/**
 * The findings of an import as a workbook: every problem with its location, and every rejected row
 * with its reasons and its cells as they were read — so nothing is lost.
 */
export function buildFindingsWorkbook(result: ImportResult, language: Language = "vi"): Workbook {
  const vi = language === "vi";
  const workbook = new Workbook();
  const bold = { font: { bold: true } };
  const issues = workbook.addSheet(vi ? "Lỗi và cảnh báo" : "Problems");
  issues.freeze(1);
  const issueHeaders = vi
    ? ["Mức độ", "Tệp", "Trang", "Dòng", "Cột", "Tiêu đề cột", "Đơn vị", "Nội dung"]
    : ["Severity", "File", "Sheet", "Row", "Column", "Header", "Unit", "Problem"];
  issues.addRow(issueHeaders, bold);
  for (const issue of result.issues) {
    issues.addRow([
      text(issue.severity === "error" ? (vi ? "Lỗi" : "Error") : vi ? "Cảnh báo" : "Warning"),
      text(issue.file),
      text(issue.sheet ?? issue.path),
      issue.row ?? issue.line ?? null,
      text(issue.column),
      text(issue.header),
      text(issue.unit),
      text(importIssueMessage(issue, language)),
    ]);
  }
  const widths = [10, 18, 14, 7, 7, 30, 14, 100];
  widths.forEach((width, index) => issues.setColumn(index + 1, { width }));
  issues.autoFilter("A1:H1");

  const rejected = workbook.addSheet(vi ? "Dòng bị từ chối" : "Rejected rows");
  rejected.freeze(1);
  rejected.addRow([...(vi ? ["Tệp", "Trang", "Dòng", "Đơn vị", "Kỳ", "Lý do"] : ["File", "Sheet", "Row", "Unit", "Period", "Reasons"]), ...result.headers.map(text)], bold);
  // Rows with problems of their own; with --skip-invalid exactly the rejected rows.
  for (const row of result.rows.filter((outcome) => outcome.reasons.length > 0)) {
    const reasons = row.reasons.map((reason) => `${reason.column ? `${reason.column}: ` : ""}${importIssueMessage(reason, language)}`).join("\n");
    rejected.addRow([text(row.file), text(row.sheet ?? row.path), row.row ?? row.line ?? null, text(row.unit), text(row.period), text(reasons), ...row.cells.map(cell)]);
  }
  rejected.setColumn(6, { width: 80, style: { alignment: { wrapText: true, vertical: "top" } } });

  // SIPAS surveys and PAR assessments rejected: their own sheet (their rows have other columns than the figures').
  if (result.companionRows.length > 0) {
    const companions = workbook.addSheet(vi ? "SIPAS, CCHC bị từ chối" : "Rejected SIPAS, PAR");
    companions.freeze(1);
    companions.addRow(vi ? ["Dữ liệu", "Phạm vi", "Tệp", "Trang", "Dòng", "Đơn vị", "Kỳ", "Lý do"] : ["Data", "Left out", "File", "Sheet", "Row", "Unit", "Period", "Reasons"], bold);
    for (const outcome of result.companionRows) {
      const kind = outcome.kind === "sipas" ? (vi ? "Khảo sát SIPAS" : "SIPAS survey") : vi ? "Chỉ số CCHC" : "PAR Index";
      const scope = outcome.scope === "entry" ? (vi ? "cả khảo sát/bộ điểm của đơn vị trong kỳ" : "the unit's whole survey/assessment for the period") : vi ? "chỉ dòng này" : "this row only";
      const reasons = outcome.reasons.map((reason) => `${reason.row !== undefined && reason.row !== outcome.row ? `${vi ? "dòng" : "row"} ${reason.row} › ` : ""}${reason.column ? `${reason.column}: ` : ""}${importIssueMessage(reason, language)}`).join("\n");
      companions.addRow([text(kind), text(scope), text(outcome.file), text(outcome.sheet ?? outcome.path), outcome.row ?? outcome.line ?? null, text(outcome.unit || null), text(outcome.period || null), text(reasons)]);
    }
    [16, 24, 18, 18, 7, 14, 10, 100].forEach((width, index) => companions.setColumn(index + 1, { width }));
    companions.setColumn(8, { width: 100, style: { alignment: { wrapText: true, vertical: "top" } } });
  }
  return workbook;
}
