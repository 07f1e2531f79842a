import { join } from "node:path";
import { todayInVietnam, type Language, type Period } from "@chiso/core";
import { PORTAL_ENDPOINTS, describePortalIssue, importPortalResponses, type PortalEndpoint } from "@chiso/io/portal";
import { requireString, type Command } from "../../args.js";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { writeFilesAtomically } from "../../output/atomic.js";
import { periodOf } from "../shared.js";
import { PAGE_SIZE, PORTAL_API, RequestFailure, postRequest, type ClientOptions, type PortalRequest } from "./client.js";
import { REQUEST_OPTIONS } from "./import.js";
import { portalMessages } from "./messages.js";
import { badValue } from "../../option-values.js";

/** The file a response is saved as: endpoint, period and scope, so several can share a folder. */
export function responseFileName(endpoint: PortalEndpoint, period: Period, procedure?: string): string {
  const scope = procedure ? `thu-tuc-${procedure.replace(/[^\w.-]+/g, "_")}` : "tat-ca";
  return `${endpoint}.${period.key}.${scope}.json`;
}

function positiveNumber(value: unknown, name: "timeout" | "retries", fallback: number, language: Language): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!(number > 0) || !Number.isFinite(number)) throw badValue(`--${name}`, value, name === "timeout" ? "seconds" : "count", language);
  return number;
}

/** How many units a response lists against how many its pagination says exist. */
function listedUnits(bytes: Uint8Array): { listed: number; total: number } | null {
  try {
    const data = (JSON.parse(new TextDecoder().decode(bytes)) as { data?: { evaluation?: unknown[]; pagination?: { total?: unknown } } }).data;
    const total = data?.pagination?.total;
    return Array.isArray(data?.evaluation) && typeof total === "number" ? { listed: data.evaluation.length, total } : null;
  } catch {
    return null;
  }
}

/** One endpoint's response, fetched whole: asked again with a page as large as the list when it was cut. */
async function fetchEndpoint(endpoint: PortalEndpoint, request: PortalRequest, client: ClientOptions, language: Language, stderr: (text: string) => void): Promise<Uint8Array> {
  const messages = portalMessages(language);
  const get = async (pageSize: number) => {
    try {
      return await postRequest(endpoint, { ...request, pageSize }, client);
    } catch (error) {
      if (!(error instanceof RequestFailure)) throw error;
      const reason = error.kind === "status" ? messages.httpStatus(Number(error.detail)) : error.kind === "timeout" ? messages.timedOut(Number(error.detail)) : String(error.detail);
      throw new CliError(messages.fetchFailed(endpoint, error.attempts > 1 ? messages.attempts(error.attempts, reason) : reason), EXIT.failure, { cause: error });
    }
  };
  let bytes = await get(PAGE_SIZE);
  const counted = listedUnits(bytes);
  if (counted && counted.total > counted.listed && counted.total > PAGE_SIZE) {
    bytes = await get(counted.total);
    const again = listedUnits(bytes);
    if (again && again.total > again.listed) stderr(messages.truncated(endpoint, again.total, again.listed));
  }
  return bytes;
}

/** `chiso portal fetch`: the six responses of a province for a period, saved as the portal sent them. */
export const fetchCommand: Command = {
  name: "portal fetch",
  usage: "chiso portal fetch --province <rootDepartmentId> --period <2026-08|2026-Q3|2026> [--procedure <id>] --out <folder>",
  summary: {
    vi: "Tải sáu phản hồi đánh giá của một tỉnh cho một kỳ từ Cổng DVCQG và lưu nguyên văn (mỗi phản hồi được kiểm tra trước khi lưu; lỗi thì không lưu tệp nào).",
    en: "Download a province's six evaluation responses for a period from the portal and save them as sent (each is checked before saving; on any failure nothing is saved).",
  },
  options: {
    province: { type: "string", placeholder: "uuid", description: { vi: "rootDepartmentId của tỉnh trên Cổng DVCQG", en: "the province's rootDepartmentId on the portal" } },
    ...REQUEST_OPTIONS,
    out: { type: "string", short: "o", placeholder: "folder", description: { vi: "thư mục lưu phản hồi", en: "folder to save the responses in" } },
    timeout: { type: "string", placeholder: "seconds", description: { vi: "thời gian chờ mỗi lần gọi, giây (mặc định 60)", en: "time allowed per request, seconds (default 60)" } },
    retries: { type: "string", placeholder: "n", description: { vi: "số lần thử mỗi API khi Cổng lỗi tạm thời (mặc định 3)", en: "attempts per endpoint when the portal fails transiently (default 3)" } },
    "base-url": { type: "string", placeholder: "url", description: { vi: `địa chỉ API (mặc định ${PORTAL_API})`, en: `API address (default ${PORTAL_API})` } },
  },
  async run(context) {
    const { language, values } = context;
    const messages = portalMessages(language);
    const province = requireString(values, "province", language);
    const period = periodOf(context);
    const out = requireString(values, "out", language);
    const procedure = typeof values.procedure === "string" && values.procedure !== "" ? values.procedure : undefined;
    const client: ClientOptions = {
      baseUrl: typeof values["base-url"] === "string" ? values["base-url"] : PORTAL_API,
      timeoutMs: positiveNumber(values.timeout, "timeout", 60, language) * 1000,
      attempts: Math.round(positiveNumber(values.retries, "retries", 3, language)),
      retryDelayMs: 1000,
    };
    const request: PortalRequest = { province, period, ...(procedure && { procedure }) };
    const saved: { name: string; bytes: Uint8Array }[] = [];
    for (const endpoint of PORTAL_ENDPOINTS) {
      const bytes = await fetchEndpoint(endpoint, request, client, language, context.stderr);
      const name = responseFileName(endpoint, period, procedure);
      // Checked as `portal import` will read it: a login page or an error answer is not saved.
      // Retrieved today: a period still running needs figures only for its months begun.
      const check = importPortalResponses([{ name, bytes }], { period: period.key, retrievedAt: todayInVietnam(), ...(procedure && { procedure }) });
      const problem = check.issues.find((issue) => issue.severity === "error");
      if (problem) throw new CliError(messages.badResponse(endpoint, describePortalIssue(problem, language).replace(/\.$/, "")), EXIT.invalidInput);
      const got = check.responses[0]?.endpoint;
      if (got !== endpoint) throw new CliError(messages.badResponse(endpoint, messages.wrongEndpoint(String(got))), EXIT.invalidInput);
      saved.push({ name, bytes });
    }
    // File by file, not as a pack: the folder may hold other periods' responses, which must stay.
    await writeFilesAtomically(saved.map((file) => ({ path: join(out, file.name), data: file.bytes })), language);
    context.stdout(messages.fetched(saved.length, out));
    const files = saved.map((file) => `${out}/${file.name}`).join(" ");
    context.stdout(`chiso portal import --period ${period.key}${procedure ? ` --procedure ${procedure}` : ""} --retrieved-at ${todayInVietnam()} --out <so-lieu.json> ${files}`);
  },
};
