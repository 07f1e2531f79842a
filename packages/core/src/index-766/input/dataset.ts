import { ChisoError, type Issue, type SafeResult } from "../../kernel/errors.js";
import { monthsOf, parsePeriod, type Period } from "../../kernel/period.js";
import type { Scheme } from "../scheme/compile.js";
import { fromZodIssues } from "../../kernel/zod-issues.js";
import { getParScheme } from "../../par/builtin.js";
import { safeParseAssessments, type ParAssessment, type ParScheme } from "../../par/compute.js";
import { getSipasScheme } from "../../sipas/builtin.js";
import { safeParseSurveys, type SipasScheme, type SipasSurvey } from "../../sipas/compute.js";
import type { z } from "zod";
import { figureSchema, figuresEnvelopeSchema, unitSchema, type Channels, type Settlement, type UnitLevel } from "./schema.js";

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parent?: string;
}

/** An item's integer counts. */
export interface Counts {
  readonly numerator: number;
  readonly denominator: number;
}

/** One unit's figures for one period, validated; `counts` is indexed like `scheme.items`. */
export interface FigureRow {
  readonly unit: string;
  readonly period: Period;
  readonly counts: readonly (Counts | undefined)[];
  readonly channels?: Channels;
  readonly settlement?: Settlement;
  readonly stated?: Readonly<Record<string, number>>;
  readonly tracked?: Readonly<Record<string, number>>;
  /** Where the row came from, for messages: `figures[12]`. */
  readonly source: readonly (string | number)[];
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
}

/** A unit's own figures for a period, if it reported any. */
export function figureFor(dataset: Dataset, unitId: string, periodKey: string): FigureRow | undefined {
  return dataset.figuresByPeriod.get(periodKey)?.get(unitId);
}

/**
 * Validates a `chiso.figures/1` document against a scheme and collects every problem in one pass:
 * wrong types, negative or fractional counts, a numerator above its denominator, unknown item codes,
 * unknown units, duplicate unit-periods, missing parents and parent cycles.
 *
 * @throws {ChisoError} `INVALID_INPUT` listing every issue with a readable path.
 * @example
 * const dataset = parseDataset(JSON.parse(text), getScheme());
 */
export function parseDataset(input: unknown, scheme: Scheme, options: CompanionOptions = {}): Dataset {
  const result = safeParseDataset(input, scheme, options);
  if (!result.success) throw result.error;
  return result.data;
}

/** Like {@link parseDataset}, returning the problems instead of throwing. */
export interface CompanionOptions {
  /** Default: sipas-2022. */
  readonly sipasScheme?: SipasScheme;
  /** Default: the example trees, par-department-example and par-commune-example. */
  readonly parSchemes?: Partial<Record<UnitLevel, ParScheme>>;
}

export function safeParseDataset(input: unknown, scheme: Scheme, options: CompanionOptions = {}): SafeResult<Dataset> {
  const envelope = figuresEnvelopeSchema.safeParse(input, { reportInput: true });
  if (!envelope.success) return { success: false, error: new ChisoError("INVALID_INPUT", fromZodIssues(envelope.error.issues)) };
  const issues: Issue[] = [];
  const units = parseEach(envelope.data.units, unitSchema, "units", issues);
  const figureInputs = parseEach(envelope.data.figures, figureSchema, "figures", issues);

  const unitById = new Map<string, Unit>();
  const unitIndex = new Map<string, number>();
  units.forEach(({ value: unit, index }) => {
    const first = unitIndex.get(unit.id);
    if (first !== undefined) {
      issues.push({ code: "duplicate_unit", path: ["units", index, "id"], params: { unit: unit.id, first: `units[${first}]` } });
      return;
    }
    unitIndex.set(unit.id, index);
    const { parent, ...rest } = unit;
    unitById.set(unit.id, parent === undefined ? rest : { ...rest, parent });
  });
  const childrenOf = new Map<string, Unit[]>();
  for (const unit of unitById.values()) {
    if (unit.parent === undefined) continue;
    if (!unitById.has(unit.parent)) {
      issues.push({ code: "missing_parent", path: ["units", unitIndex.get(unit.id)!, "parent"], params: { unit: unit.id, parent: unit.parent } });
      continue;
    }
    const siblings = childrenOf.get(unit.parent) ?? [];
    siblings.push(unit);
    childrenOf.set(unit.parent, siblings);
  }
  issues.push(...findCycles(unitById, unitIndex));

  const figures: FigureRow[] = [];
  const figuresByPeriod = new Map<string, Map<string, FigureRow>>();
  figureInputs.forEach(({ value: figure, index }) => {
    const source = ["figures", index] as const;
    const period = parsePeriod(figure.period);
    if (!period) issues.push({ code: "invalid_period", path: [...source, "period"], params: { received: figure.period } });
    if (!unitById.has(figure.unit)) issues.push({ code: "unknown_unit", path: [...source, "unit"], params: { unit: figure.unit } });
    const counts: (Counts | undefined)[] = new Array(scheme.items.length).fill(undefined);
    for (const [code, value] of Object.entries(figure.items)) {
      const item = scheme.itemByCode.get(code);
      if (!item) {
        issues.push({ code: "unknown_item", path: [...source, "items", code], params: { item: code, scheme: scheme.id } });
        continue;
      }
      if (value.numerator > value.denominator) {
        issues.push({
          code: "numerator_above_denominator",
          path: [...source, "items", code, "numerator"],
          params: { item: code, numerator: value.numerator, denominator: value.denominator },
        });
      }
      counts[item.index] = value;
    }
    for (const code of Object.keys(figure.stated ?? {})) {
      if (!scheme.itemByCode.has(code)) issues.push({ code: "unknown_item", path: [...source, "stated", code], params: { item: code, scheme: scheme.id } });
    }
    if (!period) return;
    const rowsOfPeriod = figuresByPeriod.get(period.key) ?? new Map<string, FigureRow>();
    figuresByPeriod.set(period.key, rowsOfPeriod);
    const first = rowsOfPeriod.get(figure.unit);
    if (first) {
      issues.push({
        code: "duplicate_unit_period",
        path: [...source],
        params: { unit: figure.unit, period: period.key, first: `figures[${first.source[1]}]` },
      });
      return;
    }
    const row: FigureRow = {
      unit: figure.unit,
      period,
      counts,
      source,
      ...(figure.channels && { channels: figure.channels }),
      ...(figure.settlement && { settlement: figure.settlement }),
      ...(figure.stated && { stated: figure.stated }),
      ...(figure.tracked && { tracked: figure.tracked }),
    };
    figures.push(row);
    rowsOfPeriod.set(figure.unit, row);
  });

  const companions = parseCompanions(envelope.data.surveys ?? [], envelope.data.par ?? [], unitById, options, issues);
  if (issues.length > 0) return { success: false, error: new ChisoError("INVALID_INPUT", issues) };
  return { success: true, data: { scheme, companions, units: [...unitById.values()], unitById, childrenOf, figures, figuresByPeriod } };
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

/** Validates each element on its own, keeping the valid ones with their index and collecting the issues. */
function parseEach<T extends z.ZodType>(values: readonly unknown[], schema: T, listName: string, issues: Issue[]): { value: z.output<T>; index: number }[] {
  const valid: { value: z.output<T>; index: number }[] = [];
  values.forEach((value, index) => {
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
