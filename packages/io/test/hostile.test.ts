// Files an adversary (or an unlucky office) brings: every one refused or read with a located reason,
// never a crash, a hang, a silent loss or a misread number.
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getScheme, scoreDataset } from "@chiso/core";
import { buildFindingsWorkbook, describeImportIssue, importFiles, importFigures, readXlsx, type ImportResult } from "../src/index.js";
import { readCompanionSheets } from "../src/companion-sheets.js";
import { sampleFile, scheme } from "./fixture.js";
import { foreignWorkbook, zipOf } from "./zip.js";

const encode = (text: string) => new TextEncoder().encode(text);
const messages = (result: ImportResult, language: "vi" | "en" = "vi") => result.issues.map((issue) => describeImportIssue(issue, language));
const json = (value: unknown, fileName = "so-lieu.json") => importFigures(encode(JSON.stringify(value, null, 2)), { scheme, fileName });
const csv = (lines: readonly string[], fileName = "so-lieu.csv", options: { skipInvalid?: boolean } = {}) => importFigures(encode(lines.join("\n")), { scheme, fileName, ...options });
const HEADER = "Mã đơn vị;Tên đơn vị;Cấp;Mã đơn vị cấp trên;Kỳ;ON_TIME tử số;ON_TIME mẫu số";
const small = { units: [{ id: "P", name: "Tỉnh Thử", level: "province" }, { id: "X1", name: "Xã Một", level: "commune", parent: "P" }], figures: [{ unit: "X1", period: "2026-03", items: { ON_TIME: [7, 10] } }] };
/** The line (1-based) of the first line of `text` that contains `needle`, after the `after`-th match of `start`. */
const lineOf = (text: string, needle: string, from = 0) => text.split("\n").findIndex((line, index) => index >= from && line.includes(needle)) + 1;
const onTime = (result: ImportResult, unit = "X1", period = "2026-03") => scoreDataset(result.dataset!, { period }).unit(unit)!.items.find((item) => item.code === "ON_TIME")!.counts;

describe("JSON whose top level is not an object", () => {
  it.each([
    ["[]", "một mảng […]", "an array […]"],
    ["null", "null", "null"],
    ['"so lieu"', "một chuỗi", "a string"],
    ["42", "một số", "a number"],
    ["true", "một giá trị đúng/sai", "a boolean"],
  ])("%s is refused with what the top level is", async (text, vi, en) => {
    const result = await importFigures(encode(text), { scheme, fileName: "t.json" });
    expect(result.dataset).toBeNull();
    expect(messages(result)).toEqual([`t.json › dòng 1: tệp JSON phải là một đối tượng { "units": […], "figures": […] }, nhưng ở cấp ngoài cùng là ${vi}; xem tệp mẫu trong docs/input-format.md.`]);
    expect(messages(result, "en")[0]).toContain(`its top level is ${en}`);
  });
});

describe("JSON located by line", () => {
  it("says at which line and column a file stops being JSON", async () => {
    const text = JSON.stringify(small, null, 2);
    const cut = text.indexOf('"ON_TIME"') + 5;
    const truncated = await importFigures(encode(text.slice(0, cut)), { scheme, fileName: "t.json" });
    const line = lineOf(text, '"ON_TIME"');
    const column = cut - text.lastIndexOf("\n", cut); // the end of the text, where the string should have closed
    expect(messages(truncated)).toEqual([`t.json › dòng ${line}: không phải JSON hợp lệ ở cột ${column}: chuỗi không có dấu ngoặc kép đóng (tệp bị cắt cụt?).`]);
    const trailingComma = await importFigures(encode('{\n  "units": [],\n  "figures": [1,],\n}'), { scheme, fileName: "t.json" });
    expect(messages(trailingComma, "en")).toEqual(["t.json › line 3: not valid JSON at column 17: a value was expected (a number, a quoted string, {…}, […], true, false or null)."]);
  });

  it("puts the line of the row — not only figures[1395] — on every problem of a row", async () => {
    const file = { ...small, figures: [...small.figures, { unit: "X1", period: "2026-04", items: { ON_TIME: [12, 10] } }] };
    const result = await json(file);
    // The numerator's own line, inside the second row.
    const text = JSON.stringify(file, null, 2);
    const line = lineOf(text, "12", lineOf(text, '"2026-04"'));
    expect(line).toBeGreaterThan(20);
    expect(messages(result)).toHaveLength(1);
    expect(messages(result)[0]).toMatch(new RegExp(`^so-lieu\\.json › dòng ${line} › figures\\[1\\]\\.items\\.ON_TIME\\.numerator › đơn vị X1: tử số \\(12\\) lớn hơn mẫu số \\(10\\)`));
  });

  it("refuses a key written twice (JSON.parse would keep only the last)", async () => {
    const text = JSON.stringify(small, null, 2).replace('"ON_TIME": [', '"ON_TIME": [1, 10],\n          "ON_TIME": [');
    const result = await importFigures(encode(text), { scheme, fileName: "t.json", skipInvalid: true });
    expect(messages(result)).toContain(`t.json › dòng ${lineOf(text, '"ON_TIME"') + 1} › figures[0].items.ON_TIME › đơn vị X1: trường "ON_TIME" được viết hai lần trong cùng một đối tượng (JSON chỉ giữ lần cuối, lần trước sẽ bị mất); hãy giữ lại một.`);
    expect(result.rows.map((row) => row.status)).toEqual(["rejected"]);
  });

  it("survives nesting a million levels deep", async () => {
    const result = await importFigures(encode(`{"units": ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`), { scheme, fileName: "t.json" });
    expect(messages(result, "en")[0]).toMatch(/^t\.json › line 1: not valid JSON at column \d+: nested too deeply/);
  });
});

describe("text encodings", () => {
  const lines = [HEADER, "P;Tỉnh Thử;tỉnh;;2026-03;;", "X1;Xã Ân Thịnh;xã;P;2026-03;7;10"];
  const text = lines.join("\r\n");

  it("reads UTF-8 with and without BOM and UTF-16 with BOM alike", async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const utf16be = Buffer.from(utf16le).swap16();
    utf16be[0] = 0xfe;
    utf16be[1] = 0xff;
    for (const bytes of [encode(text), encode(`\uFEFF${text}`), utf16le, utf16be]) {
      const result = await importFigures(new Uint8Array(bytes), { scheme, fileName: "t.csv" });
      expect(messages(result)).toEqual([]);
      expect(result.dataset!.unitById.get("X1")!.name).toBe("Xã Ân Thịnh");
      expect(onTime(result)).toEqual({ numerator: 7, denominator: 10 });
    }
  });

  it("refuses Windows-1258 (and any other non-UTF-8) saying where and how to save as UTF-8", async () => {
    // "Xã Ân Thịnh" in Windows-1258: ã = E3, Â = C2, ị = i + F2 (combining dot below).
    const latin = Buffer.from(text.replace("Xã Ân Thịnh", "Xa Ân Thinh"), "utf8").toString("latin1");
    const bytes = Buffer.from(latin.replace("Xa Ã\u0082n Thinh", "X\u00e3 \u00c2n Thi\u00f2nh"), "latin1");
    const result = await importFigures(new Uint8Array(bytes), { scheme, fileName: "t.csv" });
    expect(result.dataset).toBeNull();
    expect(messages(result)).toEqual([
      't.csv › dòng 3: tệp không được lưu theo bảng mã UTF-8 (từ dòng 3, các byte E3 20 C2 — có thể là Windows-1258, TCVN3 hay VNI), nên chữ tiếng Việt sẽ bị đọc sai; hãy lưu lại dạng UTF-8: trong Excel chọn Tệp › Lưu thành › "CSV UTF-8 (Comma delimited)"; trong Notepad chọn Lưu thành › Mã hóa: UTF-8.',
    ]);
    expect(messages(result, "en")[0]).toContain('save it as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"');
    const noMark = await importFigures(new Uint8Array(Buffer.from(text, "utf16le")), { scheme, fileName: "t.csv" });
    expect(messages(noMark)[0]).toContain("UTF-16 nhưng thiếu dấu BOM");
  });
});

describe("numbers that could be read two ways", () => {
  it.each([
    ["0.750", "ambiguous_number"],
    ["00.750", "ambiguous_number"],
    ["1,234", "ambiguous_number"],
    ["0,75", "not_integer"],
  ])("refuses %s in a count", async (value, code) => {
    const result = await csv([HEADER, "P;Tỉnh;tỉnh;;2026-03;;", `X1;Xã;xã;P;2026-03;${value};1.000`]);
    expect(result.dataset).toBeNull();
    expect(result.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([[code, 3, "F"]]);
  });

  it("reads Vietnamese thousands: 1.000 is one thousand", async () => {
    const result = await csv([HEADER, "P;Tỉnh;tỉnh;;2026-03;;", "X1;Xã;xã;P;2026-03;750;1.000"]);
    expect(onTime(result)).toEqual({ numerator: 750, denominator: 1000 });
  });
});

describe("prototype keys are data", () => {
  it("does not take constructor or __proto__ typed in a cell for a level", async () => {
    const result = await csv([HEADER, "P;Tỉnh;constructor;;2026-03;;", "X1;Xã;__proto__;P;2026-03;7;10"]);
    expect(result.issues.map((issue) => issue.code)).toEqual(["invalid_level", "invalid_level"]);
  });

  it("keeps a SIPAS question coded __proto__ as a question for the core to judge", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10]]);
    workbook.addWorksheet("Khảo sát SIPAS").addRows([["Mã đơn vị", "Kỳ", "Mã câu hỏi", "Mức 1", "Mức 5"], ["X1", "2026", "__proto__", 1, 9]]);
    // What io reads, before the core judges the code (it is no SIPAS question: the core reports it).
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const tallies = (readCompanionSheets(sheets).surveys![0] as { tallies: object }).tallies;
    expect(Object.getPrototypeOf(tallies)).toBe(Object.prototype);
    expect(Object.keys(tallies)).toEqual(["__proto__"]);
  });

  it("reports `__proto__` as an item or SIPAS question code as unknown, at its place, instead of dropping it", async () => {
    const text = JSON.stringify(small, null, 2).replace('"ON_TIME"', '"__proto__"');
    const item = await importFigures(encode(text), { scheme, fileName: "so-lieu.json" });
    expect(item.dataset).toBeNull();
    expect(messages(item)).toEqual([expect.stringMatching(new RegExp(`^so-lieu\\.json › dòng ${lineOf(text, "__proto__")} › .*__proto__`))]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10]]);
    workbook.addWorksheet("Khảo sát SIPAS").addRows([["Mã đơn vị", "Kỳ", "Mã câu hỏi", "Mức 1", "Mức 5"], ["X1", "2026", "__proto__", 1, 9]]);
    const survey = await importFigures(new Uint8Array(await workbook.xlsx.writeBuffer()), { scheme, fileName: "so-lieu.xlsx" });
    expect(messages(survey).filter((message) => message.includes("__proto__"))).toHaveLength(1);
    expect(survey.dataset).toBeNull();
  });
});

describe("the file's envelope", () => {
  it("validates with the scheme the file declares, and refuses a conflicting or unknown one", async () => {
    const declared = await importFigures(encode(JSON.stringify({ ...small, scheme: "766-portal-feedback-split" })), { fileName: "t.json" });
    expect(declared.scheme.id).toBe("766-portal-feedback-split");
    expect(declared.dataset!.scheme.id).toBe("766-portal-feedback-split");
    const conflict = await importFigures(encode(JSON.stringify({ scheme: "766-portal-feedback-split", ...small }, null, 2)), { scheme: getScheme("766-portal"), fileName: "t.json" });
    expect(messages(conflict)).toEqual(['t.json › dòng 2 › scheme: tệp khai báo phương án chấm điểm "766-portal-feedback-split" nhưng lệnh dùng "766-portal"; hãy bỏ --scheme, hoặc sửa trường "scheme" của tệp cho khớp.']);
    const unknown = await importFigures(encode(JSON.stringify({ ...small, scheme: "766-tinh-x" }, null, 2)), { fileName: "so-lieu.json" });
    expect(messages(unknown, "en")[0]).toMatch(/^so-lieu\.json › line \d+ › scheme: the file declares the scheme "766-tinh-x", which chiso does not have/);
  });

  it("reports an unknown `format` id and a misspelled top-level key at their line", async () => {
    const format = JSON.stringify({ format: "chiso.figures/9", ...small }, null, 2);
    const wrongFormat = await importFigures(encode(format), { scheme, fileName: "t.json" });
    expect(wrongFormat.dataset).toBeNull();
    expect(messages(wrongFormat)).toEqual([expect.stringMatching(/^t\.json › dòng 2 › format: .*chiso\.figures\/9/)]);
    const misspelled = JSON.stringify({ units: small.units, figure: small.figures }, null, 2);
    const result = await importFigures(encode(misspelled), { scheme, fileName: "t.json" });
    expect(result.dataset).toBeNull();
    expect(messages(result).some((message) => message.startsWith(`t.json › dòng ${lineOf(misspelled, '"figure"')} › figure`))).toBe(true);
  });
});

describe("units described twice", () => {
  it("refuses a unit id listed twice on the units sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã Một", "xã", "P"], ["X1", "Xã Mốt", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10]]);
    const result = await importFigures(new Uint8Array(await workbook.xlsx.writeBuffer()), { scheme, fileName: "mau.xlsx", skipInvalid: true });
    expect(messages(result)).toEqual(['mau.xlsx › Đơn vị › dòng 4 › cột A “Mã đơn vị” › đơn vị X1: mã đơn vị "X1" đã có ở dòng 3; mỗi đơn vị chỉ ghi một dòng — hãy xóa dòng trùng hoặc sửa mã.']);
    expect(result.rows.map((row) => [row.status, row.reasons.map((reason) => reason.code)])).toEqual([["rejected", ["unit_rejected"]]]);
  });

  it("refuses CSV rows that describe one unit differently, and rejects the unit's rows with --skip-invalid", async () => {
    const lines = [HEADER, "P;Tỉnh;tỉnh;;2026-03;;", "X1;Xã Một;xã;P;2026-03;7;10", "X1;Xã Hai;xã;P;2026-04;8;10", "X2;Xã Ba;xã;P;2026-03;1;2"];
    const refused = await csv(lines);
    expect(refused.dataset).toBeNull();
    expect(messages(refused)).toEqual(['so-lieu.csv › dòng 4 › cột B “Tên đơn vị” › đơn vị X1: đơn vị "X1" có tên "Xã Hai", khác với "Xã Một" ở dòng 3; không biết thông tin nào đúng nên các dòng của đơn vị này bị từ chối — hãy sửa cho thống nhất.']);
    const skipped = await csv(lines, "so-lieu.csv", { skipInvalid: true });
    expect(skipped.rows.map((row) => [row.row, row.status])).toEqual([[2, "accepted"], [3, "rejected"], [4, "rejected"], [5, "accepted"]]);
    expect(skipped.dataset!.unitById.has("X1")).toBe(false);
  });
});

describe("sheets", () => {
  it("names sheets as the workbook does, for files written by other tools", async () => {
    const bytes = foreignWorkbook([
      { name: "Đơn vị", rows: [["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]] },
      { name: "Số liệu tháng 3", rows: [["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 12, 10]] },
    ]);
    const result = await importFigures(bytes, { scheme, fileName: "google.xlsx" });
    expect(messages(result)[0]).toMatch(/^google\.xlsx › Số liệu tháng 3 › dòng 2 › cột C “2\.1 Tử số” › đơn vị X1: tử số \(12\) lớn hơn mẫu số \(10\)/);
  });

  it("reports a sheet it does not read, and refuses a table whose columns it does not recognise (never the other sheets)", async () => {
    const sheets = [
      { name: "Đơn vị", rows: [["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]] },
      { name: "Số liệu", rows: [["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10]] },
      { name: "Ghi chú", rows: [["Số liệu tháng 3 đã được lãnh đạo duyệt"]] },
    ];
    const noted = await importFigures(foreignWorkbook(sheets), { scheme, fileName: "t.xlsx" });
    expect(noted.dataset).not.toBeNull();
    expect(messages(noted)).toEqual(["t.xlsx › Ghi chú: (cảnh báo) trang này (1 dòng có nội dung) không được đọc vì không nhận ra dòng tiêu đề nào (Mã đơn vị, Kỳ, các cột tử số/mẫu số); nếu trang có số liệu cần chấm, hãy đặt tiêu đề theo tệp mẫu."]);
    const misnamed = [...sheets.slice(0, 2), { name: "Sheet3", rows: [["Mã đơn vị", "Kỳ", "Đúng hạn", "Tổng"], ["X1", "2026-04", 7, 10], ["X1", "2026-05", 8, 10]] }];
    expect((await importFigures(foreignWorkbook(misnamed), { scheme, fileName: "t.xlsx" })).dataset).toBeNull();
    // --skip-invalid scores the sheets that were read; the unread sheet's rows stay named as not scored.
    const refused = await importFigures(foreignWorkbook(misnamed), { scheme, fileName: "t.xlsx", skipInvalid: true });
    expect(refused.dataset?.figures.map((figure) => figure.period.key)).toEqual(["2026-03"]);
    expect(messages(refused)).toContain("t.xlsx › Sheet3 › dòng 1: trang này có cột mã đơn vị (dòng 1) nhưng không nhận ra cột số liệu nào, nên 2 dòng của trang không được chấm; hãy đặt tiêu đề cột theo tệp mẫu (ví dụ \"2.1 Tử số\", \"2.1 Mẫu số\").");
  });
});

describe("broken and hostile workbooks", () => {
  const valid = () => foreignWorkbook([{ name: "Số liệu", rows: [["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["P", "Tỉnh", "tỉnh", null, "2026-03", null, null], ["X1", "Xã", "xã", "P", "2026-03", 7, 10]] }]);

  it("reads the valid one", async () => {
    expect(onTime(await importFigures(valid(), { scheme, fileName: "t.xlsx" }))).toEqual({ numerator: 7, denominator: 10 });
  });

  it.each([
    ["a 0-byte file", () => new Uint8Array(0), "tệp rỗng (0 byte)"],
    ["a truncated file", () => valid().subarray(0, 400), "bị cắt cụt hoặc hỏng"],
    ["a file cut just before its end", () => valid().subarray(0, valid().length - 30), "bị cắt cụt hoặc hỏng"],
    ["a damaged part", () => { const bytes = valid(); const at = Buffer.from(bytes).indexOf("book/tabs/tab-1.xml") + 30; bytes[at] = bytes[at]! ^ 0xff; return bytes; }, "bị hỏng"],
    ["an Excel 97 file", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "Excel 97–2003 (.xls) hoặc đã đặt mật khẩu"],
    ["a CSV renamed", () => encode("Mã đơn vị;Kỳ"), "nội dung là một bảng CSV (văn bản có dấu phân cách); hãy đổi đuôi tệp thành .csv"],
  ])("refuses %s with a message", async (_name, bytes, words) => {
    const result = await importFigures(bytes(), { scheme, fileName: "t.xlsx" });
    expect(result.dataset).toBeNull();
    expect(result.issues).toHaveLength(1);
    expect(messages(result)[0]).toContain(words);
  });

  it("stops a zip bomb at the uncompressed budget, whatever sizes the archive declares", async () => {
    const huge = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${"<row/>".repeat(2_000_000)}</sheetData></worksheet>`;
    const bomb = zipOf({
      "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": huge,
    });
    expect(bomb.length).toBeLessThan(huge.length / 100);
    const result = await importFigures(bomb, { scheme, fileName: "bomb.xlsx", maxUncompressedBytes: 1_000_000 });
    expect(messages(result)).toEqual(["bomb.xlsx: khi giải nén, tệp vượt 977 KB (tệp bình thường của một tỉnh chỉ vài MB; đây có thể là tệp độc hại); nếu tệp đúng, hãy tách theo tháng."]);
    expect(deflateRawSync(Buffer.alloc(1)).length).toBeGreaterThan(0);
  });

  it("refuses a cell address outside Excel's grid", async () => {
    const bytes = zipOf({
      "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>',
    });
    expect(messages(await importFigures(bytes, { scheme, fileName: "t.xlsx" }))[0]).toContain("tệp .xlsx bị hỏng");
  });
});

describe("text longer than a cell", () => {
  it("refuses a 40,000-character cell, located, without printing it", async () => {
    const result = await csv([HEADER, "P;Tỉnh;tỉnh;;2026-03;;", `X1;${"Xã ".repeat(13_334)};xã;P;2026-03;7;10`], "t.csv", { skipInvalid: true });
    expect(messages(result)).toEqual(["t.csv › dòng 3 › cột B “Tên đơn vị” › đơn vị X1: ô dài 40.002 ký tự, vượt giới hạn 32.767 ký tự một ô của Excel; hãy rút gọn nội dung."]);
    expect(result.rows.map((row) => row.status)).toEqual(["accepted", "rejected"]);
  });

  it("reads a 10-million-character name in a CSV, a workbook and JSON quickly and refuses it", async () => {
    const name = "A".repeat(10_000_000);
    const started = performance.now();
    const fromCsv = await csv([HEADER, "P;Tỉnh;tỉnh;;2026-03;;", `X1;${name};xã;P;2026-03;7;10`]);
    const fromJson = await json({ ...small, units: [small.units[0], { ...small.units[1], name }] });
    const fromXlsx = await importFigures(foreignWorkbook([{ name: "Số liệu", rows: [["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["P", "Tỉnh", "tỉnh", null, "2026-03", null, null], ["X1", name, "xã", "P", "2026-03", 7, 10]] }]), { scheme, fileName: "t.xlsx" });
    expect(performance.now() - started).toBeLessThan(20_000);
    for (const result of [fromCsv, fromJson, fromXlsx]) {
      expect(result.dataset).toBeNull();
      expect(result.issues.map((issue) => issue.code)).toEqual(["cell_too_long"]);
      expect(messages(result)[0]!.length).toBeLessThan(300);
    }
    expect(messages(fromJson)[0]).toBe(`so-lieu.json › dòng ${lineOf(JSON.stringify({ ...small, units: [small.units[0], { ...small.units[1], name: "x" }] }, null, 2), '"name": "x"')} › units[1].name › đơn vị X1: ô dài 10.000.000 ký tự, vượt giới hạn 32.767 ký tự một ô của Excel; hãy rút gọn nội dung.`);
  });

  it("never writes a cell over Excel's limit in the findings workbook", async () => {
    const result = await csv([`${HEADER};${"Ghi chú ".repeat(4_000)}`, "P;Tỉnh;tỉnh;;2026-03;;;", "X1;Xã;xã;P;2026-03;7;12;"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buildFindingsWorkbook(result, "vi").toBytes({ date: new Date(0) }) as unknown as ArrayBuffer);
    const longest = Math.max(...workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])).map((cell) => String(cell ?? "").length)));
    expect(longest).toBeLessThanOrEqual(32_767);
  });
});

describe("the rejected rows' cells in the findings workbook", () => {
  it("keeps every plain number as a number, integer or decimal as read, and anything else as text", async () => {
    const result = await csv([`${HEADER};Ghi chú`, "P;Tỉnh;tỉnh;;2026-03;;;", "X1;Xã;xã;P;2026-03;12;10;6.8", "X2;Xã Hai;xã;P;2026-03;11;10;007", "X3;Xã Ba;xã;P;2026-03;13;10;-0.25"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buildFindingsWorkbook(result, "vi").toBytes({ date: new Date(0) }) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Dòng bị từ chối")!;
    const cells = [2, 3, 4].map((row) => (sheet.getRow(row).values as unknown[]).slice(7));
    // A code with leading zeros is text (it is not the number 7); counts and decimals can be corrected and summed.
    expect(cells.map((row) => row.slice(-3))).toEqual([[12, 10, 6.8], [11, 10, "007"], [13, 10, -0.25]]);
  });
});

describe("every row accounted for, at its own line", () => {
  it("numbers CSV rows by the line they start on, even after a quoted line break", async () => {
    const result = await csv([HEADER, 'P;"Tỉnh\nThử";tỉnh;;2026-03;;', "X1;Xã;xã;P;2026-03;12;10"]);
    expect(result.issues.map((issue) => issue.row)).toEqual([4]);
  });

  it("gives each accepted row's source as the office would find it", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-02", 7, 10], ["X1", "2026-03", 13, 10], ["X1", "2026-04", 8, 10]]);
    const result = await importFigures(new Uint8Array(await workbook.xlsx.writeBuffer()), { scheme, fileName: "so-lieu.xlsx", skipInvalid: true });
    expect(result.sources).toEqual(["so-lieu.xlsx › Số liệu › dòng 2", "so-lieu.xlsx › Số liệu › dòng 4"]);
    expect(result.document!.figures.map((figure) => figure.period)).toEqual(["2026-02", "2026-04"]);
    expect((await json(small)).sources).toEqual(["so-lieu.json › dòng 16 › figures[0]"]);
  });

  it("carries each row's location into the scored dataset, where findings quote it", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh", "tỉnh", null], ["X1", "Xã", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-02", 7, 10], ["X1", "2026-03", 13, 10], ["X1", "2026-04", 8, 10]]);
    const result = await importFigures(new Uint8Array(await workbook.xlsx.writeBuffer()), { scheme, fileName: "so-lieu.xlsx", skipInvalid: true });
    expect(result.dataset!.figures.map((row) => row.source)).toEqual([["so-lieu.xlsx › Số liệu › dòng 2"], ["so-lieu.xlsx › Số liệu › dòng 4"]]);
  });
});

describe("several files for one run", () => {
  it("reads a file named twice once, with a warning, instead of refusing it against itself", async () => {
    const data = encode(JSON.stringify(small));
    const result = await importFiles([{ data, fileName: "a.json" }, { data, fileName: "a.json" }], { scheme });
    expect(result.dataset).not.toBeNull();
    expect(messages(result)).toEqual(["a.json: (cảnh báo) tệp được chỉ định nhiều lần; chỉ đọc một lần."]);
  });

  it("refuses a CSV row with values past the titled columns (a shifted row)", async () => {
    const result = await csv([HEADER, "P;Tỉnh;tỉnh;;2026-03;;", "X1;Xã;xã;P;2026-03;3;10;EXTRA;MORE"]);
    expect(result.dataset).toBeNull();
    expect(messages(result)).toEqual([
      expect.stringMatching(/^so-lieu\.csv › dòng 3 › cột H › đơn vị X1: ô có giá trị "EXTRA" nằm ngoài 7 cột có tiêu đề/),
      expect.stringMatching(/^so-lieu\.csv › dòng 3 › cột I › đơn vị X1: ô có giá trị "MORE"/),
    ]);
  });

  const departments = { units: [{ id: "P", name: "Tỉnh Thử", level: "province" }, { id: "S1", name: "Sở Một", level: "department", parent: "P" }], figures: [{ unit: "S1", period: "2026-03", items: { ON_TIME: [9, 10] } }] };
  const communes = [HEADER, "P;Tỉnh Thử;tỉnh;;2026-03;;", "X1;Xã Một;xã;P;2026-03;7;10", "X1;Xã Một;xã;P;2026-02;5;10"].join("\n");
  const files = (...entries: [string, string][]) => entries.map(([fileName, text]) => ({ fileName, data: encode(text) }));

  it("unites the units and combines the figures", async () => {
    const result = await importFiles(files(["so.json", JSON.stringify(departments)], ["xa.csv", communes]), { scheme });
    expect(messages(result)).toEqual([]);
    expect(result.dataset!.units.map((unit) => unit.id)).toEqual(["P", "S1", "X1"]);
    expect(onTime(result, "S1")).toEqual({ numerator: 9, denominator: 10 });
    expect(onTime(result, "X1", "2026-02")).toEqual({ numerator: 5, denominator: 10 });
    expect(result.files.map((file) => file.name)).toEqual(["so.json", "xa.csv"]);
    expect(result.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(result.rows.map((row) => [row.file, row.row ?? row.line, row.status])).toEqual([["so.json", 1, "accepted"], ["xa.csv", 2, "accepted"], ["xa.csv", 3, "accepted"], ["xa.csv", 4, "accepted"]]);
  });

  it("merges the sources of two imports from one system (notes joined, the earliest retrieval kept) and refuses two systems", async () => {
    const portal = (month: string, retrievedAt: string, warning: string) => ({
      ...departments,
      source: { system: "Cổng DVCQG", retrievedAt, note: `phản hồi tháng ${month}`, warning: { vi: warning, en: warning } },
      figures: [{ unit: "S1", period: month, items: { ON_TIME: [9, 10] } }],
    });
    const result = await importFiles(files(["t7.json", JSON.stringify(portal("2026-07", "2026-08-05T08:00", "Cổng liệt kê 2/3 đơn vị."))], ["t8.json", JSON.stringify(portal("2026-08", "2026-09-05T08:00", "Cổng liệt kê 1/3 đơn vị."))]), { scheme });
    expect(messages(result)).toEqual([]);
    expect(result.dataset!.provenance).toEqual({
      system: "Cổng DVCQG",
      retrievedAt: "2026-08-05T08:00",
      note: "phản hồi tháng 2026-07; phản hồi tháng 2026-08",
      warning: { vi: "Cổng liệt kê 2/3 đơn vị. Cổng liệt kê 1/3 đơn vị.", en: "Cổng liệt kê 2/3 đơn vị. Cổng liệt kê 1/3 đơn vị." },
    });
    const other = { ...portal("2026-08", "2026-09-05T08:00", "x"), source: { system: "chiso dossiers" } };
    const refused = await importFiles(files(["t7.json", JSON.stringify(portal("2026-07", "2026-08-05T08:00", "x"))], ["hs.json", JSON.stringify(other)]), { scheme });
    expect(refused.issues.map((issue) => issue.code)).toContain("conflicting_field");
  });

  it("refuses the same unit and period with different figures in two files, naming both places", async () => {
    const again = { ...departments, figures: [{ unit: "X1", period: "2026-03", items: { ON_TIME: [6, 10] } }], units: [...departments.units, { id: "X1", name: "Xã Một", level: "commune", parent: "P" }] };
    const text = JSON.stringify(again, null, 1);
    const result = await importFiles(files(["xa.csv", communes], ["bo-sung.json", text]), { scheme, skipInvalid: true });
    const line = lineOf(text, "{", lineOf(text, '"figures"'));
    expect(messages(result)).toEqual([
      `xa.csv › dòng 3 › đơn vị X1: đơn vị "X1" kỳ 2026-03 đã có số liệu khác ở bo-sung.json › dòng ${line} › figures[0]; không biết số nào đúng nên cả hai dòng bị từ chối — hãy giữ số liệu ở một tệp.`,
      `bo-sung.json › dòng ${line} › figures[0] › đơn vị X1: đơn vị "X1" kỳ 2026-03 đã có số liệu khác ở xa.csv › dòng 3; không biết số nào đúng nên cả hai dòng bị từ chối — hãy giữ số liệu ở một tệp.`,
    ]);
    expect(result.rows.filter((row) => row.status === "rejected").map((row) => row.file)).toEqual(["xa.csv", "bo-sung.json"]);
  });

  it("counts identical figures in two files once, and says so", async () => {
    const result = await importFiles(files(["xa.csv", communes], ["xa-ban-sao.csv", communes]), { scheme });
    expect(result.dataset).not.toBeNull();
    expect(messages(result)).toEqual([
      'xa-ban-sao.csv › dòng 2 › đơn vị P: (cảnh báo) đơn vị "P" kỳ 2026-03 có số liệu giống hệt ở xa.csv › dòng 2; chỉ tính một lần.',
      'xa-ban-sao.csv › dòng 3 › đơn vị X1: (cảnh báo) đơn vị "X1" kỳ 2026-03 có số liệu giống hệt ở xa.csv › dòng 3; chỉ tính một lần.',
      'xa-ban-sao.csv › dòng 4 › đơn vị X1: (cảnh báo) đơn vị "X1" kỳ 2026-02 có số liệu giống hệt ở xa.csv › dòng 4; chỉ tính một lần.',
    ]);
    expect(result.rows.map((row) => row.status)).toEqual(["accepted", "accepted", "accepted", "rejected", "rejected", "rejected"]);
  });

  it("refuses files that disagree on a field of the whole document", async () => {
    const result = await importFiles(files(["a.json", JSON.stringify({ ...departments, parentCounts: "own" })], ["b.json", JSON.stringify({ parentCounts: "sum", ...departments, figures: [] })]), { scheme });
    expect(result.dataset).toBeNull();
    expect(messages(result)).toContain('b.json › dòng 1 › parentCounts: trường "parentCounts" của tệp này khác với ở tệp a.json; các tệp ghép với nhau phải ghi trường này giống nhau — hãy sửa cho thống nhất hoặc nhập riêng từng tệp.');
  });

  it("refuses units that disagree between files", async () => {
    const renamed = { ...departments, units: [{ id: "P", name: "Tỉnh Khác", level: "province" }, departments.units[1]] };
    const text = JSON.stringify(renamed, null, 1);
    const result = await importFiles(files(["xa.csv", communes], ["so.json", text]), { scheme });
    expect(result.dataset).toBeNull();
    expect(messages(result)).toEqual([`so.json › dòng ${lineOf(text, "Tỉnh Khác")} › units[0].name › đơn vị P: đơn vị "P" có tên "Tỉnh Khác", khác với "Tỉnh Thử" ở xa.csv › dòng 2; không biết thông tin nào đúng nên các dòng của đơn vị này bị từ chối — hãy sửa cho thống nhất.`]);
  });
});

it("keeps the sample's numbers through every path (guard for the fixtures above)", async () => {
  expect((await json(sampleFile())).dataset).not.toBeNull();
});
