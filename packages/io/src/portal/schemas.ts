import { z } from "zod";
import type { PortalEndpoint } from "./endpoints.js";

/**
 * The shapes of the portal's responses, as recorded (see docs/portal-format.md). Only the fields chiso
 * reads are checked strictly; the portal's display fields (`stt`, `ratio` of a block, `scoreDelta`, …)
 * are listed as known so that a field the portal adds later is reported, never silently read or lost.
 */

/** A count of dossiers, procedures or feedback: a whole number from 0. */
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A published score: the portal's already rounded points. */
const score = z.number().min(0).max(1000);
const maximum = z.number().min(0).max(1000);
const text = z.string().trim().min(1).max(500);
/** A percentage as the portal prints it (display only; checked against the counts as a stated rate). */
const percent = z.number();

export const envelopeSchema = z.object({
  code: z.string(),
  data: z.unknown(),
  message: z.string().nullish(),
});

export const paginationSchema = z.object({
  total: count,
  currentPage: count,
  pageSize: count,
  totalPages: count,
});

export const metricSchema = z.object({
  code: z.string().min(1).max(100),
  name: z.string().max(500).nullish(),
  numerator: count.nullable(),
  denominator: count.nullable(),
  ratio: percent.nullable(),
  score: score.nullable(),
  maxScore: maximum,
  dataQualityStatus: z.string().min(1).max(100).nullish(),
  dataQualityMessage: z.string().max(2000).nullish(),
});
export type PortalMetric = z.output<typeof metricSchema>;

/** `departmentType` of the recorded responses (the province, its departments, its communes). */
export const DEPARTMENT_TYPES = ["PROVINCE", "PROVINCIAL_DEPARTMENT", "COMMUNE_PEOPLE_COMMITTEE"] as const;
/** `level` / `departmentLevel`: provincial units or commune units. */
export const DEPARTMENT_LEVELS = ["PROVINCE", "COMMUNE"] as const;

const identity = {
  departmentId: text,
  departmentName: text,
  departmentCode: text.optional(),
};

/** A unit of transparency, dossier-digitized or handling-satisfaction (`overview` or `evaluation[i]`). */
export const evaluationRecordSchema = z.object({
  ...identity,
  departmentType: z.enum(DEPARTMENT_TYPES).optional(),
  departmentLevel: z.enum(DEPARTMENT_LEVELS).optional(),
  totalScore: score.nullable(),
  totalMaxScore: maximum,
  metrics: z.array(metricSchema).max(100),
  // handling-satisfaction only
  totalPetitions: count.optional(),
  classifiedPetitions: count.optional(),
  totalDossiers: count.optional(),
});
export type EvaluationRecord = z.output<typeof evaluationRecordSchema>;

const treeChild = {
  ...identity,
  departmentCode: text,
  level: z.enum(DEPARTMENT_LEVELS),
};

export const progressParentSchema = z.object({
  ...identity,
  totalReceived: count,
  totalOnTime: count,
  totalCompleted: count.optional(),
  avgProcessingDays: z.number().min(0).max(100_000),
  ratio: percent,
  totalScore: score,
  totalMaxScore: maximum,
});
export const progressChildSchema = z.object({
  ...treeChild,
  totalReceived: count,
  totalOnTime: count,
  totalOverdue: count.optional(),
  avgProcessingDays: z.number().min(0).max(100_000),
  ratio: percent,
  score,
  maxScore: maximum,
});

export const onlineParentSchema = z.object({
  ...identity,
  totalScore: score,
  totalMaxScore: maximum,
  authorityCount: count,
  partialCount: count,
  fullCount: count,
  onlineDossierCount: count,
  onlineServiceTotal: count,
  channelOnlineSum: count,
  channelDirectSum: count,
  channelPostalSum: count,
  channelTotalSum: count,
  onlineOnTimeSum: count.optional(),
  onlineOverdueSum: count.optional(),
});
export const onlineChildSchema = z.object({
  ...treeChild,
  totalScore: score,
  totalMaxScore: maximum,
});

const paymentCounts = {
  totalScore: score,
  totalMaxScore: maximum,
  totalDossierOnlinePaymentSuccess: count,
  totalDossierFinancialObligation: count,
  totalDossierOnlineFormalityPaymentSuccess: count,
  totalFeeDossierFormalityDistinct: count.optional(),
  totalFeeDossierFormality: count,
  totalFeeFormality: count,
};
export const paymentParentSchema = z.object({ ...identity, ...paymentCounts });
export const paymentChildSchema = z.object({ ...treeChild, ...paymentCounts });

export type ProgressParent = z.output<typeof progressParentSchema>;
export type ProgressChild = z.output<typeof progressChildSchema>;
export type OnlineParent = z.output<typeof onlineParentSchema>;
export type PaymentRecord = z.output<typeof paymentParentSchema>;

export const progressChartSchema = z.array(z.object({ month: z.string().regex(/^(0[1-9]|1[0-2])$/), onTimePct: z.number(), overduePct: z.number() })).max(12);
export const onlineChartSchema = z.array(z.object({ label: z.string().regex(/^(0[1-9]|1[0-2])$/), onlineDossierPct: z.number() })).max(12);

/** Which schema reads the root record (`overview` / `parent`) and the unit list of each endpoint. */
export const RECORD_SCHEMAS: Readonly<Record<PortalEndpoint, { root: z.ZodType; child: z.ZodType; rootKey: "overview" | "parent"; listKey: "evaluation" | "children" }>> = {
  transparency: { root: evaluationRecordSchema, child: evaluationRecordSchema, rootKey: "overview", listKey: "evaluation" },
  "dossier-digitized": { root: evaluationRecordSchema, child: evaluationRecordSchema, rootKey: "overview", listKey: "evaluation" },
  "handling-satisfaction": { root: evaluationRecordSchema, child: evaluationRecordSchema, rootKey: "overview", listKey: "evaluation" },
  "dvc-progress-tree": { root: progressParentSchema, child: progressChildSchema, rootKey: "parent", listKey: "children" },
  "provide-online-tree": { root: onlineParentSchema, child: onlineChildSchema, rootKey: "parent", listKey: "children" },
  "formality-online-payment-tree": { root: paymentParentSchema, child: paymentChildSchema, rootKey: "parent", listKey: "children" },
};

/**
 * Every field of the recorded responses, read or display-only, by where it appears. A field outside these
 * lists is new to chiso: reported as a warning so that nothing the portal sends is lost unnoticed.
 */
const EVALUATION_FIELDS = ["stt", "departmentId", "departmentName", "departmentCode", "departmentType", "departmentLevel", "agencyLevel", "totalScore", "totalMaxScore", "ratio", "scoreDelta", "metrics", "averageScore", "totalPetitions", "classifiedPetitions", "totalDossiers"];
export const KNOWN_FIELDS: Readonly<Record<PortalEndpoint, { data: readonly string[]; root: readonly string[]; child: readonly string[] }>> = {
  transparency: { data: ["overview", "monthlyChart", "evaluation", "pagination", "source"], root: EVALUATION_FIELDS, child: EVALUATION_FIELDS },
  "dossier-digitized": { data: ["overview", "monthlyChart", "evaluation", "pagination", "source"], root: EVALUATION_FIELDS, child: EVALUATION_FIELDS },
  "handling-satisfaction": { data: ["overview", "monthlyChart", "evaluation", "pagination", "source"], root: EVALUATION_FIELDS, child: EVALUATION_FIELDS },
  "dvc-progress-tree": {
    data: ["parent", "children", "monthlyChart"],
    root: ["departmentId", "departmentName", "departmentCode", "totalReceived", "totalOnTime", "totalCompleted", "avgProcessingDays", "ratio", "totalScore", "totalMaxScore"],
    child: ["departmentId", "departmentName", "departmentCode", "level", "totalReceived", "totalOnTime", "totalOverdue", "avgProcessingDays", "ratio", "score", "maxScore", "scoreDelta"],
  },
  "provide-online-tree": {
    data: ["parent", "children", "monthlyChart"],
    root: ["departmentId", "departmentName", "departmentCode", "totalScore", "totalMaxScore", "ratio", "authorityCount", "partialCount", "fullCount", "onlineDossierCount", "onlineServiceTotal", "channelOnlineSum", "channelDirectSum", "channelPostalSum", "channelTotalSum", "onlineOnTimeSum", "onlineOverdueSum"],
    child: ["departmentId", "departmentName", "departmentCode", "level", "totalScore", "totalMaxScore", "ratio", "scoreDelta"],
  },
  "formality-online-payment-tree": {
    data: ["parent", "children"],
    root: ["departmentId", "departmentName", "departmentCode", "totalMaxScore", "totalScore", "totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation", "totalDossierOnlineFormalityPaymentSuccess", "totalFeeDossierFormalityDistinct", "totalFeeDossierFormality", "totalFeeFormality", "ratio"],
    child: ["departmentId", "departmentName", "departmentCode", "level", "totalMaxScore", "ratio", "totalScore", "totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation", "totalDossierOnlineFormalityPaymentSuccess", "totalFeeDossierFormalityDistinct", "totalFeeDossierFormality", "totalFeeFormality", "scoreDelta"],
  },
};
export const METRIC_FIELDS: readonly string[] = ["code", "name", "numerator", "denominator", "ratio", "score", "maxScore", "dataQualityStatus", "dataQualityMessage"];
