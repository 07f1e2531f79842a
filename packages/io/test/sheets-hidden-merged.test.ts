import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTemplate, describeImportIssue, importFigures, type ImportResult } from "../src/index.js";
import { sampleFile, scheme } from "./fixture.js";

const messages = (result: ImportResult, language: "vi" | "en" = "vi") => result.issues.map((issue) => describeImportIssue(issue, language));

/** The template for 2026-03 with the sample's figures, as an office user would change it in a spreadsheet. */
async function workbook(mutate: (book: ExcelJS.Workbook, column: (code: string, part: "numerator" | "denominator") => number) => void): Promise<Uint8Array> {
  const file = sampleFile();
  const written = buildTemplate({ scheme, period: "2026-03", data: { ...file, figures: file.figures.filter((figure) => figure.period === "2026-03") } }).toBytes({ date: new Date(0) });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(written as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("Số liệu")!;
  const headers = Array.from(sheet.getRow(1).values as unknown[], (value) => String(value ?? ""));
  const column = (code: string, part: "numerator" | "denominator") => headers.findIndex((header) => header.includes(`[${code}.${part}]`));
  mutate(book, column);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const read = async (bytes: Uint8Array, skipInvalid = false) => importFigures(bytes, { scheme, fileName: "so-lieu.xlsx", ...(skipInvalid && { skipInvalid: true }) });

describe("sheets the template does not have", () => {
  it("a notes sheet with a unit column is ignored with a warning naming it, and the other sheets' problems are all listed", async () => {
    const bytes = await workbook((book, column) => {
      const figures = book.getWorksheet("Số liệu")!;
      figures.getRow(2).getCell(column("ON_TIME", "numerator")).value = 99_999; // numerator above its denominator
      const notes = book.addWorksheet("Ghi chú thêm");
      notes.addRows([["Mã đơn vị", "Kỳ", "Ghi chú"], ["HS-X001", "2026-03", "gọi lại"]]);
    });
    const result = await read(bytes);
    const lines = messages(result);
    expect(lines).toContainEqual(expect.stringMatching(/^so-lieu\.xlsx › Ghi chú thêm › dòng 1: \(cảnh báo\) trang này \(2 dòng có nội dung\) có cột mã đơn vị nhưng không có cột số liệu/));
    // The row problem the core finds is listed although another sheet was not read.
    expect(lines).toContainEqual(expect.stringMatching(/^so-lieu\.xlsx › Số liệu › dòng 2 › cột .* tử số \(99999\) lớn hơn mẫu số/));
    expect(result.dataset).toBeNull();
    // --skip-invalid: the notes never refuse the workbook; the bad row alone is rejected.
    const skipped = await read(bytes, true);
    expect(skipped.dataset).not.toBeNull();
    expect(skipped.rows.filter((row) => row.status === "rejected").map((row) => row.row)).toEqual([2]);
  });

  it("an extra sheet that holds numbers under unrecognised headers is a located error, but never stops the rest", async () => {
    const bytes = await workbook((book) => {
      const copy = book.addWorksheet("Bản sao");
      copy.addRows([["Mã đơn vị", "Kỳ", "Đúng hạn"], ["HS-X001", "2026-03", 12]]);
    });
    const result = await read(bytes);
    expect(messages(result, "en")).toContainEqual(expect.stringMatching(/^so-lieu\.xlsx › Bản sao › row 1: this sheet has a unit id column \(row 1\) but no recognised figure columns/));
    expect(result.dataset).toBeNull();
    const skipped = await read(bytes, true);
    expect(skipped.dataset).not.toBeNull();
    expect(skipped.rows.every((row) => row.status === "accepted")).toBe(true);
  });
});

describe("a unit named two ways", () => {
  it("a figures row naming its unit otherwise than the units sheet gets a located warning saying which name is used, once", async () => {
    const bytes = await workbook((book) => {
      const figures = book.getWorksheet("Số liệu")!;
      const units = book.getWorksheet("Đơn vị")!;
      const unitRow = units.getSheetValues().findIndex((values) => Array.isArray(values) && values[1] === "HS-X001");
      const figureRow = figures.getSheetValues().findIndex((values) => Array.isArray(values) && values[1] === "HS-X001");
      figures.getRow(figureRow).getCell(2).value = "Xã Khác Tên";
      // The same name with other spaces is the same name.
      const other = figures.getSheetValues().findIndex((values) => Array.isArray(values) && values[1] === "HS-X002");
      figures.getRow(other).getCell(2).value = ` ${String(units.getRow(units.getSheetValues().findIndex((values) => Array.isArray(values) && values[1] === "HS-X002")).getCell(2).value)}  `.replace(" ", "  ");
      expect(unitRow).toBeGreaterThan(1);
    });
    const result = await read(bytes);
    expect(result.dataset).not.toBeNull();
    const named = result.issues.filter((issue) => issue.code === "unit_name_differs");
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ sheet: "Số liệu", unit: "HS-X001", column: "B", severity: "warning" });
    expect(describeImportIssue(named[0]!, "vi")).toMatch(/^so-lieu\.xlsx › Số liệu › dòng \d+ › cột B “Tên đơn vị” › đơn vị HS-X001: \(cảnh báo\) tên đơn vị "Xã Khác Tên" ở dòng này khác với tên "Xã An Bình" của đơn vị "HS-X001" ở trang Đơn vị › dòng \d+; .*mọi báo cáo dùng tên "Xã An Bình"/);
    expect(describeImportIssue(named[0]!, "en")).toMatch(/every document uses "Xã An Bình"/);
    expect(result.dataset!.unitById.get("HS-X001")!.name).toBe("Xã An Bình");
  });
});

describe("what Excel hides", () => {
  it("a hidden row, column and sheet holding figures each get a located warning that says whether they were used", async () => {
    const bytes = await workbook((book, column) => {
      const figures = book.getWorksheet("Số liệu")!;
      figures.getRow(3).hidden = true;
      figures.getColumn(column("ON_TIME", "denominator")).hidden = true;
      book.getWorksheet("Đơn vị")!.state = "hidden";
    });
    const result = await read(bytes);
    expect(result.dataset).not.toBeNull();
    const warnings = result.issues.filter((issue) => issue.severity === "warning");
    expect(warnings.map((issue) => [issue.code, issue.sheet, issue.row, issue.column])).toEqual(
      expect.arrayContaining([
        ["hidden_sheet", "Đơn vị", undefined, undefined],
        ["hidden_column", "Số liệu", 1, expect.stringMatching(/^[A-Z]+$/)],
        ["hidden_row", "Số liệu", 3, undefined],
      ]),
    );
    expect(messages(result).find((line) => line.includes("dòng 3"))).toMatch(/bị ẩn trong Excel nhưng vẫn được đọc như mọi dòng khác và đã được chấm/);
    expect(messages(result, "en").find((line) => line.includes("Đơn vị"))).toMatch(/hidden in Excel but has 4 rows/);
  });

  it("hidden rows and columns of the SIPAS and PAR sheets are said too, located (trial 4: only the figures sheet's were)", async () => {
    const bytes = await workbook((book) => {
      const survey = book.getWorksheet("Khảo sát SIPAS")!;
      // Row 2 is the template's first question: filled in for a commune, then hidden with the level-1 column.
      survey.getRow(2).getCell(1).value = "HS-X001";
      for (let column = 5; column <= 9; column += 1) survey.getRow(2).getCell(column).value = 3;
      survey.getRow(2).hidden = true;
      survey.getColumn(5).hidden = true;
      // An unfilled question line is not read: hiding it is not worth a word.
      survey.getRow(3).hidden = true;
      const par = book.getWorksheet("Chỉ số CCHC")!;
      par.getRow(2).values = ["HS-S01", "2026", "1.1", 1];
      par.getRow(2).hidden = true;
    });
    const result = await read(bytes);
    const warnings = result.issues.filter((issue) => issue.code.startsWith("hidden_")).map((issue) => [issue.code, issue.sheet, issue.row, issue.column, issue.unit]);
    expect(warnings).toEqual([
      ["hidden_column", "Khảo sát SIPAS", 1, "E", undefined],
      ["hidden_row", "Khảo sát SIPAS", 2, undefined, "HS-X001"],
      ["hidden_row", "Chỉ số CCHC", 2, undefined, "HS-S01"],
    ]);
    const lines = messages(result);
    expect(lines).toContainEqual(expect.stringMatching(/^so-lieu\.xlsx › Khảo sát SIPAS › dòng 1 › cột E .*: \(cảnh báo\) cột này đang bị ẩn trong Excel nhưng có số liệu \(1 dòng\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^so-lieu\.xlsx › Chỉ số CCHC › dòng 2 › đơn vị HS-S01: \(cảnh báo\) dòng này đang bị ẩn trong Excel/));
  });

  it("a hidden row that has its own problem says it was not scored, and why", async () => {
    const bytes = await workbook((book, column) => {
      const figures = book.getWorksheet("Số liệu")!;
      figures.getRow(3).hidden = true;
      figures.getRow(3).getCell(column("ON_TIME", "numerator")).value = "abc";
    });
    const result = await read(bytes, true);
    expect(messages(result).find((line) => line.includes("bị ẩn"))).toMatch(/dòng không được chấm vì có lỗi/);
  });
});

describe("merged cells and formula errors", () => {
  it("an empty cell inside a merged range is named with its range and the fix", async () => {
    const bytes = await workbook((book, column) => {
      const figures = book.getWorksheet("Số liệu")!;
      figures.mergeCells(2, column("ON_TIME", "numerator"), 2, column("ON_TIME", "denominator"));
    });
    const result = await read(bytes);
    const merged = result.issues.find((issue) => issue.code === "merged_cell")!;
    expect(merged).toMatchObject({ sheet: "Số liệu", row: 2, severity: "error" });
    expect(describeImportIssue(merged, "vi")).toMatch(/ô [A-Z]+2 thuộc vùng gộp [A-Z]+2:[A-Z]+2 .*hãy bỏ gộp ô/);
    expect(describeImportIssue(merged, "en")).toMatch(/Unmerge/);
  });

  it("#DIV/0! and other formula errors are named as such, not as text that is not a number", async () => {
    const bytes = await workbook((book, column) => {
      book.getWorksheet("Số liệu")!.getRow(2).getCell(column("ON_TIME", "numerator")).value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
    });
    const result = await read(bytes);
    const issue = result.issues.find((candidate) => candidate.row === 2 && candidate.severity === "error")!;
    expect(issue.code).toBe("formula_error");
    expect(describeImportIssue(issue, "vi")).toMatch(/công thức bị lỗi \(#DIV\/0!\)/);
  });
});

describe("merged cells on the survey and PAR sheets", () => {
  it("a PAR row whose self-assessment cell is merged into the one above is refused as the merge", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]]);
    book.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10]]);
    const par = book.addWorksheet("Chỉ số CCHC");
    par.addRows([["Mã đơn vị", "Kỳ", "Mã tiêu chí", "Tự chấm"], ["X1", "2026", "X1.1", 2], ["X1", "2026", "X2.2", null]]);
    par.mergeCells("D2:D3");
    const result = await read(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(messages(result).filter((line) => line.includes("Chỉ số CCHC"))).toEqual([expect.stringMatching(/^so-lieu\.xlsx › Chỉ số CCHC › dòng 3 › cột D “Tự chấm” › đơn vị X1: ô D3 thuộc vùng gộp D2:D3/)]);
  });
});
