import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { getScheme, scoreDataset } from "@chiso/core";
import { buildPackView } from "../src/index.js";
import { itemColumnBreaks, workbookBytes } from "../src/xlsx/index.js";
import { datasetOf, smallPackFile } from "./fixture.js";

const options = { period: "2026-03", asOf: "2026-11-21", generatedAt: new Date("2026-04-01T00:00:00+07:00"), checksum: "cd".repeat(32) };

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("the pack workbook", () => {
  const dataset = datasetOf(smallPackFile());
  const view = buildPackView(dataset, options);

  it("holds the computed values, read back from the file", async () => {
    const workbook = await readBack(Buffer.from(workbookBytes(view.workbook)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Tổng hợp", "Biểu đồ", "Xếp hạng sở, ban, ngành", "Xếp hạng xã, phường, đặc khu", "Chi tiết chỉ tiêu", "Số liệu đầu vào", "SIPAS", "Chỉ số CCHC", "Cảnh báo số liệu", "Lưu ý"]);
    const card = scoreDataset(dataset, { period: "2026-03", asOf: "2026-11-21" });
    const communes = workbook.getWorksheet("Xếp hạng xã, phường, đặc khu")!;
    const rows = communes.getSheetValues().slice(2).map((row) => (row as ExcelJS.CellValue[]).slice(1, 5));
    expect(rows).toEqual([
      [1, "C2", "Phường Đông Hải", card.unit("C2")!.total!.toNumber()],
      [2, "C1", "Xã An Bình", card.unit("C1")!.total!.toNumber()],
      [null, "C3", "Xã Tân Lập", null],
    ].map((row) => row.map((value) => value ?? undefined)));
    const detail = workbook.getWorksheet("Chi tiết chỉ tiêu")!;
    const onTimeColumn = 4 + getScheme().itemByCode.get("ON_TIME")!.index * 4 + 1;
    const c1Row = detail.getRow(3 + card.units.findIndex((unit) => unit.unit.id === "C1"));
    expect([c1Row.getCell(onTimeColumn).value, c1Row.getCell(onTimeColumn + 1).value, c1Row.getCell(onTimeColumn + 2).value, c1Row.getCell(onTimeColumn + 3).value]).toEqual([7, 10, 0.7, 14]);
    const summary = workbook.getWorksheet("Tổng hợp")!;
    expect(summary.getCell("B5").value).toBe(card.unit("P")!.total!.toNumber());
  });

  it("has the SIPAS and PAR Index sheets with the computed indices", async () => {
    const workbook = await readBack(Buffer.from(workbookBytes(view.workbook)));
    const sipas = workbook.getWorksheet("SIPAS")!.getRow(2);
    expect([sipas.getCell(1).value, sipas.getCell(4).value, sipas.getCell(5).value]).toEqual(["C1", 40, 75]);
    const par = workbook.getWorksheet("Chỉ số CCHC")!.getRow(2);
    expect([par.getCell(1).value, par.getCell(6).value, par.getCell(7).value]).toEqual(["C1", 87.5, "Khá"]);
  });

  it("keeps frozen headers, filters, number formats, A4 landscape print setup and conditional formats", async () => {
    const workbook = await readBack(Buffer.from(workbookBytes(view.workbook)));
    const detail = workbook.getWorksheet("Chi tiết chỉ tiêu")!;
    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 2, xSplit: 2 });
    expect(detail.autoFilter).toBeTruthy();
    expect(detail.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "1:2" });
    const formats = (detail as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    const ratioRule = formats.find((format) => format.rules.some((rule) => rule.formulae?.[0] === "0.8"));
    expect(ratioRule?.rules[0]).toMatchObject({ type: "cellIs", formulae: ["0.8"] });
    expect(formats.some((format) => format.ref === "D3:D8" && format.rules.length === 3)).toBe(true);
    expect(detail.getColumn(4 + 3).numFmt).toBe("0.00%");
  });

  it("never turns text from the input into a formula", async () => {
    const file = smallPackFile('=HYPERLINK("http://example.invalid","bấm")');
    const workbook = await readBack(Buffer.from(workbookBytes(buildPackView(datasetOf(file), options).workbook)));
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
        }),
      );
    }
    const communes = workbook.getWorksheet("Xếp hạng xã, phường, đặc khu")!;
    const names = communes.getColumn(3).values.filter((value) => typeof value === "string");
    expect(names).toContain('=HYPERLINK("http://example.invalid","bấm")');
  });

  it("shows counts as integers and does not count the province among the units it ranks", async () => {
    const workbook = await readBack(Buffer.from(await workbookBytes(view.workbook)));
    const summary = workbook.getWorksheet("Tổng hợp")!;
    const row = (label: string) => summary.getColumn(1).values.findIndex((value) => value === label);
    expect(summary.getCell(row("Số đơn vị"), 2)).toMatchObject({ value: 5, numFmt: "#,##0" });
    expect(summary.getCell(row("Đã xếp hạng"), 2)).toMatchObject({ value: 4, numFmt: "#,##0" }); // C3 has no figures
    expect(summary.getCell(row("Điểm của tỉnh (tính từ tổng số liệu của các đơn vị)"), 2).numFmt).toBe("0.00");
    const detail = workbook.getWorksheet("Chi tiết chỉ tiêu")!;
    expect([detail.getColumn(5).numFmt, detail.getColumn(6).numFmt, detail.getColumn(7).numFmt, detail.getColumn(8).numFmt]).toEqual(["#,##0", "#,##0", "0.00%", "0.00"]);
    const sipas = workbook.getWorksheet("SIPAS")!;
    expect([sipas.getColumn(4).numFmt, sipas.getColumn(5).numFmt]).toEqual(["#,##0", "0.00"]);
  });

  it("prints every sheet with its title and period in the header, and the item sheet in groups across pages", async () => {
    const workbook = await readBack(Buffer.from(await workbookBytes(view.workbook)));
    for (const sheet of workbook.worksheets) {
      expect(sheet.headerFooter.oddHeader, sheet.name).toContain("Tỉnh Thử Nghiệm — Kết quả Chỉ số phục vụ người dân, doanh nghiệp tháng 3/2026");
      expect(sheet.headerFooter.oddHeader, sheet.name).toContain("Tháng 3/2026");
    }
    const detail = workbook.getWorksheet("Chi tiết chỉ tiêu")!;
    expect(detail.pageSetup).toMatchObject({ printTitlesColumn: "A:B", printTitlesRow: "1:2", fitToPage: false });
    const zip = await JSZip.loadAsync(await workbookBytes(view.workbook));
    const sheetXml = await zip.file("xl/worksheets/sheet5.xml")!.async("string");
    const breaks = itemColumnBreaks(view.workbook);
    expect(breaks.slice(0, 3)).toEqual([16, 20, 24]); // 1.1–1.3 | 1.4 (end of group 1) | 2.1 (group 2)
    expect(sheetXml).toContain(`<colBreaks count="${breaks.length}"`);
  });

  it("has native charts — the six blocks, the trend and the rankings — that read back from the file", async () => {
    const zip = await JSZip.loadAsync(await workbookBytes(view.workbook));
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name)).sort();
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/charts/chart4.xml"]);
    const xml = await Promise.all(charts.map((name) => zip.file(name)!.async("string")));
    expect(xml[0]).toContain("<c:barChart>");
    expect(xml[0]).toContain("Điểm theo 6 khối chỉ số — Tỉnh Thử Nghiệm");
    expect(xml[0]).toContain("<c:f>'Biểu đồ'!$B$4:$B$9</c:f>");
    expect(xml[1]).toContain("<c:lineChart>");
    expect(xml[2]).toContain("<c:f>'Xếp hạng sở, ban, ngành'!$D$2:$D$3</c:f>");
    expect(xml[3]).toContain("Phường Đông Hải");
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/xl/charts/chart4.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const chartSheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(chartSheet).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    // exceljs still reads the file, charts and all.
    expect((await readBack(Buffer.from(await workbookBytes(view.workbook)))).worksheets).toHaveLength(10);
  });

  it("draws a partial total of the province's trend as a grey point of its own series, off the line", async () => {
    const file = smallPackFile();
    // The province reports its own rows: every item in February, one in March — March's total is partial.
    const everyItem = Object.fromEntries(getScheme().items.map((item) => [item.code, [9, 10] as [number, number]]));
    const own = {
      ...file,
      parentCounts: "own" as const,
      figures: [...file.figures, { unit: "P", period: "2026-02", items: everyItem }, { unit: "P", period: "2026-03", items: { PETITION_CLASSIFICATION: [3, 3] as [number, number] } }],
    };
    const partial = buildPackView(datasetOf(own), options).workbook;
    const zip = await JSZip.loadAsync(workbookBytes(partial));
    const trend = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(trend.match(/<c:ser>/g)).toHaveLength(2);
    expect(trend).toContain("<c:f>'Biểu đồ'!$G$4:$G$5</c:f>");
    expect(trend).toContain('<a:srgbClr val="8C8C8C"/>');
    const sheet = (await readBack(Buffer.from(workbookBytes(partial)))).getWorksheet("Biểu đồ")!;
    expect([3, 4, 5].map((row) => [5, 6, 7].map((column) => sheet.getCell(row, column).value))).toEqual([
      ["Kỳ", "Tổng điểm", "Tổng điểm chưa đủ số liệu"],
      ["2/26", partial.charts.trend[0]!.value, null],
      ["3/26", null, partial.charts.trend[1]!.value],
    ]);
    // Complete totals only: one series.
    const whole = { ...own, figures: [...file.figures, { unit: "P", period: "2026-02", items: everyItem }, { unit: "P", period: "2026-03", items: everyItem }] };
    const complete = await (await JSZip.loadAsync(workbookBytes(buildPackView(datasetOf(whole), options).workbook))).file("xl/charts/chart2.xml")!.async("string");
    expect(complete.match(/<c:ser>/g)).toHaveLength(1);
  });

  it("is byte-identical for the same input, charts included", async () => {
    const first = await workbookBytes(view.workbook);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.compare(first, await workbookBytes(view.workbook))).toBe(0);
  });

  it("is dated with the generation time, not the time it was written", async () => {
    const zip = await JSZip.loadAsync(workbookBytes(view.workbook));
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${options.generatedAt.toISOString().replace(".000", "")}</dcterms:created>`);
    for (const entry of Object.values(zip.files)) expect(entry.date.getUTCFullYear()).toBe(options.generatedAt.getUTCFullYear());
  });
});
