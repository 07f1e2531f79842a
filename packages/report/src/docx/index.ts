/**
 * @chiso/report/docx — the pack's editable Word documents (docx), from the same view models as the
 * PDFs, in the Decree 30/2020/NĐ-CP layout and Times New Roman: the province summary as a report, the
 * cover dispatch (công văn) transmitting it, and a unit's scorecard. Only this entry loads `docx`.
 */
export { renderProvinceSummaryDocx } from "./summary.js";
export { renderDispatchDocx } from "./dispatch.js";
export { renderUnitScorecardDocx } from "./card.js";
