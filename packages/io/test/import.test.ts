import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getScheme, parseDataset, scoreDataset, scorecardToJson } from "@chiso/core";
import { buildFindingsWorkbook, buildTemplate, describeImportIssue, importFigures, importFiles, type ImportResult } from "../src/index.js";
import { sampleCsv, sampleFile, scheme } from "./fixture.js";

const encode = (text: string) => new TextEncoder().encode(text);
// Units in id order: a CSV lists units in the order their rows come, the JSON in its own order.
const sortedUnits = <T extends { units: { id: string }[]; findings: { unit: string; code: string; item: string | null }[] }>(json: T) => ({
  ...json,
  units: [...json.units].sort((a, b) => a.id.localeCompare(b.id)),
  findings: [...json.findings].sort((a, b) => `${a.unit} ${a.code} ${a.item}`.localeCompare(`${b.unit} ${b.code} ${b.item}`)),
});
const scored = (result: ImportResult, period = "2026-03") => sortedUnits(scorecardToJson(scoreDataset(result.dataset!, { period, asOf: "2026-11-21" })));
const expected = (period = "2026-03") => sortedUnits(scorecardToJson(scoreDataset(parseDataset(sampleFile(), scheme), { period, asOf: "2026-11-21" })));
const messages = (result: ImportResult, language: "vi" | "en" = "vi") => result.issues.map((issue) => describeImportIssue(issue, language));

/** The template as written, or — to play an office user filling it in — opened in exceljs, changed and saved. */
async function templateBytes(mutate?: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const file = sampleFile();
  const written = buildTemplate({ scheme, period: "2026-03", data: { ...file, figures: file.figures.filter((figure) => figure.period === "2026-03") } }).toBytes({ date: new Date(0) });
  return mutate ? edited(written, mutate) : written;
}

async function edited(bytes: Uint8Array, mutate: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  mutate(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("the round trip: template → filled → imported → scored", () => {
  it("gives the same numbers as the JSON path", async () => {
    const result = await importFigures(await templateBytes(), { scheme, fileName: "mau.xlsx" });
    expect(messages(result)).toEqual([]);
    expect(result.rows.every((row) => row.status === "accepted")).toBe(true);
    expect(scored(result)).toEqual(expected());
  });

  it("reads the JSON format too", async () => {
    const result = await importFigures(encode(JSON.stringify(sampleFile())), { scheme, fileName: "so-lieu.json" });
    expect(scored(result)).toEqual(expected());
  });

  it("reads a semicolon CSV with BOM and a comma CSV without, several months in one file", async () => {
    for (const csv of [sampleCsv(";", true), sampleCsv(",", false)]) {
      const result = await importFigures(encode(csv), { scheme, fileName: "so-lieu.csv" });
      expect(messages(result)).toEqual([]);
      expect(scored(result, "2026-02")).toEqual(expected("2026-02"));
      expect(scored(result, "2026-Q1")).toEqual(expected("2026-Q1"));
    }
  });

  it("matches headers whatever their case, spacing, accents or Unicode form", async () => {
    const csv = sampleCsv().replace("Mã đơn vị", "  MA DON VI ").replace("Tên đơn vị", "Tên đơn vị".normalize("NFD")).replace("Kỳ", "kỳ báo cáo").replace(";ON_TIME tử số;", ";2.1 TỬ SỐ;");
    const result = await importFigures(encode(csv), { scheme, fileName: "so-lieu.csv" });
    expect(messages(result)).toEqual([]);
    expect(scored(result)).toEqual(expected());
  });
});

describe("spreadsheet cells as people fill them", () => {
  it("takes a formula's cached value, numbers stored as text, Vietnamese thousands, blank rows and merged headers", async () => {
    const bytes = await templateBytes((workbook) => {
      const sheet = workbook.getWorksheet("Số liệu")!;
      const row = sheet.getRow(2);
      const column = 4 + scheme.itemByCode.get("ON_TIME")!.index * 2; // numerator of 2.1
      const numerator = row.getCell(column).value as number;
      const denominator = row.getCell(column + 1).value as number;
      row.getCell(column).value = { formula: `${denominator}-${denominator - numerator}`, result: numerator };
      row.getCell(column + 1).value = denominator.toLocaleString("vi-VN"); // "1.200" as text
      sheet.insertRow(3, []); // a blank row in the middle
    });
    const result = await importFigures(bytes, { scheme, fileName: "mau.xlsx" });
    expect(messages(result)).toEqual([]);
    expect(scored(result)).toEqual(expected());
  });

  it("a decimal in a numeric cell gets advice that fits it: 1.234 was likely 1234, 12.5 has no whole reading", async () => {
    const withCells = (values: readonly number[]) =>
      templateBytes((workbook) => {
        const row = workbook.getWorksheet("Số liệu")!.getRow(2);
        const column = 4 + scheme.itemByCode.get("ON_TIME")!.index * 2;
        values.forEach((value, offset) => (row.getCell(column + offset).value = value));
      });
    const result = await importFigures(await withCells([1.234, 12.5]), { scheme, fileName: "mau.xlsx" });
    const [thousands, half] = messages(result);
    expect(thousands).toMatch(/ › đơn vị HS-S01: ô chứa số thập phân 1,234, không phải số nguyên; số đếm không có phần thập phân\. Nếu ý là 1234 \(dấu chấm ngăn cách nghìn bị Excel hiểu là dấu thập phân\), hãy nhập 1234 không có dấu chấm\.$/);
    expect(half).toMatch(/: ô chứa số thập phân 12,5, không phải số nguyên; số đếm không có phần thập phân\. Hãy nhập đúng số đếm \(số nguyên\)\.$/);
    // Never the advice to write what was written.
    for (const line of [...messages(result), ...messages(result, "en")]) expect(line).not.toMatch(/1\.234 (hoặc|or)/);
    expect(messages(result, "en")[0]).toMatch(/the cell holds the decimal 1\.234, not a whole number; counts have no decimals\. If 1234 was meant \(a thousands separator read as a decimal point\), enter 1234 without separators\.$/);
    const tiny = await importFigures(await withCells([0.5, 1.2345]), { scheme, fileName: "mau.xlsx" });
    expect(messages(tiny).every((line) => line.endsWith("Hãy nhập đúng số đếm (số nguyên)."))).toBe(true);
  });

  it("reads a two-row header: item names merged over Tử số / Mẫu số", async () => {
    const workbook = new ExcelJS.Workbook();
    const units = workbook.addWorksheet("Đơn vị");
    units.addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["HS", "Tỉnh Hòa Sơn", "tỉnh", null], ["X1", "Xã An Bình", "xã", "HS"]]);
    const figures = workbook.addWorksheet("Số liệu");
    figures.addRow(["Mã đơn vị", "Kỳ", "2.1 Giải quyết hồ sơ đúng hạn", null, "3.3 Tỷ lệ hồ sơ trực tuyến", null]);
    figures.addRow([null, null, "Tử số", "Mẫu số", "Tử số", "Mẫu số"]);
    figures.addRow(["X1", "2026-03", 7, 10, 5, 10]);
    figures.mergeCells("C1:D1");
    figures.mergeCells("E1:F1");
    const result = await importFigures(new Uint8Array(await workbook.xlsx.writeBuffer()), { scheme, fileName: "tu-lam.xlsx" });
    expect(messages(result)).toEqual([]);
    const card = scoreDataset(result.dataset!, { period: "2026-03" });
    expect(card.unit("X1")!.items.find((item) => item.code === "ON_TIME")!.counts).toEqual({ numerator: 7, denominator: 10 });
    expect(card.unit("X1")!.items.find((item) => item.code === "ONLINE_DOSSIER_SHARE")!.points?.toString()).toBe("6.00");
  });
});

describe("errors a person can act on", () => {
  const csvWith = (replace: (csv: string) => string) => importFigures(encode(replace(sampleCsv())), { scheme, fileName: "so-lieu.csv" });
  const onTimeCell = (csv: string, value: string) => {
    const lines = csv.split("\r\n");
    const cells = lines[1]!.split(";");
    cells[5 + scheme.itemByCode.get("ON_TIME")!.index * 2] = value;
    lines[1] = cells.join(";");
    return lines.join("\r\n");
  };

  it.each([
    ["1,234", "không rõ nghĩa"],
    ["12.5", "không phải số nguyên"],
    ["-3", "là số âm"],
    ["mười", "không phải là số"],
  ])("rejects %s in a count and says where and why", async (value, words) => {
    const result = await csvWith((csv) => onTimeCell(csv, value));
    expect(result.dataset).toBeNull();
    expect(messages(result)).toHaveLength(1);
    expect(messages(result)[0]).toContain(words);
    expect(messages(result)[0]).toMatch(/^so-lieu\.csv › dòng 2 › cột [A-Z]+ “ON_TIME tử số” › đơn vị HS-S01: /);
  });

  it("gives every problem of a file in one pass, in Vietnamese and English", async () => {
    const result = await csvWith((csv) =>
      onTimeCell(csv, "1,234")
        .replace(";2026-03;", ";03/2026;") // a readable period
        .replace("HS-X002;Phường Đông Hải;xã;HS;2026-02", "HS-X002;Phường Đông Hải;xã;HS;tháng hai"),
    );
    expect(messages(result)).toMatchInlineSnapshot(`
      [
        "so-lieu.csv › dòng 2 › cột N “ON_TIME tử số” › đơn vị HS-S01: "1,234" không rõ nghĩa (dấu phẩy là dấu thập phân trong tiếng Việt); hãy viết số không có dấu phân cách, ví dụ 1234.",
        "so-lieu.csv › dòng 4 › cột E “Kỳ” › đơn vị HS-X002: kỳ "tháng hai" không hợp lệ; hãy viết 2026-03, 03/2026, 2026-Q1 hoặc 2026.",
      ]
    `);
    expect(messages(result, "en")).toMatchInlineSnapshot(`
      [
        "so-lieu.csv › row 2 › column N “ON_TIME tử số” › unit HS-S01: "1,234" is ambiguous (a comma is the decimal separator in Vietnamese); write the number without separators, e.g. 1234.",
        "so-lieu.csv › row 4 › column E “Kỳ” › unit HS-X002: period "tháng hai" is not valid; write 2026-03, 03/2026, 2026-Q1 or 2026.",
      ]
    `);
  });

  it("reports a numerator above its denominator, an unknown parent and a missing half of a pair at their cells", async () => {
    const csv = sampleCsv().split("\r\n");
    const cells = csv[1]!.split(";");
    const index = 5 + scheme.itemByCode.get("DOSSIER_SYNC")!.index * 2;
    cells[index] = String(Number(cells[index + 1]) + 1);
    cells[index + 2] = "";
    csv[1] = cells.join(";");
    // The unit's parent, on every row of the unit (rows that disagree are another problem).
    const result = await importFigures(encode(csv.join("\r\n").replace(/^HS-S01;Sở Tư pháp;sở;HS;/gm, "HS-S01;Sở Tư pháp;sở;HS-KHONG-CO;")), { scheme, fileName: "so-lieu.csv" });
    expect(messages(result)).toMatchInlineSnapshot(`
      [
        "so-lieu.csv › dòng 2 › cột N “ON_TIME tử số” › đơn vị HS-S01: ô trống: cần tử số của chỉ tiêu 2.1 “Giải quyết hồ sơ đúng hạn” (đã có số còn lại; nếu đơn vị không có số liệu, để trống cả hai ô).",
        "so-lieu.csv › dòng 2 › cột D “Mã đơn vị cấp trên” › đơn vị HS-S01: đơn vị cấp trên "HS-KHONG-CO" của "HS-S01" không có trong danh sách đơn vị; hãy thêm đơn vị cấp trên hoặc sửa mã.",
        "so-lieu.csv › dòng 2 › cột L “DOSSIER_SYNC tử số” › đơn vị HS-S01: tử số (1201) lớn hơn mẫu số (1200); hãy kiểm tra lại hai số liệu của chỉ tiêu 1.4 Đồng bộ hồ sơ lên Cổng DVCQG.",
      ]
    `);
  });

  it("reports missing, unknown and duplicate columns", async () => {
    const noUnit = await csvWith((csv) => csv.replace("Mã đơn vị;", "Mã số thuế;"));
    expect(messages(noUnit)).toMatchInlineSnapshot(`
      [
        "so-lieu.csv: không tìm thấy bảng số liệu: cần một dòng tiêu đề có cột "Mã đơn vị" và các cột tử số, mẫu số (xem tệp mẫu: chiso template).",
      ]
    `);
    const extra = await csvWith((csv) => csv.replace("Kỳ;", "Kỳ;Ghi chú;").replace(/;2026-0(\d);/g, ";2026-0$1;xem lại;"));
    expect(messages(extra)).toMatchInlineSnapshot(`
      [
        "so-lieu.csv › dòng 1 › cột F “Ghi chú”: (cảnh báo) cột "Ghi chú" không khớp chỉ tiêu nào nên bị bỏ qua; hãy sửa tiêu đề theo tệp mẫu nếu đây là số liệu cần chấm.",
      ]
    `);
    expect(extra.dataset).not.toBeNull();
  });

  it("refuses a file over the size limit, an unknown format and a broken workbook", async () => {
    expect(messages(await importFigures(encode(sampleCsv()), { scheme, fileName: "a.csv", maxBytes: 1000 }))).toMatchInlineSnapshot(`
      [
        "a.csv: tệp lớn 4 KB, vượt giới hạn 1 KB; hãy tách theo tháng hoặc tăng giới hạn (--max-size).",
      ]
    `);
    expect(messages(await importFigures(encode("x"), { scheme, fileName: "a.pdf" }))).toMatchInlineSnapshot(`
      [
        "a.pdf: không hỗ trợ định dạng ".pdf"; hãy dùng .xlsx, .csv hoặc .json.",
      ]
    `);
    expect(messages(await importFigures(encode("not a zip"), { scheme, fileName: "a.xlsx" }))[0]).toContain("tên tệp có đuôi .xlsx nhưng nội dung là một tệp văn bản");
  });

  it("cannot read a formula that was never calculated", async () => {
    const bytes = await templateBytes((workbook) => {
      const row = workbook.getWorksheet("Số liệu")!.getRow(2);
      row.getCell(4).value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    });
    const result = await importFigures(bytes, { scheme, fileName: "mau.xlsx" });
    expect(messages(result).join("\n")).toContain("ô có công thức nhưng chưa có giá trị tính sẵn");
  });
});

describe("--skip-invalid", () => {
  it("scores the valid rows and accounts for every row, rejected ones with their reasons", async () => {
    const csv = sampleCsv().split("\r\n");
    csv[2] = csv[2]!.replace(/;(\d+);(\d+);/, ";$2;$1;"); // a numerator above its denominator
    csv[3] = csv[3]!.replace(";2026-02;", ";2026-13;");
    const result = await importFigures(encode(csv.join("\r\n")), { scheme, fileName: "so-lieu.csv", skipInvalid: true });
    expect(result.dataset).not.toBeNull();
    expect(result.rows).toHaveLength(sampleFile().figures.length);
    expect(result.rows.filter((row) => row.status === "rejected").map((row) => [row.row, row.reasons.map((reason) => reason.code)])).toEqual([
      [3, ["numerator_above_denominator"]],
      [4, ["invalid_period"]],
    ]);
    expect(result.dataset!.figures).toHaveLength(sampleFile().figures.length - 2);
  });

  it("rejects a unit's rows when the unit itself is invalid", async () => {
    const csv = sampleCsv().replace(/HS-X001;Xã An Bình;xã;HS;/g, "HS-X001;Xã An Bình;thôn;HS;");
    const result = await importFigures(encode(csv), { scheme, fileName: "so-lieu.csv", skipInvalid: true });
    const rejected = result.rows.filter((row) => row.status === "rejected");
    expect(rejected.map((row) => row.unit)).toEqual(["HS-X001", "HS-X001"]);
    expect(rejected.every((row) => row.reasons.length > 0)).toBe(true);
  });
});

describe("the template", () => {
  it("has instructions, units, every numerator and denominator with Vietnamese headers and item codes, and validation", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateBytes()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Hướng dẫn", "Đơn vị", "Số liệu", "Khảo sát SIPAS", "Chỉ số CCHC", "CCHC - điều tra, thưởng, trừ"]);
    const header = (workbook.getWorksheet("Số liệu")!.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["Mã đơn vị", "Tên đơn vị", "Kỳ", "1.1 Tử số: Số TTHC được công bố đúng hạn (một TTHC trong nhiều quyết định tính một lần; trễ một lần là trễ) [PUBLISH_ON_TIME.numerator]"]);
    expect(header.filter((text) => text.includes(".numerator]"))).toHaveLength(getScheme().items.length);
    const validations = (workbook.getWorksheet("Số liệu") as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    expect(validations.D2).toMatchObject({ type: "custom", formulae: ["AND(D2=INT(D2),D2>=0,D2<=E2)"] });
    expect(validations.E2).toMatchObject({ type: "whole" });
  });
});

describe("SIPAS and PAR sheets", () => {
  it("round-trips surveys and PAR assessments through the template, and locates their problems", async () => {
    const withCompanions = {
      ...sampleFile(),
      surveys: [{ unit: "HS-X001", period: "2026", respondents: 40, tallies: { ACCESS_PLACE: { 5: 10, 4: 20, 2: 10 }, POLICY_FIT: { 4: 30, 1: 5 } } }],
      par: [{ unit: "HS-X001", period: "2026", scores: { "X1.1": { self: 5.5, appraisal: [5, 4.75] }, "X2.2": { self: 12 } }, survey: { X1: 4 }, bonus: 1, tasks: { done: 7, planned: 8 } }],
    };
    const written = buildTemplate({ scheme, period: "2026-03", data: withCompanions }).toBytes({ date: new Date(0) });
    const result = await importFigures(written, { scheme, fileName: "mau.xlsx" });
    expect(messages(result)).toEqual([]);
    const json = await importFigures(encode(JSON.stringify(withCompanions)), { scheme, fileName: "mau.json" });
    expect(result.dataset!.companions.surveys).toEqual(json.dataset!.companions.surveys);
    expect(result.dataset!.companions.assessments).toEqual(json.dataset!.companions.assessments);

    const brokenBytes = await edited(written, (workbook) => {
      workbook.getWorksheet("Khảo sát SIPAS")!.getRow(2).getCell(5).value = "ba";
      workbook.getWorksheet("Chỉ số CCHC")!.getRow(2).getCell(4).value = 99;
    });
    const broken = await importFigures(brokenBytes, { scheme, fileName: "mau.xlsx" });
    expect(messages(broken)).toMatchInlineSnapshot(`
      [
        "mau.xlsx › Khảo sát SIPAS › dòng 2 › cột E “Mức 1 – Rất không hài lòng” › đơn vị HS-X001: "ba" không phải là số; hãy nhập một số, không kèm chữ (ví dụ 12 hoặc 1.234).",
        "mau.xlsx › Chỉ số CCHC › dòng 2 › cột D “Tự chấm” › đơn vị HS-X001: giá trị quá lớn (99); tối đa 6 (X1.1).",
      ]
    `);
  });

  /** A workbook with units, one figures row, and the given SIPAS and PAR sheets. */
  async function companionWorkbook(sipas: unknown[][], par: unknown[][] = [], extras: unknown[][] = []): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10]]);
    workbook.addWorksheet("Khảo sát SIPAS").addRows([["Mã đơn vị", "Kỳ", "Mã câu hỏi", "Mức 1", "Mức 5", "Mức 7", "Số người được khảo sát"], ...sipas]);
    if (par.length > 0) workbook.addWorksheet("Chỉ số CCHC").addRows([["Mã đơn vị", "Kỳ", "Mã tiêu chí", "Tự chấm", "Thẩm định lần 1", "Thẩm định lần 2"], ...par]);
    if (extras.length > 0) workbook.addWorksheet("CCHC - điều tra, thưởng, trừ").addRows([["Mã đơn vị", "Kỳ", "Mục", "Giá trị"], ...extras]);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it("locates every problem the core finds in a survey or PAR sheet at its sheet, row and column, in both languages", async () => {
    const bytes = await companionWorkbook(
      [["X1", "2026", "ACCESS_PLACE", 1, 3, 2, 40], ["X1", "2026", "NOPE_Q", 1, 3, null, 40]],
      [["X1", "2026", "X1.1", 2, 3, 9]],
      [["X1", "2026", "Nhiệm vụ hoàn thành", 9], ["X1", "2026", "Nhiệm vụ kế hoạch", 3]],
    );
    const result = await importFigures(bytes, { scheme, fileName: "so-lieu.xlsx" });
    expect(result.dataset).toBeNull();
    const vi = messages(result);
    // Nothing is located as a JSON path in a workbook: every message names the sheet, row and column.
    expect(vi.filter((message) => /surveys\[|par\[/.test(message))).toEqual([]);
    expect(vi).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^so-lieu\.xlsx › Khảo sát SIPAS › dòng 2 › cột F “Mức 7” › đơn vị X1: giá trị không hợp lệ \(7\)/),
        expect.stringMatching(/^so-lieu\.xlsx › Khảo sát SIPAS › dòng 3 › cột C “Mã câu hỏi” › đơn vị X1: mã chỉ tiêu "NOPE_Q"/),
        expect.stringMatching(/^so-lieu\.xlsx › Chỉ số CCHC › dòng 2 › cột F “Thẩm định lần 2” › đơn vị X1: /),
        expect.stringMatching(/^so-lieu\.xlsx › CCHC - điều tra, thưởng, trừ › dòng 2 › cột D “Giá trị” › đơn vị X1: /),
      ]),
    );
    expect(messages(result, "en")).toEqual(expect.arrayContaining([expect.stringMatching(/^so-lieu\.xlsx › Khảo sát SIPAS › row 2 › column F “Mức 7” › unit X1: invalid value \(7\)/)]));
    // Read together with another file, the survey keeps its own file, sheet and cells.
    const merged = await importFiles([{ data: bytes, fileName: "so-lieu.xlsx" }, { data: encode(JSON.stringify({ format: "chiso.figures/1", units: [{ id: "P", name: "Tỉnh", level: "province" }], figures: [{ unit: "P", period: "2026-02", items: {} }] })), fileName: "them.json" }], { scheme });
    expect(messages(merged)).toEqual(expect.arrayContaining([expect.stringMatching(/^so-lieu\.xlsx › Khảo sát SIPAS › dòng 2 › cột F “Mức 7” › đơn vị X1: /)]));
    // The findings workbook gives the same places in its own columns.
    expect(result.issues.every((issue) => issue.sheet !== undefined && issue.row !== undefined && issue.column !== undefined && issue.path === undefined)).toBe(true);
  });

  it("refuses SIPAS answers that add up to more than the respondents, at the question's row, like a numerator above its denominator", async () => {
    const bytes = await companionWorkbook([["X1", "2026", "ACCESS_PLACE", 10, 31, null, 40], ["X1", "2026", "POLICY_FIT", 10, 30, null, 40]]);
    const result = await importFigures(bytes, { scheme, fileName: "so-lieu.xlsx" });
    expect(result.dataset).toBeNull();
    expect(messages(result)).toEqual([
      "so-lieu.xlsx › Khảo sát SIPAS › dòng 2 › cột G “Số người được khảo sát” › đơn vị X1: câu hỏi ACCESS_PLACE có tổng số câu trả lời (41) lớn hơn số người được khảo sát (40); hãy kiểm tra lại số người ở từng mức và số người được khảo sát.",
    ]);
    expect(messages(result, "en")[0]).toMatch(/› row 2 › column G “Số người được khảo sát” › unit X1: question ACCESS_PLACE has 41 answers, more than the 40 respondents surveyed; check/);
    // With --skip-invalid the survey is left out and the figures are scored.
    const skipped = await importFigures(bytes, { scheme, fileName: "so-lieu.xlsx", skipInvalid: true });
    expect(skipped.dataset).not.toBeNull();
    expect(skipped.dataset!.companions.surveys).toEqual([]);
    // Exactly as many as the respondents is fine.
    const exact = await importFigures(await companionWorkbook([["X1", "2026", "ACCESS_PLACE", 10, 30, null, 40]]), { scheme, fileName: "so-lieu.xlsx" });
    expect(messages(exact)).toEqual([]);
    expect(exact.dataset!.companions.surveys).toHaveLength(1);
  });

  it("with --skip-invalid, accounts for every survey and PAR assessment left out: located, with reasons, in the findings workbook", async () => {
    const bytes = await companionWorkbook(
      // X1's survey: one question above its respondents rejects the whole survey; a row that cannot be read only itself.
      [["X1", "2026", "ACCESS_PLACE", 10, 31, null, 40], ["X1", "2026", "POLICY_FIT", 10, 30, null, 40], ["X1", "2026", "RESULT_ON_TIME", "ba", 3, null, 40]],
      [["X1", "2026", "X1.1", 999]],
    );
    const result = await importFigures(bytes, { scheme, fileName: "so-lieu.xlsx", skipInvalid: true });
    expect(result.dataset).not.toBeNull();
    expect(result.dataset!.companions.surveys).toEqual([]);
    expect(result.dataset!.companions.assessments).toEqual([]);
    expect(result.companionRows.map((outcome) => [outcome.kind, outcome.scope, outcome.sheet, outcome.row, outcome.unit, outcome.period, outcome.reasons.map((reason) => reason.code)])).toEqual([
      ["sipas", "entry", "Khảo sát SIPAS", 2, "X1", "2026", ["answers_above_respondents"]],
      ["par", "entry", "Chỉ số CCHC", 2, "X1", "2026", ["too_large"]],
      ["sipas", "row", "Khảo sát SIPAS", 4, "X1", "", ["not_a_number"]],
    ]);
    // The findings workbook lists them on their own sheet, with their data, scope, place and reasons.
    const findings = new ExcelJS.Workbook();
    await findings.xlsx.load(buildFindingsWorkbook(result, "vi").toBytes({ date: new Date(0) }) as unknown as ArrayBuffer);
    const sheet = findings.getWorksheet("SIPAS, CCHC bị từ chối")!;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) => (sheet.getRow(index + 2).values as unknown[]).slice(1));
    expect(rows.map((row) => row.slice(0, 7))).toEqual([
      ["Khảo sát SIPAS", "cả khảo sát/bộ điểm của đơn vị trong kỳ", "so-lieu.xlsx", "Khảo sát SIPAS", 2, "X1", "2026"],
      ["Chỉ số CCHC", "cả khảo sát/bộ điểm của đơn vị trong kỳ", "so-lieu.xlsx", "Chỉ số CCHC", 2, "X1", "2026"],
      ["Khảo sát SIPAS", "chỉ dòng này", "so-lieu.xlsx", "Khảo sát SIPAS", 4, "X1", undefined],
    ]);
    expect(String(rows[0]![7])).toMatch(/^G: câu hỏi ACCESS_PLACE có tổng số câu trả lời \(41\) lớn hơn số người được khảo sát \(40\)/);
    expect(String(rows[1]![7])).toMatch(/^D: giá trị quá lớn \(999\)/);
    // Without rejections there is no such sheet.
    const clean = await importFigures(await companionWorkbook([["X1", "2026", "ACCESS_PLACE", 10, 30, null, 40]]), { scheme, fileName: "so-lieu.xlsx", skipInvalid: true });
    expect(clean.companionRows).toEqual([]);
    const cleanFindings = new ExcelJS.Workbook();
    await cleanFindings.xlsx.load(buildFindingsWorkbook(clean, "vi").toBytes({ date: new Date(0) }) as unknown as ArrayBuffer);
    expect(cleanFindings.worksheets.map((worksheet) => worksheet.name)).toEqual(["Lỗi và cảnh báo", "Dòng bị từ chối"]);
  });

  it("refuses the same in a JSON file, at the question's line", async () => {
    const file = { ...sampleFile(), surveys: [{ unit: "HS-X001", period: "2026", respondents: 40, tallies: { ACCESS_PLACE: { 5: 30, 4: 20 } } }] };
    const text = JSON.stringify(file, null, 2);
    const result = await importFigures(encode(text), { scheme, fileName: "so-lieu.json" });
    expect(result.dataset).toBeNull();
    const line = text.split("\n").findIndex((entry) => entry.includes('"ACCESS_PLACE"')) + 1;
    expect(messages(result)).toEqual([`so-lieu.json › dòng ${line} › surveys[0].tallies.ACCESS_PLACE: câu hỏi ACCESS_PLACE có tổng số câu trả lời (50) lớn hơn số người được khảo sát (40); hãy kiểm tra lại số người ở từng mức và số người được khảo sát.`]);
  });
});
