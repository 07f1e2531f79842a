/**
 * @chiso/report — view models for chiso's monthly pack and the province profile. Renderers live in
 * separate entry points so each loads only its own library: `@chiso/report/pdf` (pdfkit),
 * `@chiso/report/xlsx` (@chiso/xlsx-writer) and `@chiso/report/docx` (docx).
 */
export { buildPackView, type PackOptions } from "./view/pack.js";
export { unitScorecardView, blockBars, trendPoints, itemRows, actions, findingText, displayId, unitKind, positionText, type History } from "./view/unit-view.js";
export { inheritedLoss, type InheritedLoss } from "./view/inherited-loss.js";
export { evidenceReason, evidenceSheetName, isFeedback } from "./view/evidence.js";
export { compareWithPrevious, comparableChanges, isComplete, refusedFigures, type Comparison, type NoComparisonReason, type RefusedFigures } from "./view/comparison.js";
export { provinceSummaryView } from "./view/summary-view.js";
export { workbookView } from "./view/workbook-view.js";
export { slugify, uniqueFileBases } from "./view/file-names.js";
export { formatDecimalText, formatCount, formatPoints, formatChange, formatPercentText, formatDateTime } from "./view/format.js";
export { labelsFor, type Labels } from "./labels.js";
export { safeParseProfile, describeProfileIssues, defaultProfile, demoProfile, DEFAULTED_FIELDS, DEMO_PROVINCE, profileTemplate, placeOfProvince, nameInText, profileSchema, PROFILE_FORMAT, type ProvinceProfile, type ProfileResult } from "./profile/profile.js";
export type { ProfileIssue } from "./profile/messages.js";
export { officialView, dateLine, shortDate } from "./view/official.js";
export { assessmentParagraphs, taskParagraphs, dispatchParagraphs, fillWording, type AssessmentInput } from "./view/assessment.js";
export type * from "./view/types.js";
