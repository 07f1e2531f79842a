// Files whose content is not what their name says, at every input the CLI reads: each is named for what
// it is, with the fix, in Vietnamese by default and in English with --lang en — never blamed on its encoding.
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTemplate } from "@chiso/io";
import { getScheme } from "@chiso/core";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./run.js";

const workbook = buildTemplate({ scheme: getScheme(), period: "2026-03" }).toBytes({ date: new Date(Date.UTC(2026, 0, 1)) });
const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
const page = new TextEncoder().encode("<!doctype html><html><head><title>Đăng nhập</title></head><body></body></html>");
const figures = JSON.stringify({ units: [{ id: "P", name: "Tỉnh Thử", level: "province" }, { id: "X1", name: "Xã Một", level: "commune", parent: "P" }], figures: [{ unit: "X1", period: "2026-03", items: { ON_TIME: [9, 10] } }] });

let dir: string;
const path = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chiso-wrong-"));
  for (const [name, data] of Object.entries({ "so-lieu.csv": workbook, "so-lieu.json": figures, "ho-so-tinh.json": workbook, "phuong-an.json": pdf, "lich-2027.json": page, "kho.db": workbook, "ho-so.parquet": "ma_ho_so;don_vi\nH1;X1\n", "su-kien.csv": workbook, "thu-tuc.csv": "ma;ten\n1;a\n", "don-vi.csv": "Mã đơn vị;Tên đơn vị;Cấp\nP;Tỉnh;tỉnh\n" })) {
    await writeFile(path(name), data);
  }
});

describe("a file that is not what its name says", () => {
  it("a figures workbook renamed to .csv: named as a workbook in both languages, nothing scored", async () => {
    const vi = await run(["score", "--input", path("so-lieu.csv"), "--period", "2026-03"]);
    expect(vi.code).toBe(3);
    expect(vi.stderr).toContain("so-lieu.csv: tên tệp có đuôi .csv nhưng nội dung là một bảng tính Excel (.xlsx); hãy đổi đuôi tệp thành .xlsx");
    expect(vi.stderr).not.toContain("UTF-8 (từ dòng");
    const en = await run(["validate", "--input", path("so-lieu.csv"), "--lang", "en"]);
    expect(en.code).toBe(3);
    expect(en.stdout).toContain("so-lieu.csv: the file is named .csv but it is an Excel workbook (.xlsx); rename it to .xlsx");
  });

  it("the profile, a scheme and a calendar: each named for what it is, with what chiso needs instead", async () => {
    const profile = await run(["report", "--input", path("so-lieu.json"), "--period", "2026-03", "--profile", path("ho-so-tinh.json"), "--out", path("pack")]);
    expect(profile.code).toBe(3);
    expect(profile.stderr).toContain("ho-so-tinh.json: tên tệp có đuôi .json nhưng nội dung là một bảng tính Excel (.xlsx); chiso cần một tệp JSON hồ sơ tỉnh (tạo mẫu bằng chiso profile); hãy chọn đúng tệp.");
    const scheme = await run(["score", "--input", path("so-lieu.json"), "--period", "2026-03", "--scheme", path("phuong-an.json"), "--lang", "en"]);
    expect(scheme.code).toBe(3);
    expect(scheme.stderr).toContain("phuong-an.json: the file is named .json but it is a PDF file; chiso needs a JSON scheme file; choose the right file.");
    const calendar = await run(["dossiers", "--dossiers", path("thu-tuc.csv"), "--events", path("thu-tuc.csv"), "--procedures", path("thu-tuc.csv"), "--units", path("don-vi.csv"), "--period", "2027-03", "--out", path("out.json"), "--calendar", path("lich-2027.json")]);
    expect(calendar.code).toBe(3);
    expect(calendar.stderr).toContain("lich-2027.json: tên tệp có đuôi .json nhưng nội dung là một trang web (HTML)");
    expect(await readdir(dir)).not.toContain("pack");
  });

  it("a store that is a workbook, and dossier files that are not what their names say", async () => {
    const store = await run(["store", "list", "--store", path("kho.db")]);
    expect(store.code).toBe(3);
    expect(store.stderr).toContain("kho.db: tên tệp có đuôi .db nhưng nội dung là một bảng tính Excel (.xlsx); đây có vẻ là một tệp số liệu: hãy đọc nó bằng --input");
    const parquet = await run(["dossiers", "--dossiers", path("ho-so.parquet"), "--events", path("thu-tuc.csv"), "--procedures", path("thu-tuc.csv"), "--units", path("don-vi.csv"), "--period", "2026-10", "--out", path("out.json"), "--lang", "en"]);
    expect(parquet.code).toBe(3);
    expect(parquet.stderr).toContain("ho-so.parquet: the file is named .parquet but it is a CSV table (delimited text); rename it to .csv.");
    const events = await run(["dossiers", "--dossiers", path("thu-tuc.csv"), "--events", path("su-kien.csv"), "--procedures", path("thu-tuc.csv"), "--units", path("don-vi.csv"), "--period", "2026-10", "--out", path("out.json")]);
    expect(events.stderr).toContain(`su-kien.csv: tên tệp có đuôi .csv nhưng nội dung là một bảng tính Excel (.xlsx); chiso cần một tệp hồ sơ .parquet, .csv hoặc .jsonl (docs/dossier-format.md); hãy mở trong Excel và lưu trang dữ liệu dạng "CSV UTF-8 (Comma delimited)".`);
    expect(await readdir(dir)).not.toContain("out.json");
  });
});
