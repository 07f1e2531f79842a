import type { Scheme } from "@chiso/core";
import { BLOCK_OF, METRIC_CODES, type PortalEndpoint } from "./endpoints.js";
import type { PortalIssue } from "./issues.js";
import type { PortalParams, PortalProblem } from "./messages.js";
import type { ResponseRecord } from "./read-response.js";
import type { RowDraft } from "./row-draft.js";
import type { EvaluationRecord, OnlineParent, PaymentRecord, PortalMetric, ProgressChild, ProgressParent } from "./schemas.js";

/** What a record's mapping needs: the scheme, the row to fill and where to report. */
export interface MapContext {
  readonly scheme: Scheme;
  /** The `formalityId` scope (`766-portal-one-procedure`). */
  readonly oneProcedure: boolean;
  readonly procedure?: string;
  readonly endpoint: PortalEndpoint;
  readonly record: ResponseRecord;
  readonly draft: RowDraft;
  report(code: PortalProblem, severity: PortalIssue["severity"], params: PortalParams, field?: string): void;
  /** Reports a problem of the whole response once (on the first record that shows it). */
  reportOnce(key: string, code: PortalProblem, params: PortalParams, field?: string): void;
}


/** Points as numbers: maxima are compared with the portal's `maxScore`. */
const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * A published score outside 0…its stated maximum cannot come from the portal's own rule: the response is
 * damaged (or edited), and its figures are not to be trusted — an error at the score, never a "difference".
 */
function checkScore(context: MapContext, score: number | null | undefined, max: number | null | undefined, field: string, code: string): void {
  if (typeof score !== "number" || typeof max !== "number") return;
  if (score < 0 || score > max + 1e-9) context.report("score_out_of_range", "error", { score, max, code }, field);
}

/**
 * The block's maximum in the scheme, checked against the portal's `totalMaxScore` (or `maxScore`).
 * Returns whether the maximum shows the response is of the other scope.
 */
function checkBlockMax(context: MapContext, block: string, portal: number, field: string): boolean {
  const { scheme } = context;
  const section = scheme.blocks.find((entry) => entry.code === block);
  if (!section) return false;
  const expected = section.maxUnits / 10 ** scheme.decimals;
  if (sameNumber(expected, portal)) return false;
  // Digitization is out of 20 in the one-procedure scope (4.5b does not apply), out of 22 otherwise.
  if (block === "DIGITIZATION" && !context.oneProcedure && sameNumber(portal, expected - 2)) {
    context.reportOnce("scope", "scope_one_procedure", { reason: `${field} = ${portal}` }, field);
    return true;
  }
  if (block === "DIGITIZATION" && context.oneProcedure && sameNumber(portal, expected + 2)) {
    context.reportOnce("scope", "scope_all_procedures", { reason: `${field} = ${portal}`, procedure: context.procedure ?? "" }, field);
    return true;
  }
  context.reportOnce(`max ${block}`, "block_max_mismatch", { block, portal, expected, scheme: scheme.id }, field);
  return false;
}

/** A ratio the portal printed, kept as the stated rate of an item so the core checks it against the counts. */
function state(context: MapContext, code: string, ratio: number | null, counts: [number, number] | null, field: string): void {
  if (ratio === null || counts === null || counts[1] === 0) return;
  if (ratio < 0 || ratio > 100) {
    context.report("ratio_out_of_range", "warning", { shown: ratio }, field);
    return;
  }
  context.draft.stated[code] = ratio;
}

/** One metric of transparency, dossier-digitized or handling-satisfaction. */
function mapMetric(context: MapContext, metric: PortalMetric, index: number): void {
  const { scheme, draft, endpoint } = context;
  const field = `metrics[${index}]`;
  const item = scheme.itemByCode.get(metric.code);
  const known = METRIC_CODES[endpoint] ?? [];
  if (!item || !known.includes(metric.code)) {
    // 4.5b is a portal metric that the one-procedure scope does not score.
    if (known.includes(metric.code) && context.oneProcedure && metric.maxScore === 0) {
      context.report("metric_not_in_scope", "warning", { code: metric.code }, `${field}.code`);
      return;
    }
    if (known.includes(metric.code) && context.oneProcedure) {
      context.reportOnce("scope", "scope_all_procedures", { reason: `${metric.code} maxScore = ${metric.maxScore}`, procedure: context.procedure ?? "" }, `${field}.maxScore`);
      return;
    }
    const expected = known.filter((code) => scheme.itemByCode.has(code));
    context.report("unknown_metric", "error", { code: metric.code, endpoint, scheme: scheme.id, known: expected.join(", ") }, `${field}.code`);
    return;
  }
  const itemMax = Number(item.max);
  if (!sameNumber(itemMax, metric.maxScore)) {
    context.reportOnce(`max ${metric.code}`, "metric_max_mismatch", { code: metric.code, portal: metric.maxScore, expected: item.max, scheme: scheme.id }, `${field}.maxScore`);
  }
  const { numerator, denominator } = metric;
  if ((numerator === null) !== (denominator === null)) {
    context.report("half_null_counts", "error", { numerator: String(numerator), denominator: String(denominator) }, field);
    return;
  }
  const counts: [number, number] | null = numerator === null ? null : [numerator, denominator!];
  draft.setCounts(metric.code, counts, context.record.at, { field, numerator: `${field}.numerator`, denominator: `${field}.denominator` });
  state(context, metric.code, metric.ratio, counts, `${field}.ratio`);
  // Tracking-only metrics (maximum 0) carry no score.
  if (itemMax > 0) {
    checkScore(context, metric.score, metric.maxScore, `${field}.score`, metric.code);
    draft.publishItem(metric.code, metric.score, context.record.at, `${field}.score`);
  }
  if (metric.dataQualityStatus) {
    draft.flags.push({ item: metric.code, code: metric.dataQualityStatus, ...(metric.dataQualityMessage && { message: metric.dataQualityMessage.normalize("NFC") }) });
  }
}

/** transparency, dossier-digitized, handling-satisfaction: metrics → items, `score` → published item, `totalScore` → published block. */
export function mapEvaluationRecord(context: MapContext): void {
  const record = context.record.value as EvaluationRecord;
  const { scheme, draft, endpoint } = context;
  const block = BLOCK_OF[endpoint];
  const otherScope = checkBlockMax(context, block, record.totalMaxScore, "totalMaxScore");
  const seen = new Map<string, number>();
  record.metrics.forEach((metric, index) => {
    const first = seen.get(metric.code);
    if (first !== undefined) {
      context.report("duplicate_metric", "error", { code: metric.code, first }, `metrics[${index}].code`);
      return;
    }
    seen.set(metric.code, index);
    mapMetric(context, metric, index);
  });
  for (const code of METRIC_CODES[endpoint] ?? []) {
    const item = scheme.itemByCode.get(code);
    // A response of the other scope lacks 4.5b: that is said once, as the scope.
    if (item && !seen.has(code) && !(otherScope && code === "CITIZEN_DATA_CONNECTED_FORMALITY")) context.report("missing_metric", "error", { code, item: item.id }, "metrics");
  }
  // One procedure: the portal makes 1.1–1.3 0/0 (methodology §1.7); procedure counts mean all procedures.
  if (endpoint === "transparency" && context.oneProcedure) {
    const counted = ["PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL"].find((code) => (draft.items[code]?.[1] ?? 0) > 0);
    if (counted) context.reportOnce("scope", "scope_all_procedures", { reason: `${counted} ${draft.items[counted]!.join("/")}`, procedure: context.procedure ?? "" }, `metrics[${seen.get(counted)}]`);
  }
  if (endpoint === "handling-satisfaction") mapFeedbackTotals(context, record);
  checkScore(context, record.totalScore, record.totalMaxScore, "totalScore", block);
  draft.publishBlock(block, record.totalScore, context.record.at, "totalScore");
}

/** 5.1: classified feedback / all feedback, from the record's own totals. */
function mapFeedbackTotals(context: MapContext, record: EvaluationRecord): void {
  const { draft } = context;
  for (const field of ["totalPetitions", "classifiedPetitions"] as const) {
    if (record[field] === undefined) context.report("missing_field", "error", { field }, field);
  }
  if (record.totalPetitions !== undefined && record.classifiedPetitions !== undefined && context.scheme.itemByCode.has("PETITION_CLASSIFICATION")) {
    draft.setCounts("PETITION_CLASSIFICATION", [record.classifiedPetitions, record.totalPetitions], context.record.at, { numerator: "classifiedPetitions", denominator: "totalPetitions" });
  }
  const receiving = draft.items.DOSSIER_RECEIVING_SATISFACTION;
  if (record.totalDossiers !== undefined && receiving && receiving[1] !== record.totalDossiers) {
    context.report("dossier_total_mismatch", "warning", { total: record.totalDossiers, denominator: receiving[1] }, "totalDossiers");
  }
}

/** dvc-progress-tree: 2.1 = totalOnTime / totalReceived; the score is item 2.1 and block 2 at once. */
export function mapProgressRecord(context: MapContext): void {
  const { draft, record } = context;
  const value = record.value as ProgressParent | ProgressChild;
  const published = "score" in value ? value.score : value.totalScore;
  const scoreField = "score" in value ? "score" : "totalScore";
  checkBlockMax(context, "TIMELINESS", "maxScore" in value ? value.maxScore : value.totalMaxScore, "maxScore" in value ? "maxScore" : "totalMaxScore");
  const counts: [number, number] = [value.totalOnTime, value.totalReceived];
  draft.setCounts("ON_TIME", counts, context.record.at, { numerator: "totalOnTime", denominator: "totalReceived" });
  state(context, "ON_TIME", value.ratio, counts, "ratio");
  checkScore(context, published, "maxScore" in value ? value.maxScore : value.totalMaxScore, scoreField, "ON_TIME");
  draft.publishItem("ON_TIME", published, context.record.at, scoreField);
  draft.publishBlock("TIMELINESS", published, context.record.at, scoreField);
  // A unit that received nothing shows 0 days: that is no average, not an average of 0.
  if (!(value.totalReceived === 0 && value.avgProcessingDays === 0)) draft.tracked.AVERAGE_PROCESSING_TIME = value.avgProcessingDays;
  if ("totalOverdue" in value && value.totalOverdue !== undefined && value.totalOverdue !== value.totalReceived - value.totalOnTime) {
    context.report("overdue_mismatch", "warning", { overdue: value.totalOverdue, received: value.totalReceived, onTime: value.totalOnTime }, "totalOverdue");
  }
}

/**
 * provide-online-tree. The province's counts give 3.1 = (partly + fully online) / procedures under its
 * authority, 3.2 = onlineDossierCount / onlineServiceTotal, 3.3 = online / all channels (reproduces its
 * published block); units carry only their block's score, kept as published.
 */
export function mapOnlineRecord(context: MapContext): void {
  const { draft, record } = context;
  const value = record.value as OnlineParent | { totalScore: number; totalMaxScore: number };
  checkBlockMax(context, "ONLINE_SERVICE", value.totalMaxScore, "totalMaxScore");
  if (record.root) {
    const parent = value as OnlineParent;
    draft.setCounts("ONLINE_SERVICE_PROVIDED", [parent.partialCount + parent.fullCount, parent.authorityCount], context.record.at, { numerator: "partialCount + fullCount", denominator: "authorityCount" });
    draft.setCounts("ONLINE_SERVICE_USED", [parent.onlineDossierCount, parent.onlineServiceTotal], context.record.at, { numerator: "onlineDossierCount", denominator: "onlineServiceTotal" });
    draft.setCounts("ONLINE_DOSSIER_SHARE", [parent.channelOnlineSum, parent.channelTotalSum], context.record.at, { numerator: "channelOnlineSum", denominator: "channelTotalSum" });
    draft.channels = { received: parent.channelTotalSum, online: parent.channelOnlineSum, direct: parent.channelDirectSum, post: parent.channelPostalSum };
    draft.note("channels", context.record.at, "channelTotalSum");
  }
  checkScore(context, value.totalScore, value.totalMaxScore, "totalScore", "ONLINE_SERVICE");
  draft.publishBlock("ONLINE_SERVICE", value.totalScore, context.record.at, "totalScore");
}

/**
 * formality-online-payment-tree: 3.6 = dossiers paid online / dossiers with a fee; 3.4 = fee-bearing
 * procedures with an online payment / fee-bearing procedures; 3.5 = totalFeeDossierFormality / fee-bearing
 * procedures. Only the block is published.
 */
export function mapPaymentRecord(context: MapContext): void {
  const { draft } = context;
  const value = context.record.value as PaymentRecord;
  checkBlockMax(context, "ONLINE_PAYMENT", value.totalMaxScore, "totalMaxScore");
  const here = context.record.at;
  draft.setCounts("ONLINE_PAYMENT_DOSSIER", [value.totalDossierOnlinePaymentSuccess, value.totalDossierFinancialObligation], here, { numerator: "totalDossierOnlinePaymentSuccess", denominator: "totalDossierFinancialObligation" });
  draft.setCounts("ONLINE_PAYMENT_FORMALITY_USED", [value.totalDossierOnlineFormalityPaymentSuccess, value.totalFeeFormality], here, { numerator: "totalDossierOnlineFormalityPaymentSuccess", denominator: "totalFeeFormality" });
  draft.setCounts("ONLINE_PAYMENT_INTEGRATED", [value.totalFeeDossierFormality, value.totalFeeFormality], here, { numerator: "totalFeeDossierFormality", denominator: "totalFeeFormality" });
  checkScore(context, value.totalScore, value.totalMaxScore, "totalScore", "ONLINE_PAYMENT");
  draft.publishBlock("ONLINE_PAYMENT", value.totalScore, context.record.at, "totalScore");
}

export const MAPPERS: Readonly<Record<PortalEndpoint, (context: MapContext) => void>> = {
  transparency: mapEvaluationRecord,
  "dossier-digitized": mapEvaluationRecord,
  "handling-satisfaction": mapEvaluationRecord,
  "dvc-progress-tree": mapProgressRecord,
  "provide-online-tree": mapOnlineRecord,
  "formality-online-payment-tree": mapPaymentRecord,
};
