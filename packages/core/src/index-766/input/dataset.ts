import type { z } from "zod";
import { ChisoError, type Issue, type IssuePath, type SafeResult } from "../../kernel/errors.js";
import { monthsOf, parsePeriod, type Period } from "../../kernel/period.js";
import { fromZodIssues } from "../../kernel/zod-issues.js";
import { getParScheme } from "../../par/builtin.js";
import { safeParseAssessments, type ParAssessment, type ParScheme } from "../../par/compute.js";
import { getSipasScheme } from "../../sipas/builtin.js";
import { safeParseSurveys, type SipasScheme, type SipasSurvey } from "../../sipas/compute.js";
import type { Scheme, SchemeItem } from "../scheme/compile.js";
import { isPlainObject, recordKeys } from "./records.js";
import { StoredRow, type RowExtras } from "./row.js";
import { COUNTS, TableBuilder, attachTable, layoutUnits, rowFlagsOf, type DatasetTable } from "./table.js";
import {
  FIGURES_FORMAT,
  evidenceSchema,
  figureSchema,
  figuresFileSchema,
  itemCountsSchema,
  parentCountsSchema,
  provenanceSchema,
  publishedScoreSchema,
  unitSchema,
  type Channels,
  type EvidenceDossier,
  type ParentCounts,
  type Provenance,
  type Settlement,
  type SourceFlag,
  type UnitLevel,
  MAX_TEXT_LENGTH,
} from "./schema.js";

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parent?: string;
  /** The source system's own code (the portal's `H44.01`). */
  readonly code?: string;
}

/** An item's integer counts. */
export interface Counts {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * An item's counts in a row: `Counts`; `null` when the source returned the item without counts (its
 * empty-denominator rule applies); `undefined` when the row does not report it ("no data").
 */
export type ReportedCounts = Counts | null | undefined;

/** Scores a source published for a row, exact decimal text by code (`null`: the source printed none). */
export interface PublishedScores {
  readonly items: ReadonlyMap<string, string | null>;
  readonly blocks: ReadonlyMap<string, string | null>;
  readonly total?: string | null;
}

/** One unit's figures for one period, validated; `counts` is indexed like `scheme.items`. */
export interface FigureRow {
  readonly unit: string;
  readonly period: Period;
  readonly counts: readonly ReportedCounts[];
  readonly channels?: Channels;
  readonly settlement?: Settlement;
  readonly stated?: Readonly<Record<string, number>>;
  readonly tracked?: Readonly<Record<string, number>>;
  readonly published?: PublishedScores;
  readonly flags?: readonly SourceFlag[];
  /** Where the row came from, for messages: `figures[12]`, or the caller's own location ("so-lieu.xlsx › Số liệu › dòng 14"). */
  readonly source: IssuePath;
  /** The row's position in the input's `figures` list. */
  readonly index: number;
}

/** The dossiers behind one unit's lost points on one item in one period. */
export interface Evidence {
  readonly unit: string;
  readonly period: string;
  readonly item: string;
  readonly count: number;
  readonly dossiers: readonly EvidenceDossier[];
}

/** SIPAS surveys and PAR assessments that come with the 766 figures, validated with their own schemes. */
export interface Companions {
  readonly sipasScheme: SipasScheme;
  readonly surveys: readonly SipasSurvey[];
  /** The PAR tree used for each level's units. */
  readonly parSchemes: Readonly<Partial<Record<UnitLevel, ParScheme>>>;
  readonly assessments: readonly ParAssessment[];
}

/** A validated set of units and their figures, scored with one scheme. */
export interface Dataset {
  readonly scheme: Scheme;
  readonly companions: Companions;
  readonly units: readonly Unit[];
  readonly unitById: ReadonlyMap<string, Unit>;
  readonly childrenOf: ReadonlyMap<string, readonly Unit[]>;
  readonly figures: readonly FigureRow[];
  /** Rows by period key, then by unit id. */
  readonly figuresByPeriod: ReadonlyMap<string, ReadonlyMap<string, FigureRow>>;
  /** How a parent's dossier counts are found (`sum` of its children, or its `own` where reported). */
  readonly parentCounts: ParentCounts;
  /** The scheme id the file declares it was prepared for, if any. */
  readonly declaredScheme?: string;
  readonly provenance?: Provenance;
  /** The dossiers behind lost points, by `period/unit/item`. */
  readonly evidence: ReadonlyMap<string, Evidence>;
}

/** A unit's own figures for a period, if it reported any. */
export function figureFor(dataset: Dataset, unitId: string, periodKey: string): FigureRow | undefined {
  return dataset.figuresByPeriod.get(periodKey)?.get(unitId);
}

/** The dossiers behind a unit's lost points on an item in a period, if the input carries them. */
export function evidenceFor(dataset: Dataset, unitId: string, periodKey: string, itemCode: string): Evidence | undefined {
  return dataset.evidence.get(`${periodKey}/${unitId}/${itemCode}`);
}

export interface CompanionOptions {
  /** Default: sipas-2022. */
  readonly sipasScheme?: SipasScheme;
  /** Default: the example trees, par-department-example and par-commune-example. */
  readonly parSchemes?: Partial<Record<UnitLevel, ParScheme>>;
}

export interface DatasetOptions extends CompanionOptions {
  /**
   * A readable location for each element of `figures` (e.g. "so-lieu.xlsx › Số liệu › dòng 14"), used as the
   * rows' `source` instead of `figures[i]` — for callers that build the document from another file.
   */
  readonly sources?: readonly string[];
}

/**
 * Validates a `chiso.figures/1` document against a scheme and collects every problem in one pass:
 * the document's shape and unknown fields, wrong types, negative or fractional counts, a numerator above
 * its denominator, unknown item codes, unknown units, duplicate unit-periods, missing parents, parent
 * cycles, counts too large to add exactly, and the SIPAS, PAR and evidence lists.
 *
 * @throws {ChisoError} `INVALID_INPUT` listing every issue with a readable path.
 * @example
 * const dataset = parseDataset(JSON.parse(text), getScheme());
 */
export function parseDataset(input: unknown, scheme: Scheme, options: DatasetOptions = {}): Dataset {
  const result = safeParseDataset(input, scheme, options);
  if (!result.success) throw result.error;
  return result.data;
}

/** Like {@link parseDataset}, returning the problems instead of throwing. */
export function safeParseDataset(input: unknown, scheme: Scheme, options: DatasetOptions = {}): SafeResult<Dataset> {
  const issues: Issue[] = [];
  const document = readEnvelope(input, issues);
  const units = parseEach(document.units, unitSchema, "units", issues);
  const figureInputs = parseEach(document.figures, figureSchema, "figures", issues, simpleFigure);

  const { unitById, childrenOf } = buildHierarchy(units, issues);
  const table = new TableBuilder(layoutUnits([...unitById.values()]), scheme.items.length, figureInputs.length);
  const context = rowContext(scheme, unitById, table);
  const figures: FigureRow[] = [];
  const figuresByPeriod = new Map<string, Map<string, FigureRow>>();
  const firstIndex = new Map<string, number>();
  for (const { value: figure, index } of figureInputs) {
    const path = ["figures", index] as const;
    // Duplicates are judged on the row's unit and period alone, so a second row is reported even when
    // the first one has problems of its own.
    const periodKey = context.period(figure.period)?.key;
    const key = `${periodKey}/${figure.unit}`;
    const first = periodKey === undefined ? undefined : firstIndex.get(key);
    if (first !== undefined) {
      issues.push({ code: "duplicate_unit_period", path: [...path], params: { unit: figure.unit, period: periodKey!, first: options.sources?.[first] ?? `figures[${first}]` } });
    } else if (periodKey !== undefined) firstIndex.set(key, index);
    const row = readRow(figure, index, path, options.sources?.[index], context, issues);
    if (!row || first !== undefined) {
      table.discard();
      continue;
    }
    table.commit(row.unit, row.period.key, rowFlagsOf(row));
    figures.push(row);
    let rowsOfPeriod = figuresByPeriod.get(row.period.key);
    if (!rowsOfPeriod) figuresByPeriod.set(row.period.key, (rowsOfPeriod = new Map()));
    rowsOfPeriod.set(row.unit, row);
  }
  const built = table.build();
  issues.push(...checkSums(figures, built, scheme));

  const companions = parseCompanions(document.surveys, document.par, unitById, options, issues);
  const evidence = parseEvidence(document.evidence, scheme, unitById, issues);
  if (issues.length > 0) return { success: false, error: new ChisoError("INVALID_INPUT", issues) };
  const dataset: Dataset = {
    scheme,
    companions,
    units: [...unitById.values()],
    unitById,
    childrenOf,
    figures,
    figuresByPeriod,
    parentCounts: document.parentCounts ?? "sum",
    ...(document.scheme !== undefined && { declaredScheme: document.scheme }),
    ...(document.source !== undefined && { provenance: document.source }),
    evidence,
  };
  attachTable(dataset, built);
  return { success: true, data: dataset };
}

interface Envelope {
  readonly units: readonly unknown[];
  readonly figures: readonly unknown[];
  readonly surveys: readonly unknown[];
  readonly par: readonly unknown[];
  readonly evidence: readonly unknown[];
  readonly scheme?: string;
  readonly source?: Provenance;
  readonly parentCounts?: ParentCounts;
}

const TOP_LEVEL_KEYS = Object.keys(figuresFileSchema.shape);

/**
 * Reads the document's top level field by field, so that a wrong field is reported and the rest is
 * still checked: one pass finds every problem.
 */
function readEnvelope(input: unknown, issues: Issue[]): Envelope {
  const empty: Envelope = { units: [], figures: [], surveys: [], par: [], evidence: [] };
  if (!isPlainObject(input)) {
    issues.push({ code: "invalid_type", path: [], params: { expected: "object", received: describeShape(input) } });
    return empty;
  }
  for (const key of Object.keys(input)) {
    if (!TOP_LEVEL_KEYS.includes(key)) issues.push({ code: "unrecognized_key", path: [key], params: { key } });
  }
  const list = (key: "units" | "figures" | "surveys" | "par" | "evidence", required: boolean): readonly unknown[] => {
    const value = input[key];
    if (value === undefined && !required) return [];
    if (Array.isArray(value)) return value;
    issues.push(value === undefined ? { code: "required", path: [key], params: {} } : { code: "invalid_type", path: [key], params: { expected: "array", received: describeShape(value) } });
    return [];
  };
  const field = <T extends z.ZodType>(key: string, schema: T): z.output<T> | undefined => {
    if (input[key] === undefined) return undefined;
    const result = schema.safeParse(input[key], { reportInput: true });
    if (result.success) return result.data;
    if (key === "format") issues.push({ code: "unknown_format", path: ["format"], params: { received: String(input[key]), expected: FIGURES_FORMAT } });
    else issues.push(...fromZodIssues(result.error.issues, [key]));
    return undefined;
  };
  field("$schema", figuresFileSchema.shape.$schema);
  field("format", figuresFileSchema.shape.format);
  const scheme = field("scheme", figuresFileSchema.shape.scheme);
  const source = field("source", provenanceSchema);
  const parentCounts = field("parentCounts", parentCountsSchema);
  return {
    units: list("units", true),
    figures: list("figures", true),
    surveys: list("surveys", false),
    par: list("par", false),
    evidence: list("evidence", false),
    ...(scheme !== undefined && { scheme }),
    ...(source !== undefined && { source }),
    ...(parentCounts !== undefined && { parentCounts }),
  };
}

function describeShape(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

const ALLOWED_PARENTS: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = { province: [], department: ["province", "department"], commune: ["province"] };

function buildHierarchy(units: readonly { value: z.output<typeof unitSchema>; index: number }[], issues: Issue[]) {
  const unitById = new Map<string, Unit>();
  const unitIndex = new Map<string, number>();
  for (const { value: unit, index } of units) {
    const first = unitIndex.get(unit.id);
    if (first !== undefined) {
      issues.push({ code: "duplicate_unit", path: ["units", index, "id"], params: { unit: unit.id, first: `units[${first}]` } });
      continue;
    }
    unitIndex.set(unit.id, index);
    unitById.set(unit.id, {
      id: unit.id,
      name: unit.name,
      level: unit.level,
      ...(unit.parent !== undefined && { parent: unit.parent }),
      ...(unit.code !== undefined && { code: unit.code }),
    });
  }
  const childrenOf = new Map<string, Unit[]>();
  for (const unit of unitById.values()) {
    if (unit.parent === undefined) continue;
    if (!unitById.has(unit.parent)) {
      issues.push({ code: "missing_parent", path: ["units", unitIndex.get(unit.id)!, "parent"], params: { unit: unit.id, parent: unit.parent } });
      continue;
    }
    // A province belongs to nothing; a commune to its province; a department to its province (or, for a
    // sub-department such as a chi cục, to a department).
    const parent = unitById.get(unit.parent)!;
    if (!ALLOWED_PARENTS[unit.level].includes(parent.level)) {
      issues.push({ code: "parent_level", path: ["units", unitIndex.get(unit.id)!, "parent"], params: { unit: unit.id, level: unit.level, parent: parent.id, parentLevel: parent.level } });
      continue;
    }
    const siblings = childrenOf.get(unit.parent);
    if (siblings) siblings.push(unit);
    else childrenOf.set(unit.parent, [unit]);
  }
  issues.push(...findCycles(unitById, unitIndex));
  return { unitById, childrenOf };
}

/** Validates one row's keyed parts and builds it; `undefined` when it cannot be used (issues recorded). */
function readRow(
  figure: z.output<typeof figureSchema>,
  index: number,
  path: IssuePath,
  sourceLabel: string | undefined,
  context: RowContext,
  issues: Issue[],
): FigureRow | undefined {
  const { scheme, unitById, table } = context;
  const before = issues.length;
  const period = context.period(figure.period);
  if (!period) issues.push({ code: "invalid_period", path: [...path, "period"], params: { received: figure.period } });
  if (!unitById.has(figure.unit)) issues.push({ code: "unknown_unit", path: [...path, "unit"], params: { unit: figure.unit } });
  const items = figure.items as Record<string, unknown>;
  for (const code of recordKeys(items, () => [...path, "items"], issues, true) ?? []) {
    const item = scheme.itemByCode.get(code);
    if (!item) {
      issues.push({ code: "unknown_item", path: [...path, "items", code], params: { item: code, scheme: scheme.id } });
      continue;
    }
    const raw = items[code];
    if (Array.isArray(raw) && raw.length === 2 && isCount(raw[0]) && isCount(raw[1])) {
      // The common `[n, d]` form, checked directly.
      if (raw[0] > raw[1]) issues.push(aboveDenominator(path, item, raw[0], raw[1]));
      table.setCounts(item.index, raw[0], raw[1]);
      continue;
    }
    const value = readCounts(raw, () => [...path, "items", code], issues);
    if (value === undefined) continue;
    if (value === null) table.setNull(item.index);
    else {
      if (value.numerator > value.denominator) issues.push(aboveDenominator(path, item, value.numerator, value.denominator));
      table.setCounts(item.index, value.numerator, value.denominator);
    }
  }
  const extras = readExtras(figure, path, scheme, issues);
  if (!period || issues.length > before) return undefined;
  return new StoredRow(figure.unit, period, sourceLabel === undefined ? path : [sourceLabel], index, table.store, table.nextRow, extras);
}

/** What validating rows needs, shared by all rows (and a cache of parsed periods: rows repeat a handful). */
interface RowContext {
  readonly scheme: Scheme;
  readonly unitById: ReadonlyMap<string, Unit>;
  readonly table: TableBuilder;
  period(text: string): Period | null;
}

function rowContext(scheme: Scheme, unitById: ReadonlyMap<string, Unit>, table: TableBuilder): RowContext {
  const periods = new Map<string, Period | null>();
  return {
    scheme,
    unitById,
    table,
    period(text) {
      let period = periods.get(text);
      if (period === undefined) periods.set(text, (period = parsePeriod(text)));
      return period;
    },
  };
}

function aboveDenominator(path: IssuePath, item: SchemeItem, numerator: number, denominator: number): Issue {
  return { code: "numerator_above_denominator", path: [...path, "items", item.code, "numerator"], params: { ...itemLabel(item), numerator, denominator } };
}

/** The row's parts besides its counts, validated; `undefined` for the usual row that has none. */
function readExtras(figure: z.output<typeof figureSchema>, path: IssuePath, scheme: Scheme, issues: Issue[]): RowExtras | undefined {
  if (figure.channels === undefined && figure.settlement === undefined && figure.stated === undefined && figure.tracked === undefined && figure.published === undefined && figure.flags === undefined) return undefined;
  const stated = numberRecord(figure.stated, [...path, "stated"], issues, (code) => scheme.itemByCode.has(code), scheme, { min: 0, max: 100 });
  const tracked = numberRecord(figure.tracked, [...path, "tracked"], issues, (code) => scheme.trackedCodes.has(code), scheme, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE });
  const published = figure.published ? readPublished(figure.published, [...path, "published"], scheme, issues) : undefined;
  for (const [position, flag] of (figure.flags ?? []).entries()) {
    if (flag.item !== undefined && !scheme.itemByCode.has(flag.item)) issues.push({ code: "unknown_item", path: [...path, "flags", position, "item"], params: { item: flag.item, scheme: scheme.id } });
  }
  return {
    ...(figure.channels && { channels: figure.channels }),
    ...(figure.settlement && { settlement: figure.settlement }),
    ...(stated && { stated }),
    ...(tracked && { tracked }),
    ...(published && { published }),
    ...(figure.flags && figure.flags.length > 0 && { flags: figure.flags }),
  };
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** An item's counts in any accepted form, through the schema, which also explains what is wrong. `undefined` when invalid (issues recorded). */
function readCounts(raw: unknown, path: () => IssuePath, issues: Issue[]): Counts | null | undefined {
  const parsed = itemCountsSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  issues.push(...fromZodIssues(parsed.error.issues, path()));
  return undefined;
}

/** A record of numbers keyed by known codes (stated rates, tracked values). */
function numberRecord(
  value: unknown,
  path: IssuePath,
  issues: Issue[],
  known: (code: string) => boolean,
  scheme: Scheme,
  range: { min: number; max: number },
): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  const record: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const code of recordKeys(value, () => path, issues, false) ?? []) {
    const raw = (value as Record<string, unknown>)[code];
    if (!known(code)) {
      issues.push({ code: "unknown_item", path: [...path, code], params: { item: code, scheme: scheme.id } });
      continue;
    }
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      issues.push({ code: "invalid_type", path: [...path, code], params: { expected: "number", received: describeShape(raw) } });
      continue;
    }
    if (raw < range.min || raw > range.max) {
      issues.push({ code: raw < range.min ? "too_small" : "too_large", path: [...path, code], params: { received: raw, minimum: range.min, maximum: range.max, inclusive: 1 } });
      continue;
    }
    record[code] = raw;
  }
  return { ...record };
}

function readPublished(published: { items?: unknown; blocks?: unknown; total?: number | string | null | undefined }, path: IssuePath, scheme: Scheme, issues: Issue[]): PublishedScores {
  const scores = (value: unknown, key: "items" | "blocks", known: (code: string) => boolean): Map<string, string | null> => {
    const map = new Map<string, string | null>();
    if (value === undefined) return map;
    for (const code of recordKeys(value, () => [...path, key], issues, false) ?? []) {
      const raw = (value as Record<string, unknown>)[code];
      if (!known(code)) {
        issues.push({ code: key === "items" ? "unknown_item" : "unknown_block", path: [...path, key, code], params: { item: code, block: code, scheme: scheme.id } });
        continue;
      }
      const parsed = publishedScoreSchema.safeParse(raw, { reportInput: true });
      if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, [...path, key, code]));
      else map.set(code, parsed.data === null ? null : decimalText(parsed.data));
    }
    return map;
  };
  return {
    items: scores(published.items, "items", (code) => scheme.itemByCode.has(code)),
    blocks: scores(published.blocks, "blocks", (code) => scheme.blocks.some((block) => block.code === code)),
    ...(published.total !== undefined && { total: published.total === null ? null : decimalText(published.total) }),
  };
}

/** A published score as exact decimal text: numbers from JSON are read as the shortest decimal that prints them. */
function decimalText(value: number | string): string {
  return typeof value === "number" ? String(value) : value;
}

/**
 * Rejects counts whose roll-ups could exceed 2^53 − 1: every sum chiso forms (a parent, a quarter, a year)
 * is at most the sum of all rows of an item, so bounding that keeps all arithmetic exact on safe integers.
 */
function checkSums(figures: readonly FigureRow[], table: DatasetTable, scheme: Scheme): Issue[] {
  const issues: Issue[] = [];
  const items = scheme.items.length;
  for (const item of scheme.items) {
    let total = 0;
    for (let row = 0; row < figures.length; row += 1) {
      const at = row * items + item.index;
      if (table.state[at] !== COUNTS) continue;
      total += table.denominators[at]!;
      if (Number.isSafeInteger(total)) continue;
      issues.push({ code: "sum_too_large", path: [...figures[row]!.source, "items", item.code, "denominator"], params: { ...itemLabel(item), maximum: Number.MAX_SAFE_INTEGER } });
      break;
    }
  }
  return issues;
}

function parseCompanions(surveysInput: readonly unknown[], parInput: readonly unknown[], unitById: ReadonlyMap<string, Unit>, options: CompanionOptions, issues: Issue[]): Companions {
  const sipasScheme = options.sipasScheme ?? getSipasScheme();
  const parSchemes = options.parSchemes ?? { department: getParScheme("par-department-example"), commune: getParScheme("par-commune-example") };
  const surveys = safeParseSurveys(surveysInput, sipasScheme, ["surveys"]);
  if (!surveys.success) issues.push(...surveys.error.issues);
  const assessments: ParAssessment[] = [];
  parInput.forEach((raw, index) => {
    const unitId = (raw as { unit?: unknown } | null)?.unit;
    const level = typeof unitId === "string" ? unitById.get(unitId)?.level : undefined;
    const parScheme = level ? parSchemes[level] : undefined;
    if (!parScheme) {
      issues.push(typeof unitId === "string" && !level ? { code: "unknown_unit", path: ["par", index, "unit"], params: { unit: unitId } } : { code: "invalid_value", path: ["par", index, "unit"], params: { detail: String(unitId), allowed: Object.keys(parSchemes).join(", ") } });
      return;
    }
    const parsed = safeParseAssessments([raw], parScheme, ["par"]);
    if (parsed.success) assessments.push(...parsed.data);
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: ["par", index, ...issue.path.slice(2)] })));
  });
  for (const [list, entries] of [["surveys", surveys.success ? surveys.data : []], ["par", assessments]] as const) {
    entries.forEach((entry, index) => {
      if (!unitById.has(entry.unit)) issues.push({ code: "unknown_unit", path: [list, index, "unit"], params: { unit: entry.unit } });
    });
  }
  return { sipasScheme, surveys: surveys.success ? surveys.data : [], parSchemes, assessments };
}

function parseEvidence(entries: readonly unknown[], scheme: Scheme, unitById: ReadonlyMap<string, Unit>, issues: Issue[]): Map<string, Evidence> {
  const evidence = new Map<string, Evidence>();
  for (const { value: entry, index } of parseEach(entries, evidenceSchema, "evidence", issues)) {
    const path = ["evidence", index] as const;
    const period = parsePeriod(entry.period);
    if (!period) issues.push({ code: "invalid_period", path: [...path, "period"], params: { received: entry.period } });
    if (!unitById.has(entry.unit)) issues.push({ code: "unknown_unit", path: [...path, "unit"], params: { unit: entry.unit } });
    if (!scheme.itemByCode.has(entry.item)) issues.push({ code: "unknown_item", path: [...path, "item"], params: { item: entry.item, scheme: scheme.id } });
    if (entry.count < entry.dossiers.length) issues.push({ code: "too_small", path: [...path, "count"], params: { received: entry.count, minimum: entry.dossiers.length, inclusive: 1 } });
    if (!period) continue;
    const key = `${period.key}/${entry.unit}/${entry.item}`;
    if (evidence.has(key)) issues.push({ code: "duplicate_unit_period", path: [...path], params: { unit: entry.unit, period: `${period.key} (${entry.item})`, first: "evidence" } });
    else evidence.set(key, { ...entry, period: period.key });
  }
  return evidence;
}

/** How messages name an item: its code, and its number and name ("3.3 Tỷ lệ hồ sơ trực tuyến") in each language. */
function itemLabel(item: SchemeItem): { item: string; itemVi: string; itemEn: string } {
  return { item: item.code, itemVi: `${item.id} ${item.name.vi}`, itemEn: `${item.id} ${item.name.en}` };
}

/**
 * The usual row — `{ unit, period, items }` with plain strings — read without the schema (a national year has
 * 40,000 of them); anything else, or anything wrong, goes through the schema, which explains it.
 */
function simpleFigure(value: unknown): z.output<typeof figureSchema> | undefined {
  if (!isPlainObject(value)) return undefined;
  const { unit, period, items } = value;
  let keys = 0;
  for (const key in value) {
    if (key !== "unit" && key !== "period" && key !== "items") return undefined;
    keys += 1;
  }
  if (keys !== 3 || typeof unit !== "string" || typeof period !== "string" || period.length > 20) return undefined;
  const trimmed = unit.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TEXT_LENGTH) return undefined;
  return { unit: trimmed.normalize("NFC"), period, items };
}

/** Validates each element on its own, keeping the valid ones with their index and collecting the issues. */
function parseEach<T extends z.ZodType>(values: readonly unknown[], schema: T, listName: string, issues: Issue[], fast?: (value: unknown) => z.output<T> | undefined): { value: z.output<T>; index: number }[] {
  const valid: { value: z.output<T>; index: number }[] = [];
  values.forEach((value, index) => {
    const simple = fast?.(value);
    if (simple !== undefined) {
      valid.push({ value: simple, index });
      return;
    }
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) valid.push({ value: result.data, index });
    else issues.push(...fromZodIssues(result.error.issues, [listName, index]));
  });
  return valid;
}

function findCycles(unitById: ReadonlyMap<string, Unit>, unitIndex: ReadonlyMap<string, number>): Issue[] {
  const issues: Issue[] = [];
  for (const unit of unitById.values()) {
    const seen = new Set<string>([unit.id]);
    let parent = unit.parent;
    while (parent !== undefined) {
      if (seen.has(parent)) {
        if (parent === unit.id) issues.push({ code: "parent_cycle", path: ["units", unitIndex.get(unit.id)!, "parent"], params: { unit: unit.id } });
        break;
      }
      seen.add(parent);
      parent = unitById.get(parent)?.parent;
    }
  }
  return issues;
}

/** Whether any unit has figures for a period: its own rows, or for a quarter or year, rows of its months. */
export function hasFiguresFor(dataset: Dataset, period: Period): boolean {
  if (dataset.figuresByPeriod.has(period.key)) return true;
  return period.kind !== "month" && monthsOf(period).some((month) => dataset.figuresByPeriod.has(month.key));
}
