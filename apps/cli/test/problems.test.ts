// Every problem of an input in one run (bounded, with a count of the rest), and a wrong type said as one:
// what was found and what is expected, at its field and line — never "missing" for a value that is there.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const temp = () => mkdtemp(join(tmpdir(), "chiso-problems-"));

describe("a profile with values of the wrong type", () => {
  it("says what was found and what is expected, by field and line, in both languages", async () => {
    const dir = await temp();
    const file = join(dir, "ho-so.json");
    const profile = { issuer: { parent: "UBND TỈNH X", name: 5 }, place: "Hòa Sơn", symbols: "BC-SNV", signer: { title: "GIÁM ĐỐC" }, dispatchTo: "Các sở", recipients: { report: ["Lưu: VT"], dispatch: [true] } };
    await writeFile(file, JSON.stringify(profile, null, 2));
    const vi = await run(["demo", "--out", join(dir, "pack"), "--profile", file]);
    expect(vi.code).toBe(3);
    expect(vi.stderr.split("\n")).toEqual([
      `Hồ sơ tỉnh ${file} có 5 lỗi; chưa tạo văn bản. Hãy sửa:`,
      `  - ${file} › dòng 4 › issuer.name: đang là số 5, nhưng phải là một đoạn chữ trong dấu ngoặc kép; hãy sửa giá trị`,
      `  - ${file} › dòng 7 › symbols: đang là chuỗi chữ "BC-SNV", nhưng phải là một nhóm trường {…} (xem tệp mẫu của chiso profile); hãy sửa giá trị`,
      `  - ${file} › dòng 8 › signer.name: thiếu; hãy thêm trường này (xem tệp mẫu của chiso profile)`,
      `  - ${file} › dòng 11 › dispatchTo: đang là chuỗi chữ "Các sở", nhưng phải là một danh sách ["…", "…"]; hãy sửa giá trị`,
      `  - ${file} › dòng 17 › recipients.dispatch[0]: đang là giá trị đúng/sai true, nhưng phải là một đoạn chữ trong dấu ngoặc kép; hãy sửa giá trị`,
    ]);
    const en = await run(["demo", "--out", join(dir, "pack"), "--profile", file, "--lang", "en"]);
    expect(en.stderr).toContain(`${file} › line 4 › issuer.name: is the number 5, but it must be text in double quotes; correct the value`);
    expect(en.stderr).toContain(`${file} › line 8 › signer.name: is missing; add it`);
  });
});

describe("a calendar year with values of the wrong type", () => {
  it("tells a wrong type from a missing field", async () => {
    const dir = await temp();
    const calendar = join(dir, "2027.json");
    await writeFile(calendar, JSON.stringify({ year: "2027", status: "official", timeZone: "Asia/Ho_Chi_Minh", daysOff: {} }, null, 2));
    const units = join(dir, "don-vi.csv");
    await writeFile(units, "Mã đơn vị;Tên đơn vị;Cấp\nP;Tỉnh;tỉnh\n");
    const records = join(dir, "ho-so.csv");
    await writeFile(records, "ma;don_vi\n1;P\n");
    const args = ["dossiers", "--dossiers", records, "--events", records, "--procedures", records, "--units", units, "--period", "2027-03", "--out", join(dir, "out.json"), "--calendar", calendar];
    const vi = await run(args);
    expect(vi.code).toBe(3);
    expect(vi.stderr).toContain(`${calendar} › dòng 2 › year: đang là chuỗi "2027", nhưng cần số; hãy sửa giá trị.`);
    expect(vi.stderr).toContain(`${calendar} › dòng 5 › daysOff: đang là đối tượng {…}, nhưng cần danh sách […]; hãy sửa giá trị.`);
    expect(vi.stderr).toContain(`${calendar} › dòng 1 › workingDays: thiếu trường này; cần danh sách […] — hãy thêm vào.`);
    const en = await run([...args, "--lang", "en"]);
    expect(en.stderr).toContain(`${calendar} › line 2 › year: is the text "2027", but a number is needed; correct the value.`);
    expect(en.stderr).toContain(`${calendar} › line 1 › workingDays: the field is missing; a list […] is needed — add it.`);
  });
});

describe("a file with many problems", () => {
  it("lists the first 50 and counts the rest, in the user's language", async () => {
    const dir = await temp();
    const units = join(dir, "don-vi.csv");
    const rows = Array.from({ length: 62 }, (_, index) => `X${index};Xã ${index};làng;P`);
    await writeFile(units, ["Mã đơn vị;Tên đơn vị;Cấp;Mã đơn vị cấp trên", "P;Tỉnh;tỉnh;", ...rows].join("\n"));
    const records = join(dir, "ho-so.csv");
    await writeFile(records, "ma;don_vi\n1;P\n");
    const args = ["dossiers", "--dossiers", records, "--events", records, "--procedures", records, "--units", units, "--period", "2026-03", "--out", join(dir, "out.json")];
    const vi = await run(args);
    expect(vi.code).toBe(3);
    const lines = vi.stderr.split("\n");
    expect(lines[0]).toBe(`Tệp đơn vị ${units} có 62 lỗi; chưa tính:`);
    expect(lines.filter((line) => line.startsWith("  - "))).toHaveLength(50);
    expect(lines.at(-1)).toBe("  … và 12 dòng nữa.");
    expect(lines[1]).toContain("dòng 3 ›");
    expect(lines[50]).toContain("dòng 52 ›");
    const en = await run([...args, "--lang", "en"]);
    expect(en.stderr.split("\n").at(-1)).toBe("  … and 12 more lines.");
  });

  it("a figures file: the rest is counted with the command that lists every problem", async () => {
    const dir = await temp();
    const input = join(dir, "so-lieu.json");
    const units = Array.from({ length: 55 }, (_, index) => ({ id: `X${index}`, name: `Xã ${index}`, level: "commune", parent: "P" }));
    const figures = units.map((unit, index) => ({ unit: unit.id, period: "2026-03", items: { ON_TIME: [11 + index, 10] } }));
    await writeFile(input, JSON.stringify({ units: [{ id: "P", name: "Tỉnh", level: "province" }, ...units], figures }, null, 1));
    const result = await run(["score", "--input", input, "--period", "2026-03"]);
    expect(result.code).toBe(3);
    expect(result.stderr.split("\n").at(-1)).toBe("  … và 5 dòng nữa; chiso validate --input … in đủ (thêm --out loi.xlsx để có bảng tính).");
  });
});
