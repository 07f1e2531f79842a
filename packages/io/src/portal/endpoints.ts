/**
 * The six evaluation endpoints of the national public-service portal (dichvucong.gov.vn) and what each
 * one gives chiso: its block of the 766 index and the metric codes it returns.
 */
export const PORTAL_ENDPOINTS = [
  "transparency",
  "dvc-progress-tree",
  "provide-online-tree",
  "formality-online-payment-tree",
  "dossier-digitized",
  "handling-satisfaction",
] as const;

export type PortalEndpoint = (typeof PORTAL_ENDPOINTS)[number];

/** The block of the `766-portal` scheme each endpoint scores (its `totalScore`). */
export const BLOCK_OF: Readonly<Record<PortalEndpoint, string>> = {
  transparency: "TRANSPARENCY",
  "dvc-progress-tree": "TIMELINESS",
  "provide-online-tree": "ONLINE_SERVICE",
  "formality-online-payment-tree": "ONLINE_PAYMENT",
  "dossier-digitized": "DIGITIZATION",
  "handling-satisfaction": "SATISFACTION",
};

/**
 * The `metrics[].code` values of the three endpoints that list metrics. They are the scheme's own item
 * codes (methodology §1.3); the two classification metrics are tracking items 5.1a/5.1b (maximum 0).
 */
export const METRIC_CODES: Readonly<Partial<Record<PortalEndpoint, readonly string[]>>> = {
  transparency: ["PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL", "DOSSIER_SYNC"],
  "dossier-digitized": [
    "ORIGINAL_RESULT_AVAILABLE",
    "SO_HOA_GIAY_TO_GIAI_QUYET",
    "REUSED_DIGITIZED_DATA",
    "SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
    "CITIZEN_DATA_CONNECTED_DOSSIER",
    "CITIZEN_DATA_CONNECTED_FORMALITY",
    "ELECTRONIC_CERTIFIED_COPY",
  ],
  "handling-satisfaction": [
    "PETITION_CLASSIFICATION_TTHC",
    "DOSSIER_RECEIVING_SATISFACTION",
    "PETITION_PROCESSING_ON_TIME",
    "PETITION_HANDLING_SATISFACTION",
    "PETITION_CLASSIFICATION_STAFF",
  ],
};

/** Fields that only one tree endpoint's records carry: how a tree response is recognised. */
const TREE_MARKERS: Readonly<Partial<Record<PortalEndpoint, readonly string[]>>> = {
  "dvc-progress-tree": ["totalReceived", "totalOnTime", "totalOverdue", "totalCompleted", "avgProcessingDays"],
  "provide-online-tree": ["authorityCount", "partialCount", "fullCount", "onlineDossierCount", "onlineServiceTotal", "channelTotalSum"],
  "formality-online-payment-tree": ["totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation", "totalFeeFormality", "totalFeeDossierFormality"],
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Records looked at to recognise a response: its root and its first units are enough, whatever their shape. */
const SAMPLED_RECORDS = 5;

/** The record-like objects of a response's `data`: its root and its first units. */
function recordsOf(data: Record<string, unknown>, root: string, list: string): Record<string, unknown>[] {
  const records = [data[root], ...(Array.isArray(data[list]) ? data[list].slice(0, SAMPLED_RECORDS) : [])];
  return records.filter(isObject);
}

/** The endpoint of each metric code. */
const ENDPOINT_OF_METRIC = new Map(Object.entries(METRIC_CODES).flatMap(([endpoint, codes]) => codes.map((code) => [code, endpoint as PortalEndpoint] as const)));

/** The candidate with the most votes, if any got one (ties go to the first: the order is fixed). */
function mostVoted(votes: ReadonlyMap<PortalEndpoint, number>): PortalEndpoint | null {
  let best: PortalEndpoint | null = null;
  for (const [endpoint, count] of votes) if (count > 0 && (best === null || count > votes.get(best)!)) best = endpoint;
  return best;
}

/**
 * Which endpoint a response's `data` comes from, told from its content (never from a file name):
 * `overview` + `evaluation[]` with metric codes for the three evaluation endpoints, `parent` +
 * `children[]` with endpoint-specific counts for the three trees. `null` when nothing matches.
 */
export function recogniseEndpoint(data: unknown): PortalEndpoint | null {
  if (!isObject(data)) return null;
  const votes = new Map<PortalEndpoint, number>();
  if ("overview" in data || "evaluation" in data) {
    for (const record of recordsOf(data, "overview", "evaluation")) {
      if ("totalPetitions" in record) votes.set("handling-satisfaction", (votes.get("handling-satisfaction") ?? 0) + 1);
      if (!Array.isArray(record.metrics)) continue;
      for (const metric of record.metrics) {
        const endpoint = isObject(metric) && typeof metric.code === "string" ? ENDPOINT_OF_METRIC.get(metric.code) : undefined;
        if (endpoint) votes.set(endpoint, (votes.get(endpoint) ?? 0) + 1);
      }
    }
    return mostVoted(votes);
  }
  if ("parent" in data || "children" in data) {
    for (const record of recordsOf(data, "parent", "children")) {
      for (const [endpoint, markers] of Object.entries(TREE_MARKERS) as [PortalEndpoint, readonly string[]][]) {
        const hits = markers.filter((marker) => marker in record).length;
        if (hits > 0) votes.set(endpoint, (votes.get(endpoint) ?? 0) + hits);
      }
    }
    const found = mostVoted(votes);
    if (found) return found;
    // Children of provide-online-tree carry only a score; its chart is the other sign.
    const chart = Array.isArray(data.monthlyChart) ? data.monthlyChart : [];
    if (chart.some((entry) => isObject(entry) && "onlineDossierPct" in entry)) return "provide-online-tree";
  }
  return null;
}
