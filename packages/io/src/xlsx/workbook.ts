import { posix } from "node:path";
import { OversizedText } from "../cells.js";
import type { MergedRange, Sheet } from "../tables.js";
import { parseXml } from "./xml.js";
import { openZip, ZipError, type ZipArchive } from "./zip.js";

export interface XlsxLimits {
  /** Bytes all the parts read may inflate to (a zip bomb stops here). */
  readonly maxUncompressedBytes: number;
  /** Longest text a cell may hold: Excel's own limit is 32,767 characters. */
  readonly maxCellLength: number;
}

interface Relationship {
  readonly target: string;
  readonly type: string;
}

const MAX_COLUMN = 16_384; // XFD, Excel's last column
const MAX_ROW = 1_048_576;

/** A part's path resolved against the part that refers to it ("/xl/…" is absolute, "worksheets/…" relative). */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(from), target));
}

function relationshipsOf(zip: ZipArchive, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const path = posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
  const bytes = zip.read(path);
  if (!bytes) return rels;
  parseXmlPart(path, bytes, {
    open(name, attributes) {
      if (name === "Relationship" && attributes.Id && attributes.Target) {
        rels.set(attributes.Id, { target: attributes.TargetMode === "External" ? "" : resolvePart(part, attributes.Target), type: attributes.Type ?? "" });
      }
    },
  });
  return rels;
}

function parseXmlPart(path: string, bytes: Buffer, handlers: Parameters<typeof parseXml>[1]): void {
  try {
    parseXml(bytes, handlers);
  } catch (error) {
    if (error instanceof ZipError || error instanceof CellLimitError) throw error;
    throw new ZipError({ kind: "corrupt", entry: path });
  }
}

/** A cell address outside Excel's grid: the file was not written by a spreadsheet program. */
class CellLimitError extends Error {}

/** "AB12" → column 27 (0-based), row 12. */
function parseReference(reference: string): { column: number; row: number } | null {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(reference);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) };
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/** A number format shows a date when it has day, month, year or time tokens outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare.replace(/general/gi, ""));
}

/** Which cell styles (by index) display dates. */
function dateStyles(zip: ZipArchive, path: string | undefined): Set<number> {
  const styles = new Set<number>();
  const bytes = path ? zip.read(path) : null;
  if (!bytes) return styles;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  parseXmlPart(path!, bytes, {
    open(name, attributes) {
      if (name === "numFmt") custom.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) styles.add(index);
        index += 1;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

/** Text of each shared string; phonetic runs (`rPh`) are not part of the text. */
function sharedStrings(zip: ZipArchive, path: string | undefined): string[] {
  const strings: string[] = [];
  const bytes = path ? zip.read(path) : null;
  if (!bytes) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXmlPart(path!, bytes, {
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic += 1;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "si") {
        strings.push((current ?? []).join(""));
        current = null;
      } else if (name === "rPh") phonetic -= 1;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

/** An Excel serial date as a JavaScript date (UTC), in the 1900 or the 1904 date system. */
function serialToDate(serial: number, date1904: boolean): Date {
  // 1900 system: Excel counts a 29 February 1900 that never was, so serials below 61 are one day later.
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

interface SheetContext {
  readonly strings: readonly string[];
  readonly dates: ReadonlySet<number>;
  readonly date1904: boolean;
  readonly maxCellLength: number;
}

type SheetBody = Pick<Sheet, "rows" | "hiddenRows" | "hiddenColumns" | "merges">;

/** The rows of one worksheet part, as raw cell values (`cells[0]` is column A), with what Excel hides or merges. */
function readWorksheet(path: string, bytes: Buffer, context: SheetContext): SheetBody {
  const rows: { number: number; cells: unknown[] }[] = [];
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const merges: MergedRange[] = [];
  const hidden = (value: string | undefined) => value === "1" || value === "true";
  let row: { number: number; cells: unknown[] } | null = null;
  let lastRow = 0;
  let column = -1;
  let type = "n";
  let style = 0;
  let formula = false;
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const limited = (text: string) => (text.length > context.maxCellLength ? new OversizedText(text.length) : text);
  parseXmlPart(path, bytes, {
    open(name, attributes) {
      switch (name) {
        case "row": {
          const number = attributes.r ? Number(attributes.r) : lastRow + 1;
          if (!Number.isInteger(number) || number < 1 || number > MAX_ROW) throw new CellLimitError(`row ${attributes.r}`);
          row = { number, cells: [] };
          if (hidden(attributes.hidden)) hiddenRows.add(number);
          lastRow = number;
          column = -1;
          break;
        }
        case "c": {
          const reference = attributes.r ? parseReference(attributes.r) : null;
          if (attributes.r && !reference) throw new CellLimitError(`cell ${attributes.r}`);
          column = reference ? reference.column : column + 1;
          if (column >= MAX_COLUMN) throw new CellLimitError(`cell ${attributes.r ?? column}`);
          type = attributes.t ?? "n";
          style = Number(attributes.s ?? 0);
          formula = false;
          value = null;
          inline = null;
          break;
        }
        case "f":
          formula = true;
          break;
        case "col": {
          const min = Number(attributes.min);
          const max = Math.min(Number(attributes.max), MAX_COLUMN);
          // A hidden run to the last column (Excel hides "the rest") is not data: only the first 256 are kept.
          if (hidden(attributes.hidden) && Number.isInteger(min) && Number.isInteger(max)) for (let column = min; column <= Math.min(max, min + 255); column += 1) hiddenColumns.add(column - 1);
          break;
        }
        case "mergeCell": {
          const [from, to] = (attributes.ref ?? "").split(":");
          const start = from ? parseReference(from) : null;
          const end = to ? parseReference(to) : start;
          if (start && end && merges.length < 10_000) merges.push({ ref: attributes.ref!, top: start.row, left: start.column, bottom: end.row, right: end.column });
          break;
        }
        case "v":
          value = [];
          break;
        case "is":
          inline = [];
          break;
        case "rPh":
          phonetic += 1;
          break;
        case "t":
          inText = inline !== null && phonetic === 0;
          break;
      }
    },
    text(text) {
      if (value) value.push(text);
      else if (inText && inline) inline.push(text);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic -= 1;
      else if (name === "row" && row) {
        if (row.cells.length > 0) rows.push(row);
        row = null;
      } else if (name === "c" && row) {
        const raw = value === null ? undefined : (value as string[]).join("");
        let cell: unknown;
        if (type === "s") {
          const index = Number(raw);
          if (raw === undefined || !Number.isInteger(index) || index < 0 || index >= context.strings.length) throw new ZipError({ kind: "corrupt", entry: path });
          cell = limited(context.strings[index]!);
        } else if (type === "inlineStr") cell = limited((inline ?? []).join(""));
        else if (type === "str") cell = raw === undefined ? undefined : limited(raw);
        else if (type === "b") cell = raw === undefined ? undefined : raw === "1" || raw === "true";
        else if (type === "e") cell = raw === undefined ? undefined : { error: raw };
        else if (type === "d") cell = raw === undefined ? undefined : new Date(raw);
        else if (raw === undefined || raw.trim() === "") cell = undefined;
        else {
          const number = Number(raw);
          cell = Number.isFinite(number) && context.dates.has(style) ? serialToDate(number, context.date1904) : Number.isNaN(number) ? limited(raw) : number;
        }
        if (formula) cell = cell === undefined ? { formula: "=" } : { formula: "=", result: cell };
        if (cell !== undefined) row.cells[column] = cell;
        value = null;
        inline = null;
      }
    },
  });
  return { rows, hiddenRows, hiddenColumns, merges };
}

/**
 * Reads every worksheet of an .xlsx file, named as the workbook names it (workbook.xml and its
 * relationships — tools other than Excel write absolute part paths), in tab order. Formulas read as
 * their cached result, dates as dates; text longer than the cell limit is an {@link OversizedText}.
 * Every part is inflated within the budget of `maxUncompressedBytes`.
 *
 * @throws {ZipError} when the file is not an .xlsx, is truncated, encrypted, corrupt or inflates beyond the budget.
 */
export function readWorkbook(data: Uint8Array, limits: XlsxLimits): Sheet[] {
  const zip = openZip(data, limits.maxUncompressedBytes);
  const rootRels = relationshipsOf(zip, "");
  const workbookPart = [...rootRels.values()].find((rel) => rel.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookBytes = zip.read(workbookPart);
  if (!workbookBytes) throw new ZipError({ kind: "not_zip", legacy: false });
  const declared: { name: string; id: string; hidden: boolean }[] = [];
  let date1904 = false;
  parseXmlPart(workbookPart, workbookBytes, {
    open(name, attributes) {
      if (name === "sheet" && attributes.id) declared.push({ name: (attributes.name ?? "").normalize("NFC"), id: attributes.id, hidden: attributes.state === "hidden" || attributes.state === "veryHidden" });
      else if (name === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
    },
  });
  const rels = relationshipsOf(zip, workbookPart);
  const partOfType = (type: string) => [...rels.values()].find((rel) => rel.type.endsWith(type))?.target;
  const context: SheetContext = {
    strings: sharedStrings(zip, partOfType("/sharedStrings")),
    dates: dateStyles(zip, partOfType("/styles")),
    date1904,
    maxCellLength: limits.maxCellLength,
  };
  const sheets: Sheet[] = [];
  for (const sheet of declared) {
    const rel = rels.get(sheet.id);
    // Chart and dialog sheets hold no cells.
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const bytes = zip.read(rel.target);
    if (!bytes) throw new ZipError({ kind: "corrupt", entry: rel.target });
    try {
      sheets.push({ name: sheet.name, ...(sheet.hidden && { hidden: true }), ...readWorksheet(rel.target, bytes, context) });
    } catch (error) {
      if (error instanceof CellLimitError) throw new ZipError({ kind: "corrupt", entry: `${rel.target} (${error.message})` });
      throw error;
    }
  }
  return sheets;
}
