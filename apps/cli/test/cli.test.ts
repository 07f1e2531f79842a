import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { getScheme, parseDataset } from "@chiso/core";
import { buildPackView } from "@chiso/report";
import { FACES, fontOverflows, hasGlyphs } from "@chiso/report/pdf";
import { main } from "../src/main.js";
import { DEMO_INPUT_FILE, DEMO_TEMPLATE_FILE } from "../src/commands/demo/index.js";
import { generateDemoData, NO_DOSSIERS_UNIT, NO_FIGURES_UNIT } from "../src/demo/generate.js";

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

const temp = () => mkdtemp(join(tmpdir(), "chiso-cli-"));
// A whole demo pack takes seconds on a quiet machine and minutes on a shared, loaded one.
const DEMO_TIMEOUT = 300_000;
// Table cells wrap; compare text with its white space folded.
const pdfText = async (path: string) => (await extractText(await getDocumentProxy(new Uint8Array(await readFile(path))), { mergePages: true })).text.replace(/\s+/g, " ");

describe("chiso demo", () => {
  let out: string;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    out = await temp();
    result = await run(["demo", "--out", out, "--deterministic", "--as-of", "2026-11-21"]);
  }, DEMO_TIMEOUT);

  it("writes the whole pack: 115 scorecards, the province summary in PDF and Word, the dispatch, the workbook and the demo input", async () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Đã tạo 121 tệp");
    // The duration with the Vietnamese decimal comma.
    expect(result.stdout).toMatch(/Đã tạo 121 tệp trong .* \(\d+,\d giây\)\./);
    expect((await readdir(join(out, "don-vi"))).filter((name) => name.endsWith("-2026-10.pdf"))).toHaveLength(115);
    expect((await readdir(out)).sort()).toEqual(
      [".chiso-pack.json", "chiso-2026-10.xlsx", "cong-van-tinh-hoa-son-2026-10.docx", "don-vi", DEMO_INPUT_FILE, DEMO_TEMPLATE_FILE, "tong-hop-tinh-hoa-son-2026-10.docx", "tong-hop-tinh-hoa-son-2026-10.pdf"].sort(),
    );
    // Every glyph the pack printed was in the shared font subsets (no document needed its own).
    expect(fontOverflows()).toBe(0);
  });

  it("writes the Word summary and dispatch: header, number, body, signature block and recipients", async () => {
    const text = async (name: string) => [...(await (await JSZip.loadAsync(await readFile(join(out, name)))).file("word/document.xml")!.async("string")).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");
    const report = await text("tong-hop-tinh-hoa-son-2026-10.docx");
    for (const expected of ["UBND TỈNH HÒA SƠN", "SỞ NỘI VỤ", "/BC-SNV", "Hòa Sơn, ngày 01 tháng 11 năm 2026", "BÁO CÁO", "I. KẾT QUẢ CHUNG", "Bảng 2. Xếp hạng khối xã, phường, đặc khu", "KT. GIÁM ĐỐC", "Nơi nhận:"]) expect(report).toContain(expected);
    const dispatch = await text("cong-van-tinh-hoa-son-2026-10.docx");
    for (const expected of ["/SNV-CCHC", "V/v gửi kết quả Chỉ số phục vụ người dân, doanh nghiệp tháng 10/2026", "Kính gửi:", "- Như trên;", "Nguyễn Văn An"]) expect(dispatch).toContain(expected);
  });

  // LibreOffice cannot come from npm: .ci/run installs it (libreoffice-calc-nogui, libreoffice-writer-nogui);
  // on a machine without it this test is reported as skipped.
  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((path) => existsSync(path));
  it.skipIf(!soffice)("opens in LibreOffice: the workbook, the Word report and the dispatch convert to PDF (needs LibreOffice)", async () => {
    const converted = await temp();
    const files = ["chiso-2026-10.xlsx", "tong-hop-tinh-hoa-son-2026-10.docx", "cong-van-tinh-hoa-son-2026-10.docx"].map((name) => join(out, name));
    execFileSync(soffice!, [`-env:UserInstallation=file://${converted}/profile`, "--headless", "--convert-to", "pdf", "--outdir", converted, ...files], { stdio: "ignore", timeout: 240_000 });
    const workbook = await pdfText(join(converted, "chiso-2026-10.pdf"));
    expect(workbook).toContain("Tỉnh Hòa Sơn — Kết quả Chỉ số phục vụ người dân, doanh nghiệp tháng 10/2026");
    expect(workbook).toContain("Điểm theo 6 khối chỉ số — Tỉnh Hòa Sơn"); // a chart's title, drawn
    expect(await pdfText(join(converted, "tong-hop-tinh-hoa-son-2026-10.pdf"))).toContain("NHIỆM VỤ THỜI GIAN TỚI");
    expect(await pdfText(join(converted, "cong-van-tinh-hoa-son-2026-10.pdf"))).toContain("Kính gửi:");
  }, 300_000);

  it("puts each unit's name, total and rank in its PDF, matching the workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "chiso-2026-10.xlsx"));
    const departments = workbook.getWorksheet("Xếp hạng sở, ban, ngành")!;
    const first = departments.getRow(2);
    const [rank, name, total] = [first.getCell(1).value, first.getCell(3).value as string, first.getCell(4).value as number];
    expect(rank).toBe(1);
    const slug = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const text = await pdfText(join(out, "don-vi", `${slug}-2026-10.pdf`));
    expect(text).toContain(name);
    expect(text).toContain(total.toFixed(2).replace(".", ","));
    expect(text).toContain("1/15");
  });

  it("marks ties in the ranking, names a special zone as one, and never leaves a card's second page a scrap", async () => {
    const summary = await pdfText(join(out, "tong-hop-tinh-hoa-son-2026-10.pdf"));
    expect(summary).toMatch(/\b\d+ \(=\) (Xã|Phường|Sở|Đặc khu) /u); // tied positions, in the ranking table itself
    const zone = await pdfText(join(out, "don-vi", "dac-khu-thuy-nhon-2026-10.pdf"));
    expect(zone).toContain("Đặc khu · Kỳ đánh giá: Tháng 10/2026");
    expect(zone).not.toContain("Xã, phường ·");
    // A second page starts with a whole section (what to do next, data notes, SIPAS/PAR), never a spill-over.
    for (const name of (await readdir(join(out, "don-vi"))).filter((file) => file.endsWith(".pdf")).slice(0, 40)) {
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(join(out, "don-vi", name))));
      if (pdf.numPages < 2) continue;
      const second = (await extractText(pdf, { mergePages: false })).text[1]!.trim();
      expect(second, name).toMatch(/^(Việc cần làm để tăng điểm|Ghi chú chất lượng số liệu|Chỉ số hài lòng \(SIPAS\))/u);
    }
  });

  it("lists the demo's unranked units with their reasons in the summary", async () => {
    const text = await pdfText(join(out, "tong-hop-tinh-hoa-son-2026-10.pdf"));
    const input = JSON.parse(await readFile(join(out, DEMO_INPUT_FILE), "utf8")) as { units: { id: string; name: string }[] };
    const nameOf = (id: string) => input.units.find((unit) => unit.id === id)!.name;
    expect(text).toContain(nameOf(NO_FIGURES_UNIT));
    expect(text).toContain(nameOf(NO_DOSSIERS_UNIT));
    expect(text).toContain("chưa có số liệu trong kỳ");
    expect(text).toContain("không phát sinh hồ sơ trong kỳ");
  });

  it("shows all three indices — 766, SIPAS and PAR Index — for units that have them", async () => {
    const text = await pdfText(join(out, "don-vi", "xa-an-lap-2026-10.pdf"));
    expect(text).toContain("Chỉ số hài lòng (SIPAS)");
    expect(text).toContain("Chỉ số cải cách hành chính (PAR Index)");
    expect(text).toMatch(/Chỉ số \(%\) \d+,\d\d%/);
    const input = JSON.parse(await readFile(join(out, DEMO_INPUT_FILE), "utf8")) as { surveys: { unit: string }[]; par: { unit: string }[] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "chiso-2026-10.xlsx"));
    expect(workbook.getWorksheet("SIPAS")!.rowCount - 1).toBe(input.surveys.length);
    expect(workbook.getWorksheet("Chỉ số CCHC")!.rowCount - 1).toBe(input.par.length);
    const unsurveyed = (await readdir(join(out, "don-vi"))).length - input.surveys.length;
    expect(unsurveyed).toBeGreaterThan(0);
    const summary = await pdfText(join(out, "tong-hop-tinh-hoa-son-2026-10.pdf"));
    // SIPAS and PAR Index are columns of the one ranking per level.
    expect(summary).toContain("SIPAS (%) CCHC (%)");
    expect(summary).toContain("Bảng 2. Xếp hạng khối xã, phường, đặc khu");
  });

  it("notes the demo's inconsistent figures in the workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "chiso-2026-10.xlsx"));
    const findings = workbook.getWorksheet("Cảnh báo số liệu")!.getColumn(5).values.filter((value): value is string => typeof value === "string");
    expect(findings.some((text) => text.includes("khác tổng số hồ sơ tiếp nhận"))).toBe(true);
    expect(findings.some((text) => text.includes("tỷ lệ ghi trong báo cáo"))).toBe(true);
  });

  it("gives byte-identical files for the same input with --deterministic", async () => {
    const again = await temp();
    expect((await run(["demo", "--out", again, "--deterministic", "--as-of", "2026-11-21"])).code).toBe(0);
    for (const name of ["chiso-2026-10.xlsx", "tong-hop-tinh-hoa-son-2026-10.pdf", "tong-hop-tinh-hoa-son-2026-10.docx", "cong-van-tinh-hoa-son-2026-10.docx", DEMO_TEMPLATE_FILE, "don-vi/xa-an-lap-2026-10.pdf"]) {
      expect(Buffer.compare(await readFile(join(out, name)), await readFile(join(again, name))), name).toBe(0);
    }
  }, DEMO_TIMEOUT);

  it("scores the demo input to JSON through `chiso score`", async () => {
    const scored = await run(["score", "--input", join(out, DEMO_INPUT_FILE), "--period", "2026-Q3", "--as-of", "2026-11-21"]);
    expect(scored.code).toBe(0);
    const json = JSON.parse(scored.stdout) as { period: string; units: { id: string; total: string | null; items: unknown[] }[] };
    expect(json.period).toBe("2026-Q3");
    expect(json.units).toHaveLength(116);
    expect(json.units[0]!.total).toMatch(/^\d+\.\d\d$/);
  });
});

describe("the official documents' font", () => {
  it("has a glyph for every character of every text the demo prints, in all four faces, in both languages", () => {
    const dataset = parseDataset(generateDemoData(), getScheme());
    const texts = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === "string") texts.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") Object.values(value).forEach(collect);
    };
    for (const language of ["vi", "en"] as const) {
      const pack = buildPackView(dataset, { period: "2026-10", language, generatedAt: new Date("2026-11-01T00:00:00+07:00"), checksum: "ab".repeat(32), asOf: "2026-11-21" });
      collect(pack.scorecards);
      collect(pack.summaries);
    }
    const all = [...texts].join("\n");
    expect(all).toContain("Đặc khu Thủy Nhơn");
    for (const face of FACES) expect(hasGlyphs(face, all), face).toEqual({ ok: true, missing: [] });
  });
});

describe("the province profile", () => {
  it("writes a template that validates, and a report signed as the profile says", async () => {
    const dir = await temp();
    const file = join(dir, "ho-so-tinh.json");
    expect((await run(["profile", "--out", file])).code).toBe(0);
    const profile = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown> & { signer: Record<string, string> };
    profile.signer = { title: "GIÁM ĐỐC", name: "Lê Văn Cường" };
    await writeFile(file, JSON.stringify(profile));
    const out = join(dir, "pack");
    const result = await run(["demo", "--out", out, "--profile", file, "--issuer-name", "VĂN PHÒNG UBND TỈNH", "--deterministic"]);
    expect(result.code).toBe(0);
    const text = await pdfText(join(out, "tong-hop-tinh-hoa-son-2026-10.pdf"));
    expect(text).toContain("Lê Văn Cường");
    expect(text).not.toContain("KT. GIÁM ĐỐC");
    expect(text).toContain("VĂN PHÒNG UBND TỈNH"); // --issuer-name still overrides the profile's issuer
  }, DEMO_TIMEOUT);

  it("names every problem of a broken profile by its field, and writes nothing", async () => {
    const dir = await temp();
    const file = join(dir, "ho-so.json");
    const profile = { issuer: { parent: "UBND TỈNH X" }, place: "", symbols: { report: "BC-SNV", dispatch: "SNV" }, signer: { title: "GIÁM ĐỐC", name: "A", chuc_vu: "x" }, dispatchTo: [], recipients: { report: ["Lưu: VT"], dispatch: ["Lưu: VT"] } };
    await writeFile(file, JSON.stringify(profile, null, 2));
    const result = await run(["demo", "--out", join(dir, "pack"), "--profile", file]);
    expect(result.code).toBe(3);
    // Each at its line: a missing field at the object that lacks it.
    expect(result.stderr.split("\n")).toEqual([
      `Hồ sơ tỉnh ${file} có 4 lỗi; chưa tạo văn bản. Hãy sửa:`,
      `  - ${file} › dòng 2 › issuer.name: thiếu; hãy thêm trường này (xem tệp mẫu của chiso profile)`,
      `  - ${file} › dòng 5 › place: đang để trống; hãy ghi nội dung`,
      `  - ${file} › dòng 13 › signer.chuc_vu: không phải trường của hồ sơ tỉnh; hãy kiểm tra chính tả hoặc xóa đi (ghi chú thì đặt tên bắt đầu bằng _)`,
      `  - ${file} › dòng 15 › dispatchTo: danh sách đang trống; hãy ghi ít nhất một dòng`,
    ]);
    await expect(readdir(join(dir, "pack"))).rejects.toThrow();
    const english = await run(["demo", "--out", join(dir, "pack"), "--profile", file, "--lang", "en"]);
    expect(english.stderr).toContain(`${file} › line 2 › issuer.name: is missing; add it`);
    // Text that is not JSON: its line and column in the user's language, not the engine's offset.
    await writeFile(file, JSON.stringify(profile, null, 2).replace('"place": "",', '"place": "",,'));
    const syntax = await run(["demo", "--out", join(dir, "pack"), "--profile", file]);
    expect(syntax).toMatchObject({ code: 3, stderr: `${file} › dòng 5: không phải JSON hợp lệ ở cột 15: cần tên trường trong ngoặc kép (có thể thừa dấu phẩy ở cuối).` });
  });

  it("names every problem of a scheme file at its line", async () => {
    const dir = await temp();
    const scheme = join(dir, "sipas.json");
    await writeFile(scheme, JSON.stringify({ id: "x", version: 1 }, null, 2));
    const result = await run(["score", "--input", join(dir, "none.json"), "--period", "2026-03", "--sipas-scheme", scheme]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`  - ${scheme} › dòng 3 › version: `);
  });
});

describe("figures from a spreadsheet", () => {
  it("scores the demo's filled template exactly as its JSON, SIPAS and PAR Index included", async () => {
    const out = await temp();
    expect((await run(["demo", "--out", out, "--deterministic"])).code).toBe(0);
    const viaJson = await run(["score", "--input", join(out, DEMO_INPUT_FILE), "--period", "2026-10", "--as-of", "2026-11-21"]);
    const viaXlsx = await run(["score", "--input", join(out, DEMO_TEMPLATE_FILE), "--period", "2026-10", "--as-of", "2026-11-21"]);
    expect(viaXlsx.code).toBe(0);
    type Scores = { units: { id: string }[]; sipas: { unit: string }[]; par: { unit: string }[] };
    const byUnit = <T extends { id?: string; unit?: string }>(list: T[]) => [...list].sort((a, b) => String(a.id ?? a.unit).localeCompare(String(b.id ?? b.unit)));
    const [xlsx, json] = [JSON.parse(viaXlsx.stdout) as Scores, JSON.parse(viaJson.stdout) as Scores];
    expect(byUnit(xlsx.units)).toEqual(byUnit(json.units));
    expect(json.sipas.length).toBeGreaterThan(90);
    expect(byUnit(xlsx.sipas)).toEqual(byUnit(json.sipas));
    expect(byUnit(xlsx.par)).toEqual(byUnit(json.par));
  }, DEMO_TIMEOUT);

  it("refuses a workbook output whose name does not end in .xlsx, before writing anything", async () => {
    const dir = await temp();
    for (const args of [["template", "--period", "2026-10", "--out", join(dir, "mau.csv")], ["validate", "--input", join(dir, "x.csv"), "--out", join(dir, "loi")]]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("chiso ghi tệp Excel (.xlsx); hãy đặt tên tệp kết thúc bằng .xlsx.");
    }
    expect((await run(["template", "--period", "2026-10", "--out", join(dir, "mau.csv"), "--lang", "en"])).stderr).toContain("give a file name ending in .xlsx");
    expect(await readdir(dir)).toEqual([]);
  });

  it("writes a template, validates a broken copy of it, and scores the valid rows with --skip-invalid", async () => {
    const dir = await temp();
    expect((await run(["template", "--period", "2026-03", "--out", join(dir, "mau.xlsx")])).code).toBe(0);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(join(dir, "mau.xlsx"));
    const empty = await run(["validate", "--input", join(dir, "mau.xlsx")]);
    expect(empty.code).toBe(3);
    expect(empty.stdout).toContain("tệp không có dòng số liệu nào");
    expect(template.worksheets.map((sheet) => sheet.name)).toEqual(["Hướng dẫn", "Đơn vị", "Số liệu", "Khảo sát SIPAS", "Chỉ số CCHC", "CCHC - điều tra, thưởng, trừ"]);

    const csv = [
      "Mã đơn vị;Tên đơn vị;Cấp;Mã đơn vị cấp trên;Kỳ;ON_TIME tử số;ON_TIME mẫu số",
      "P;Tỉnh Thử;tỉnh;;2026-03;;",
      "X1;Xã Một;xã;P;2026-03;9;10",
      "X2;Xã Hai;xã;P;2026-03;12;10",
      "X3;Xã Ba;xã;P;2026-03;1,5;10",
    ].join("\n");
    await writeFile(join(dir, "so-lieu.csv"), csv);
    const checked = await run(["validate", "--input", join(dir, "so-lieu.csv"), "--out", join(dir, "loi.xlsx")]);
    expect(checked.code).toBe(3);
    expect(checked.stdout.split("\n")).toEqual([
      `${join(dir, "so-lieu.csv")} › dòng 5 › cột F “ON_TIME tử số” › đơn vị X3: "1,5" có phần thập phân, không phải số nguyên; số đếm không có phần thập phân: hãy nhập đúng số đếm (số nguyên).`,
      `${join(dir, "so-lieu.csv")} › dòng 4 › cột F “ON_TIME tử số” › đơn vị X2: tử số (12) lớn hơn mẫu số (10); hãy kiểm tra lại hai số liệu của chỉ tiêu 2.1 Giải quyết hồ sơ đúng hạn.`,
    ]);
    const findings = new ExcelJS.Workbook();
    await findings.xlsx.readFile(join(dir, "loi.xlsx"));
    const rejectedRows = findings.getWorksheet("Dòng bị từ chối")!;
    expect(rejectedRows.rowCount).toBe(3);
    // The rejected rows' cells as read: numbers stay numbers, the unreadable "1,5" stays text.
    const cellsOf = (row: number) => rejectedRows.getRow(row).values as unknown[];
    expect([cellsOf(2)[3], cellsOf(2)[4], cellsOf(2)[12], cellsOf(2)[13]]).toEqual([4, "X2", 12, 10]);
    expect([cellsOf(3)[3], cellsOf(3)[4], cellsOf(3)[12], cellsOf(3)[13]]).toEqual([5, "X3", "1,5", 10]);

    const refused = await run(["report", "--input", join(dir, "so-lieu.csv"), "--period", "2026-03", "--out", join(dir, "pack")]);
    expect(refused.code).toBe(3);
    const pack = await run(["report", "--input", join(dir, "so-lieu.csv"), "--period", "2026-03", "--out", join(dir, "pack"), "--skip-invalid"]);
    expect(pack.code).toBe(0);
    expect(pack.stderr).toContain("2/4 dòng bị từ chối");
    expect((await readdir(join(dir, "pack"))).sort()).toEqual([".chiso-pack.json", "bi-tu-choi-2026-03.xlsx", "chiso-2026-03.xlsx", "cong-van-tinh-thu-2026-03.docx", "don-vi", "tong-hop-tinh-thu-2026-03.docx", "tong-hop-tinh-thu-2026-03.pdf"]);
    // Units whose rows were rejected still get a scorecard, saying they have no figures.
    expect((await readdir(join(dir, "pack", "don-vi"))).sort()).toEqual(["xa-ba-2026-03.pdf", "xa-hai-2026-03.pdf", "xa-mot-2026-03.pdf"]);
  });
});

describe("--skip-invalid with SIPAS and PAR sheets", () => {
  it("prints, counts and lists a rejected survey or PAR assessment, and the unit's card says it was rejected, not absent", async () => {
    const dir = await temp();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh Thử", "tỉnh", null], ["X1", "Xã Một", "xã", "P"], ["X2", "Xã Hai", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10], ["X2", "2026-03", 8, 10]]);
    // X1's survey: a question answered by more people than were surveyed. X2's PAR: a self-assessment out of range.
    workbook.addWorksheet("Khảo sát SIPAS").addRows([["Mã đơn vị", "Kỳ", "Mã câu hỏi", "Mức 1", "Mức 5", "Số người được khảo sát"], ["X1", "2026", "ACCESS_PLACE", 10, 31, 40], ["X1", "2026", "POLICY_FIT", 10, 30, 40], ["X2", "2026", "ACCESS_PLACE", 10, 30, 40]]);
    workbook.addWorksheet("Chỉ số CCHC").addRows([["Mã đơn vị", "Kỳ", "Mã tiêu chí", "Tự chấm"], ["X1", "2026", "X1.1", 5], ["X2", "2026", "X1.1", 999]]);
    const input = join(dir, "so-lieu.xlsx");
    await workbook.xlsx.writeFile(input);

    const pack = await run(["report", "--input", input, "--period", "2026-03", "--out", join(dir, "pack"), "--skip-invalid", "--deterministic"]);
    expect(pack.code).toBe(0);
    const stderr = pack.stderr.split("\n");
    expect(stderr).toContain("Dữ liệu SIPAS, CCHC bị từ chối (--skip-invalid) và không được dùng: 1 khảo sát SIPAS (cả khảo sát của đơn vị trong kỳ), 1 bộ điểm Chỉ số CCHC (cả bộ điểm của đơn vị trong kỳ); lý do:");
    expect(stderr).toEqual(expect.arrayContaining([
      expect.stringMatching(/so-lieu\.xlsx › Khảo sát SIPAS › dòng 2 › cột F “Số người được khảo sát” › đơn vị X1: câu hỏi ACCESS_PLACE có tổng số câu trả lời \(41\)/),
      expect.stringMatching(/so-lieu\.xlsx › Chỉ số CCHC › dòng 3 › cột D “Tự chấm” › đơn vị X2: giá trị quá lớn \(999\)/),
    ]));
    // The rejected-rows workbook is written, and lists both on their own sheet.
    const findings = new ExcelJS.Workbook();
    await findings.xlsx.readFile(join(dir, "pack", "bi-tu-choi-2026-03.xlsx"));
    const sheet = findings.getWorksheet("SIPAS, CCHC bị từ chối")!;
    expect([2, 3].map((row) => (sheet.getRow(row).values as unknown[]).slice(1, 7))).toEqual([
      ["Khảo sát SIPAS", "cả khảo sát/bộ điểm của đơn vị trong kỳ", input, "Khảo sát SIPAS", 2, "X1"],
      ["Chỉ số CCHC", "cả khảo sát/bộ điểm của đơn vị trong kỳ", input, "Chỉ số CCHC", 3, "X2"],
    ]);
    // Each card says its data was rejected, where and why — never that there was none.
    const one = await pdfText(join(dir, "pack", "don-vi", "xa-mot-2026-03.pdf"));
    expect(one).toContain("Khảo sát SIPAS của đơn vị có dữ liệu bị từ chối và không được dùng");
    expect(one).toContain("Khảo sát SIPAS của đơn vị bị từ chối vì có lỗi");
    expect(one).not.toContain("Không có khảo sát SIPAS");
    const two = await pdfText(join(dir, "pack", "don-vi", "xa-hai-2026-03.pdf"));
    expect(two).toContain("Kết quả chấm điểm Chỉ số CCHC của đơn vị có dữ liệu bị từ chối và không được dùng");
    expect(two).not.toContain("Chưa có kết quả chấm điểm cải cách hành chính");
    // The province summary names the units.
    expect(await pdfText(join(dir, "pack", "tong-hop-tinh-thu-2026-03.pdf"))).toContain("Dữ liệu khảo sát SIPAS hoặc Chỉ số CCHC của 2 đơn vị bị từ chối");
  }, DEMO_TIMEOUT);
});

describe("chiso report with bad input", () => {
  it("rejects a file with errors, names every problem, and writes nothing", async () => {
    const dir = await temp();
    const input = join(dir, "figures.json");
    await writeFile(
      input,
      JSON.stringify({
        units: [{ id: "P", name: "Tỉnh", level: "province" }, { id: "C1", name: "Xã", level: "commune", parent: "P" }],
        figures: [{ unit: "C1", period: "2026-03", items: { ON_TIME: [12, 10], ONLINE_DOSSIER_SHARE: [-1, 10] } }],
      }),
    );
    const out = join(dir, "out");
    const result = await run(["report", "--input", input, "--period", "2026-03", "--out", out]);
    expect(result.code).toBe(3);
    // Both problems of the row in one pass: the negative count and the numerator above its denominator.
    expect(result.stderr).toContain("figures.json có 2 lỗi");
    expect(result.stderr).toContain("tử số (12) lớn hơn mẫu số (10); hãy kiểm tra lại hai số liệu của chỉ tiêu 2.1 Giải quyết hồ sơ đúng hạn.");
    expect(result.stderr).toContain("figures.json › dòng 1 › figures[0].items.ONLINE_DOSSIER_SHARE[0] › đơn vị C1: không được âm, nhận được -1; hãy nhập số từ 0 trở lên.");
    await expect(readdir(out)).rejects.toThrow();
    // English counts read naturally: "2 problems", "1 problem", never "problem(s)".
    expect((await run(["report", "--input", input, "--period", "2026-03", "--out", out, "--lang", "en"])).stderr).toContain("figures.json has 2 problems; nothing was scored.");
    await writeFile(input, JSON.stringify({ units: [{ id: "P", name: "Tỉnh", level: "province" }, { id: "C1", name: "Xã", level: "commune", parent: "P" }], figures: [{ unit: "C1", period: "2026-03", items: { ON_TIME: [12, 10] } }] }));
    const one = await run(["report", "--input", input, "--period", "2026-03", "--out", out, "--lang", "en"]);
    expect(one.stderr).toContain("figures.json has 1 problem; nothing was scored.");
    expect(one.stderr).not.toContain("(s)");
    await writeFile(join(dir, "one.json"), JSON.stringify({ units: [{ id: "P", name: "Tỉnh", level: "province" }], figures: [{ unit: "P", period: "2026-03", items: { PUBLISH_ON_TIME: [1, 2] } }] }));
    expect((await run(["validate", "--input", join(dir, "one.json"), "--lang", "en"])).stdout).toContain(`${join(dir, "one.json")}: 1 valid row, no errors.`);
  });

  it("refuses a period the file has no figures for, and a period that is not one, before reading", async () => {
    const dir = await temp();
    const input = join(dir, "figures.json");
    await writeFile(input, JSON.stringify({ units: [{ id: "P", name: "Tỉnh", level: "province" }], figures: [{ unit: "P", period: "2026-03", items: { PUBLISH_ON_TIME: [1, 2] } }] }));
    const wrongYear = await run(["report", "--input", input, "--period", "2025-03", "--out", join(dir, "out")]);
    expect(wrongYear).toMatchObject({ code: 3, stderr: `Tệp ${input} không có số liệu cho kỳ 2025-03; các kỳ có trong tệp: 2026-03. Hãy kiểm tra --period.` });
    // The file's periods in time order: a year after its months, not between January and February.
    const periods = join(dir, "periods.json");
    await writeFile(periods, JSON.stringify({ units: [{ id: "P", name: "Tỉnh", level: "province" }], figures: ["2026", "2026-02", "2026-01"].map((period) => ({ unit: "P", period, items: { PUBLISH_ON_TIME: [1, 2] } })) }));
    expect((await run(["report", "--input", periods, "--period", "2025-03", "--out", join(dir, "out")])).stderr).toContain("các kỳ có trong tệp: 2026-01, 2026-02, 2026.");
    expect((await run(["score", "--input", "/nonexistent.csv", "--period", "2026-13"])).code).toBe(2);
  });

  it("says in English what is wrong with --lang en", async () => {
    const result = await run(["report", "--input", "/nonexistent/figures.json", "--period", "2026-03", "--out", "/tmp/x", "--lang", "en"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe("Cannot read /nonexistent/figures.json: no such file.");
  });

  it("leaves nothing behind when the output cannot be written", async () => {
    const dir = await temp();
    const blocker = join(dir, "not-a-folder");
    await writeFile(blocker, "x");
    const result = await run(["demo", "--out", join(blocker, "pack")]);
    expect(result.code).toBe(4);
    expect(await readdir(dir)).toEqual(["not-a-folder"]);
  });
});

describe("chiso usage", () => {
  it.each(["demo", "report", "score", "template", "validate", "profile"])("prints help for %s", async (command) => {
    const result = await run([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`chiso ${command}`);
    expect(result.stdout).toContain("Mã thoát");
  });

  it("rejects an unknown command or option with exit code 2", async () => {
    expect((await run(["publish"])).code).toBe(2);
    const result = await run(["score", "--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Tùy chọn không hợp lệ");
  });

  it("explains every refused option value: what was given, the form expected with an example, in the user's language", async () => {
    const refusal = async (args: string[]) => {
      const result = await run(args);
      expect(result.code).toBe(2);
      return result.stderr;
    };
    expect(await refusal(["report", "--input", "x.json", "--period", "2026-9", "--out", "o"])).toBe(
      'Giá trị của --period không hợp lệ: "2026-9". Cần một kỳ dạng 2026-09 (tháng), 2026-Q3 (quý) hoặc 2026 (năm) (có phải 2026-09?). Xem "--help".',
    );
    expect(await refusal(["report", "--input", "x.json", "--period", "2026-9", "--out", "o", "--lang", "en"])).toBe(
      'Invalid value for --period: "2026-9". Expected a period such as 2026-09 (month), 2026-Q3 (quarter) or 2026 (year) (did you mean 2026-09?). See "--help".',
    );
    for (const [given, guess] of [["09/2026", "2026-09"], ["2026q3", "2026-Q3"], ["Q3/2026", "2026-Q3"], ["2026-13", null], ["tháng 9", null]] as const) {
      const message = await refusal(["score", "--input", "x.json", "--period", given, "--lang", "en"]);
      expect(message).toContain(`"${given}". Expected a period such as 2026-09`);
      if (guess) expect(message).toContain(`(did you mean ${guess}?)`);
      else expect(message).not.toContain("did you mean");
    }
    const cases: [string[], string][] = [
      [["score", "--input", "x.json", "--period", "2026-03", "--tie", "olympic"], 'Invalid value for --tie: "olympic". Expected competition (1, 2, 2, 4) or dense (1, 2, 2, 3).'],
      [["report", "--input", "x.json", "--period", "2026-03", "--out", "o", "--as-of", "2026-02-30"], 'Invalid value for --as-of: "2026-02-30". Expected a calendar day as YYYY-MM-DD, e.g. 2026-10-31.'],
      [["score", "--input", "x.json", "--period", "2026-03", "--max-size", "0"], 'Invalid value for --max-size: "0". Expected a number of MB above 0, e.g. 25 or 2.5.'],
      [["serve", "--input", "x.json", "--port", "70000"], 'Invalid value for --port: "70000". Expected a port from 0 to 65535, e.g. 8080 (0: any free port).'],
      [["calendar", "--year", "1800"], 'Invalid value for --year: "1800". Expected a year from 1990 to 2150, e.g. 2027.'],
      [["portal", "import", "--period", "2026-08", "--out", "o.json", "--retrieved-at", "hôm qua", "a.json"], 'Invalid value for --retrieved-at: "hôm qua". Expected a day as YYYY-MM-DD, e.g. 2026-10-31 (a time may follow: 2026-10-31T08:30).'],
      [["store", "signoff", "--store", "s.db", "--period", "Q3"], 'Invalid value for --period: "Q3". Expected a period such as 2026-09 (month), 2026-Q3 (quarter) or 2026 (year).'],
    ];
    for (const [args, expected] of cases) expect(await refusal([...args, "--lang", "en"])).toBe(`${expected} See "--help".`);
    expect(await refusal(["calendar", "--year", "1800"])).toBe('Giá trị của --year không hợp lệ: "1800". Cần một năm từ 1990 đến 2150, ví dụ 2027. Xem "--help".');
    // An unknown language is answered in both.
    expect(await refusal(["score", "--lang", "fr"])).toBe('Ngôn ngữ "fr" không được hỗ trợ; dùng vi hoặc en.\nLanguage "fr" is not supported; use vi or en.');
  });

  it("requires the options a command needs", async () => {
    const result = await run(["report", "--period", "2026-03"]);
    expect(result).toMatchObject({ code: 2, stderr: "Thiếu tùy chọn bắt buộc --input." });
  });
});

describe("the built chiso command", () => {
  const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

  it("writes the same demo pack as the library, rendering on worker threads", async () => {
    expect(existsSync(bin), "build first: pnpm build (pnpm test does)").toBe(true);
    const [viaBin, inProcess] = [await temp(), await temp()];
    // Two workers whatever the machine's cores: the worker path is checked even where the default renders in-process.
    const child = spawnSync(process.execPath, [bin, "demo", "--out", viaBin, "--deterministic", "--as-of", "2026-11-21", "--lang", "en"], { encoding: "utf8", env: { ...process.env, CHISO_WORKERS: "2" } });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/Wrote 121 files to .* \(\d+\.\d s\)\./);
    expect(child.stdout).toContain("115 unit scorecards, 1 province summary, ");
    expect((await run(["demo", "--out", inProcess, "--deterministic", "--as-of", "2026-11-21", "--lang", "en"])).code).toBe(0);
    for (const name of ["tong-hop-tinh-hoa-son-2026-10.pdf", "don-vi/phuong-hoa-hiep-2026-10.pdf", "chiso-2026-10.xlsx", "cong-van-tinh-hoa-son-2026-10.docx", DEMO_TEMPLATE_FILE]) {
      expect(Buffer.compare(await readFile(join(viaBin, name)), await readFile(join(inProcess, name))), name).toBe(0);
    }
  }, 2 * DEMO_TIMEOUT);
});

describe("chiso report --word-cards", () => {
  it("writes each unit's card as a Word file too, and counts the cards apart from the report and dispatch", async () => {
    const dir = await temp();
    const input = join(dir, "so-lieu.json");
    await writeFile(input, JSON.stringify(generateDemoData()));
    const out = join(dir, "bao-cao");
    const result = await run(["report", "--input", input, "--period", "2026-10", "--out", out, "--word-cards", "--as-of", "2026-11-21", "--lang", "en"]);
    // The demo's months other than October: counted as history, or listed as not used (trial 4: every row is accounted for).
    const [history, unused, ...rest] = result.stderr.split("\n");
    expect(history).toBe("1,276 figures rows of another period (2025-11, 2025-12 … 2026-08, 2026-09) were not scored in 2026-10, only read as the previous period and the trend. If a row has the wrong period, correct its Period cell.");
    // Whole other periods (116 rows each) are a history: counted in one line, not listed row by row.
    expect(unused).toMatch(/^232 figures rows of another period \(2025-10, 2026-11\) were not used for 2026-10\. If a row has the wrong period/);
    // A real report (even of the demo's figures) invents no signer: the name is left blank, and said.
    expect(rest.join("\n")).toBe(
      "No --profile: left blank signer.name, numbers.report, numbers.dispatch (the signer's name and the numbers are written in by hand); defaults to check: issuer.name, signer.authority, signer.title, symbols, dispatchTo, recipients (department of home affairs, for the director / deputy director). To fill them in: chiso profile --out profile.json, write the signer's full name (signer.name) and edit the rest, then run again with --profile profile.json.",
    );
    for (const name of ["cong-van-tinh-hoa-son-2026-10.docx", "tong-hop-tinh-hoa-son-2026-10.docx"]) {
      const signed = await (await JSZip.loadAsync(await readFile(join(out, name)))).file("word/document.xml")!.async("string");
      expect(signed).toContain("DEPUTY DIRECTOR");
      expect(signed).not.toContain("Nguyễn Văn An");
    }
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 Word files (report, dispatch) and 115 scorecards as Word files");
    const cards = (await readdir(join(out, "don-vi"))).filter((name) => name.endsWith(".docx"));
    expect(cards).toHaveLength(115);
    const xml = await (await JSZip.loadAsync(await readFile(join(out, "don-vi", "xa-an-lap-2026-10.docx")))).file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("|");
    expect(text).toContain("Xã An Lập");
    // The blocks' heading once, and the table's column named for what it holds.
    expect(text.split("Score by the six blocks")).toHaveLength(2);
    expect(text).toContain("Block|");
  }, DEMO_TIMEOUT);
});
