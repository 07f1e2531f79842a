import type { FigureInput, FiguresFile, Scheme, UnitInput } from "@chiso/core";
import { MAX_CELL_LENGTH, OversizedText, cellText, cellValue, isBlank, parseCount, parseDecimal, parseLevel, parsePeriodCell } from "./cells.js";
import { figureColumns, matchHeader, unitColumns, type ColumnKey, type ColumnSpec } from "./columns.js";
import type { ImportIssue, Origin, ReadResult, UnitPlace } from "./issues.js";
import { columnLetter, normalizeText } from "./normalize.js";
import type { Sheet } from "./tables.js";

interface ParsedTable {
  readonly sheet: Sheet;
  readonly headerRows: number;
  readonly keys: readonly (ColumnKey | null)[];
  readonly headers: readonly string[];
  readonly issues: ImportIssue[];
  /** Each known column's position (the first, when a key repeats) and how it is shown. */
  readonly index: ReadonlyMap<ColumnKey, number>;
  readonly columns: ReadonlyMap<ColumnKey, { letter: string; header: string }>;
}

/** Finds the header (one row, or a merged row over "Tử số"/"Mẫu số") and what each column means. */
function parseHeader(sheet: Sheet, scheme: Scheme, columns: readonly ColumnSpec[], file: string): ParsedTable | null {
  let best: ParsedTable | null = null;
  let bestCount = 0;
  for (const [index, candidate] of sheet.rows.slice(0, 15).entries()) {
    const below = sheet.rows[index + 1];
    const subHeader = below && below.number === candidate.number + 1 && below.cells.filter((cell) => /^(tu so|mau so|numerator|denominator)$/.test(normalizeText(cellText(cell)))).length >= 2;
    let carried = "";
    // Rows can be sparse (a row omits empty cells), so walk every column explicitly.
    const width = Math.max(candidate.cells.length, subHeader ? below!.cells.length : 0);
    const headers = Array.from({ length: width }, (_, column) => {
      const own = cellText(candidate.cells[column]);
      if (own !== "") carried = own;
      return subHeader ? `${own === "" ? carried : own} ${cellText(below!.cells[column])}`.trim() : own;
    });
    const keys = headers.map((header) => matchHeader(header, scheme, columns));
    const count = keys.filter((key) => key !== null).length;
    if (keys.includes("unit") && count >= 2 && count > bestCount) {
      bestCount = count;
      const index = new Map<ColumnKey, number>();
      const located = new Map<ColumnKey, { letter: string; header: string }>();
      keys.forEach((key, position) => {
        if (key === null || index.has(key)) return;
        index.set(key, position);
        located.set(key, { letter: columnLetter(position + 1), header: headers[position]! });
      });
      best = { sheet, headerRows: candidate.number + (subHeader ? 1 : 0), keys, headers, issues: [], index, columns: located };
    }
  }
  if (!best) return null;
  const seen = new Map<ColumnKey, number>();
  best.keys.forEach((key, index) => {
    const header = best!.headers[index]!;
    const location = { file, sheet: sheet.name, row: best!.headerRows, column: columnLetter(index + 1), header };
    if (key === null) {
      if (header !== "") best!.issues.push({ ...location, code: "unknown_column", severity: "warning", params: { header } });
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) best!.issues.push({ ...location, code: "duplicate_column", severity: "error", params: { first: columnLetter(first + 1), key } });
    else seen.set(key, index);
  });
  return best;
}

function cellOf(table: ParsedTable, row: { cells: readonly unknown[] }, key: ColumnKey): unknown {
  const index = table.index.get(key);
  return index === undefined ? undefined : row.cells[index];
}

/** The top-left cell of the merged range a cell lies in (not being that cell itself), if any. */
function mergeOf(sheet: Sheet, row: number, column: number) {
  return sheet.merges?.find((range) => row >= range.top && row <= range.bottom && column >= range.left && column <= range.right && !(row === range.top && column === range.left));
}

/** A cell found empty that lies in a merged range is reported as the merge it is. */
export function mergedCell(sheets: readonly Sheet[], issue: ImportIssue): ImportIssue {
  if (issue.code !== "missing_value" || issue.row === undefined || !issue.column) return issue;
  const sheet = sheets.find((candidate) => candidate.name === issue.sheet);
  const column = columnIndex(issue.column);
  const range = sheet && mergeOf(sheet, issue.row, column);
  if (!range) return issue;
  return { ...issue, code: "merged_cell", params: { cell: `${issue.column}${issue.row}`, range: range.ref, first: `${columnLetter(range.left + 1)}${range.top}` } };
}

/** "AB" → 27 - 1 (0-based). */
function columnIndex(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

/** A table as its hidden parts are looked for: the data rows it reads, which columns it reads, its unit column. */
export interface ReadTable {
  readonly sheet: Sheet;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly Row[];
  readonly reads: (column: number) => boolean;
  readonly unitColumn: number | undefined;
}

/**
 * What Excel hides in a table that is read — the sheet, its data rows, its columns with values — on every
 * sheet read (figures, units, SIPAS, PAR): used all the same, and said.
 */
export function hiddenParts(table: ReadTable, file: string): ImportIssue[] {
  const { sheet, rows: data } = table;
  const found: ImportIssue[] = [];
  if (sheet.hidden && data.length > 0) found.push({ file, sheet: sheet.name, code: "hidden_sheet", severity: "warning", params: { rows: data.length } });
  for (const column of sheet.hiddenColumns ?? []) {
    if (!table.reads(column)) continue;
    const rows = data.filter((row) => !isBlank(row.cells[column])).length;
    if (rows > 0) found.push({ file, sheet: sheet.name, row: table.headerRow, column: columnLetter(column + 1), header: table.headers[column] ?? "", code: "hidden_column", severity: "warning", params: { rows } });
  }
  const unitOf = (row: Row) => (table.unitColumn === undefined ? "" : cellText(row.cells[table.unitColumn]));
  for (const row of data) if (sheet.hiddenRows?.has(row.number)) found.push({ file, sheet: sheet.name, row: row.number, unit: unitOf(row), code: "hidden_row", severity: "warning", params: {} });
  return found;
}

/** A figures or units table, as `hiddenParts` reads it. */
function readTableOf(table: ParsedTable): ReadTable {
  return {
    sheet: table.sheet,
    headerRow: table.headerRows,
    headers: table.headers,
    rows: table.sheet.rows.filter((row) => row.number > table.headerRows && !row.cells.every(isBlank)),
    reads: (column) => table.keys[column] !== null && table.keys[column] !== undefined,
    unitColumn: table.index.get("unit"),
  };
}

/** A name as compared: composed the same way, spaces collapsed (how it looks, not how it was typed). */
const sameName = (name: string) => name.normalize("NFC").replace(/\s+/gu, " ").trim();

const INSTRUCTION_SHEETS = new Set(["huong dan", "instructions", "readme"]);

/** The first row (of the first 15) that has a unit id header: the sheet was meant as a table. */
function unitHeaderRow(sheet: Sheet, scheme: Scheme): number | null {
  const specs = unitColumns();
  for (const row of sheet.rows.slice(0, 15)) if (row.cells.some((cell) => matchHeader(cellText(cell), scheme, specs) === "unit")) return row.number;
  return null;
}

type Row = Sheet["rows"][number];

/** A unit as first described, to compare later descriptions of the same id with. */
interface UnitSeen {
  readonly index: number;
  readonly sheet: string;
  readonly row: number;
  readonly fields: Readonly<Record<"name" | "level" | "parent", string>>;
  readonly fromUnitsSheet: boolean;
}

/**
 * Reads the data rows of a tabular file (the sheets of a workbook, or a CSV as one sheet) into a
 * chiso.figures/1 document, with every cell problem located. Sheets that are neither a figures
 * table, a units table, a survey or PAR table (`companionSheets`) nor the instructions are reported,
 * so no row is silently left out.
 */
export function readTables(sheets: readonly Sheet[], scheme: Scheme, file: string, options: { period?: string; companionSheets?: ReadonlySet<string>; unitsOnly?: boolean } = {}): ReadResult {
  const issues: ImportIssue[] = [];
  const figureSpecs = [...figureColumns(scheme), ...unitColumns().filter((column) => column.key === "level" || column.key === "parent")];
  const tables = sheets.flatMap((sheet) => {
    const table = parseHeader(sheet, scheme, figureSpecs, file);
    return table && table.keys.some((key) => key?.endsWith(".numerator") || key?.endsWith(".denominator")) ? [table] : [];
  });
  const unitTables = sheets.flatMap((sheet) => {
    const table = parseHeader(sheet, scheme, unitColumns(), file);
    return table && table.keys.includes("level") && !tables.some((figures) => figures.sheet === sheet) ? [table] : [];
  });
  const units: UnitInput[] = [];
  const unitOrigins: Origin[] = [];
  const unitIssues: ImportIssue[][] = [];
  const figures: FigureInput[] = [];
  const figureOrigins: Origin[] = [];
  const rowIssues: ImportIssue[][] = [];
  const seenUnits = new Map<string, UnitSeen>();
  /** Units whose row was refused, at the first such row; an id declared by a later valid row is not refused. */
  const refusedUnits = new Map<string, UnitPlace>();
  const refuse = (id: string, sheet: string, row: number) => {
    if (id !== "" && !refusedUnits.has(id)) refusedUnits.set(id, { sheet, row });
  };
  const unitRowIssues: ImportIssue[] = [];
  const result = (headers: readonly string[]): ReadResult => {
    // A cell Excel merged into its neighbour is empty because of the merge: that is what to say, and fix.
    const merged = (list: ImportIssue[]) => list.forEach((issue, index) => (list[index] = mergedCell(sheets, issue)));
    [issues, unitRowIssues, ...rowIssues, ...unitIssues].forEach(merged);
    return { document: { units, figures } as FiguresFile, issues, unitOrigins, figureOrigins, rowIssues, unitIssues, headers, refusedUnits: new Map([...refusedUnits].filter(([id]) => !seenUnits.has(id))), unitRowIssues };
  };

  // Every sheet is read, or said not to be read.
  for (const sheet of sheets) {
    if (tables.some((table) => table.sheet === sheet) || unitTables.some((table) => table.sheet === sheet) || options.companionSheets?.has(sheet.name)) continue;
    if (sheets.length > 1 && INSTRUCTION_SHEETS.has(normalizeText(sheet.name))) continue;
    const filled = sheet.rows.filter((row) => !row.cells.every(isBlank)).length;
    if (filled === 0) continue;
    const headerRow = unitHeaderRow(sheet, scheme);
    if (sheets.length === 1 && tables.length === 0) break; // a CSV without a table: no_figures_table (or no_units) says it
    if (options.unitsOnly) continue; // a units file: its other sheets are not the figures
    // A sheet with a unit column but no figure columns and no numbers is notes (a copy of the ids, remarks):
    // said not to be read. With numbers it looks like figures whose headers were not recognised: an error of
    // that sheet's rows, which never keeps the other sheets from being checked or (--skip-invalid) scored.
    const numbers = headerRow === null ? 0 : sheet.rows.filter((row) => row.number > headerRow && row.cells.some((cell) => typeof cellValue(cell) === "number")).length;
    issues.push(
      headerRow === null || numbers === 0
        ? { file, sheet: sheet.name, ...(headerRow !== null && { row: headerRow }), code: "sheet_not_read", severity: "warning", params: headerRow === null ? { rows: filled } : { rows: filled, notes: "yes" } }
        : { file, sheet: sheet.name, row: headerRow, code: "unrecognised_table", severity: "error", params: { row: headerRow, rows: filled - 1 } },
    );
  }
  if (tables.length === 0 && !options.unitsOnly) {
    issues.push({ file, code: "no_figures_table", severity: "error", params: {} });
    return result([]);
  }
  for (const table of [...tables, ...unitTables]) issues.push(...table.issues, ...hiddenParts(readTableOf(table), file));

  const conflicted = new Set<string>();
  /** A row's problems; one per cell, so a cell too long is not also "not a number". */
  const problemsFor = () => {
    const list: ImportIssue[] = [];
    const push = (issue: ImportIssue) => {
      if (issue.column && list.some((known) => known.column === issue.column)) return;
      list.push(issue);
    };
    return { list, push };
  };
  // A value past the header's last column has no meaning: in a CSV it is most often a row shifted by an
  // unquoted separator (its numbers would land in the wrong items), so the row is refused; in a workbook it is
  // likely a note beside the table, reported as a warning.
  const strayLevel = /\.csv$/iu.test(file) ? "error" : "warning";
  const oversized = (table: ParsedTable, row: Row, unit: string, push: (issue: ImportIssue) => void) => {
    row.cells.forEach((cell, position) => {
      if (position >= table.headers.length && cellText(cell) !== "") {
        push({ file, sheet: table.sheet.name, row: row.number, unit, column: columnLetter(position + 1), header: "", code: "cell_beyond_header", severity: strayLevel, params: { shown: cellText(cell).slice(0, 40), columns: table.headers.length } });
        return;
      }
      if (!(cell instanceof OversizedText)) return;
      push({ file, sheet: table.sheet.name, row: row.number, unit, column: columnLetter(position + 1), header: table.headers[position] ?? "", code: "cell_too_long", severity: "error", params: { shown: cell.length, limit: MAX_CELL_LENGTH } });
    });
  };

  const addUnit = (table: ParsedTable, row: Row, push: (issue: ImportIssue) => void, fromUnitsSheet: boolean) => {
    const id = cellText(cellOf(table, row, "unit"));
    if (id === "") return;
    const levelText = cellText(cellOf(table, row, "level"));
    const level = parseLevel(normalizeText(levelText));
    const origin: Origin = { sheet: table.sheet.name, row: row.number, columns: table.columns, raw: row.cells };
    const at = (key: ColumnKey) => ({ file, sheet: table.sheet.name, row: row.number, unit: id, column: table.columns.get(key)?.letter ?? "", header: table.columns.get(key)?.header ?? "" });
    const fields = { name: cellText(cellOf(table, row, "name")) || id, level: level ?? levelText, parent: cellText(cellOf(table, row, "parent")) };
    const first = seenUnits.get(id);
    if (first) {
      // On a units sheet an id is listed once; figure rows repeat their unit's details, which must agree.
      if (fromUnitsSheet && first.fromUnitsSheet) {
        unitIssues[first.index]!.push({ ...at("unit"), code: "duplicate_unit_row", severity: "error", params: { unit: id, first: first.row } });
        return;
      }
      const differing = (["name", "level", "parent"] as const).find((field) => (field !== "name" || table.columns.has("name")) && (field !== "parent" || table.columns.has("parent") || fields.parent !== "") && fields[field] !== first.fields[field]);
      if (differing && !conflicted.has(`${id}|${differing}`)) {
        conflicted.add(`${id}|${differing}`);
        unitIssues[first.index]!.push({ ...at(differing), code: "conflicting_unit", severity: "error", params: { unit: id, field: differing, value: fields[differing], firstValue: first.fields[differing], firstSheet: sheets.length > 1 ? first.sheet : "", firstRow: first.row } });
      }
      return;
    }
    if (!level) {
      push({ ...at("level"), code: levelText === "" ? "missing_value" : "invalid_level", severity: "error", params: { shown: levelText, field: "level" } });
      refuse(id, table.sheet.name, row.number);
      return;
    }
    seenUnits.set(id, { index: units.length, sheet: table.sheet.name, row: row.number, fields, fromUnitsSheet });
    units.push(fields.parent === "" ? { id, name: fields.name, level } : { id, name: fields.name, level, parent: fields.parent });
    unitOrigins.push(origin);
    unitIssues.push([]);
  };

  for (const table of unitTables) {
    for (const row of table.sheet.rows) {
      if (row.number <= table.headerRows || row.cells.every(isBlank)) continue;
      const { list, push } = problemsFor();
      const id = cellText(cellOf(table, row, "unit"));
      oversized(table, row, id, push);
      // A row with details but no id declares nothing: said, never skipped in silence.
      if (id === "" && list.length === 0) push({ file, sheet: table.sheet.name, row: row.number, column: table.columns.get("unit")?.letter ?? "", header: table.columns.get("unit")?.header ?? "", code: "missing_value", severity: "error", params: { field: "unit" } });
      else if (list.length === 0) addUnit(table, row, push, true);
      else refuse(id, table.sheet.name, row.number);
      // A refused unit row is that row's problem, not the file's: every other row is still read and checked.
      unitRowIssues.push(...list);
    }
  }
  const unitsFromFigures = unitTables.length === 0 && tables.some((table) => table.keys.includes("level"));
  if (unitTables.length === 0 && !unitsFromFigures) issues.push({ file, code: "no_units", severity: "error", params: {} });

  /** Units already said to be named otherwise on a figures row, with that name: said once, at its first row. */
  const renamed = new Set<string>();
  // A figures row's unit name is not what the documents print (the units sheet's is): a different one is said, never ignored.
  const namedOtherwise = (table: ParsedTable, row: Row, unit: string) => {
    const declared = seenUnits.get(unit);
    const named = cellText(cellOf(table, row, "name"));
    if (!declared?.fromUnitsSheet || named === "" || sameName(named) === sameName(declared.fields.name) || renamed.has(`${unit}|${sameName(named)}`)) return;
    renamed.add(`${unit}|${sameName(named)}`);
    const column = table.columns.get("name")!;
    issues.push({ file, sheet: table.sheet.name, row: row.number, unit, column: column.letter, header: column.header, code: "unit_name_differs", severity: "warning", params: { unit, shown: named, used: declared.fields.name, firstSheet: declared.sheet, firstRow: declared.row } });
  };

  for (const table of tables) {
    const specs = new Map(figureSpecs.map((spec) => [spec.key, spec]));
    if (!table.keys.includes("period") && !options.period) {
      issues.push({ file, sheet: table.sheet.name, row: table.headerRows, code: "missing_column", severity: "error", params: { header: "Kỳ / Period" } });
    }
    for (const row of table.sheet.rows) {
      if (row.number <= table.headerRows || row.cells.every(isBlank)) continue;
      const origin: Origin = { sheet: table.sheet.name, row: row.number, columns: table.columns, raw: row.cells };
      const { list: problems, push } = problemsFor();
      const unit = cellText(cellOf(table, row, "unit"));
      const at = (key: ColumnKey) => ({ file, sheet: table.sheet.name, row: row.number, unit, column: table.columns.get(key)?.letter ?? "", header: table.columns.get(key)?.header ?? "" });
      oversized(table, row, unit, push);
      if (unit === "" && !problems.some((problem) => problem.column === table.columns.get("unit")?.letter)) push({ ...at("unit"), code: "missing_value", severity: "error", params: { field: "unit" } });
      if (unitsFromFigures && problems.length === 0) addUnit(table, row, push, false);
      else if (unitsFromFigures) refuse(unit, table.sheet.name, row.number);
      else namedOtherwise(table, row, unit);
      const periodCell = cellOf(table, row, "period");
      const periodText = cellText(periodCell);
      const period = table.keys.includes("period") ? parsePeriodCell(periodCell, normalizeText(periodText)) : (options.period ?? null);
      if (table.keys.includes("period") && period === null) {
        push({ ...at("period"), code: periodText === "" ? "missing_value" : "invalid_period", severity: "error", params: { shown: periodText, field: "period" } });
      }
      const items: Record<string, { numerator: number; denominator: number }> = {};
      const components: Record<string, Record<string, number>> = {};
      const tracked: Record<string, number> = {};
      for (const item of scheme.items) {
        const numeratorKey = `${item.code}.numerator`;
        const denominatorKey = `${item.code}.denominator`;
        const rawNumerator = cellOf(table, row, numeratorKey);
        const rawDenominator = cellOf(table, row, denominatorKey);
        if (isBlank(rawNumerator) && isBlank(rawDenominator)) continue; // not reported: "no data", never 0
        const pair: number[] = [];
        for (const [key, raw, field] of [[numeratorKey, rawNumerator, "numerator"], [denominatorKey, rawDenominator, "denominator"]] as const) {
          if (isBlank(raw)) {
            push({ ...at(key), code: "missing_value", severity: "error", params: { field, item: `${item.id} “${item.name.vi}”`, itemEn: `${item.id} “${item.name.en}”` } });
            continue;
          }
          const parsed = parseCount(raw);
          if ("problem" in parsed) push({ ...at(key), code: parsed.problem, severity: "error", params: { shown: parsed.shown, limit: MAX_CELL_LENGTH, ...parsed.details } });
          else pair.push(parsed.value);
        }
        if (pair.length === 2) items[item.code] = { numerator: pair[0]!, denominator: pair[1]! };
      }
      for (const [key, spec] of specs) {
        if (!key.includes(".") || key.endsWith(".numerator") || key.endsWith(".denominator")) continue;
        const raw = cellOf(table, row, key);
        if (isBlank(raw)) continue;
        const parsed = spec.kind === "decimal" ? parseDecimal(raw) : parseCount(raw);
        if ("problem" in parsed) {
          push({ ...at(key), code: parsed.problem, severity: "error", params: { shown: parsed.shown, limit: MAX_CELL_LENGTH, ...parsed.details } });
          continue;
        }
        const [group, field] = key.split(".") as [string, string];
        if (group === "tracked") tracked[field] = parsed.value;
        else (components[group] ??= {})[field] = parsed.value;
      }
      const figure: FigureInput = { unit, period: period ?? periodText, items };
      const complete = (group: string, fields: readonly string[]) => fields.every((field) => components[group]?.[field] !== undefined);
      if (complete("channels", ["received", "online", "direct", "post"])) figure.channels = components.channels as unknown as NonNullable<FigureInput["channels"]>;
      if (complete("settlement", ["settled", "early", "onTime", "overdue"])) figure.settlement = components.settlement as unknown as NonNullable<FigureInput["settlement"]>;
      if (Object.keys(tracked).length > 0) figure.tracked = tracked;
      figures.push(figure);
      figureOrigins.push(origin);
      rowIssues.push(problems);
    }
  }
  return result(tables[0]?.headers ?? []);
}
