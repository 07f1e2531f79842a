/**
 * @chiso/report/pdf — the pack's A4 PDFs, drawn with pdfkit in Tinos (metric-compatible with Times New
 * Roman, every Vietnamese letter), laid out as Decree 30/2020/NĐ-CP documents. Each renderer takes a
 * view model and returns the PDF's bytes; the same view gives the same bytes.
 */
export { renderUnitScorecard } from "./unit-scorecard.js";
export { renderProvinceSummary } from "./province-summary.js";
export { loadFonts, hasGlyphs, fontOverflows, fontFiles, FONT_NAME, REPERTOIRE, FACES, type Face } from "./fonts.js";
