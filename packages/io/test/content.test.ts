import { describe, expect, it } from "vitest";
import { buildTemplate, contentKind, describeImportIssue, importFigures, importPortalResponses, importUnits } from "../src/index.js";
import { sampleCsv, scheme } from "./fixture.js";
import { zipOf } from "./zip.js";

const encode = (text: string) => new TextEncoder().encode(text);
const workbook = () => buildTemplate({ scheme, period: "2026-03" }).toBytes({ date: new Date(Date.UTC(2026, 0, 1)) });
const docx = () => zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
const ods = () => zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }, ["mimetype"]);
const pdf = () => encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
const html = () => encode("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>");
const ole = () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
/** Bytes no text file has: every value, over and over. */
const binary = () => new Uint8Array(Array.from({ length: 2048 }, (_, index) => (index * 37) % 256));
const json = () => encode(JSON.stringify({ format: "chiso.figures/1", units: [], figures: [] }));

async function firstMessage(bytes: Uint8Array, fileName: string, language: "vi" | "en" = "vi") {
  const result = await importFigures(bytes, { scheme, fileName });
  expect(result.dataset).toBeNull();
  expect(result.issues).toHaveLength(1);
  return describeImportIssue(result.issues[0]!, language);
}

describe("what a file is, from its content", () => {
  it("tells apart the kinds people choose by mistake", () => {
    expect(contentKind(workbook())).toBe("xlsx");
    expect(contentKind(docx())).toBe("docx");
    expect(contentKind(ods())).toBe("ods");
    expect(contentKind(pdf())).toBe("pdf");
    expect(contentKind(html())).toBe("html");
    expect(contentKind(ole())).toBe("ole");
    expect(contentKind(binary())).toBe("binary");
    expect(contentKind(json())).toBe("json");
    expect(contentKind(encode(sampleCsv()))).toBe("csv");
    expect(contentKind(encode("\uFEFF \r\n"))).toBe("empty");
    expect(contentKind(new Uint8Array())).toBe("empty");
    // Text in an older Vietnamese encoding is text (the decoder says where it stops being UTF-8), not binary.
    expect(contentKind(new Uint8Array([0x4d, 0xe3, 0x20, 0x64, 0xf5, 0x6e, 0x3b, 0x4b, 0xfd, 0x0d, 0x0a]))).toBe("csv");
    // UTF-16 with or without a mark is left to the decoder too.
    expect(contentKind(new Uint8Array([...encode("Mã;Kỳ\r\n")].flatMap((byte) => [byte, 0])))).toBe("text");
  });

  it("names a workbook renamed to .csv or .json as a workbook, with the fix, in Vietnamese and English", async () => {
    const asCsv = await firstMessage(workbook(), "so-lieu.csv");
    expect(asCsv).toBe('so-lieu.csv: tên tệp có đuôi .csv nhưng nội dung là một bảng tính Excel (.xlsx); hãy đổi đuôi tệp thành .xlsx, hoặc mở trong Excel và lưu trang số liệu dạng "CSV UTF-8 (Comma delimited)".');
    expect(asCsv).not.toContain("UTF-8 (từ dòng");
    expect(await firstMessage(workbook(), "so-lieu.csv", "en")).toBe('so-lieu.csv: the file is named .csv but it is an Excel workbook (.xlsx); rename it to .xlsx, or open it in Excel and save the figures sheet as "CSV UTF-8 (Comma delimited)".');
    expect(await firstMessage(workbook(), "so-lieu.json")).toContain("nội dung là một bảng tính Excel (.xlsx); hãy đổi đuôi tệp thành .xlsx");
    // An old .xls name on a modern workbook (many systems export so).
    expect(await firstMessage(workbook(), "so-lieu.xls")).toContain("tên tệp có đuôi .xls nhưng nội dung là một bảng tính Excel (.xlsx); hãy đổi đuôi tệp thành .xlsx");
  });

  it("names a Word document, a PDF, a saved web page, binary bytes and an empty file, whatever their name", async () => {
    expect(await firstMessage(docx(), "so-lieu.csv")).toContain("nội dung là một văn bản Word (.docx); chiso cần một tệp số liệu .xlsx (theo mẫu chiso template), .csv hoặc .json; hãy chọn đúng tệp.");
    expect(await firstMessage(docx(), "so-lieu.xlsx", "en")).toContain("the file is named .xlsx but it is a Word document (.docx); chiso needs a figures file");
    expect(await firstMessage(pdf(), "so-lieu.xlsx")).toContain("nội dung là một tệp PDF");
    expect(await firstMessage(html(), "so-lieu.csv")).toContain("nội dung là một trang web (HTML)");
    expect(await firstMessage(html(), "so-lieu.json", "en")).toContain("download the file again (signing in if asked)");
    expect(await firstMessage(binary(), "so-lieu.csv")).toContain("nội dung là một tệp nhị phân, không phải văn bản");
    expect(await firstMessage(encode(" \n"), "so-lieu.csv")).toBe("so-lieu.csv: tệp rỗng (không có nội dung); hãy kiểm tra đã chọn đúng tệp, hoặc xuất (lưu) lại tệp.");
    expect(await firstMessage(new Uint8Array(), "so-lieu.json", "en")).toBe("so-lieu.json: the file is empty (it has no content); check that the right file was chosen, or export (save) it again.");
    expect(await firstMessage(ods(), "so-lieu.csv")).toContain("nội dung là một bảng tính OpenDocument (.ods, của LibreOffice); hãy mở bằng LibreOffice và lưu dạng Excel 2007-365 (.xlsx)");
    // A system's "Excel" export that is a web page holding a table.
    const table = encode("<html><head><meta charset=utf-8></head><body><table><tr><td>Mã đơn vị</td></tr></table></body></html>");
    expect(contentKind(table)).toBe("html_table");
    expect(await firstMessage(table, "bao-cao.xls")).toBe('bao-cao.xls: tên tệp có đuôi .xls nhưng nội dung là một trang web (HTML) chứa bảng — nhiều phần mềm xuất tệp “Excel” (.xls) theo cách này; hãy mở trong Excel và lưu dạng "Excel Workbook (.xlsx)".');
    // Text with DOS's end-of-file mark is still text.
    expect(contentKind(encode("Mã;Kỳ\r\nX;2026-03\r\n\x1a"))).toBe("csv");
    expect(await firstMessage(ole(), "so-lieu.csv")).toContain(`Office 97–2003 (.xls, .doc) hoặc một tệp Office có đặt mật khẩu; hãy mở trong Excel (bỏ mật khẩu nếu có) và lưu dạng "Excel Workbook (.xlsx)"`);
  });

  it("names JSON given as CSV and CSV given as JSON, and reads each once renamed", async () => {
    const csv = encode(sampleCsv());
    expect(await firstMessage(csv, "so-lieu.json")).toBe("so-lieu.json: tên tệp có đuôi .json nhưng nội dung là một bảng CSV (văn bản có dấu phân cách); hãy đổi đuôi tệp thành .csv.");
    expect(await firstMessage(json(), "so-lieu.csv", "en")).toBe("so-lieu.csv: the file is named .csv but it is a JSON file; rename it to .json.");
    expect((await importFigures(csv, { scheme, fileName: "so-lieu.csv" })).dataset).not.toBeNull();
  });

  it("checks a units file and the portal's responses the same way", async () => {
    const units = await importUnits(workbook(), { fileName: "don-vi.csv" });
    expect(units.units).toBeNull();
    expect(describeImportIssue(units.issues[0]!, "vi")).toContain("don-vi.csv: tên tệp có đuôi .csv nhưng nội dung là một bảng tính Excel (.xlsx)");
    const portal = importPortalResponses([{ name: "minh-bach.json", bytes: workbook() }, { name: "tien-do.json", bytes: pdf() }, { name: "cong-khai.json", bytes: encode('{"code": "OK",\n "data": {') }], { period: "2026-03" });
    expect(portal.document).toBeNull();
    const codes = portal.issues.map((issue) => `${issue.file}:${issue.code}`);
    expect(codes).toEqual(["minh-bach.json:wrong_content", "tien-do.json:wrong_content", "cong-khai.json:not_json"]);
  });
});
