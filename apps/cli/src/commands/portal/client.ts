import { dayAfter, monthsOf, type Period } from "@chiso/core";
import type { PortalEndpoint } from "@chiso/io/portal";

/** The portal's evaluation API (samples' README): `POST <base>/<endpoint>` with a JSON body. */
export const PORTAL_API = "https://dichvucong.gov.vn/api/v1/reporting/evaluation/";
/** Enough for every unit of a province on one page (the largest have under 200). */
export const PAGE_SIZE = 200;

export interface PortalRequest {
  /** The province's `rootDepartmentId` (a UUID). */
  readonly province: string;
  readonly period: Period;
  /** One procedure's `formalityId`; absent for all procedures. */
  readonly procedure?: string;
  readonly pageSize?: number;
}

export interface ClientOptions {
  readonly baseUrl: string;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** Attempts in all (1 = no retry). */
  readonly attempts: number;
  /** Wait before the second attempt; doubled for each next one. */
  readonly retryDelayMs: number;
}

/** Why a request failed, for the message: an HTTP status, a timeout, or the network's own error. */
export class RequestFailure extends Error {
  constructor(
    readonly kind: "status" | "timeout" | "network",
    readonly detail: string | number,
    readonly attempts: number,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** `YYYY-MM-DD` of the period's first and last days (handling-satisfaction asks for dates). */
function dateRange(period: Period): { fromDate: string; toDate: string } {
  const first = monthsOf(period)[0]!;
  const fromDate = `${first.year}-${String(first.index).padStart(2, "0")}-01`;
  const next = new Date(`${dayAfter(period)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return { fromDate, toDate: next.toISOString().slice(0, 10) };
}

/**
 * The body the portal expects for an endpoint: the province and a page, the period as `timeType` with
 * `year` and `month` or `quarter` (handling-satisfaction: `fromDate`/`toDate`), and the procedure as
 * `formalityId` (`formalityID` for dossier-digitized).
 */
export function requestBody(endpoint: PortalEndpoint, request: PortalRequest): Record<string, string | number> {
  const { period } = request;
  const base = { rootDepartmentId: request.province, currentPage: 1, pageSize: request.pageSize ?? PAGE_SIZE };
  const when = endpoint === "handling-satisfaction"
    ? dateRange(period)
    : { timeType: period.kind, year: period.year, ...(period.kind === "month" && { month: period.index! }), ...(period.kind === "quarter" && { quarter: period.index! }) };
  const scope = request.procedure ? { [endpoint === "dossier-digitized" ? "formalityID" : "formalityId"]: request.procedure } : {};
  return { ...base, ...when, ...scope };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A status worth trying again: the portal overloaded or briefly down. */
const transient = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * POSTs one request and returns the response's bytes as received. Times out each attempt; retries
 * timeouts, network errors and 408/429/5xx with a doubling delay; any other status fails at once.
 */
export async function postRequest(endpoint: PortalEndpoint, request: PortalRequest, options: ClientOptions): Promise<Uint8Array> {
  const url = new URL(endpoint, options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
  let failure: RequestFailure | undefined;
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    if (attempt > 1) await sleep(options.retryDelayMs * 2 ** (attempt - 2));
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "user-agent": "chiso" },
        body: JSON.stringify(requestBody(endpoint, request)),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.ok) return bytes;
      failure = new RequestFailure("status", response.status, attempt);
      if (!transient(response.status)) throw failure;
    } catch (error) {
      if (error instanceof RequestFailure) throw error;
      const name = (error as Error).name;
      failure = name === "TimeoutError" || name === "AbortError"
        ? new RequestFailure("timeout", options.timeoutMs / 1000, attempt)
        : new RequestFailure("network", ((error as Error & { cause?: Error }).cause ?? (error as Error)).message, attempt);
    }
  }
  throw failure!;
}
