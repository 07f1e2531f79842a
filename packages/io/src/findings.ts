import { Workbook } from "@chiso/xlsx-writer";
import { MAX_CELL_LENGTH } from "./cells.js";
import type { Language } from "@chiso/core";
import { importIssueMessage } from "./describe.js";
import type { ImportResult } from "./issues.js";

/** Text only: nothing read from the input can become a formula in the findings file, nor exceed a cell. */
const text = (value: unknown) => {
  if (value === undefined || value === null) return null;
  const shown = String(value).normalize("NFC");
  return shown.length > MAX_CELL_LENGTH ? `${shown.slice(0, MAX_CELL_LENGTH - 1)}…` : shown;
};
/** A rejected row's cell: a plain number stays a number (so it can be corrected and summed), anything else text. */
const cell = (value: string) => (/^-?\d{1,15}$/.test(value) ? Number(value) : text(value));

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
  return workbook;
}
