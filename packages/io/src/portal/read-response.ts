import { extname } from "node:path";
import type { z } from "zod";
import { wrongContent } from "../content.js";
import { scanJson } from "../json-scan.js";
import { decodeText } from "../text-encoding.js";
import { recogniseEndpoint, type PortalEndpoint } from "./endpoints.js";
import { fromZod, shown, type PortalIssue, type PortalLocation } from "./issues.js";
import { KNOWN_FIELDS, METRIC_FIELDS, RECORD_SCHEMAS, envelopeSchema, paginationSchema } from "./schemas.js";

/** A saved response: its file name (for messages only) and its bytes. */
export interface ResponseFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One unit record of a response, validated, with where it is. */
export interface ResponseRecord {
  /** The record as validated by its endpoint's schema. */
  readonly value: Record<string, unknown>;
  readonly at: Required<Pick<PortalLocation, "file" | "record">> & PortalLocation;
  /** `overview` / `parent`: the province. */
  readonly root: boolean;
}

/** A response recognised and read: every valid record, and every problem found on the way. */
export interface ReadResponse {
  readonly file: string;
  readonly endpoint: PortalEndpoint;
  /** The province's record; `null` when it is missing or invalid (an error says why). */
  readonly root: ResponseRecord | null;
  readonly units: readonly ResponseRecord[];
  /** How many unit records the response lists (valid or not). */
  readonly listed: number;
  readonly pagination?: z.output<typeof paginationSchema>;
  /** `monthlyChart` as given (display only; checked against the period where it can be). */
  readonly chart?: unknown;
  readonly issues: readonly PortalIssue[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** `<title>` of an HTML page, for the message. */
function htmlTitle(text: string): string {
  const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, " ").trim();
  return title ?? "";
}

/**
 * Parses one saved file into the portal's envelope and recognises its endpoint from its content.
 * Returns the problems when it is not a portal response (an HTML page, not JSON, `code` not "OK", …).
 */
function openEnvelope(file: ResponseFile): { endpoint: PortalEndpoint; data: Record<string, unknown> } | PortalIssue {
  const at = { file: file.name, severity: "error" as const };
  // What the file is, first: a workbook, a PDF or a CSV saved under the response's name is named for what it is.
  const found = wrongContent(file.bytes, "json");
  if (found === "empty") return { ...at, code: "empty_file", params: {} };
  if (found === "html" || found === "html_table") return { ...at, code: "html_page", params: { title: htmlTitle(new TextDecoder().decode(file.bytes.subarray(0, 1 << 16))) } };
  if (found) return { ...at, code: "wrong_content", params: { found, extension: extname(file.name).toLowerCase(), needs: "portal" } };
  const decoded = decodeText(file.bytes);
  if (!("text" in decoded)) return decoded.problem === "not_utf8" ? { ...at, code: "not_utf8", params: { line: decoded.line, bytes: decoded.bytes } } : { ...at, code: "not_utf8", params: { line: 1, bytes: "00" } };
  const text = decoded.text;
  // A syntax error at its line and column, in the reader's language (never the engine's English offset).
  const scan = scanJson(text);
  if (scan.error) return { ...at, code: "not_json", params: { line: scan.error.line, column: scan.error.column, expected: scan.error.expected } };
  const json: unknown = JSON.parse(text);
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || !isObject(json)) return { ...at, code: "not_envelope", params: {} };
  if (envelope.data.code !== "OK") return { ...at, field: "code", code: "portal_error", params: { code: envelope.data.code, message: envelope.data.message ?? "" } };
  const data = envelope.data.data;
  const endpoint = recogniseEndpoint(data);
  if (!endpoint || !isObject(data)) return { ...at, record: "data", code: "unknown_endpoint", params: { keys: isObject(data) ? Object.keys(data).slice(0, 12).join(", ") : shown(data) } };
  return { endpoint, data };
}

/** Fields a record has that the recorded responses never had, counted per file. */
class UnknownFields {
  private readonly seen = new Map<string, { fields: Set<string>; count: number }>();
  note(where: string, record: Record<string, unknown>, known: readonly string[]): void {
    const extra = Object.keys(record).filter((key) => !known.includes(key));
    if (extra.length === 0) return;
    const entry = this.seen.get(where) ?? { fields: new Set<string>(), count: 0 };
    for (const key of extra) entry.fields.add(key);
    entry.count += 1;
    this.seen.set(where, entry);
  }
  issues(file: string): PortalIssue[] {
    return [...this.seen].map(([record, entry]) => ({ file, record, code: "unknown_fields", severity: "warning", params: { fields: [...entry.fields].join(", "), count: entry.count } }));
  }
}

/** Validates one record with its schema; `null` (and the problems) when it is not valid. */
function readRecord(raw: unknown, schema: z.ZodType, at: ResponseRecord["at"], root: boolean, issues: PortalIssue[], unknown: UnknownFields, where: string, known: readonly string[]): ResponseRecord | null {
  if (!isObject(raw)) {
    issues.push({ ...at, code: "wrong_type", severity: "error", params: { expected: "object", shown: shown(raw) } });
    return null;
  }
  const name = typeof raw.departmentName === "string" && raw.departmentName.trim() !== "" ? raw.departmentName.trim().normalize("NFC") : undefined;
  const located = name ? { ...at, unit: name } : at;
  unknown.note(where, raw, known);
  if (Array.isArray(raw.metrics)) for (const metric of raw.metrics) if (isObject(metric)) unknown.note(`${where} › metrics[]`, metric, METRIC_FIELDS);
  const result = schema.safeParse(raw);
  if (!result.success) {
    issues.push(...fromZod(result.error.issues, raw, located));
    return null;
  }
  return { value: result.data as Record<string, unknown>, at: located, root };
}

/**
 * Reads one saved response: recognises its endpoint from its content, validates the envelope, the province's
 * record and every unit record with zod, and locates every problem `file › record › field`.
 */
export function readResponse(file: ResponseFile): ReadResponse | PortalIssue {
  const opened = openEnvelope(file);
  if (!("endpoint" in opened)) return opened;
  const { endpoint, data } = opened;
  const spec = RECORD_SCHEMAS[endpoint];
  const known = KNOWN_FIELDS[endpoint];
  const issues: PortalIssue[] = [];
  const unknown = new UnknownFields();
  unknown.note("data", data, known.data);

  let root: ResponseRecord | null = null;
  if (data[spec.rootKey] === undefined) issues.push({ file: file.name, record: "data", field: spec.rootKey, code: "missing_field", severity: "error", params: { field: spec.rootKey } });
  else root = readRecord(data[spec.rootKey], spec.root, { file: file.name, record: spec.rootKey }, true, issues, unknown, spec.rootKey, known.root);

  const list = data[spec.listKey];
  const units: ResponseRecord[] = [];
  if (!Array.isArray(list)) {
    issues.push({ file: file.name, record: "data", field: spec.listKey, ...(list === undefined ? { code: "missing_field", params: { field: spec.listKey } } : { code: "wrong_type", params: { expected: "array", shown: shown(list) } }), severity: "error" });
  } else {
    list.forEach((raw, index) => {
      const record = readRecord(raw, spec.child, { file: file.name, record: `${spec.listKey}[${index}]` }, false, issues, unknown, `${spec.listKey}[]`, known.child);
      if (record) units.push(record);
    });
  }

  let pagination: ReadResponse["pagination"];
  if (data.pagination !== undefined) {
    const parsed = paginationSchema.safeParse(data.pagination);
    if (parsed.success) pagination = parsed.data;
    else issues.push(...fromZod(parsed.error.issues, data.pagination, { file: file.name, record: "pagination" }));
  }
  issues.push(...unknown.issues(file.name));
  return {
    file: file.name,
    endpoint,
    root,
    units,
    listed: Array.isArray(list) ? list.length : 0,
    ...(pagination && { pagination }),
    ...(data.monthlyChart !== undefined && { chart: data.monthlyChart }),
    issues,
  };
}
