import ExcelJS from "exceljs";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_CELL_TEXT, Workbook, type ChartSpec } from "../src/index.js";

const date = new Date("2026-11-01T02:03:04Z");

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The zip's entries by name, inflated — read with nothing but the zip format, to check the writer's own bytes. */
function entries(bytes: Uint8Array): Map<string, string> {
  const buffer = Buffer.from(bytes);
  const found = new Map<string, string>();
  for (let offset = 0; buffer.readUInt32LE(offset) === 0x04034b50; ) {
    const size = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extra = buffer.readUInt16LE(offset + 28);
    const name = buffer.toString("utf8", offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extra;
    found.set(name, inflateRawSync(buffer.subarray(start, start + size)).toString("utf8"));
    offset = start + size;
  }
  return found;
}

function sample(): Workbook {
  const workbook = new Workbook();
  const sheet = workbook.addSheet("Xếp hạng");
  sheet.freeze(1, 2);
  sheet.setColumn(1, { width: 12 });
  sheet.setColumn(3, { width: 9, style: { numFmt: "0.00" } });
  sheet.addRow(["Mã", "Tên", "Điểm"], { font: { bold: true, color: "FFFFFFFF" }, fill: "FF1F4E79", alignment: { horizontal: "center", wrapText: true } });
  sheet.addRow(["X1", "Xã An Lập", 91.25]);
  sheet.addRow(["X2", '=HYPERLINK("http://example.invalid")', null]);
  sheet.addRow(["  lề  ", "bell\u0007 and tab\tkept", 1e-7]);
  sheet.merge(5, 1, 5, 3);
  sheet.setCell(5, 1, "Gộp ô");
  sheet.setRowHeight(5, 30);
  sheet.autoFilter("A1:C1");
  sheet.addConditionalFormat("C2:C4", [{ type: "cellIs", operator: "lessThan", formula: "80", priority: 1, style: { fill: "FFFFC7CE" } }]);
  sheet.addValidation("C2:C100", { type: "whole", operator: "greaterThanOrEqual", formulae: ["0"], allowBlank: true, showErrorMessage: true, error: "Nhập số nguyên từ 0." });
  sheet.page = { paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 };
  sheet.printTitles = { rows: "1:1", columns: "A:B" };
  sheet.headerFooter = { oddHeader: "&LBáo cáo & kết quả", oddFooter: "&RTrang &P" };
  sheet.columnBreaks([2]);
  return workbook;
}

describe("the xlsx writer", () => {
  it("writes values, text never as a formula, numbers as numbers, and nothing for empty cells", async () => {
    const sheet = (await readBack(sample().toBytes({ date }))).getWorksheet("Xếp hạng")!;
    expect(sheet.getRow(2).values).toEqual([undefined, "X1", "Xã An Lập", 91.25]);
    expect(sheet.getCell("B3").value).toBe('=HYPERLINK("http://example.invalid")');
    expect(sheet.getCell("B3").formula).toBeUndefined();
    expect(sheet.getCell("C3").value).toBeNull();
    expect(sheet.getCell("A4").value).toBe("  lề  ");
    expect(sheet.getCell("B4").value).toBe("bell and tab\tkept");
    expect(sheet.getCell("C4").value).toBe(1e-7);
  });

  it("keeps styles, widths, merges, heights, frozen panes, filters, conditional formats and validation", async () => {
    const sheet = (await readBack(sample().toBytes({ date }))).getWorksheet("Xếp hạng")!;
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(sheet.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } });
    expect(sheet.getCell("A1").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(sheet.getCell("C2").numFmt).toBe("0.00");
    expect(sheet.getColumn(1).width).toBe(12);
    expect(sheet.getCell("A5").isMerged).toBe(true);
    expect(sheet.getCell("C5").master.address).toBe("A5");
    expect(sheet.getRow(5).height).toBe(30);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1, topLeftCell: "C2" });
    expect(sheet.autoFilter).toBe("A1:C1");
    const formats = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string; operator?: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(formats).toEqual([expect.objectContaining({ ref: "C2:C4", rules: [expect.objectContaining({ type: "cellIs", operator: "lessThan", formulae: ["80"] })] })]);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[]; error?: string }> } }).dataValidations.model;
    expect(Object.values(validations)[0]).toMatchObject({ type: "whole", formulae: [0], error: "Nhập số nguyên từ 0." });
  });

  it("prints A4 landscape, fitted to the width, with repeated titles, header, footer and column breaks", async () => {
    const bytes = sample().toBytes({ date });
    const sheet = (await readBack(bytes)).getWorksheet("Xếp hạng")!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", printTitlesColumn: "A:B" });
    expect(sheet.headerFooter).toMatchObject({ oddHeader: "&LBáo cáo & kết quả", oddFooter: "&RTrang &P" });
    expect(entries(bytes).get("xl/worksheets/sheet1.xml")).toContain('<colBreaks count="1" manualBreakCount="1"><brk id="2" max="1048575" man="1"/></colBreaks>');
  });

  it("draws native charts from cell ranges, with their values cached", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addSheet("Biểu đồ");
    sheet.addRow(["Khối", "Điểm"]);
    sheet.addRow(["Công khai", 16.5]);
    const chart: ChartSpec = {
      kind: "bar",
      title: "Điểm theo khối",
      categories: { ref: "'Biểu đồ'!$A$2:$A$2", values: ["Công khai"] },
      series: [{ name: "Điểm", ref: "'Biểu đồ'!$B$2:$B$2", values: [16.5], color: "1F4E79" }],
      anchor: { from: [3, 0], to: [10, 12] },
    };
    sheet.charts.push(chart);
    const bytes = workbook.toBytes({ date });
    const files = entries(bytes);
    expect(files.get("xl/charts/chart1.xml")).toContain("<c:barChart>");
    expect(files.get("xl/charts/chart1.xml")).toContain("<c:f>'Biểu đồ'!$B$2:$B$2</c:f>");
    expect(files.get("xl/worksheets/sheet1.xml")).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(files.get("xl/worksheets/_rels/sheet1.xml.rels")).toContain('Target="../drawings/drawing1.xml"');
    expect(files.get("[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
    expect((await readBack(bytes)).worksheets).toHaveLength(1);
  });

  it("gives the same bytes for the same workbook and date, whatever the time it runs", async () => {
    const first = sample().toBytes({ date });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.compare(first, sample().toBytes({ date }))).toBe(0);
    expect(entries(first).get("docProps/core.xml")).toContain("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-01T02:03:04Z</dcterms:modified>");
  });

  it("cuts a text longer than a cell can hold at Excel's limit, with an ellipsis", async () => {
    const workbook = new Workbook();
    workbook.addSheet("Dài").addRow(["x".repeat(40_000), "ngắn"]);
    const sheet = (await readBack(workbook.toBytes({ date }))).getWorksheet("Dài")!;
    const long = sheet.getCell("A1").value as string;
    expect(long).toHaveLength(MAX_CELL_TEXT);
    expect(long.endsWith("…")).toBe(true);
    expect(sheet.getCell("B1").value).toBe("ngắn");
  });

  it("refuses sheet names Excel cannot open", () => {
    const workbook = new Workbook();
    workbook.addSheet("Tổng hợp");
    expect(() => workbook.addSheet("tổng hợp")).toThrow(/duplicate sheet name/);
    expect(() => workbook.addSheet("a/b")).toThrow(/invalid sheet name/);
    expect(() => workbook.addSheet("x".repeat(32))).toThrow(/invalid sheet name/);
  });
});
