/**
 * @chiso/core — exact, explainable calculators for Vietnam's public-administration service indices.
 *
 * @example
 * import { getScheme, parseDataset, scoreDataset } from "@chiso/core";
 * const scheme = getScheme(); // "766-portal"
 * const card = scoreDataset(parseDataset(json, scheme), { period: "2026-03" });
 * for (const unit of card.units) console.log(unit.unit.name, unit.total?.toString(), unit.standing);
 */
export { Dec, toScaledInteger, type ScaledInteger } from "./kernel/arithmetic/decimal.js";
export { Points, sumPoints } from "./kernel/arithmetic/points.js";
export { roundQuotient, roundBigQuotient, ceilQuotient, type RoundingMode } from "./kernel/arithmetic/rational.js";
export { roundDoubleUnits, exactDouble } from "./kernel/arithmetic/double.js";
export { ChisoError, formatIssue, formatPath, type ChisoErrorCode, type Issue, type IssueCode, type IssuePath, type SafeResult } from "./kernel/errors.js";
export { describeIssue, type Language } from "./kernel/messages.js";
export { formatNumber } from "./kernel/format.js";
export { parsePeriod, monthsOf, previousPeriod, isProvisional, formatPeriod, todayInVietnam, dayAfter, type Period, type PeriodKind } from "./kernel/period.js";
export {
  schemeSchema,
  itemSchema,
  emptyDenominatorSchema,
  type SchemeDefinition,
  type SchemeData,
  type ItemDefinition,
  type EmptyDenominatorPolicy,
  type PointsRule,
} from "./index-766/scheme/schema.js";
export { bandSchema, bilingualSchema, sourceSchema, type Bilingual } from "./kernel/common-schema.js";
export { parseScheme, safeParseScheme, scoreFactors, type Scheme, type SchemeItem, type SchemeSection, type SchemeBand } from "./index-766/scheme/compile.js";
export { getScheme, builtinSchemeIds, DEFAULT_SCHEME_ID } from "./index-766/scheme/registry.js";
export {
  builtinSchemeDefinitions,
  portalScheme,
  digitization42At80Scheme,
  onlineSingleItemScheme,
  feedbackSplitScheme,
  satisfaction5526Scheme,
  oneProcedureScheme,
} from "./index-766/scheme/builtin/variants.js";
export {
  figuresFileSchema,
  evidenceSchema,
  unitLevels,
  FIGURES_FORMAT,
  MAX_TEXT_LENGTH,
  type FiguresFile,
  type UnitInput,
  type FigureInput,
  type PublishedInput,
  type EvidenceInput,
  type EvidenceDossier,
  type SourceFlag,
  type Provenance,
  type ParentCounts,
  type UnitLevel,
  type Channels,
  type Settlement,
} from "./index-766/input/schema.js";
export {
  parseDataset,
  safeParseDataset,
  figureFor,
  evidenceFor,
  hasFiguresFor,
  type Companions,
  type CompanionOptions,
  type DatasetOptions,
  type Dataset,
  type Unit,
  type Counts,
  type ReportedCounts,
  type PublishedScores,
  type Evidence,
  type FigureRow,
} from "./index-766/input/dataset.js";
export { EVIDENCE_REASONS, describeEvidenceReason, type EvidenceReason } from "./index-766/input/evidence-reasons.js";
export { scoreItem, type ItemScore, type ItemStatus, type CountsOrigin } from "./index-766/scoring/item.js";
export { pointsUnits } from "./index-766/scoring/points-rule.js";
export { scoreSections, type SectionScore } from "./index-766/scoring/sections.js";
export { reconcile, type Reconciliation, type ReconciliationStatus, type ReconciliationCause } from "./index-766/analysis/reconcile.js";
export { sumCounts, addCounts, createResolver, type ResolvedCounts } from "./index-766/scoring/resolve.js";
export { rankScores, type Rank, type TieRule } from "./kernel/rank.js";
export { bandFor } from "./index-766/scoring/band.js";
export { scorecardToJson } from "./index-766/scoring/to-json.js";
export { scoreDataset, type Scorecard, type UnitScore, type Standing, type UnrankedReason, type Completeness, type ScoreOptions } from "./index-766/scoring/scorecard.js";
export { explainItem, explainUnit, planImprovements, smallestNumeratorFor, type ItemExplanation, type Gain } from "./index-766/analysis/explain.js";
export { JUMP_LIMITS } from "./index-766/analysis/history-checks.js";
export { describeFinding, type Finding, type FindingCode } from "./index-766/analysis/findings.js";
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
export { scoreCompanions, companionsToJson, type CompanionScores, type Ranked } from "./index-766/scoring/companions.js";
