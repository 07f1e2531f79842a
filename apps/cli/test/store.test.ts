import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getScheme } from "@chiso/core";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";


const units = [
  { id: "P", name: "Tỉnh Thử", level: "province" },
  ...["Một", "Hai", "Ba", "Bốn"].map((name, index) => ({ id: `X${index + 1}`, name: `Xã ${name}`, level: "commune", parent: "P" })),
];
/** Every item reported (8 of 10), so the months compare: a change is shown only between complete months. */
const every = Object.fromEntries(getScheme().items.map((item) => [item.code, [8, 10]]));
/** A month whose figures move from month to month, so changes and ranks do too. */
const month = (period: string, shift: number) => ({
  units,
  figures: units.slice(1).map((unit, index) => ({ unit: unit.id, period, items: { ...every, ON_TIME: [(5 + index * shift) % 10, 10], ONLINE_DOSSIER_SHARE: [(9 - index + shift) % 10, 10], DOSSIER_SYNC: [3 + shift, 9] } })),
});

async function rankings(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Xếp hạng xã, phường, đặc khu")!;
  return sheet.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
}

describe("the history store", () => {
  it("names the months a quarter's or a year's history came from, and the quarters or year they make (partial ones said)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chiso-store-"));
    const path = (name: string) => join(dir, name);
    for (const [index, period] of ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"].entries()) {
      await writeFile(path(`${period}.json`), JSON.stringify(month(period, index)));
      expect((await run(["store", "add", "--store", path("st.db"), "--input", path(`${period}.json`)])).code).toBe(0);
    }
    const quarter = await run(["report", "--store", path("st.db"), "--period", "2026-Q3", "--out", path("q3"), "--deterministic"]);
    expect(quarter.code).toBe(0);
    expect(quarter.stderr.split("\n")[0]).toBe(`Lịch sử lấy từ kho ${path("st.db")}: 2026-04 … 2026-09 (6 tháng); tức là 2026-Q2, 2026-Q3 (2 quý).`);
    const year = await run(["report", "--store", path("st.db"), "--period", "2026", "--out", path("nam"), "--deterministic", "--lang", "en"]);
    expect(year.code).toBe(0);
    expect(year.stderr.split("\n")[0]).toBe(`History from the store ${path("st.db")}: 2026-04 … 2026-09 (6 months); that is 2026 (1 year) — months missing in 2026.`);
  });

  it("says which months of a partly signed-off quarter are signed off, on the command line and the documents' footer", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chiso-store-"));
    const path = (name: string) => join(dir, name);
    for (const [index, period] of ["2026-07", "2026-08"].entries()) {
      await writeFile(path(`${period}.json`), JSON.stringify(month(period, index)));
      expect((await run(["store", "add", "--store", path("st.db"), "--input", path(`${period}.json`)])).code).toBe(0);
    }
    expect((await run(["store", "signoff", "--store", path("st.db"), "--period", "2026-08"])).code).toBe(0);
    const quarter = await run(["report", "--store", path("st.db"), "--period", "2026-Q3", "--out", path("q3"), "--deterministic"]);
    expect(quarter.code).toBe(0);
    expect(quarter.stdout).toContain("Kỳ 2026-Q3 chưa chốt toàn bộ: đã chốt 2026-08; chưa chốt 2026-07 (chốt từng tháng: chiso store signoff); chưa có số liệu 2026-09.");
    const summary = (await readdir(path("q3"))).find((name) => name.endsWith(".pdf"))!;
    const text = (await extractText(await getDocumentProxy(new Uint8Array(await readFile(join(path("q3"), summary)))), { mergePages: true })).text.replace(/\s+/g, " ");
    expect(text).toContain("Kỳ chưa chốt toàn bộ: đã chốt số liệu tháng 08/2026; chưa chốt tháng 07/2026; chưa có số liệu tháng 09/2026");
    const english = await run(["report", "--store", path("st.db"), "--period", "2026-Q3", "--out", path("q3en"), "--deterministic", "--lang", "en"]);
    expect(english.stdout).toContain("2026-Q3 is partly signed off: 2026-08 signed off; 2026-07 not (sign off each month: chiso store signoff); no figures for 2026-09.");
  });

  it("gives cards whose change and trend come from two months added one by one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chiso-store-"));
    const path = (name: string) => join(dir, name);
    await writeFile(path("t9.json"), JSON.stringify(month("2026-09", 1)));
    await writeFile(path("t10.json"), JSON.stringify(month("2026-10", 3)));
    const added = await run(["store", "add", "--store", path("hoa-son.db"), "--input", path("t9.json")]);
    expect(added).toMatchObject({ code: 0, stdout: `2026-09: đã thêm vào kho (bản 1, 4 dòng số liệu).\nĐã ghi kho ${path("hoa-son.db")}.` });
    // The same month again changes nothing, and says only that (trial 4: it also said "written").
    const again = await run(["store", "add", "--store", path("hoa-son.db"), "--input", path("t9.json")]);
    expect(again).toMatchObject({ code: 0, stdout: "2026-09: kho đã có số liệu giống hệt (bản 1); không thay đổi." });
    expect((await run(["store", "add", "-s", path("hoa-son.db"), "-i", path("t10.json")])).code).toBe(0);

    const fromStore = await run(["report", "--store", path("hoa-son.db"), "--period", "2026-10", "--out", path("tu-kho"), "--deterministic"]);
    expect(fromStore.code).toBe(0);
    expect(fromStore.stderr.split("\n")).toEqual([`Lịch sử lấy từ kho ${path("hoa-son.db")}: 2026-09, 2026-10 (2 tháng).`, expect.stringMatching(/^Không có --profile: để trống signer\.name/)]);
    const fromFiles = await run(["report", "--input", path("t9.json"), "--input", path("t10.json"), "--period", "2026-10", "--out", path("tu-tep"), "--deterministic"]);
    expect(fromFiles.code).toBe(0);
    const [store, files] = [await rankings(join(path("tu-kho"), "chiso-2026-10.xlsx")), await rankings(join(path("tu-tep"), "chiso-2026-10.xlsx"))];
    expect(store).toEqual(files);
    // The change since September is there: it could only come from the store's September.
    const changes = store.map((row) => row[5]);
    expect(changes).toHaveLength(4);
    expect(changes.every((change) => typeof change === "number")).toBe(true);
    expect(changes.some((change) => change !== 0)).toBe(true);
    // The month's checksum is its input's SHA-256, as sha256sum prints it.
    const summary = (await (async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(path("tu-kho"), "chiso-2026-10.xlsx"));
      return workbook.worksheets[0]!.getSheetValues();
    })()).flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
    expect(summary).toContainEqual(expect.arrayContaining([createHash("sha256").update(await readFile(path("t10.json"))).digest("hex")]));
    expect((await readdir(dir)).filter((name) => name.includes(".chiso-"))).toEqual([]);
  });

  it("locks a signed-off month: it cannot be replaced without the explicit flag", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chiso-store-"));
    const path = (name: string) => join(dir, name);
    await writeFile(path("t10.json"), JSON.stringify(month("2026-10", 3)));
    await writeFile(path("t10-sua.json"), JSON.stringify(month("2026-10", 4)));
    expect((await run(["store", "add", "--store", path("kho.db"), "--input", path("t10.json")])).code).toBe(0);
    const signed = await run(["store", "signoff", "--store", path("kho.db"), "--period", "2026-10", "--by", "Sở Nội vụ", "--lang", "en"]);
    const sha = createHash("sha256").update(await readFile(path("t10.json"))).digest("hex");
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(new RegExp(`^Signed off 2026-10 \\(version 1\\) at \\d{1,2} \\w+ \\d{4} \\d\\d:\\d\\d \\(UTC\\+7\\)\\. SHA-256 of its input \\(printed on the documents\\): ${sha}$`));

    const plain = await run(["store", "add", "--store", path("kho.db"), "--input", path("t10-sua.json")]);
    expect(plain).toMatchObject({ code: 3, stderr: `${path("kho.db")}: kho đã có số liệu kỳ 2026-10 (khác với tệp này); để thay, hãy dùng --replace (bản cũ vẫn được giữ lại trong kho).` });
    const replace = await run(["store", "add", "--store", path("kho.db"), "--input", path("t10-sua.json"), "--replace"]);
    expect(replace.code).toBe(3);
    expect(replace.stderr).toContain("đã được chốt (ký duyệt) nên không thể thay bằng --replace; nếu thật sự cần thay, hãy thêm --replace-signed-off");
    // A report from the store says the month is signed off, with the checksum it is locked to.
    const report = await run(["report", "--store", path("kho.db"), "--period", "2026-10", "--out", path("pack")]);
    expect(report.stdout).toContain(`Kỳ 2026-10 đã chốt lúc`);
    expect(report.stdout).toContain(sha);
    // A new input for a signed-off month is refused if it differs.
    const override = await run(["report", "--store", path("kho.db"), "--input", path("t10-sua.json"), "--period", "2026-10", "--out", path("pack")]);
    expect(override.code).toBe(3);
    expect(override.stderr).toContain("đã được chốt trong kho với số liệu khác tệp nhập");

    const forced = await run(["store", "add", "--store", path("kho.db"), "--input", path("t10-sua.json"), "--replace", "--replace-signed-off"]);
    expect(forced).toMatchObject({ code: 0 });
    expect(forced.stdout).toContain("2026-10: đã thay bằng bản 2 (4 dòng); bản trước (đã chốt) vẫn được giữ trong kho.");
    const listed = await run(["store", "list", "--store", path("kho.db"), "--lang", "en"]);
    const lines = listed.stdout.split("\n");
    expect(lines[0]).toMatch(/^Period\s+Version\s+Current\s+Added\s+Units\s+Rows\s+Signed off\s+SHA-256 \(first 16\)\s+Files$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2026-10\s+1\s{2,}\d{4}-/); // the replaced version: not current
    expect(lines[2]).toMatch(/^2026-10\s+2\s+yes\s/);
    expect(lines[1]).toContain("Sở Nội vụ");
    expect(lines[1]).toContain(sha.slice(0, 16));
  });

  it("refuses a file that is not a store, and a period it does not have", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chiso-store-"));
    await writeFile(join(dir, "notes.db"), "just some text");
    const wrong = await run(["store", "list", "--store", join(dir, "notes.db"), "--lang", "en"]);
    expect(wrong.code).toBe(3);
    // Named for what it is (a text file), not as a database the engine cannot open.
    expect(wrong.stderr).toContain(`${join(dir, "notes.db")}: the file is named .db but it is a text file; chiso needs a history store written by chiso store add`);
    // In Vietnamese without the database engine's English reason.
    const wrongVi = await run(["store", "list", "--store", join(dir, "notes.db")]);
    expect(wrongVi.stderr).toContain("nội dung là một tệp văn bản; chiso cần một kho lịch sử do chiso store add tạo");
    expect(wrongVi.stderr).not.toMatch(/database|file is not/);
    await writeFile(join(dir, "t.json"), JSON.stringify(month("2026-10", 3)));
    await run(["store", "add", "--store", join(dir, "kho.db"), "--input", join(dir, "t.json")]);
    const missing = await run(["report", "--store", join(dir, "kho.db"), "--period", "2026-11", "--out", join(dir, "pack")]);
    expect(missing).toMatchObject({ code: 3, stderr: `${join(dir, "kho.db")}: kho không có số liệu kỳ 2026-11; các kỳ trong kho: 2026-10.` });
    // A mistyped folder does not quietly start a new store somewhere else.
    const typo = await run(["store", "add", "--store", join(dir, "khong-co", "kho.db"), "--input", join(dir, "t.json")]);
    expect(typo.code).toBe(4);
    expect(typo.stderr).toContain("thư mục chứa nó không tồn tại");
    expect(existsSync(join(dir, "khong-co"))).toBe(false);
    expect((await run(["store", "remove"])).code).toBe(2);
    expect((await run(["store", "--help"])).stdout).toContain("signoff");
  });
});
