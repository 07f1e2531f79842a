/**
 * @chiso/core — exact, explainable calculators for Vietnam's public-administration service indices.
 *
 * @example
 * import { getScheme, parseDataset, scoreDataset } from "@chiso/core";
 * const scheme = getScheme(); // "766-portal"
 * const card = scoreDataset(parseDataset(json, scheme), { period: "2026-03" });
 * for (const unit of card.units) console.log(unit.unit.name, unit.total?.toString(), unit.standing);
 */
export { Dec, toScaledInteger, type ScaledInteger } from "./arithmetic/decimal.js";
export { Points, sumPoints } from "./arithmetic/points.js";
export { roundQuotient, roundBigQuotient, ceilQuotient, type RoundingMode } from "./arithmetic/rational.js";
export { ChisoError, formatIssue, formatPath, type ChisoErrorCode, type Issue, type IssueCode, type IssuePath, type SafeResult } from "./errors.js";
export { describeIssue, type Language } from "./messages.js";
export { parsePeriod, monthsOf, previousPeriod, isProvisional, formatPeriod, todayInVietnam, dayAfter, type Period, type PeriodKind } from "./period.js";
export {
  schemeSchema,
  itemSchema,
  bandSchema,
  emptyDenominatorSchema,
  type SchemeDefinition,
  type SchemeData,
  type ItemDefinition,
  type EmptyDenominatorPolicy,
  type Bilingual,
} from "./scheme/schema.js";
export { parseScheme, safeParseScheme, scoreFactors, type Scheme, type SchemeItem, type SchemeSection, type SchemeBand } from "./scheme/compile.js";
export { getScheme, builtinSchemeIds, DEFAULT_SCHEME_ID } from "./scheme/registry.js";
export {
  builtinSchemeDefinitions,
  portalScheme,
  digitization42At80Scheme,
  onlineSingleItemScheme,
  feedbackSplitScheme,
  satisfaction5526Scheme,
} from "./scheme/builtin/variants.js";
export {
  figuresFileSchema,
  unitLevels,
  type FiguresFile,
  type UnitInput,
  type FigureInput,
  type UnitLevel,
  type Channels,
  type Settlement,
} from "./input/schema.js";
export { parseDataset, safeParseDataset, figureFor, hasFiguresFor, type Companions, type CompanionOptions, type Dataset, type Unit, type Counts, type FigureRow } from "./input/dataset.js";
export { scoreItem, pointsUnits, type ItemScore, type ItemStatus, type CountsOrigin } from "./scoring/item.js";
export { scoreSections, type SectionScore } from "./scoring/sections.js";
export { sumCounts, createResolver, type ResolvedCounts } from "./scoring/resolve.js";
export { rankScores, type Rank, type TieRule } from "./scoring/rank.js";
export { bandFor } from "./scoring/band.js";
export { scorecardToJson } from "./scoring/to-json.js";
export { scoreDataset, type Scorecard, type UnitScore, type Standing, type UnrankedReason, type ScoreOptions } from "./scoring/scorecard.js";
export { explainItem, explainUnit, planImprovements, smallestNumeratorFor, type ItemExplanation, type Gain } from "./analysis/explain.js";
export { findDataQualityIssues, JUMP_LIMITS } from "./analysis/quality.js";
export { describeFinding, type Finding, type FindingCode } from "./analysis/findings.js";
export { wilsonInterval } from "./sipas/wilson.js";
export { sipasSchemeSchema, sipasSurveySchema, type SipasSchemeDefinition, type SipasSchemeData, type SipasSurveyInput } from "./sipas/schema.js";
export {
  parseSipasScheme,
  safeParseSurveys,
  scoreSurvey,
  rankSurveys,
  sipasImprovements,
  type SipasScheme,
  type SipasSurvey,
  type SipasResult,
  type SipasItemResult,
  type SipasPartResult,
} from "./sipas/compute.js";
export { getSipasScheme, builtinSipasSchemes, sipas2017Scheme, sipas2022Scheme } from "./sipas/builtin.js";
export { parSchemeSchema, parAssessmentSchema, type ParSchemeDefinition, type ParSchemeData, type ParAssessmentInput } from "./par/schema.js";
export { parseParScheme, safeParseAssessments, scoreAssessment, rankAssessments, taskCompletion, type ParScheme, type ParLeaf, type ParAssessment, type ParResult, type ParFieldResult } from "./par/compute.js";
export { getParScheme, builtinParSchemes, parDepartmentExample, parCommuneExample } from "./par/builtin.js";
export { scoreCompanions, companionsToJson, type CompanionScores, type Ranked } from "./scoring/companions.js";
