import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { DOSSIER_COLUMNS, EVENT_COLUMNS, FEEDBACK_COLUMNS, FLAG_FALSE, FLAG_TRUE, PROCEDURE_COLUMNS, headerHint, type InputColumn } from "./columns.js";
import { diagnoseFile, stripJsonBom } from "./file-check.js";
import type { DossierProblem, HeaderReport, InputFile } from "../problems.js";

/** An input file that cannot be read at all (empty, not Parquet, a JSON line that is not an object…), located. */
export class UnreadableFileError extends Error {
  override readonly name = "UnreadableFileError";
  constructor(readonly problem: DossierProblem) {
    super(`${problem.fileName}${problem.row === undefined ? "" : `:${problem.row}`}: ${problem.code}`);
  }
}

/** The file formats read, by extension. */
export type FileFormat = "parquet" | "csv" | "jsonl";

export function formatOf(path: string): FileFormat | null {
  const extension = extname(path).toLowerCase();
  if (extension === ".parquet") return "parquet";
  if (extension === ".csv" || extension === ".txt") return "csv";
  if (extension === ".jsonl" || extension === ".ndjson" || extension === ".json") return "jsonl";
  return null;
}

export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * The table function reading a file, and the offset from a record's index (1-based) to the row a
 * person sees: a CSV record i is on line i + 1 (under the header); a JSON line i is line i.
 */
function source(path: string, format: FileFormat, serial = false): { from: string; rowOffset: number } {
  const file = sqlString(path);
  if (format === "parquet") return { from: `read_parquet(${file})`, rowOffset: 0 };
  // all_varchar: nothing is guessed (ids keep their leading zeros); every value is parsed below.
  if (format === "csv") return { from: `read_csv(${file}, header = true, all_varchar = true, auto_detect = true, strict_mode = false, null_padding = true${serial ? ", parallel = false" : ""})`, rowOffset: 1 };
  // Only to find the columns' names (DESCRIBE): the values are read by `jsonSource`, every column as JSON.
  return { from: `read_json(${file}, format = 'newline_delimited', union_by_name = true)`, rowOffset: 0 };
}

/**
 * JSON lines read for their values: the input columns the file has, each declared VARCHAR, whatever types the
 * lines mix. Read with the types DuckDB infers, one line with `"dossier_id": 77` among strings made the whole
 * column JSON and every id came out with its quotes ("C1"). Declared VARCHAR, DuckDB gives each value by its
 * meaning — a string's text, a number's digits, `true`/`false`, an object or array as its JSON text — which is
 * then parsed as a CSV cell is. (Declared JSON and read with `json_extract_string`, the same values cost three
 * times the CPU: 25 s against 8 s for 500,000 dossiers and a million events.)
 */
function jsonSource(path: string, names: readonly string[]): string {
  const columns = names.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(", ");
  return `read_json(${sqlString(path)}, format = 'newline_delimited', records = true, columns = {${columns}})`;
}

/** The type `loadSource` gives a JSON lines column it reads as text (see `jsonSource`). */
const JSON_TEXT = "JSON TEXT";

/** A file's columns (lower-cased) and their DuckDB types. */
async function describe(connection: DuckDBConnection, from: string): Promise<Map<string, { name: string; type: string }>> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  const columns = new Map<string, { name: string; type: string }>();
  for (const row of reader.getRowObjectsJS()) {
    const name = String(row.column_name);
    columns.set(name.trim().toLowerCase(), { name, type: String(row.column_type).toUpperCase() });
  }
  return columns;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface ColumnSql {
  /** SELECT expressions producing the loaded columns. */
  readonly outputs: readonly string[];
  /** TRUE when the cell holds something that could not be read. */
  readonly invalid: string | null;
  /** The cell as text, for messages. */
  readonly raw: string;
  /** For a text column: the SQL of its loaded value (what its output is), to make the id's key from. */
  readonly value?: string;
}

const flagList = (values: readonly string[]) => values.map(sqlString).join(", ");

/**
 * The key of an id (see `INPUT_TABLES` in `sql/tables.ts`): DuckDB's 64-bit hash of the id's text, NULL for no id.
 * `salt` > 0 gives another key function, used when two different ids were found to share a key.
 */
export function keyOf(text: string, salt = 0): string {
  return `CASE WHEN ${text} IS NOT NULL THEN hash(${salt === 0 ? text : `${sqlString(`chiso-key-${salt}:`)} || ${text}`}) END`;
}

/** How one column is read, by its kind and the type the file gives it. `key` makes an id's key (`InputColumn.key`). */
function columnSql(spec: InputColumn, found: { name: string; type: string } | undefined, trim = true, key: (text: string) => string = keyOf): ColumnSql {
  const read = readColumnSql(spec, found, trim);
  if (!spec.key) return read;
  // The key is made from the id as loaded, so a key and its id always agree.
  return { ...read, outputs: [...read.outputs, found && read.value ? `${key(read.value)} AS ${spec.key}` : `CAST(NULL AS UBIGINT) AS ${spec.key}`] };
}

function readColumnSql(spec: InputColumn, found: { name: string; type: string } | undefined, trim: boolean): ColumnSql {
  if (!found) {
    const nulls = spec.kind === "timestamp" ? [`CAST(NULL AS BIGINT) AS ${spec.target}_min`, `CAST(NULL AS BIGINT) AS ${spec.target}_day`] : [`CAST(NULL AS ${spec.kind === "text" ? "VARCHAR" : "BIGINT"}) AS ${spec.target}`];
    return { outputs: spec.kind === "flag" ? [`CAST(0 AS BIGINT) AS ${spec.target}`] : nulls, invalid: null, raw: "NULL" };
  }
  const value = quoteIdentifier(found.name);
  if (found.type === JSON_TEXT) return jsonColumnSql(spec, value);
  // Text from CSV is trimmed (stray spaces are common in exports); Parquet values are taken as typed.
  const text = trim ? `NULLIF(TRIM(CAST(${value} AS VARCHAR)), '')` : `NULLIF(CAST(${value} AS VARCHAR), '')`;
  const isText = found.type === "VARCHAR";
  return typedColumnSql(spec, found, value, text, isText);
}

/**
 * A JSON value (see `jsonSource`) read by its meaning: `"C1"` is C1, `77` is 77, `"9"` is 9 where a number is
 * expected, `true` is a flag's yes; the text is then read as a CSV cell is (not trimmed: JSON strings are
 * taken as written). An object or an array is not a cell's value: where a number, a flag or a time is expected
 * its JSON text fails to parse (`bad_value`, `bad_timestamp`, quoting it); where text is expected (an id) it is
 * refused as `bad_value` here. (A string holding the JSON text of an object or array cannot be told from one and
 * is refused alike; only values starting with { or [ are parsed, and only in text columns: the test on every
 * column cost half again the load's CPU.)
 */
function jsonColumnSql(spec: InputColumn, value: string): ColumnSql {
  const text = `NULLIF(${value}, '')`;
  if (spec.kind !== "text") return typedColumnSql(spec, { name: "", type: "VARCHAR" }, text, text, true);
  const nested = `(CASE WHEN left(${value}, 1) IN ('{', '[') THEN json_valid(${value}) ELSE FALSE END)`;
  const loaded = `CASE WHEN NOT ${nested} THEN ${spec.lowercase ? `LOWER(${text})` : text} END`;
  return { outputs: [`${loaded} AS ${spec.target}`], invalid: `COALESCE(${nested}, FALSE)`, raw: text, value: loaded };
}

/** A column read from a typed value (`value`) and its text (`text`, NULL when empty). */
function typedColumnSql(spec: InputColumn, found: { name: string; type: string }, value: string, text: string, isText: boolean): ColumnSql {
  switch (spec.kind) {
    case "text": {
      const loaded = spec.lowercase ? `LOWER(${text})` : text;
      return { outputs: [`${loaded} AS ${spec.target}`], invalid: null, raw: text, value: loaded };
    }
    case "integer": {
      const parsed = isText || found.type.startsWith("DECIMAL") || found.type === "DOUBLE" || found.type === "FLOAT" ? `TRY_CAST(${text} AS BIGINT)` : `TRY_CAST(${value} AS BIGINT)`;
      if (!isText && !found.type.startsWith("DECIMAL") && found.type !== "DOUBLE" && found.type !== "FLOAT") return { outputs: [`${parsed} AS ${spec.target}`], invalid: null, raw: text };
      // "12" is 12; "12.0", "1e3", "12 giờ" are refused rather than guessed.
      const exact = isText ? `(${parsed} IS NOT NULL AND CAST(${parsed} AS VARCHAR) = LTRIM(${text}, '+'))` : `(${parsed} IS NOT NULL AND CAST(${parsed} AS DOUBLE) = CAST(${value} AS DOUBLE))`;
      return { outputs: [`CASE WHEN ${exact} THEN ${parsed} END AS ${spec.target}`], invalid: `(${text} IS NOT NULL AND NOT ${exact})`, raw: text };
    }
    case "flag": {
      if (found.type === "BOOLEAN") return { outputs: [`CASE WHEN ${value} THEN 1 ELSE 0 END AS ${spec.target}`], invalid: null, raw: text };
      const lowered = `LOWER(${text})`;
      return {
        outputs: [`CASE WHEN ${lowered} IN (${flagList(FLAG_TRUE)}) THEN 1 ELSE 0 END AS ${spec.target}`],
        invalid: `(${text} IS NOT NULL AND ${lowered} NOT IN (${flagList([...FLAG_TRUE, ...FLAG_FALSE])}))`,
        raw: text,
      };
    }
    case "timestamp": {
      // Minutes and days of Vietnam's wall clock. A text value with a UTC offset other than +07:00 is
      // refused (read as wall clock it would be off by hours); TIMESTAMPTZ values are moved to UTC+7.
      let milliseconds: string;
      let invalid: string | null;
      if (found.type === "TIMESTAMP WITH TIME ZONE") {
        milliseconds = `epoch_ms(${value}) + 25200000`;
        invalid = null;
      } else if (found.type.startsWith("TIMESTAMP") || found.type === "DATE") {
        milliseconds = `epoch_ms(CAST(${value} AS TIMESTAMP))`;
        invalid = null;
      } else {
        const offset = `regexp_matches(${text}, '(Z|[+-][0-9]{2}:?[0-9]{2})$')`;
        const allowed = `regexp_matches(${text}, '[+]07:?00$')`;
        const stripped = `regexp_replace(${text}, '[+]07:?00$', '')`;
        milliseconds = `epoch_ms(TRY_CAST(${stripped} AS TIMESTAMP))`;
        invalid = `(${text} IS NOT NULL AND (TRY_CAST(${stripped} AS TIMESTAMP) IS NULL OR (${offset} AND NOT ${allowed})))`;
        return {
          outputs: [
            `CASE WHEN NOT ${invalid} THEN CAST(FLOOR(${milliseconds} / 60000.0) AS BIGINT) END AS ${spec.target}_min`,
            `CASE WHEN NOT ${invalid} THEN CAST(FLOOR(${milliseconds} / 86400000.0) AS BIGINT) END AS ${spec.target}_day`,
          ],
          invalid,
          raw: text,
        };
      }
      return {
        outputs: [`CAST(FLOOR((${milliseconds}) / 60000.0) AS BIGINT) AS ${spec.target}_min`, `CAST(FLOOR((${milliseconds}) / 86400000.0) AS BIGINT) AS ${spec.target}_day`],
        invalid,
        raw: text,
      };
    }
  }
}

export interface LoadedFile {
  readonly path: string;
  readonly format: FileFormat;
  /** Input columns present in the file. */
  readonly present: ReadonlySet<string>;
  /** Required columns the file lacks (the file cannot be used). */
  readonly missing: readonly string[];
  /**
   * For a timestamp column stored as a timestamp or date in a Parquet file (by its target, e.g. `received`):
   * a query of its earliest and latest day (`lo`, `hi`) that DuckDB answers from the file's statistics,
   * without reading the column. Text timestamps and text files have none (their days are scanned).
   */
  readonly dayBounds: ReadonlyMap<string, string>;
}

/** The day of Vietnam's wall clock of a typed timestamp value, as the loader computes `<target>_day`. */
function dayOfTyped(value: string, type: string): string | null {
  if (type === "TIMESTAMP WITH TIME ZONE") return `CAST(FLOOR((epoch_ms(${value}) + 25200000) / 86400000.0) AS BIGINT)`;
  if (type.startsWith("TIMESTAMP") || type === "DATE") return `CAST(FLOOR((epoch_ms(CAST(${value} AS TIMESTAMP))) / 86400000.0) AS BIGINT)`;
  return null;
}

/**
 * Loads one input file into `table` with the columns of the portable contract (`sql/tables.ts`):
 * `row_no`, the parsed columns, `parse_error` (the first column that could not be read) and
 * `parse_value` (what it held). `extra` adds constant or derived columns.
 */
export async function loadFile(
  connection: DuckDBConnection,
  table: string,
  path: string,
  columns: readonly InputColumn[],
  extra: readonly string[] = [],
  options: { readonly file?: InputFile; readonly tempDir?: string; readonly key?: (text: string) => string } = {},
): Promise<LoadedFile> {
  const format = formatOf(path);
  if (!format) throw new Error(`unsupported format: ${path}`);
  const file = options.file ?? "dossiers";
  // An empty file, or JSON lines DuckDB refuses outright (a BOM: read from a copy without it), are found
  // before DuckDB reads them; any other refusal is diagnosed from the file itself, never shown as DuckDB's text.
  const precheck = await diagnoseFile(path, format, file, { quick: true });
  if (precheck) throw new UnreadableFileError(precheck);
  const readPath = format === "jsonl" && options.tempDir ? await stripJsonBom(path, options.tempDir) : path;
  const refusedIfBroken = async (): Promise<void> => {
    const problem = await diagnoseFile(path, format, file, { quick: false });
    if (problem) throw new UnreadableFileError(problem);
  };
  const refused = async (): Promise<never> => {
    await refusedIfBroken();
    throw new UnreadableFileError({ code: "unreadable_file", severity: "error", file, fileName: path, value: format });
  };
  const paths = { path, readPath };
  try {
    return await loadSource(connection, table, paths, source(readPath, format), format, columns, extra, { refused, refusedIfBroken, key: options.key });
  } catch (error) {
    // DuckDB's parallel CSV reader refuses a quoted cell holding a line break (with padded short rows); the
    // serial reader reads it. Tried only after a refusal: the parallel reader is the fast one.
    if (format !== "csv") throw error;
    return loadSource(connection, table, paths, source(readPath, format, true), format, columns, extra, { refused, refusedIfBroken, key: options.key });
  }
}

async function loadSource(
  connection: DuckDBConnection,
  table: string,
  { path, readPath }: { path: string; readPath: string },
  { from: described, rowOffset }: { from: string; rowOffset: number },
  format: FileFormat,
  columns: readonly InputColumn[],
  extra: readonly string[],
  { refused, refusedIfBroken, key }: { refused: () => Promise<never>; refusedIfBroken: () => Promise<void>; key?: ((text: string) => string) | undefined },
): Promise<LoadedFile> {
  let found: Map<string, { name: string; type: string }>;
  let from = described;
  try {
    found = await describe(connection, from);
  } catch {
    return refused();
  }
  const missing = columns.filter((spec) => spec.required && !found.has(spec.name)).map((spec) => spec.name);
  // JSON lines that are not all objects (arrays, bare values) come back as one column named `json`, or lack
  // columns: the line that is not an object is named (json_not_object), not "columns missing".
  if (format === "jsonl" && missing.length > 0) await refusedIfBroken();
  const present = new Set(columns.filter((spec) => found.has(spec.name)).map((spec) => spec.name));
  if (format === "jsonl" && present.size > 0) {
    // Every input column the file has, read as text: its values by their meaning, whatever types the lines mix.
    from = jsonSource(readPath, columns.flatMap((spec) => (found.has(spec.name) ? [found.get(spec.name)!.name] : [])));
    for (const [key, column] of found) if (present.has(key)) found.set(key, { ...column, type: JSON_TEXT });
  }
  const parts = columns.map((spec) => ({ spec, sql: columnSql(spec, found.get(spec.name), format === "csv", key) }));
  const checks = parts.filter((part) => part.sql.invalid !== null);
  const parseError = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE ${checks.map((part) => `WHEN ${part.sql.invalid} THEN ${sqlString(part.spec.name)}`).join(" ")} END`;
  const parseValue = checks.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE ${checks.map((part) => `WHEN ${part.sql.invalid} THEN ${part.sql.raw}`).join(" ")} END`;
  // Parquet knows each record's position; for text files the scan order is the file's order
  // (DuckDB preserves insertion order), so ROW_NUMBER() without ORDER BY numbers the records.
  const rowNumber = format === "parquet" ? `CAST(file_row_number + 1 AS BIGINT)` : `CAST(ROW_NUMBER() OVER () + ${rowOffset} AS BIGINT)`;
  const fromWithRows = format === "parquet" ? from.replace(/\)$/, ", file_row_number = true)") : from;
  // Parquet is read where it lies (a view: the big files are scanned, never copied into memory); text
  // files are parsed once into a table, which also fixes their row numbers.
  try {
    await connection.run(
      `CREATE OR REPLACE TEMP ${format === "parquet" ? "VIEW" : "TABLE"} ${table} AS SELECT ${rowNumber} AS row_no, ${[...parts.flatMap((part) => part.sql.outputs), ...extra].join(", ")}, ${parseError} AS parse_error, ${parseValue} AS parse_value FROM ${fromWithRows}`,
    );
  } catch {
    return refused();
  }
  // A day is a non-decreasing function of the timestamp, so the earliest day is the day of the earliest
  // value; DuckDB reads MIN and MAX of a Parquet column from its row groups' statistics when they are exact.
  const dayBounds = new Map<string, string>();
  if (format === "parquet") {
    for (const spec of columns.filter((column) => column.kind === "timestamp")) {
      const column = found.get(spec.name);
      const lo = column && dayOfTyped(`MIN(${quoteIdentifier(column.name)})`, column.type);
      const hi = column && dayOfTyped(`MAX(${quoteIdentifier(column.name)})`, column.type);
      if (lo && hi) dayBounds.set(spec.target, `SELECT ${lo} AS lo, ${hi} AS hi FROM ${from}`);
    }
  }
  return { path, format, present, missing, dayBounds };
}

/**
 * A Parquet file is read where it lies (a view), so a file damaged past its footer fails only when a query
 * reaches the broken part: DuckDB's refusal to read an input becomes the located problem, found by checking
 * the input files themselves (any other error is returned as it is).
 */
export async function inputError(connection: DuckDBConnection, error: unknown, inputs: readonly { readonly file: InputFile; readonly path: string }[]): Promise<unknown> {
  {
    if (error instanceof UnreadableFileError || !/Invalid Input Error|IO Error|Corrupt|parquet|thrift/i.test((error as Error)?.message ?? "")) return error;
    for (const input of inputs.filter((candidate) => formatOf(candidate.path) === "parquet")) {
      const problem = await diagnoseFile(input.path, "parquet", input.file, { quick: false });
      if (problem) return new UnreadableFileError(problem);
      // Its footer is sound: read every value to find whether its data is the damaged part.
      try {
        await connection.run(`SELECT COUNT(*) FROM (SELECT * FROM read_parquet(${sqlString(input.path)})) t WHERE hash(t) IS NULL`);
      } catch {
        return new UnreadableFileError({ code: "not_parquet", severity: "error", file: input.file, fileName: input.path });
      }
    }
    return error;
  }
}

/** An empty table with the contract's columns (e.g. no feedback file). */
export async function createEmpty(connection: DuckDBConnection, table: string, columns: readonly InputColumn[]): Promise<void> {
  const outputs = columns.flatMap((spec) => columnSql(spec, undefined).outputs);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT CAST(0 AS BIGINT) AS row_no, ${outputs.join(", ")}, CAST(NULL AS VARCHAR) AS parse_error, CAST(NULL AS VARCHAR) AS parse_value WHERE 1 = 0`);
}

/**
 * The column names of an input file as the loader sees them (its header, or a JSON lines file's keys), for a
 * message about missing columns; `null` when the file cannot be read. Runs its own in-memory DuckDB: called
 * only after a run was refused.
 */
export async function fileColumns(path: string): Promise<string[] | null> {
  const format = formatOf(path);
  if (!format) return null;
  const temp = await mkdtemp(join(tmpdir(), "chiso-columns-"));
  const instance = await DuckDBInstance.create(":memory:", { temp_directory: temp });
  const connection = await instance.connect();
  try {
    const readPath = format === "jsonl" ? await stripJsonBom(path, temp) : path;
    const found = await describe(connection, source(readPath, format).from);
    return [...found.values()].map((column) => column.name);
  } catch {
    return null;
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(temp, { recursive: true, force: true });
  }
}

const COLUMNS_OF: Readonly<Record<Exclude<InputFile, "units">, readonly InputColumn[]>> = { dossiers: DOSSIER_COLUMNS, events: EVENT_COLUMNS, procedures: PROCEDURE_COLUMNS, feedback: FEEDBACK_COLUMNS };

/** For `missing_column` problems (a `MissingColumnsError`), one report per file: what it has, what it needs, a hint. */
export async function headerReports(problems: readonly DossierProblem[]): Promise<HeaderReport[]> {
  const reports: HeaderReport[] = [];
  for (const problem of problems) {
    if (problem.code !== "missing_column" || problem.file === "units" || reports.some((report) => report.fileName === problem.fileName)) continue;
    const missing = problems.filter((other) => other.code === "missing_column" && other.fileName === problem.fileName).map((other) => other.column ?? "");
    const columns = COLUMNS_OF[problem.file];
    const found = await fileColumns(problem.fileName);
    reports.push({
      fileName: problem.fileName,
      missing,
      found,
      required: columns.filter((column) => column.required).map((column) => column.name),
      optional: columns.filter((column) => !column.required).map((column) => column.name),
      // Renames are suggested for every column the file lacks, optional ones too (an item is left out without them).
      ...headerHint(found ?? [], columns.filter((column) => !(found ?? []).some((name) => name.trim().toLowerCase() === column.name)).map((column) => column.name)),
    });
  }
  return reports;
}
