/**
 * @chiso/report — view models for chiso's monthly pack. Renderers live in separate entry points so
 * that spreadsheet users never load pdfmake: `@chiso/report/pdf` and `@chiso/report/xlsx`.
 */
export { buildPackView, type PackOptions } from "./view/pack.js";
export { unitScorecardView, blockBars, trendPoints, itemRows, actions, findingText, type History } from "./view/unit-view.js";
export { provinceSummaryView } from "./view/summary-view.js";
export { workbookView } from "./view/workbook-view.js";
export { slugify, uniqueFileBases } from "./view/file-names.js";
export { formatDecimalText, formatCount, formatPoints, formatChange, formatPercentText, formatDateTime } from "./view/format.js";
export { labelsFor, type Labels } from "./labels.js";
export type * from "./view/types.js";
