import { formatPath, parsePeriod, safeParseDataset, type FiguresFile, type Language, type Scheme } from "@chiso/core";
import { originLocation } from "./describe.js";
import type { ImportIssue, Origin, ReadResult, RowOutcome, UnitPlace } from "./issues.js";

/** One file as read, before validation. */
export interface FileRead {
  readonly file: string;
  readonly checksum: string;
  readonly read: ReadResult;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const text = (value: unknown) => (typeof value === "string" ? value.trim().normalize("NFC") : value);

/** Where an origin is, as the fields of an issue: sheet, row and column, or line and path. */
function at(origin: Origin, file: string, list: "units" | "figures", index: number, field?: string): Omit<ImportIssue, "code" | "severity" | "params"> {
  if (origin.path !== undefined) {
    const path = [list, origin.index ?? index, ...(field ? [field] : [])];
    const line = origin.lineOf?.(path) ?? origin.line;
    return { file: origin.file ?? file, path: formatPath(path), ...(line !== undefined && { line }) };
  }
  const column = field ? origin.columns.get(field === "id" ? "unit" : field) : undefined;
  return { file: origin.file ?? file, ...(origin.sheet !== undefined && { sheet: origin.sheet }), ...(origin.row !== undefined && { row: origin.row }), ...(column && { column: column.letter, header: column.header }) };
}

/** The figures of a row in one canonical form, to tell identical rows from different ones. */
function canonical(figure: Record<string, unknown>): string {
  const items = Object.entries((figure.items as Record<string, unknown> | undefined) ?? {})
    .map(([code, counts]) => [code, Array.isArray(counts) ? counts : [(counts as { numerator?: unknown })?.numerator, (counts as { denominator?: unknown })?.denominator]] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const sorted = (value: unknown) => (value && typeof value === "object" ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value ?? null);
  return JSON.stringify([items, sorted(figure.channels), sorted(figure.settlement), sorted(figure.stated), sorted(figure.tracked)]);
}

export interface MergedRead {
  readonly read: ReadResult;
  /** Rows left out because another file has the very same figures: counted once, reported. */
  readonly repeatedRows: readonly RowOutcome[];
}

/**
 * Merges files read for one run into one: units united (the same id must have the same name, level
 * and parent everywhere), figures combined (the same unit and period in two files must not differ —
 * both rows are rejected if they do; identical ones are counted once and said so), surveys and PAR
 * assessments combined. Each row keeps its own file, sheet, row or line. The top-level fields of each
 * JSON file (format, scheme, unknown keys) are checked on their own, at their line.
 */
type Source = { system?: unknown; procedure?: unknown; retrievedAt?: unknown; note?: unknown; warning?: unknown };
const joined = (texts: readonly unknown[], separator: string): string | undefined => {
  const distinct = [...new Set(texts.filter((value): value is string => typeof value === "string" && value.trim() !== ""))];
  const all = distinct.join(separator);
  return all === "" ? undefined : all.length > 2000 ? `${all.slice(0, 1999)}…` : all;
};

/**
 * The source of figures merged from files of one system (and procedure): their notes and warnings joined, the
 * earliest retrieval kept (the merged figures are no newer than it). `null` when the systems differ: files of
 * two systems are not merged silently.
 */
export function mergedSource(first: Source, next: unknown): Source | null {
  if (typeof next !== "object" || next === null) return null;
  const other = next as Source;
  if (typeof first.system !== "string" || first.system !== other.system || first.procedure !== other.procedure) return null;
  const retrieved = [first.retrievedAt, other.retrievedAt].filter((value): value is string => typeof value === "string").sort()[0];
  const warningIn = (language: "vi" | "en", warning: unknown) => (typeof warning === "string" ? warning : (warning as Record<string, unknown> | undefined)?.[language]);
  const bilingual = typeof first.warning === "object" || typeof other.warning === "object";
  const warning = bilingual
    ? { vi: joined([warningIn("vi", first.warning), warningIn("vi", other.warning)], " ") ?? "", en: joined([warningIn("en", first.warning), warningIn("en", other.warning)], " ") ?? "" }
    : joined([first.warning, other.warning], " ");
  const note = joined([first.note, other.note], "; ");
  return {
    system: first.system,
    ...(first.procedure !== undefined && { procedure: first.procedure }),
    ...(retrieved !== undefined && { retrievedAt: retrieved }),
    ...(note !== undefined && { note }),
    ...(warning !== undefined && (typeof warning === "string" || warning.vi !== "" || warning.en !== "") && { warning }),
  };
}

export function mergeReads(files: readonly FileRead[], scheme: Scheme, language: Language = "vi"): MergedRead {
  if (files.length === 1) return { read: files[0]!.read, repeatedRows: [] };
  const issues: ImportIssue[] = [];
  const units: unknown[] = [];
  const unitOrigins: Origin[] = [];
  const unitIssues: ImportIssue[][] = [];
  const figures: unknown[] = [];
  const figureOrigins: Origin[] = [];
  const rowIssues: ImportIssue[][] = [];
  const surveys: unknown[] = [];
  const par: unknown[] = [];
  const companionOrigins = { surveys: [] as Origin[], par: [] as Origin[] };
  const companionIssues: ImportIssue[] = [];
  const unitRowIssues: ImportIssue[] = [];
  const refusedUnits = new Map<string, UnitPlace>();
  const repeatedRows: RowOutcome[] = [];
  // Fields of a whole document (where the figures come from, how parents are counted): files must agree.
  const shared = new Map<string, { value: string; file: string }>();
  const evidence: unknown[] = [];
  const unitById = new Map<string, number>();
  const figureByKey = new Map<string, { index: number; canonical: string }>();

  for (const { file, read } of files) {
    const own = (origin: Origin, index: number): Origin => ({ ...origin, file, index: origin.index ?? index, ...(read.lineOf && { lineOf: read.lineOf }) });
    issues.push(...read.issues);
    companionIssues.push(...(read.companionIssues ?? []));
    unitRowIssues.push(...(read.unitRowIssues ?? []));
    for (const [id, place] of read.refusedUnits ?? []) if (!refusedUnits.has(id)) refusedUnits.set(id, { ...place, file });
    // The envelope (format, scheme, unknown keys) of a JSON file, checked alone: the merged document has none.
    if (read.lineOf) {
      const { units: _units, figures: _figures, surveys: _surveys, par: _par, ...envelope } = read.document as Record<string, unknown>;
      const result = safeParseDataset({ ...envelope, units: [], figures: [] }, scheme);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const line = read.lineOf(issue.path);
          issues.push({ file, code: issue.code, severity: "error", params: issue.params, core: true, path: formatPath(issue.path), ...(line !== undefined && { line }) });
        }
      }
    }
    const { units: _u, figures: _f, surveys: _s, par: _p, evidence: ownEvidence, format: _format, scheme: _scheme, $schema: _schema, ...fields } = read.document as Record<string, unknown>;
    evidence.push(...list(ownEvidence));
    for (const [field, value] of Object.entries(fields)) {
      const text = JSON.stringify(value);
      const first = shared.get(field);
      // Two imports from one system (e.g. two months of portal responses) differ only in their notes and dates.
      const sources = field === "source" && first && first.value !== text ? mergedSource(JSON.parse(first.value), value) : null;
      if (sources) shared.set(field, { value: JSON.stringify(sources), file: first!.file });
      else if (!first) shared.set(field, { value: text, file });
      else if (first.value !== text) {
        const line = read.lineOf?.([field]);
        issues.push({ file, path: field, ...(line !== undefined && { line }), code: "conflicting_field", severity: "error", params: { field, firstFile: first.file } });
      }
    }
    list<Record<string, unknown>>(read.document.units).forEach((unit, index) => {
      const origin = own(read.unitOrigins[index]!, index);
      const id = unit?.id;
      const first = typeof id === "string" ? unitById.get(text(id) as string) : undefined;
      if (first === undefined) {
        if (typeof id === "string") unitById.set(text(id) as string, units.length);
        units.push(unit);
        unitOrigins.push(origin);
        unitIssues.push([...(read.unitIssues[index] ?? [])]);
        return;
      }
      unitIssues[first]!.push(...(read.unitIssues[index] ?? []));
      const known = units[first] as Record<string, unknown>;
      const field = (["name", "level", "parent"] as const).find((key) => text(unit[key]) !== text(known[key]));
      if (field) {
        unitIssues[first]!.push({
          ...at(origin, file, "units", index, field),
          unit: String(id),
          code: "conflicting_unit",
          severity: "error",
          params: { unit: String(id), field, value: String(unit[field] ?? "—"), firstValue: String(known[field] ?? "—"), firstPath: originLocation(unitOrigins[first]!.file ?? file, unitOrigins[first]!, language) },
        });
      }
    });
    list<Record<string, unknown>>(read.document.figures).forEach((figure, index) => {
      const origin = own(read.figureOrigins[index]!, index);
      const problems = [...(read.rowIssues[index] ?? [])];
      const period = typeof figure?.period === "string" ? parsePeriod(figure.period)?.key : undefined;
      const key = typeof figure?.unit === "string" && period ? `${text(figure.unit) as string}|${period}` : null;
      const first = key ? figureByKey.get(key) : undefined;
      if (first && figureOrigins[first.index]!.file !== file) {
        const firstOrigin = figureOrigins[first.index]!;
        const firstPath = originLocation(firstOrigin.file ?? file, firstOrigin, language);
        const params = { unit: String(figure.unit), period: period!, firstPath };
        const location = { ...at(origin, file, "figures", index), unit: String(figure.unit) };
        if (first.canonical === canonical(figure)) {
          const note: ImportIssue = { ...location, code: "repeated_figures", severity: "warning", params };
          issues.push(note);
          repeatedRows.push({ ...location, file, unit: String(figure.unit), period: String(figure.period), status: "rejected", reasons: [note], cells: [], ...(origin.path !== undefined && { path: origin.path }), ...(origin.line !== undefined && { line: origin.line }) });
          return;
        }
        const clash: ImportIssue = { ...location, code: "conflicting_figures", severity: "error", params };
        problems.push(clash);
        const firstLocation = { ...at(firstOrigin, firstOrigin.file ?? file, "figures", firstOrigin.index ?? first.index), unit: String(figure.unit) };
        rowIssues[first.index]!.push({ ...firstLocation, code: "conflicting_figures", severity: "error", params: { ...params, firstPath: originLocation(file, origin, language) } });
      }
      if (key && !first) figureByKey.set(key, { index: figures.length, canonical: canonical(figure) });
      figures.push(figure);
      figureOrigins.push(origin);
      rowIssues.push(problems);
    });
    list(read.document.surveys).forEach((survey, index) => {
      surveys.push(survey);
      // A sheet's entry keeps its cells; a JSON one its path in its own file.
      const sheetOrigin = read.companionOrigins?.surveys[index];
      companionOrigins.surveys.push(sheetOrigin?.places ? { ...sheetOrigin, file, index } : { file, index, path: `surveys[${index}]`, columns: new Map(), raw: [], ...(read.lineOf && { lineOf: read.lineOf }) });
    });
    list(read.document.par).forEach((assessment, index) => {
      par.push(assessment);
      // A sheet's entry keeps its cells; a JSON one its path in its own file.
      const sheetOrigin = read.companionOrigins?.par[index];
      companionOrigins.par.push(sheetOrigin?.places ? { ...sheetOrigin, file, index } : { file, index, path: `par[${index}]`, columns: new Map(), raw: [], ...(read.lineOf && { lineOf: read.lineOf }) });
    });
  }
  const document = {
    ...Object.fromEntries([...shared].map(([field, { value }]) => [field, JSON.parse(value) as unknown])),
    units,
    figures,
    ...(surveys.length > 0 && { surveys }),
    ...(par.length > 0 && { par }),
    ...(evidence.length > 0 && { evidence }),
  } as unknown as FiguresFile;
  return {
    read: {
      document,
      issues,
      unitOrigins,
      figureOrigins,
      rowIssues,
      unitIssues,
      companionIssues,
      companionOrigins,
      // A unit refused in one file but declared in another is declared.
      refusedUnits: new Map([...refusedUnits].filter(([id]) => !unitById.has(id))),
      unitRowIssues,
      headers: files.find((entry) => entry.read.headers.length > 0)?.read.headers ?? [],
    },
    repeatedRows,
  };
}
