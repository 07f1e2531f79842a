import { FIGURES_FORMAT, getScheme, monthsOf, parsePeriod, safeParseDataset, type FiguresFile, type Language, type Period, type Scheme, type UnitInput, type UnitLevel } from "@chiso/core";
import { BLOCK_OF, PORTAL_ENDPOINTS, type PortalEndpoint } from "./endpoints.js";
import { describePortalIssue, formatField, type PortalIssue, type PortalLocation } from "./issues.js";
import { MAPPERS, type MapContext } from "./map-records.js";
import type { PortalParams, PortalProblem } from "./messages.js";
import { checkChart } from "./period-check.js";
import { readResponse, type ReadResponse, type ResponseFile, type ResponseRecord } from "./read-response.js";
import { RowDraft } from "./row-draft.js";

export type { ResponseFile } from "./read-response.js";

/** The scheme of figures covering every procedure, and of figures filtered to one (`formalityId`). */
export const PORTAL_SCHEME_ID = "766-portal";
export const PORTAL_ONE_PROCEDURE_SCHEME_ID = "766-portal-one-procedure";
/** The system named in the figures' provenance. */
export const PORTAL_SYSTEM = "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)";
/** Largest response file accepted: a whole province's response is a few hundred KB. */
export const PORTAL_MAX_BYTES = 25 * 1024 * 1024;

export interface PortalImportOptions {
  /** The period the responses were requested for (`2026-08`, `2026-Q3`, `2026`): responses carry none. */
  readonly period: string;
  /** The procedure (`formalityId`) the responses were filtered to; absent for all procedures. */
  readonly procedure?: string;
  /** When the responses were retrieved (ISO date or time), for the provenance. */
  readonly retrievedAt?: string;
  /** Language of the provenance note (default `vi`). */
  readonly language?: Language;
  /** Largest file accepted, in bytes (default 25 MB). */
  readonly maxBytes?: number;
}

/** What one response contributed. */
export interface PortalResponseSummary {
  readonly file: string;
  readonly endpoint: PortalEndpoint;
  /** Unit records it lists besides the province (valid or not). */
  readonly units: number;
}

export interface PortalImportResult {
  /** The figures (`chiso.figures/1`), validated by the core; `null` when any error was found. */
  readonly document: FiguresFile | null;
  /** The scheme the figures are for: `766-portal` or `766-portal-one-procedure`. */
  readonly scheme: string;
  /** Every problem (errors) and every caveat (warnings), located `file › record › field`. */
  readonly issues: readonly PortalIssue[];
  /** The responses recognised, in the endpoints' order. */
  readonly responses: readonly PortalResponseSummary[];
  /** Endpoints without a response: their blocks have no data. */
  readonly missing: readonly PortalEndpoint[];
}

interface UnitEntry {
  readonly input: { id: string; name: string; level: UnitLevel; code?: string };
  /** Where it was first read, and from which endpoint, to name a conflict's other side. */
  readonly first: PortalLocation;
  readonly endpoints: Set<PortalEndpoint>;
  readonly draft: RowDraft;
}


/** chiso's level of a unit of the province, from the portal's `departmentType` and `level`/`departmentLevel`. */
function levelOf(value: Record<string, unknown>, report: (code: PortalProblem, params: PortalParams, field: string) => void): UnitLevel | null {
  const type = value.departmentType as string | undefined;
  const level = (value.level ?? value.departmentLevel) as string | undefined;
  const levelField = value.level !== undefined ? "level" : "departmentLevel";
  const byType = type === "PROVINCIAL_DEPARTMENT" ? "department" : type === "COMMUNE_PEOPLE_COMMITTEE" ? "commune" : undefined;
  const byLevel = level === "PROVINCE" ? "department" : level === "COMMUNE" ? "commune" : undefined;
  if (type === "PROVINCE") {
    report("unknown_value", { shown: JSON.stringify(type), allowed: "PROVINCIAL_DEPARTMENT, COMMUNE_PEOPLE_COMMITTEE" }, "departmentType");
    return null;
  }
  if (byType && byLevel && byType !== byLevel) {
    report("unit_conflict", { field: `departmentType / ${levelField}`, value: type!, other: levelField, otherValue: level! }, levelField);
    return null;
  }
  const found = byType ?? byLevel;
  if (!found) report("missing_field", { field: "departmentType" }, "departmentType");
  return found ?? null;
}

/**
 * Reads saved responses of the portal's six evaluation endpoints (any subset, any order, recognised from
 * their content) for one province, one period and one scope, and builds the `chiso.figures/1` document:
 * the province and its units (with the portal's codes), one row per unit with its counts exactly as
 * given (`null` kept), the published item and block scores, the data-quality flags, the average processing
 * time and the channels. Every problem is located `file › record › field`; every unit record is used or
 * reported. The document is `null` when anything is wrong.
 *
 * @example
 * const result = importPortalResponses(files, { period: "2026-08" });
 * // result.document: { format: "chiso.figures/1", scheme: "766-portal", parentCounts: "own", units: [...], figures: [...] }
 */
export function importPortalResponses(files: readonly ResponseFile[], options: PortalImportOptions): PortalImportResult {
  const oneProcedure = options.procedure !== undefined && options.procedure !== "";
  const schemeId = oneProcedure ? PORTAL_ONE_PROCEDURE_SCHEME_ID : PORTAL_SCHEME_ID;
  const issues: PortalIssue[] = [];
  const fail = (): PortalImportResult => ({ document: null, scheme: schemeId, issues, responses: [], missing: [] });
  const period = parsePeriod(options.period);
  if (!period) {
    issues.push({ code: "invalid_period", severity: "error", params: { shown: options.period } });
    return fail();
  }
  // Responses retrieved before their period began cannot be of it.
  const periodStart = `${monthsOf(period)[0]!.key}-01`;
  if (options.retrievedAt !== undefined && options.retrievedAt.slice(0, 10) < periodStart) {
    issues.push({ code: "retrieved_before_period", severity: "error", params: { retrieved: options.retrievedAt.slice(0, 10), period: period.key, start: periodStart } });
    return fail();
  }
  if (files.length === 0) {
    issues.push({ code: "no_responses", severity: "error", params: {} });
    return fail();
  }
  const scheme = getScheme(schemeId);
  const responses = readAll(files, options.maxBytes ?? PORTAL_MAX_BYTES, issues);
  // Not one file was a response: what was wrong with each is the whole story.
  if (responses.length === 0) return fail();
  const root = checkRoots(responses, issues);
  for (const response of responses) checkResponse(response, period, issues, options.retrievedAt);
  // No chart checked the months: the period stated is taken on trust, and the user is told so.
  if (!issues.some((issue) => issue.code === "chart_ignored" && issue.params.checked === "yes")) issues.push({ code: "period_unchecked", severity: "warning", params: { period: period.key } });

  const units = new Map<string, UnitEntry>();
  for (const response of responses) {
    mapResponse(response, { scheme, oneProcedure, ...(oneProcedure && { procedure: options.procedure! }), root, units, issues });
  }
  const present = new Set(responses.map((response) => response.endpoint));
  const missing = PORTAL_ENDPOINTS.filter((endpoint) => !present.has(endpoint));
  for (const endpoint of missing) issues.push({ code: "missing_endpoint", severity: "warning", params: { endpoint, block: BLOCK_OF[endpoint] } });
  for (const entry of units.values()) {
    if (entry.input.id === root?.id) continue;
    const absent = [...present].filter((endpoint) => !entry.endpoints.has(endpoint));
    if (absent.length > 0) issues.push({ unit: entry.input.name, code: "unit_not_in_all", severity: "warning", params: { endpoints: absent.join(",") } });
  }

  const document = buildDocument([...units.values()], period, scheme, responses, options);
  validateWithCore(document, scheme, [...units.values()], issues);
  const summaries = responses.map((response) => ({ file: response.file, endpoint: response.endpoint, units: response.listed }));
  const failed = issues.some((issue) => issue.severity === "error");
  return { document: failed ? null : document, scheme: schemeId, issues: saidOnce(issues), responses: summaries, missing };
}

/** One problem met by two checks (a count too large for an integer and for its range) is said once. */
function saidOnce(issues: readonly PortalIssue[]): PortalIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = describePortalIssue(issue, "en");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads every file; a file that is not a response, or a second response of an endpoint, is reported and left out. */
function readAll(files: readonly ResponseFile[], maxBytes: number, issues: PortalIssue[]): ReadResponse[] {
  const byEndpoint = new Map<PortalEndpoint, ReadResponse>();
  for (const file of files) {
    if (file.bytes.byteLength > maxBytes) {
      issues.push({ file: file.name, code: "file_too_large", severity: "error", params: { size: file.bytes.byteLength, limit: maxBytes } });
      continue;
    }
    const read = readResponse(file);
    if (!("endpoint" in read)) {
      issues.push(read);
      continue;
    }
    issues.push(...read.issues);
    const first = byEndpoint.get(read.endpoint);
    if (first) {
      issues.push({ file: file.name, code: "duplicate_endpoint", severity: "error", params: { endpoint: read.endpoint, first: first.file } });
      continue;
    }
    byEndpoint.set(read.endpoint, read);
  }
  // The endpoints' order, not the files': the same responses give the same document in any order.
  return PORTAL_ENDPOINTS.flatMap((endpoint) => (byEndpoint.has(endpoint) ? [byEndpoint.get(endpoint)!] : []));
}

interface RootUnit {
  readonly id: string;
  readonly name: string;
  readonly code?: string;
}

/** The province: every response's root must be the same unit. */
function checkRoots(responses: readonly ReadResponse[], issues: PortalIssue[]): RootUnit | null {
  let root: (RootUnit & { file: string }) | null = null;
  for (const response of responses) {
    if (!response.root) continue;
    const value = response.root.value;
    const id = value.departmentId as string;
    const name = (value.departmentName as string).normalize("NFC");
    if (value.departmentType !== undefined && value.departmentType !== "PROVINCE") {
      issues.push({ ...response.root.at, field: "departmentType", code: "root_not_province", severity: "error", params: { shown: String(value.departmentType) } });
    }
    if (!root) {
      root = { id, name, file: response.file, ...(typeof value.departmentCode === "string" && { code: value.departmentCode }) };
    } else if (root.id !== id) {
      issues.push({ ...response.root.at, field: "departmentId", code: "other_province", severity: "error", params: { id, name, firstId: root.id, firstName: root.name, first: root.file } });
    } else if (!root.code && typeof value.departmentCode === "string") {
      root = { id: root.id, name: root.name, file: root.file, code: value.departmentCode };
    }
  }
  return root;
}

/** What can be checked of a response beyond its records: its list's completeness and its period. */
function checkResponse(response: ReadResponse, period: Period, issues: PortalIssue[], retrievedAt: string | undefined): void {
  const { pagination, file } = response;
  if (pagination) {
    if (pagination.total > response.listed) issues.push({ file, record: "pagination", field: "total", code: "truncated_list", severity: "warning", params: { total: pagination.total, present: response.listed } });
    if (pagination.totalPages > 1) issues.push({ file, record: "pagination", field: "currentPage", code: "more_pages", severity: "warning", params: { page: pagination.currentPage, pages: pagination.totalPages, total: pagination.total } });
  }
  issues.push(...checkChart(response, period, retrievedAt));
}

interface MapOptions {
  readonly scheme: Scheme;
  readonly oneProcedure: boolean;
  readonly procedure?: string;
  readonly root: RootUnit | null;
  readonly units: Map<string, UnitEntry>;
  readonly issues: PortalIssue[];
}

/** Maps every valid record of a response into its unit's row, checking the unit against the other responses. */
function mapResponse(response: ReadResponse, options: MapOptions): void {
  const { root, units, issues } = options;
  const once = new Set<string>();
  const seenHere = new Map<string, string>();
  for (const record of [...(response.root ? [response.root] : []), ...response.units]) {
    const report = (code: PortalProblem, severity: PortalIssue["severity"], params: PortalParams, field?: string) => issues.push({ ...record.at, ...(field && { field }), code, severity, params });
    const value = record.value;
    const id = value.departmentId as string;
    // A response of another province was reported already; its records are not mixed in.
    if (record.root && root && id !== root.id) return;
    if (!record.root && root && id === root.id) {
      report("root_among_units", "error", {}, "departmentId");
      continue;
    }
    const first = seenHere.get(id);
    if (first !== undefined) {
      report("duplicate_unit", "error", { id, first }, "departmentId");
      continue;
    }
    seenHere.set(id, record.at.record);
    const entry = unitEntry(record, options, report);
    if (!entry) continue;
    entry.endpoints.add(response.endpoint);
    const context: MapContext = {
      scheme: options.scheme,
      oneProcedure: options.oneProcedure,
      ...(options.procedure !== undefined && { procedure: options.procedure }),
      endpoint: response.endpoint,
      record,
      draft: entry.draft,
      report,
      reportOnce: (key, code, params, field) => {
        if (once.has(key)) return;
        once.add(key);
        report(code, "error", params, field);
      },
    };
    MAPPERS[response.endpoint](context);
  }
}

/** The unit of a record: created on first sight, checked against what the other responses said of it. */
function unitEntry(record: ResponseRecord, options: MapOptions, report: (code: PortalProblem, severity: PortalIssue["severity"], params: PortalParams, field?: string) => void): UnitEntry | null {
  const { root, units } = options;
  const value = record.value;
  const id = value.departmentId as string;
  const name = (value.departmentName as string).normalize("NFC");
  const code = typeof value.departmentCode === "string" ? value.departmentCode : undefined;
  const level: UnitLevel | null = record.root ? "province" : levelOf(value, (problem, params, field) => report(problem, "error", params, field));
  if (!level) return null;
  if (!record.root && code && root?.code && !code.startsWith(`${root.code}.`)) {
    report("code_outside_province", "error", { code, root: root.code }, "departmentCode");
    return null;
  }
  const existing = units.get(id);
  if (!existing) {
    const entry: UnitEntry = { input: { id, name, level, ...(code && { code }) }, first: record.at, endpoints: new Set(), draft: new RowDraft(id) };
    units.set(id, entry);
    return entry;
  }
  const other = `${existing.first.file} › ${existing.first.record}`;
  if (existing.input.level !== level) {
    report("unit_conflict", "error", { field: "level", value: level, other, otherValue: existing.input.level }, record.root ? undefined : "level");
    return null;
  }
  if (code && existing.input.code && existing.input.code !== code) {
    report("unit_conflict", "error", { field: "departmentCode", value: code, other, otherValue: existing.input.code }, "departmentCode");
    return null;
  }
  if (code && !existing.input.code) existing.input.code = code;
  if (existing.input.name !== name) report("unit_name_differs", "warning", { value: name, other, otherValue: existing.input.name }, "departmentName");
  return existing;
}

/** The figures document: the province first, its units in the order the responses list them. */
function buildDocument(entries: readonly UnitEntry[], period: Period, scheme: Scheme, responses: readonly ReadResponse[], options: PortalImportOptions): FiguresFile {
  const root = entries.find((entry) => entry.input.level === "province");
  const units: UnitInput[] = entries.map((entry) => (entry.input.level !== "province" && root ? { ...entry.input, parent: root.input.id } : { ...entry.input }));
  const rank = (code: string) => scheme.itemByCode.get(code)?.index ?? scheme.items.length;
  const figures = entries.map((entry) => entry.draft.toFigure(period.key, rank));
  return {
    format: FIGURES_FORMAT,
    scheme: scheme.id,
    source: {
      system: PORTAL_SYSTEM,
      ...(options.procedure && { procedure: options.procedure }),
      ...(options.retrievedAt && { retrievedAt: options.retrievedAt }),
      note: provenanceNote(responses, period, options.language ?? "vi"),
      ...(truncation(responses) && { warning: truncation(responses)! }),
    },
    parentCounts: "own",
    units,
    figures,
  };
}

/**
 * Which responses the figures come from, what the user stated of them (they carry no period), and what
 * every report must say of them: the lists that were cut short.
 */
function provenanceNote(responses: readonly ReadResponse[], period: Period, language: Language): string {
  const list = responses.map((response) => `${response.endpoint} (${response.file})`).join("; ");
  const cut = responses.flatMap((response) => (response.pagination && response.pagination.total > response.listed ? [`${response.endpoint} ${response.listed}/${response.pagination.total}`] : []));
  const note = language === "vi"
    ? `Nhập từ phản hồi của API đánh giá: ${list}. Kỳ ${period.key} theo yêu cầu khi tải (phản hồi không ghi kỳ). Điểm của Cổng được giữ để đối chiếu.${cut.length > 0 ? ` Danh sách đơn vị không đầy đủ: ${cut.join(", ")}.` : ""}`
    : `Imported from the evaluation API's responses: ${list}. Period ${period.key} as requested (the responses carry no period). The portal's scores are kept for reconciliation.${cut.length > 0 ? ` Lists of units incomplete: ${cut.join(", ")}.` : ""}`;
  return note.length > 2000 ? `${note.slice(0, 1999)}…` : note;
}

/**
 * What every document made from these figures must say: the responses listed only part of the province's units,
 * so the others have no figures and ranks are among the units present. `undefined` when every list is whole.
 */
function truncation(responses: readonly ReadResponse[]): { vi: string; en: string } | undefined {
  const cut = responses.flatMap((response) => (response.pagination && response.pagination.total > response.listed ? [{ listed: response.listed, total: response.pagination.total }] : []));
  if (cut.length === 0) return undefined;
  const listed = Math.min(...cut.map((entry) => entry.listed));
  const total = Math.max(...cut.map((entry) => entry.total));
  return {
    vi: `Phản hồi của Cổng chỉ liệt kê ${listed}/${total} đơn vị: các đơn vị khác không có số liệu, thứ hạng chỉ tính trong số đơn vị có mặt.`,
    en: `The portal's responses list only ${listed} of ${total} units: the others have no figures, and ranks are among the units present.`,
  };
}

/** The core checks the document as it will check it when scored; its problems are located in the responses. */
function validateWithCore(document: FiguresFile, scheme: Scheme, entries: readonly UnitEntry[], issues: PortalIssue[]): void {
  const result = safeParseDataset(document, scheme);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const [list, index, ...rest] = issue.path;
    const entry = typeof index === "number" ? entries[index] : undefined;
    const location: PortalLocation = entry && list === "figures" ? (entry.draft.locate(rest) ?? entry.first) : entry && list === "units" ? entry.first : { field: formatField(issue.path) };
    issues.push({ ...location, code: issue.code, severity: "error", params: issue.params, core: true });
  }
}
