import { open, readFile, stat } from "node:fs/promises";
import { formatPath, safeParseDataset, getScheme, type FigureInput, type Language, type UnitInput } from "@chiso/core";
import { computeDossierFigures, describeHeader, describeProblem, fileColumns, formatOf, headerHint, headerReports, MissingColumnsError, UnreadableFileError, type DossierComputation, type DossierFiles, type EvidenceEntry } from "@chiso/dossiers";
import { buildDetailsWorkbook } from "@chiso/dossiers/xlsx";
import { calendarIssues, calendarPath, calendarYearSchema, describeCalendarIssue, parseCalendarYear, builtinCalendarYears, type CalendarYear } from "@chiso/dossiers/calendar";
import { CliError, EXIT } from "../../cli-error.js";
import { messagesFor } from "../../i18n.js";
import { checkContent, describeSchemaIssue, jsonLocation, readJsonFile } from "../../input/json-file.js";
import { describeImportIssue, importUnits } from "@chiso/io";
import { writeFilesAtomically } from "../../output/atomic.js";
import { problemList } from "../../output/problem-list.js";
import { createProgress } from "../../progress.js";
import { dossierMessages } from "./messages.js";
import { onInterrupt } from "../../output/interrupt.js";

/** The figures file chiso writes from dossiers: `chiso.figures/1` with the dossiers behind lost points. */
export interface DossierFiguresFile {
  readonly format: "chiso.figures/1";
  /** Present when records were rejected: its warning, in both languages, is printed on the province summary. */
  readonly source?: { readonly system: string; readonly retrievedAt?: string; readonly warning?: { readonly vi: string; readonly en: string } };
  readonly units: readonly UnitInput[];
  readonly figures: readonly FigureInput[];
  /** The optional top-level field of the lead's core change (see docs/dossier-format.md). */
  readonly evidence: readonly EvidenceEntry[];
}

export interface DossierRun {
  readonly files: DossierFiles;
  readonly units: readonly UnitInput[];
  readonly period: string;
  readonly language: Language;
  readonly asOf?: string;
  readonly evidenceLimit: number;
  readonly detailsLimit?: number;
  readonly calendarYears?: readonly CalendarYear[];
  readonly stderr: (text: string) => void;
}

/** A JSON units file may be the bare list `[…]`: read as `{"units": […]}`, on the same lines. */
function unitsJson(path: string, data: Uint8Array): Uint8Array {
  if (!path.toLowerCase().endsWith(".json")) return data;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\uFEFF/, "");
  } catch {
    return data; // io says where the text stops being UTF-8
  }
  return text.trimStart().startsWith("[") ? new TextEncoder().encode(`{"units": ${text}}`) : data;
}

/** Reads and checks the units file (exit 3 with every problem when it is wrong). */
export async function unitsFrom(path: string, language: Language): Promise<UnitInput[]> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new CliError(messagesFor(language).cannotRead(path, (error as NodeJS.ErrnoException).code === "ENOENT" ? (language === "vi" ? "không tìm thấy tệp" : "no such file") : (error as Error).message), EXIT.invalidInput, { cause: error });
  }
  // Read by io, as the figures' own units are: every problem at its file, sheet, row, column and unit.
  const result = await importUnits(unitsJson(path, data), { fileName: path, language });
  const errors = result.issues.filter((issue) => issue.severity === "error");
  if (!result.units) throw new CliError(problemList(dossierMessages(language).badUnits(path, errors.length), errors.map((issue) => describeImportIssue(issue, language)), language), EXIT.invalidInput);
  return result.units;
}

/** Calendar year files given with --calendar (comma-separated) replace the built-in years they cover. */
export async function calendarYearsFrom(option: string | undefined, language: Language): Promise<CalendarYear[] | undefined> {
  if (!option) return undefined;
  const years = new Map(builtinCalendarYears.map((year) => [year.year, year]));
  const given = new Map<number, string>();
  for (const path of option.split(",").map((part) => part.trim()).filter(Boolean)) {
    const json = await readJsonFile(path, "calendar", language);
    const parsed = calendarYearSchema.safeParse(json.value);
    // The dates' problems (a day that does not exist, another year's, twice listed, an unknown kind) are found on
    // the JSON itself, whatever else is wrong with the file; the schema's issues at the same entries are not repeated.
    const dated = calendarIssues(json.value);
    const at = new Set(dated.map((issue) => calendarPath(issue.path)));
    const shapes = parsed.success ? [] : parsed.error.issues.filter((issue) => issue.code !== "custom" && !at.has(calendarPath(issue.path.filter((part): part is string | number => typeof part !== "symbol"))));
    if (dated.length + shapes.length > 0) {
      // Each problem at its line, not zod's JSON dump of them: file › line › entry: value, what is wrong, the fix.
      const lines = [
        ...shapes.map((issue) => {
          const described = describeSchemaIssue(issue, language, json.value);
          return `${jsonLocation(path, json, described.path, language)} › ${formatPath(described.path)}: ${described.text}`;
        }),
        ...dated.map((issue) => `${jsonLocation(path, json, [...issue.path], language)} › ${formatPath([...issue.path])}: ${describeCalendarIssue(issue, language)}`),
      ];
      throw new CliError(problemList(messagesFor(language).invalidCalendar(path, lines.length), lines, language), EXIT.invalidInput);
    }
    const year = parseCalendarYear(json.value);
    // Two files of one year: which one counts would depend on their order; refused, both named.
    const earlier = given.get(year.year);
    if (earlier) throw new CliError(dossierMessages(language).calendarYearTwice(year.year, earlier, path), EXIT.invalidInput);
    given.set(year.year, path);
    years.set(year.year, year);
  }
  return [...years.values()];
}

/** Checks that each input exists and has a supported format before DuckDB starts. */
export async function checkInputs(files: DossierFiles, language: Language): Promise<void> {
  for (const path of [files.dossiers, files.events, files.procedures, files.feedback].filter((value): value is string => value !== undefined)) {
    if (!formatOf(path)) throw new CliError(dossierMessages(language).unsupported(path), EXIT.invalidInput);
    try {
      if (!(await stat(path)).isFile()) throw Object.assign(new Error(language === "vi" ? "không phải tệp" : "not a file"), { code: "EISDIR" });
    } catch (error) {
      throw new CliError(messagesFor(language).cannotRead(path, (error as NodeJS.ErrnoException).code === "ENOENT" ? (language === "vi" ? "không tìm thấy tệp" : "no such file") : (error as Error).message), EXIT.invalidInput, { cause: error });
    }
    // What the file is, from its first and last bytes: a workbook or a saved web page is named, not left to DuckDB.
    checkContent(path, await sampleOf(path), formatOf(path)!, "dossiers", language);
  }
}

/** The first and last 64 KiB of a file (all of a smaller one): enough to tell what it is. */
async function sampleOf(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const span = 1 << 16;
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    return size <= 2 * span ? new Uint8Array(await read(0, size)) : new Uint8Array(Buffer.concat([await read(0, span), await read(size - span, span)]));
  } finally {
    await handle.close();
  }
}

/**
 * Computes the figures from the records, reports what became of every record on stderr (read,
 * counted, rejected with located reasons, notes), and checks the figures as @chiso/core will.
 */
export async function computeFromDossiers(run: DossierRun): Promise<DossierComputation> {
  const messages = dossierMessages(run.language);
  const progress = createProgress(messages.progress, 5);
  let result: DossierComputation;
  try {
    result = await computeDossierFigures(run.files, {
      period: run.period,
      units: run.units,
      evidenceLimit: Math.max(run.evidenceLimit, run.detailsLimit ?? 0),
      ...(run.asOf && { asOf: run.asOf }),
      ...(run.calendarYears && { calendarYears: run.calendarYears }),
      onStep: () => progress.tick(),
      onInterrupt,
    });
  } catch (error) {
    if (error instanceof MissingColumnsError) {
      // Each missing column, then per file: the columns it has, the names expected, and a hint (Vietnamese headers, near misses).
      const headers = (await headerReports(error.problems)).map((report) => `  ${describeHeader(report, run.language)}`);
      throw new CliError([messages.missingColumns, ...error.problems.map((problem) => `  - ${describeProblem(problem, run.language)}`), ...headers].join("\n"), EXIT.invalidInput, { cause: error });
    }
    if (error instanceof UnreadableFileError) throw new CliError([messages.unreadable, `  - ${describeProblem(error.problem, run.language)}`].join("\n"), EXIT.invalidInput, { cause: error });
    throw error;
  } finally {
    progress.done();
  }
  const { dossiers, feedback } = result.accounting;
  run.stderr(messages.accounting(dossiers.read, dossiers.counted, dossiers.rejected, dossiers.outsidePeriod, dossiers.notReceived));
  if (feedback) run.stderr(messages.feedbackAccounting(feedback.read, feedback.counted, feedback.rejected, feedback.outsidePeriod));
  const total = Object.values(result.problemCounts).reduce((sum, count) => sum + count, 0);
  if (total > 0) {
    run.stderr(messages.problems(total));
    const shown = result.problems.slice(0, 50);
    for (const problem of shown) run.stderr(`  - ${describeProblem(problem, run.language)}`);
    if (total > shown.length) run.stderr(`  ${messages.more(total - shown.length)}`);
  }
  for (const note of result.notes) run.stderr(messages.note(note));
  // An item left out for a column the file lacks: when the header has it under another spelling ("Paid Online",
  // "Mã thủ tục"), say which column to rename — the item is otherwise left out without a word about why.
  const absent = [...new Set(result.notes.flatMap((note) => (note.code === "item_not_computed" ? note.columns.filter((column) => !column.startsWith("--")) : [])))];
  if (absent.length > 0) {
    const renames = headerHint((await fileColumns(run.files.dossiers)) ?? [], absent).renames;
    if (renames.length > 0) run.stderr(messages.renameOptional(run.files.dossiers, renames));
  }
  const empty = emptyPeriodWarning(result, run.period);
  if (empty) run.stderr(empty[run.language]);
  // The figures must be what @chiso/core accepts (evidence is checked by its own schema until core has the field).
  const checked = safeParseDataset({ units: run.units, figures: result.figures }, getScheme());
  if (!checked.success) throw new Error(`figures from dossiers rejected by @chiso/core: ${checked.error.issues.slice(0, 3).map((issue) => issue.code).join(", ")}`);
  return result;
}

/** The evidence of the figures file: at most `limit` dossiers per unit, period and item (counts complete). */
export function limitEvidence(evidence: readonly EvidenceEntry[], limit: number): EvidenceEntry[] {
  return evidence.map((entry) => ({ ...entry, dossiers: entry.dossiers.slice(0, limit) }));
}

/**
 * Rejected records must not vanish downstream: each row of a unit and month with rejected records carries a
 * source flag saying how many were rejected and how many counted (the unit's card prints it among its
 * data-quality notes), and the file's `source` a warning naming the units (the province summary prints it).
 */
export function withRejections(figures: readonly FigureInput[], result: DossierComputation, language: Language): { figures: FigureInput[]; source?: NonNullable<DossierFiguresFile["source"]> } {
  if (result.rejections.length === 0) return { figures: [...figures] };
  const messages = dossierMessages(language);
  const byKey = new Map(result.rejections.map((rejection) => [`${rejection.unit}|${rejection.period}`, rejection]));
  const flagged = figures.map((figure): FigureInput => {
    const rejection = byKey.get(`${figure.unit}|${figure.period}`);
    // In both languages: a report in either prints its own (the figures format's `{ vi, en }` message).
    return rejection ? { ...figure, flags: [...(figure.flags ?? []), { code: "RECORDS_REJECTED", message: { vi: dossierMessages("vi").rejectedFlag(rejection), en: dossierMessages("en").rejectedFlag(rejection) } }] } : figure;
  });
  const units = [...new Set(result.rejections.map((rejection) => rejection.unit))];
  const dossiers = result.rejections.reduce((sum, rejection) => sum + rejection.dossiers.rejected, 0) + sumUndated(result.rejections, "dossiers");
  const feedback = result.rejections.reduce((sum, rejection) => sum + (rejection.feedback?.rejected ?? 0), 0) + sumUndated(result.rejections, "feedback");
  const warning = { vi: dossierMessages("vi").rejectedWarning(units, dossiers, feedback), en: dossierMessages("en").rejectedWarning(units, dossiers, feedback) };
  return { figures: flagged, source: { system: messages.source, warning } };
}

/** Undated rejections are repeated on each month of their unit: counted once per unit. */
function sumUndated(rejections: DossierComputation["rejections"], kind: "dossiers" | "feedback"): number {
  const perUnit = new Map(rejections.map((rejection) => [rejection.unit, rejection[kind]?.undated ?? 0]));
  return [...perUnit.values()].reduce((sum, count) => sum + count, 0);
}

/**
 * A period in which no dossier and no feedback item was received (counted, registered or rejected): every unit
 * would be 0/0 without a word. The warning names what was read, the span of its reception days, and the
 * period it covers (`undefined`: the period has records).
 */
export function emptyPeriodWarning(result: DossierComputation, period: string): { vi: string; en: string } | undefined {
  const { dossiers, feedback } = result.accounting;
  const rejected = result.rejections.reduce((sum, rejection) => sum + rejection.dossiers.rejected + (rejection.feedback?.rejected ?? 0), 0);
  if (!result.receptionSpan || dossiers.counted + dossiers.notReceived + (feedback?.counted ?? 0) + rejected > 0) return undefined;
  const spans = [result.receptionSpan.dossiers, result.receptionSpan.feedback].filter((span) => span !== null);
  const first = spans.map((span) => span.first).sort()[0];
  const last = spans.map((span) => span.last).sort().at(-1);
  const covers = first && last ? coveringPeriod(first, last) : undefined;
  const args = { period, dossiers: dossiers.read, dossierSpan: result.receptionSpan.dossiers, feedback: feedback?.read ?? null, feedbackSpan: result.receptionSpan.feedback, covers };
  return { vi: dossierMessages("vi").emptyPeriod(args), en: dossierMessages("en").emptyPeriod(args) };
}

/** The smallest period (month, quarter, year) holding both days, or the months from the first to the last. */
function coveringPeriod(first: string, last: string): { period: string } | { from: string; to: string } {
  const [firstMonth, lastMonth] = [first.slice(0, 7), last.slice(0, 7)];
  if (firstMonth === lastMonth) return { period: firstMonth };
  const quarter = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  if (quarter(firstMonth) === quarter(lastMonth)) return { period: quarter(firstMonth) };
  if (firstMonth.slice(0, 4) === lastMonth.slice(0, 4)) return { period: firstMonth.slice(0, 4) };
  return { from: firstMonth, to: lastMonth };
}

/**
 * The figures file. Its `source` (printed on the reports) carries the extraction time given with --as-of
 * (`retrievedAt`) and, in both languages, the warnings every document must show: records rejected, a period
 * without records.
 */
export function figuresFile(units: readonly UnitInput[], result: DossierComputation, evidenceLimit: number, language: Language = "vi", run: { readonly period?: string; readonly asOf?: string } = {}): DossierFiguresFile {
  const rejected = withRejections(result.figures, result, language);
  const empty = run.period === undefined ? undefined : emptyPeriodWarning(result, run.period);
  const warnings = [rejected.source?.warning, empty].filter((warning) => warning !== undefined);
  const warning = warnings.length === 0 ? undefined : { vi: warnings.map((text) => text.vi).join(" "), en: warnings.map((text) => text.en).join(" ") };
  const source = warning || run.asOf ? { system: dossierMessages(language).source, ...(run.asOf && { retrievedAt: run.asOf }), ...(warning && { warning }) } : undefined;
  return { format: "chiso.figures/1", ...(source && { source }), units, figures: rejected.figures, evidence: limitEvidence(result.evidence, evidenceLimit) };
}

/** Writes the figures file and, if asked, the details workbook, atomically (all or nothing). */
export async function writeOutputs(
  outputs: { readonly figures?: { path: string; file: DossierFiguresFile }; readonly details?: { path: string; result: DossierComputation; units: readonly UnitInput[]; period: string; limit: number } },
  language: Language,
): Promise<void> {
  const files: { path: string; data: string | Uint8Array }[] = [];
  if (outputs.figures) files.push({ path: outputs.figures.path, data: `${JSON.stringify(outputs.figures.file, null, 1)}\n` });
  if (outputs.details) {
    const { result, units, period, limit } = outputs.details;
    const workbook = buildDetailsWorkbook({ evidence: limitEvidence(result.evidence, limit), units, period, language, limit, problems: result.problems });
    files.push({ path: outputs.details.path, data: workbook.toBytes({ date: new Date(0) }) });
  }
  await writeFilesAtomically(files, language);
}
