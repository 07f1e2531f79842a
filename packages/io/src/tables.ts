import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";

/** One sheet of a file as rows of raw cell values (`cells[0]` is column A); row numbers as the user sees them. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly { readonly number: number; readonly cells: readonly unknown[] }[];
}

/** Reads every worksheet of an .xlsx file. Merged cells read as their top-left value; formulas as their cached result. */
export async function readXlsx(data: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: { number: number; cells: unknown[] }[] = [];
    const width = worksheet.columnCount;
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: unknown[] = new Array(width);
      for (let column = 1; column <= width; column += 1) cells[column - 1] = row.getCell(column).value;
      rows.push({ number, cells });
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
