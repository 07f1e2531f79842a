import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";

/** One sheet of a file as rows of raw cell values (`cells[0]` is column A); row numbers as the user sees them. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly { readonly number: number; readonly cells: readonly unknown[] }[];
}

/**
 * Reads every worksheet of an .xlsx file with exceljs' streaming reader (rows are read as they are
 * unzipped, without building the workbook model: faster and lighter for large files). Formulas read
 * as their cached result; merged cells read as empty except their top-left cell, which the header
 * reader carries across.
 */
export async function readXlsx(data: Uint8Array): Promise<Sheet[]> {
  try {
    return await streamXlsx(data);
  } catch {
    // exceljs' streaming reader occasionally fails on files its full loader reads (e.g. when a sheet
    // comes before the shared strings in the zip); a file neither can read is reported by the caller.
    return loadXlsx(data);
  }
}

async function streamXlsx(data: Uint8Array): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  const sheets: Sheet[] = [];
  for await (const worksheet of reader) {
    const rows: { number: number; cells: unknown[] }[] = [];
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      rows.push({ number: row.number, cells: values.slice(1) });
    }
    sheets.push({ name: String((worksheet as unknown as { name: string }).name).normalize("NFC"), rows });
  }
  return sheets;
}

/** The whole-workbook loader: merged cells read as their top-left value. */
async function loadXlsx(data: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: { number: number; cells: unknown[] }[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      rows.push({ number, cells: Array.from({ length: worksheet.columnCount }, (_, column) => row.getCell(column + 1).value) });
    });
    return { name: worksheet.name.normalize("NFC"), rows };
  });
}

/** The separator of a CSV file: a semicolon (common with Vietnamese Excel) or a comma, from its first line. */
export function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  return (outsideQuotes.match(/;/g)?.length ?? 0) > (outsideQuotes.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** Reads a UTF-8 CSV file (with or without BOM, comma or semicolon) as one sheet of text cells. */
export function readCsv(text: string, name: string): Sheet[] {
  const body = text.replace(/^\uFEFF/, "");
  const records = parse(body, { delimiter: detectDelimiter(body), relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as string[][];
  return [{ name, rows: records.map((cells, index) => ({ number: index + 1, cells })) }];
}
