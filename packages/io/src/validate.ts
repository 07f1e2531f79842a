import { formatPath, safeParseDataset, type CompanionOptions, type Dataset, type DatasetOptions, type FiguresFile, type Language, type Scheme } from "@chiso/core";
import { cellText } from "./cells.js";
import { placeOf } from "./companion-sheets.js";
import { surveyCountProblems } from "./count-checks.js";
import { originLocation } from "./describe.js";
import type { CompanionOutcome, ImportIssue, ImportResult, Origin, ReadResult, RowOutcome, UnitPlace } from "./issues.js";

export interface ValidateOptions {
  readonly scheme: Scheme;
  readonly file: string;
  readonly checksum: string;
  readonly skipInvalid?: boolean;
  /** Language of `sources` (default vi). */
  readonly language?: Language;
  /** The files read, when several were merged. */
  readonly files?: readonly { readonly name: string; readonly checksum: string }[];
  /** The SIPAS and PAR schemes for surveys and assessments. */
  readonly companions?: CompanionOptions;
  /** A units file: no figure rows is what is expected. */
  readonly unitsOnly?: boolean;
}


const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Where a core issue's path points in the file (or files). */
function locate(path: readonly (string | number)[], read: ReadResult, file: string, cell?: readonly string[]): Omit<ImportIssue, "code" | "severity" | "params"> {
  const [name, index, ...rest] = path;
  const origins = name === "figures" ? read.figureOrigins : name === "units" ? read.unitOrigins : name === "surveys" ? read.companionOrigins?.surveys : name === "par" ? read.companionOrigins?.par : undefined;
  const origin: Origin | undefined = typeof index === "number" ? origins?.[index] : undefined;
  const entry = name === "figures" || name === "units" ? (list<Record<string, unknown>>(read.document[name])[index as number] ?? null) : null;
  const unitValue = name === "figures" ? entry?.unit : entry?.id;
  const unit = typeof unitValue === "string" && unitValue !== "" && unitValue.length <= 200 ? { unit: unitValue } : {};
  const at = origin?.file ?? file;
  if (origin?.places) {
    // A survey or PAR entry read from a sheet: the cell the part came from, never a JSON path.
    const place = placeOf(origin.places, cell ?? rest);
    const companion = list<{ unit?: unknown }>(read.document[name as "surveys" | "par"])[index as number]?.unit;
    return { file: at, ...place, ...(typeof companion === "string" && companion !== "" && companion.length <= 200 && { unit: companion }) };
  }
  if (!origin || origin.path !== undefined) {
    // JSON: the path in the row's own file, at its line.
    const own = origin?.index !== undefined ? [name!, origin.index, ...rest] : path;
    const line = (origin?.lineOf ?? read.lineOf)?.(own);
    return { file: at, ...(line !== undefined && { line }), path: formatPath(own), ...unit };
  }
  const key = name === "figures" && rest[0] === "items" && rest.length >= 2 ? `${String(rest[1])}.${rest[2] === "denominator" ? "denominator" : "numerator"}` : String(rest[0] ?? "unit");
  const column = origin.columns.get(key);
  return {
    file: at,
    ...(origin.sheet !== undefined && { sheet: origin.sheet }),
    ...(origin.row !== undefined && { row: origin.row }),
    ...(column && { column: column.letter, header: column.header }),
    ...unit,
  };
}

/** A problem already reported while reading (same cell, or the same JSON value or one inside it). */
function alreadyKnown(known: readonly ImportIssue[], issue: ImportIssue): boolean {
  return known.some((problem) => (problem.column && problem.column === issue.column) || (problem.path && issue.path && (issue.path === problem.path || issue.path.startsWith(`${problem.path}.`) || issue.path.startsWith(`${problem.path}[`))));
}

/**
 * Validates what was read with the core, in one pass reporting every problem, and accounts for every
 * row. By default a file with any error is not scored; with `skipInvalid` failing rows (and rows of
 * failing units) are rejected and the rest validated again until it passes.
 */
export function validateRead(read: ReadResult, options: ValidateOptions): ImportResult {
  const { file, scheme } = options;
  const document = read.document;
  const figures = list<{ unit?: unknown; period?: unknown }>(document.figures);
  const units = list<{ id?: unknown }>(document.units);
  const fileIssues = [...read.issues];
  if (!options.unitsOnly && Array.isArray(document.figures) && figures.length === 0 && !fileIssues.some((issue) => issue.severity === "error")) fileIssues.push({ file, code: "no_rows", severity: "error", params: {} });
  // A problem of the file as a whole (a table not read, a column twice…) leaves rows that cannot be judged.
  // A sheet whose headers were not recognised is its own rows' problem: the other sheets are still checked.
  let blocking = fileIssues.some((issue) => issue.severity === "error" && issue.code !== "unrecognised_table");

  const rejected = new Map<number, ImportIssue[]>();
  read.rowIssues.forEach((problems, index) => problems.length > 0 && rejected.set(index, [...problems]));
  const rejectedUnits = new Set<number>();
  read.unitIssues.forEach((problems, index) => problems.length > 0 && rejectedUnits.add(index));
  const rejectedCompanions = { surveys: new Set<number>(), par: new Set<number>() };
  const coreIssues: ImportIssue[] = [];
  /** The problems of each survey and PAR entry (`surveys:3`), for the rejected-rows file and the cards. */
  const entryIssues = new Map<string, ImportIssue[]>();
  const rejectEntry = (name: "surveys" | "par", index: number, issue: ImportIssue) => {
    rejectedCompanions[name].add(index);
    const known = entryIssues.get(`${name}:${index}`) ?? [];
    if (!known.includes(issue)) entryIssues.set(`${name}:${index}`, [...known, issue]);
  };
  // Answers above the respondents stated: an error of the survey, like a numerator above its denominator.
  const countIssues = surveyCountProblems(document.surveys).map((problem): ImportIssue => {
    const issue: ImportIssue = { ...locate(problem.path, read, file, problem.cell), code: "answers_above_respondents", severity: "error", params: problem.params, companion: "sipas" };
    rejectEntry("surveys", problem.index, issue);
    return issue;
  });
  const unitIdsOf = (indices: ReadonlySet<number>) => new Set([...indices].map((index) => String(units[index]?.id ?? "")));
  // Units whose own description was refused: their rows are rejected with them, not as "unknown unit".
  const refusedIds = new Set([...(read.refusedUnits?.keys() ?? []), ...unitIdsOf(new Set(read.unitIssues.flatMap((problems, index) => (problems.length > 0 ? [index] : []))))]);
  // Where each unit is declared — a refused row, or its entry — so that a problem following from a refused unit
  // (its figures, its survey, its children) names that place instead of calling the unit undeclared.
  const declaredAt = new Map<string, UnitPlace>(read.refusedUnits ?? []);
  units.forEach((unit, index) => {
    const origin = read.unitOrigins[index];
    if (typeof unit?.id === "string" && origin && !declaredAt.has(unit.id)) declaredAt.set(unit.id, { ...(origin.file !== undefined && { file: origin.file }), ...(origin.sheet !== undefined && { sheet: origin.sheet }), ...(origin.row !== undefined && { row: origin.row }), ...(origin.line !== undefined && { line: origin.line }), ...(origin.path !== undefined && { path: origin.path }) });
  });
  /** Where a unit's own refused row is, as a message's `first…` params ("dòng 4", "trang Đơn vị › dòng 4"). */
  const refusedAt = (id: string): Record<string, string | number> => {
    const place = declaredAt.get(id);
    if (!place) return {};
    return { ...(place.file !== undefined && place.file !== file && { firstFile: place.file }), ...(place.sheet !== undefined && place.sheet !== (place.file ?? file) && { firstSheet: place.sheet }), ...(place.row !== undefined ? { firstRow: place.row } : place.line !== undefined ? { firstLine: place.line } : {}), ...(place.row === undefined && place.path !== undefined && { firstPath: place.path }) };
  };
  const unitRejected = (where: Omit<ImportIssue, "code" | "severity" | "params">, id: string): ImportIssue => ({ ...where, code: "unit_rejected", severity: "error", params: { unit: id, ...refusedAt(id) } });
  /** Rows of rejected units are rejected with them, saying why. */
  const rejectRowsOfUnits = () => {
    const ids = new Set([...unitIdsOf(rejectedUnits), ...refusedIds]);
    figures.forEach((figure, index) => {
      if (!rejected.has(index) && ids.has(String(figure.unit))) rejected.set(index, [unitRejected(locate(["figures", index, "unit"], read, file), String(figure.unit))]);
    });
  };
  /** Evidence (dossiers behind lost points) of units that were refused goes with them. */
  const withoutRefused = (evidence: readonly unknown[]) => {
    const ids = new Set([...unitIdsOf(rejectedUnits), ...refusedIds]);
    return evidence.filter((entry) => !ids.has(String((entry as { unit?: unknown } | null)?.unit)));
  };
  const sourceOf = (index: number) => {
    const origin = read.figureOrigins[index]!;
    return originLocation(origin.file ?? file, origin, options.language);
  };
  let dataset: Dataset | null = null;
  for (let round = 0; round < 20 && !blocking; round += 1) {
    if (round > 0) rejectRowsOfUnits();
    const keep = <T>(entries: readonly T[], out: ReadonlySet<number> | ReadonlyMap<number, unknown>) => entries.flatMap((entry, index) => (round > 0 && out.has(index) ? [] : [{ entry, index }]));
    const keptFigures = keep(figures, rejected);
    const keptUnits = keep(units, rejectedUnits);
    const keptSurveys = keep(list(document.surveys), rejectedCompanions.surveys);
    const keptPar = keep(list(document.par), rejectedCompanions.par);
    const input = {
      ...document,
      units: keptUnits.map((kept) => kept.entry),
      figures: keptFigures.map((kept) => kept.entry),
      ...(document.surveys !== undefined && { surveys: Array.isArray(document.surveys) ? keptSurveys.map((kept) => kept.entry) : document.surveys }),
      ...(document.par !== undefined && { par: Array.isArray(document.par) ? keptPar.map((kept) => kept.entry) : document.par }),
      ...(round > 0 && Array.isArray(document.evidence) && { evidence: withoutRefused(document.evidence) }),
    };
    const datasetOptions: DatasetOptions = { ...options.companions, sources: keptFigures.map((kept) => sourceOf(kept.index)) };
    const result = safeParseDataset(input, scheme, datasetOptions);
    if (result.success) {
      if (round > 0 || (rejected.size === 0 && rejectedUnits.size === 0 && rejectedCompanions.surveys.size === 0)) {
        dataset = result.data;
        break;
      }
      if (!options.skipInvalid) break;
      continue;
    }
    const before = rejected.size + rejectedUnits.size + rejectedCompanions.surveys.size + rejectedCompanions.par.size;
    let fileLevel = false;
    for (const issue of result.error.issues) {
      const [name, position, ...rest] = issue.path;
      // Paths refer to the kept lists; map them back to the file's own rows.
      const keptList = name === "figures" ? keptFigures : name === "units" ? keptUnits : name === "surveys" ? keptSurveys : name === "par" ? keptPar : null;
      const original = typeof position === "number" ? keptList?.[position]?.index : undefined;
      const path = original === undefined ? issue.path : [name!, original, ...rest];
      // An unknown question is shown at its code, not at the first answer level the core met.
      const where = locate(path, read, file, name === "surveys" && issue.code === "unknown_item" ? rest.slice(0, 2).map(String) : undefined);
      // A unit the file declares but the core does not know was refused itself: what follows from it says so.
      const followsFrom = issue.code === "unknown_unit" ? String(issue.params.unit) : issue.code === "missing_parent" ? String(issue.params.parent) : undefined;
      if (followsFrom !== undefined && declaredAt.has(followsFrom)) {
        if (name === "figures" && original !== undefined) {
          if (!rejected.has(original)) rejected.set(original, [unitRejected(where, followsFrom)]);
          continue;
        }
        if ((name === "surveys" || name === "par") && original !== undefined) {
          rejectEntry(name, original, { ...unitRejected(where, followsFrom), companion: name === "surveys" ? "sipas" : "par" });
          continue;
        }
        if (name === "evidence") continue; // the dossiers behind a refused unit's lost points go with it
        if (name === "units" && original !== undefined) {
          const child: ImportIssue = { ...where, code: "parent_rejected", severity: "error", params: { unit: String(issue.params.unit), parent: followsFrom, ...refusedAt(followsFrom) } };
          if (!coreIssues.some((known) => known.code === child.code && known.path === child.path && known.row === child.row && known.line === child.line)) coreIssues.push(child);
          rejectedUnits.add(original);
          continue;
        }
      }
      const located: ImportIssue = { ...where, code: issue.code, severity: "error", params: issue.params, core: true, ...(name === "surveys" ? { companion: "sipas" as const } : name === "par" ? { companion: "par" as const } : {}) };
      if (name === "figures" && original !== undefined && alreadyKnown(read.rowIssues[original] ?? [], located)) continue;
      if (name === "units" && original !== undefined && alreadyKnown(read.unitIssues[original] ?? [], located)) continue;
      const same = coreIssues.find((known) => known.code === located.code && known.path === located.path && known.row === located.row && known.column === located.column && known.line === located.line);
      if (!same) coreIssues.push(located);
      if (original === undefined) fileLevel = true;
      else if (name === "figures") rejected.set(original, [...(rejected.get(original) ?? []), ...(same ? [] : [located])]);
      else if (name === "units") rejectedUnits.add(original);
      else if (name === "surveys" || name === "par") rejectEntry(name, original, same ?? located);
    }
    if (fileLevel) blocking = true;
    const after = rejected.size + rejectedUnits.size + rejectedCompanions.surveys.size + rejectedCompanions.par.size;
    if (!options.skipInvalid || fileLevel || (round > 0 && after === before)) break;
  }
  rejectRowsOfUnits();
  const issues = [...fileIssues, ...(read.unitRowIssues ?? []), ...read.unitIssues.flat(), ...read.rowIssues.flat(), ...(read.companionIssues ?? []), ...countIssues, ...coreIssues];
  const hasErrors = issues.some((issue) => issue.severity === "error");
  const accepted = dataset !== null && !blocking && (!hasErrors || options.skipInvalid === true);
  const rows: RowOutcome[] = figures.map((figure, index) => {
    const origin = read.figureOrigins[index]!;
    const reasons = rejected.get(index) ?? [];
    return {
      file: origin.file ?? file,
      ...(origin.sheet !== undefined && { sheet: origin.sheet }),
      ...(origin.row !== undefined && { row: origin.row }),
      ...(origin.line !== undefined && { line: origin.line }),
      ...(origin.path !== undefined && { path: origin.path }),
      unit: typeof figure?.unit === "string" ? figure.unit : "",
      period: typeof figure?.period === "string" ? figure.period : "",
      status: reasons.length > 0 || !accepted ? "rejected" : "accepted",
      reasons,
      cells: reasons.length > 0 ? origin.raw.map((cell) => cellText(cell)) : [],
    };
  });
  // A hidden row is read like any other: whether it was then used is said with it.
  issues.forEach((issue, index) => {
    if (issue.code !== "hidden_row") return;
    const row = rows.find((candidate) => candidate.sheet === issue.sheet && candidate.row === issue.row && candidate.file === issue.file);
    if (row) issues[index] = { ...issue, params: { ...issue.params, used: row.status === "accepted" ? "yes" : row.reasons.length > 0 ? "row" : "file" } };
  });
  const companionRows = companionOutcomes(read, file, rejectedCompanions, entryIssues);
  const acceptedFigures = accepted ? figures.flatMap((figure, index) => (rows[index]!.status === "accepted" ? [{ figure, index }] : [])) : [];
  const acceptedDocument: FiguresFile | null = accepted
    ? {
        // The document's own fields (where its figures come from, how parents are counted, evidence) stay.
        ...document,
        format: "chiso.figures/1",
        scheme: scheme.id,
        units: units.filter((_, index) => !rejectedUnits.has(index)) as FiguresFile["units"],
        figures: acceptedFigures.map((entry) => entry.figure) as FiguresFile["figures"],
        ...(Array.isArray(document.surveys) && { surveys: document.surveys.filter((_, index) => !rejectedCompanions.surveys.has(index)) }),
        ...(Array.isArray(document.par) && { par: document.par.filter((_, index) => !rejectedCompanions.par.has(index)) }),
        ...(Array.isArray(document.evidence) && { evidence: withoutRefused(document.evidence) as NonNullable<FiguresFile["evidence"]> }),
      }
    : null;
  return {
    fileName: file,
    checksum: options.checksum,
    files: options.files ?? [{ name: file, checksum: options.checksum }],
    scheme,
    ...(read.declaredScheme !== undefined && { declaredScheme: read.declaredScheme }),
    dataset: accepted ? dataset : null,
    document: acceptedDocument,
    sources: acceptedFigures.map((entry) => sourceOf(entry.index)),
    issues,
    rows,
    companionRows,
    headers: read.headers,
  };
}

/**
 * The surveys and PAR assessments rejected, each at its first problem (the unit's whole entry is left out),
 * then the rows of their sheets that could not be read (only that row is left out).
 */
function companionOutcomes(read: ReadResult, file: string, rejected: { readonly surveys: ReadonlySet<number>; readonly par: ReadonlySet<number> }, entryIssues: ReadonlyMap<string, readonly ImportIssue[]>): CompanionOutcome[] {
  const place = (issue: Omit<ImportIssue, "code" | "severity" | "params">) => ({
    file: issue.file,
    ...(issue.sheet !== undefined && { sheet: issue.sheet }),
    ...(issue.row !== undefined && { row: issue.row }),
    ...(issue.line !== undefined && { line: issue.line }),
    ...(issue.path !== undefined && { path: issue.path }),
  });
  const entries = (["surveys", "par"] as const).flatMap((name) =>
    [...rejected[name]].sort((a, b) => a - b).map((index): CompanionOutcome => {
      const reasons = entryIssues.get(`${name}:${index}`) ?? [];
      const entry = list<{ unit?: unknown; period?: unknown }>(read.document[name])[index];
      const at = reasons[0] ?? locate([name, index], read, file);
      return { kind: name === "surveys" ? "sipas" : "par", ...place(at), unit: typeof entry?.unit === "string" ? entry.unit : "", period: typeof entry?.period === "string" ? entry.period : "", scope: "entry", reasons };
    }),
  );
  const byRow = new Map<string, ImportIssue[]>();
  for (const issue of read.companionIssues ?? []) {
    const key = `${issue.file}|${issue.sheet ?? ""}|${issue.row ?? ""}`;
    byRow.set(key, [...(byRow.get(key) ?? []), issue]);
  }
  const rows = [...byRow.values()].map((reasons): CompanionOutcome => ({ kind: reasons[0]!.companion ?? "sipas", ...place(reasons[0]!), unit: reasons.find((reason) => reason.unit)?.unit ?? "", period: "", scope: "row", reasons }));
  return [...entries, ...rows];
}
