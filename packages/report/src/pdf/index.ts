/**
 * @chiso/report/pdf — A4 PDF documents with pdfmake, in an embedded font with full Vietnamese coverage.
 * Builders return document definitions (pure); `renderPdf` turns one into bytes.
 */
export { unitScorecardDocument, placeOf } from "./unit-scorecard.js";
export { provinceSummaryDocument } from "./province-summary.js";
export { renderPdf, type RenderOptions } from "./render.js";
export { ensureFonts, enableFontCache, disableFontCache, FONT_FAMILY } from "./fonts.js";
export { blockBarsChart, trendChart } from "./charts.js";
