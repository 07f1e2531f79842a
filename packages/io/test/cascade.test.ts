// A refused row must not cause further errors that point elsewhere, and one bad unit must not hide the
// file's other problems: every problem is reported in one run, and each that follows from a refused row says so.
import { describe, expect, it } from "vitest";
import { describeImportIssue, importFigures, importUnits } from "../src/index.js";
import { readTables } from "../src/read-tables.js";
import type { Sheet } from "../src/tables.js";
import { validateRead } from "../src/validate.js";
import { scheme } from "./fixture.js";

const encode = (text: string) => new TextEncoder().encode(text);
const sheet = (name: string, rows: unknown[][]): Sheet => ({ name, rows: rows.map((cells, index) => ({ number: index + 1, cells })) });

describe("a units file with several bad units", () => {
  const units = ["Mã đơn vị;Tên đơn vị;Cấp;Mã đơn vị cấp trên", "HS;Tỉnh Hòa Sơn;tỉnh;", "S02;Sở Y tế;sox;HS", "X01;Xã An;xã;S02", "X02;Xã Bình;phuong-x;HS", "X03;Xã Cát;;HS", "X04;Xã Đông;xã;HSS", ";Xã không mã;xã;HS"].join("\n");

  it("reports every problem in one run: the bad levels, the missing id, and the unknown parent after them", async () => {
    const result = await importUnits(encode(units), { fileName: "don-vi.csv" });
    expect(result.units).toBeNull();
    const lines = result.issues.map((issue) => describeImportIssue(issue, "vi"));
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => line.includes("không hợp lệ; hãy dùng: tỉnh, sở"))).toHaveLength(2);
    expect(lines).toContain("don-vi.csv › dòng 6 › cột C “Cấp” › đơn vị X03: ô trống: cần cấp của đơn vị.");
    expect(lines).toContain("don-vi.csv › dòng 8 › cột A “Mã đơn vị”: ô trống: cần mã đơn vị.");
    // A parent that is nowhere in the file is still "not in the list"…
    expect(lines).toContain('don-vi.csv › dòng 7 › cột D “Mã đơn vị cấp trên” › đơn vị X04: đơn vị cấp trên "HSS" của "X04" không có trong danh sách đơn vị; hãy thêm đơn vị cấp trên hoặc sửa mã.');
    // …but a parent whose own row was refused is named at that row, not called undeclared.
    expect(lines).toContain('don-vi.csv › dòng 4 › cột D “Mã đơn vị cấp trên” › đơn vị X01: đơn vị cấp trên "S02" của "X01" bị từ chối ở dòng 3 (xem lỗi ở đó), nên "X01" cũng chưa được nhận; sửa dòng đó là đủ.');
    expect(lines.join("\n")).not.toContain('"S02" của "X01" không có trong danh sách');
    const english = result.issues.map((issue) => describeImportIssue(issue, "en"));
    expect(english).toContain('don-vi.csv › row 4 › column D “Mã đơn vị cấp trên” › unit X01: the parent "S02" of "X01" is refused at row 3 (see the problem there), so "X01" is not accepted either; fixing that row is enough.');
  });

  it("in JSON too: a unit the core refuses is named where it is by its children", async () => {
    const json = JSON.stringify({ units: [{ id: "HS", name: "Tỉnh", level: "province" }, { id: "S02", name: "Sở", level: "sox", parent: "HS" }, { id: "X01", name: "Xã", level: "commune", parent: "S02" }, { id: "X02", name: 5, level: "commune", parent: "HS" }] }, null, 1);
    const lines = (await importUnits(encode(json), { fileName: "don-vi.json" })).issues.map((issue) => describeImportIssue(issue, "vi"));
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.includes("units[2].parent"))).toMatch(/đơn vị cấp trên "S02" của "X01" bị từ chối ở dòng \d+ › units\[1\]/);
  });
});

describe("a refused unit in a figures workbook", () => {
  const header = ["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"];
  const figureHeader = ["Mã đơn vị", "Kỳ", "ON_TIME tử số", "ON_TIME mẫu số"];
  const sheets = [
    sheet("Đơn vị", [header, ["HS", "Tỉnh", "tỉnh", ""], ["S01", "Sở Tư pháp", "sở", "HS"], ["S02", "Sở Y tế", "sox", "HS"], ["X01", "Xã An", "xã", "HS"]]),
    sheet("Số liệu", [figureHeader, ["S01", "2026-03", 5, 10], ["S02", "2026-03", 5, 10], ["X01", "2026-03", 12, 10], ["S02", "2026-04", 6, 10]]),
  ];
  const validate = (skipInvalid: boolean) => validateRead(readTables(sheets, scheme, "so-lieu.xlsx"), { scheme, file: "so-lieu.xlsx", checksum: "x", ...(skipInvalid && { skipInvalid: true }) });

  it("does not stop the checks: a numerator above its denominator elsewhere is reported beside the bad unit", () => {
    const result = validate(false);
    expect(result.dataset).toBeNull();
    const lines = result.issues.filter((issue) => issue.severity === "error").map((issue) => describeImportIssue(issue, "vi"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^so-lieu\.xlsx › Đơn vị › dòng 4 › cột C “Cấp” › đơn vị S02: cấp "sox" không hợp lệ/);
    expect(lines[1]).toMatch(/^so-lieu\.xlsx › Số liệu › dòng 4 .* đơn vị X01: /);
    expect(lines.join("\n")).not.toContain("không có trong danh sách");
  });

  it("rejects the unit's rows saying they follow from its row, with --skip-invalid, and scores the rest", () => {
    const result = validate(true);
    expect(result.dataset).not.toBeNull();
    const rows = result.rows.map((row) => `${row.unit} ${row.period} ${row.status}`);
    expect(rows).toEqual(["S01 2026-03 accepted", "S02 2026-03 rejected", "X01 2026-03 rejected", "S02 2026-04 rejected"]);
    const reasons = result.rows.filter((row) => row.unit === "S02").map((row) => describeImportIssue(row.reasons[0]!, "vi"));
    expect(reasons).toEqual([
      'so-lieu.xlsx › Số liệu › dòng 3 › cột A “Mã đơn vị” › đơn vị S02: dòng của đơn vị "S02" bị từ chối theo đơn vị này: chính đơn vị bị từ chối ở trang Đơn vị › dòng 4 (xem lỗi ở đó); sửa dòng đó là đủ.',
      'so-lieu.xlsx › Số liệu › dòng 5 › cột A “Mã đơn vị” › đơn vị S02: dòng của đơn vị "S02" bị từ chối theo đơn vị này: chính đơn vị bị từ chối ở trang Đơn vị › dòng 4 (xem lỗi ở đó); sửa dòng đó là đủ.',
    ]);
    expect(describeImportIssue(result.rows[1]!.reasons[0]!, "en")).toContain('is rejected with its unit: the unit itself is refused at sheet Đơn vị › row 4 (see the problem there)');
  });

  it("a refused unit's survey is rejected with it, not called an undeclared unit", async () => {
    const json = JSON.stringify({ units: [{ id: "HS", name: "Tỉnh", level: "province" }, { id: "S02", name: "Sở", level: "sox", parent: "HS" }, { id: "X01", name: "Xã", level: "commune", parent: "HS" }], figures: [{ unit: "X01", period: "2026-03", items: { ON_TIME: [5, 10] } }, { unit: "S02", period: "2026-03", items: { ON_TIME: [5, 10] } }], surveys: [{ unit: "S02", period: "2026", respondents: 10, tallies: {} }] }, null, 1);
    const result = await importFigures(encode(json), { scheme, fileName: "so-lieu.json", skipInvalid: true });
    expect(result.dataset).not.toBeNull();
    expect(result.issues.filter((issue) => issue.severity === "error").map((issue) => issue.code)).toEqual(["invalid_value"]);
    expect(result.companionRows.map((row) => `${row.kind} ${row.unit} ${row.reasons.map((reason) => reason.code).join()}`)).toEqual(["sipas S02 unit_rejected"]);
    expect(describeImportIssue(result.companionRows[0]!.reasons[0]!, "vi")).toMatch(/chính đơn vị bị từ chối ở dòng \d+ › units\[1\]/);
  });
});
