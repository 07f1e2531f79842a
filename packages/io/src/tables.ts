import { parse } from "csv-parse/sync";
import { MAX_CELL_LENGTH, OversizedText } from "./cells.js";
import { readWorkbook, type XlsxLimits } from "./xlsx/workbook.js";

/** One sheet of a file as rows of raw cell values (`cells[0]` is column A); row numbers as the user sees them. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly { readonly number: number; readonly cells: readonly unknown[] }[];
  /** A workbook sheet hidden in Excel (state hidden or veryHidden). */
  readonly hidden?: boolean;
  /** Rows hidden in Excel, by number. */
  readonly hiddenRows?: ReadonlySet<number>;
  /** Columns hidden in Excel, 0-based (0 is column A). */
  readonly hiddenColumns?: ReadonlySet<number>;
  /** Merged ranges: only their top-left cell holds a value. Rows are numbers, columns 0-based. */
  readonly merges?: readonly MergedRange[];
}

export interface MergedRange {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Uncompressed bytes an .xlsx may inflate to by default: far above a national month (≈ 10 MB), far below a zip bomb. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;

/**
 * Reads every worksheet of an .xlsx file, with the names the workbook gives them, in tab order.
 * Formulas read as their cached result; merged cells read as empty except their top-left cell, which
 * the header reader carries across. Text longer than Excel's cell limit is kept only as its length.
 *
 * @throws {ZipError} when the file is not a readable .xlsx or inflates beyond `maxUncompressedBytes`.
 */
export async function readXlsx(data: Uint8Array, limits: Partial<XlsxLimits> = {}): Promise<Sheet[]> {
  return readWorkbook(data, { maxUncompressedBytes: limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES, maxCellLength: limits.maxCellLength ?? MAX_CELL_LENGTH });
}

/** The separator of a CSV file: a semicolon (common with Vietnamese Excel) or a comma, from its first line. */
export function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  return (outsideQuotes.match(/;/g)?.length ?? 0) > (outsideQuotes.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/**
 * Reads CSV text (already decoded; a leading BOM is dropped; comma or semicolon) as one sheet of text
 * cells. Row numbers are the line a record starts on, as a text editor shows it.
 */
export function readCsv(text: string, name: string, maxCellLength = MAX_CELL_LENGTH): Sheet[] {
  const body = text.replace(/^\uFEFF/, "");
  const records = parse(body, { delimiter: detectDelimiter(body), relax_column_count: true, skip_empty_lines: false, relax_quotes: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  let line = 1;
  const rows = records.map(({ record, info }) => {
    const row = { number: line, cells: record.map((cell) => (cell.length > maxCellLength ? new OversizedText(cell.length) : cell)) };
    line = info.lines + 1;
    return row;
  });
  return [{ name, rows }];
}
