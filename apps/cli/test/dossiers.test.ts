import { spawn, spawnSync } from "node:child_process";
import { existsSync, readlinkSync } from "node:fs";
import { mkdtemp, open, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { getScheme, parseDataset } from "@chiso/core";
import { evidenceSchema } from "@chiso/dossiers";
import { slugify } from "@chiso/report";
import { builtinCalendarYears, calendarYearSchema } from "@chiso/dossiers/calendar";
import { main } from "../src/main.js";
import { DOSSIER_DEMO_INPUT_FILE, dossierDetailsFile } from "../src/commands/demo/index.js";

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

const temp = () => mkdtemp(join(tmpdir(), "chiso-cli-dossiers-"));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const pdfText = async (path: string) => (await extractText(await getDocumentProxy(new Uint8Array(await readFile(path))), { mergePages: true })).text.replace(/\s+/g, " ");

/** A small set of records: two communes, one late dossier, one not online, one rejected (unknown unit). */
async function writeRecords(dir: string) {
  const files = {
    dossiers: join(dir, "ho-so.csv"),
    events: join(dir, "su-kien.csv"),
    procedures: join(dir, "thu-tuc.csv"),
    units: join(dir, "don-vi.csv"),
  };
  await writeFile(
    files.dossiers,
    [
      "dossier_id,unit_id,procedure_id,channel,received_at,due_at,fee_due,paid_online,digitized_at_intake,result_electronic,reused_data,population_data,data_store_synced,complained",
      "HS-1,X1,P1,2,2026-10-05T08:00:00,2026-10-09T17:00:00,1,1,1,1,1,1,1,0",
      "HS-2,X1,P1,2,2026-10-05T08:00:00,2026-10-09T17:00:00,1,0,1,1,1,1,1,0",
      "HS-3,X2,P1,1,2026-10-06T08:00:00,,0,0,1,1,1,1,1,0",
      "HS-4,X9,P1,2,2026-10-06T08:00:00,,0,0,1,1,1,1,1,0",
    ].join("\n"),
  );
  await writeFile(
    files.events,
    ["dossier_id,state,changed_at", "HS-1,2,2026-10-05T08:00:00", "HS-1,9,2026-10-08T10:00:00", "HS-2,2,2026-10-05T08:00:00", "HS-2,9,2026-10-13T10:00:00", "HS-3,2,2026-10-06T08:00:00", "HS-3,10,2026-10-07T08:00:00", "HS-4,2,2026-10-06T08:00:00"].join("\n"),
  );
  await writeFile(files.procedures, ["procedure_id,procedure_name,legal_duration,duration_unit,paper_result,fee_bearing", "P1,Đăng ký khai sinh,3,working_days,0,1"].join("\n"));
  await writeFile(files.units, ["Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên", "HS,Tỉnh Hòa Sơn,tỉnh,", "X1,Xã An Bình,xã,HS", "X2,Xã Tân Lập,xã,HS"].join("\n"));
  return files;
}

describe("chiso dossiers", () => {
  it("writes figures core accepts, evidence that validates, and the officer's workbook; lists the rejected dossier", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const out = join(dir, "so-lieu.json");
    const details = join(dir, "chi-tiet.xlsx");
    const result = await run(["dossiers", "--dossiers", files.dossiers, "--events", files.events, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", out, "--details", details]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Đã đọc 4 hồ sơ: 3 được tính, 1 bị loại (lý do bên dưới)");
    expect(result.stderr).toMatch(/ho-so\.csv › dòng 5 › cột unit_id › hồ sơ HS-4: đơn vị “X9” không có trong tệp đơn vị/);
    const written = JSON.parse(await readFile(out, "utf8")) as { evidence: unknown; units: unknown[]; figures: unknown[] };
    // Core rejects the top-level `evidence` until the lead's change lands: validate the figures without it,
    // and the evidence with its own schema.
    const { evidence, ...figures } = written;
    const dataset = parseDataset(figures, getScheme());
    expect(dataset.figuresByPeriod.get("2026-10")!.size).toBe(2);
    const entries = evidenceSchema.parse(evidence);
    expect(entries).toContainEqual({
      unit: "X1",
      period: "2026-10",
      item: "ON_TIME",
      count: 1,
      dossiers: [{ id: "HS-2", procedure: "P1", procedureName: "Đăng ký khai sinh", receivedAt: "2026-10-05T08:00:00", dueAt: "2026-10-09T17:00:00", finishedAt: "2026-10-13T10:00:00", daysLate: 2, reason: "late" }],
    });
    expect(entries.find((entry) => entry.unit === "X2" && entry.item === "ONLINE_DOSSIER_SHARE")?.dossiers[0]).toMatchObject({ id: "HS-3", reason: "not_online" });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(details);
    const sheet = workbook.getWorksheet("2.1 ON_TIME")!;
    const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    // Times are date-time cells (exceljs reads them as dates), shown dd/mm/yyyy hh:mm.
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 9, day, hour));
    expect(rows).toContainEqual(["X1", "Xã An Bình", "HS-2", "P1", "Đăng ký khai sinh", at(5, 8), at(9, 17), at(13, 10), 2, "Giải quyết quá hạn"]);
    const dateCell = sheet.getColumn(6).values.findIndex((value) => value instanceof Date);
    expect(sheet.getCell(dateCell, 6).numFmt).toBe("dd/mm/yyyy hh:mm");
    const rejected = workbook.getWorksheet("Bị loại")!.getRow(2).values as unknown[];
    expect(rejected.slice(1, 5)).toEqual([files.dossiers, 5, "unit_id", "HS-4"]);
  });

  it("rejects bad files before computing: a units file with errors, an unknown format, a missing column; --strict writes nothing", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const base = ["dossiers", "--dossiers", files.dossiers, "--events", files.events, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", join(dir, "out.json")];
    await writeFile(join(dir, "bad-units.csv"), ["Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên", "X1,Xã An Bình,thôn,HS"].join("\n"));
    const badUnits = await run([...base.slice(0, 7), "--units", join(dir, "bad-units.csv"), ...base.slice(9), "--lang", "en"]);
    expect(badUnits.code).toBe(3);
    // Located like the figures' own units: file, row, column with its header, unit.
    expect(badUnits.stderr).toContain(`bad-units.csv › row 2 › column C “Cấp” › unit X1: level "thôn" is not valid; use province, department or commune.`);
    // A unit under a parent the list lacks: at the parent column, in a CSV and at its line in a JSON list, never as a path alone.
    await writeFile(join(dir, "orphan.csv"), ["Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên", "HS,Tỉnh,tỉnh,", "X1,Xã An Bình,xã,HX"].join("\n"));
    expect((await run([...base.slice(0, 7), "--units", join(dir, "orphan.csv"), ...base.slice(9)])).stderr).toContain(`orphan.csv › dòng 3 › cột D “Mã đơn vị cấp trên” › đơn vị X1: đơn vị cấp trên "HX" của "X1" không có trong danh sách đơn vị`);
    await writeFile(join(dir, "orphan.json"), JSON.stringify([{ id: "HS", name: "Tỉnh", level: "province" }, { id: "X1", name: "Xã", level: "commune", parent: "HX" }], null, 2));
    expect((await run([...base.slice(0, 7), "--units", join(dir, "orphan.json"), ...base.slice(9)])).stderr).toContain(`orphan.json › dòng 11 › units[1].parent › đơn vị X1: đơn vị cấp trên "HX"`);
    const badFormat = await run([...base, "--feedback", join(dir, "pakn.xls")]);
    expect(badFormat.code).toBe(3);
    expect(badFormat.stderr).toContain("pakn.xls: định dạng không hỗ trợ");
    await writeFile(join(dir, "no-unit.csv"), "dossier_id,procedure_id,received_at\nA,P1,2026-10-05T08:00:00\n");
    const missing = await run(["dossiers", "--dossiers", join(dir, "no-unit.csv"), ...base.slice(3)]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no-unit\.csv › cột unit_id: tệp thiếu cột bắt buộc unit_id/);
    const strict = await run([...base, "--strict"]);
    expect(strict.code).toBe(3);
    expect(existsSync(join(dir, "out.json"))).toBe(false);
    expect((await readdir(dir)).filter((name) => name.startsWith(".chiso-staging"))).toEqual([]);
  });

  it("refuses an input file it cannot read with exit 3, its file and line, what is wrong and what to do, in Vietnamese and English", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const base = ["dossiers", "--dossiers", files.dossiers, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", join(dir, "out.json")];
    const cut = join(dir, "su-kien.jsonl");
    await writeFile(cut, '{"dossier_id":"HS-1","state":2,"changed_at":"2026-10-05T08:00:00"}\n{"dossier_id":"HS-1",\n{"dossier_id":"HS-2","state":2,"changed_at":"2026-10-05T08:00:00"}\n');
    const vi = await run([...base, "--events", cut]);
    expect(vi.code).toBe(3);
    expect(vi.stderr).toContain(`Không đọc được tệp đầu vào; chưa tính:\n  - ${cut} › dòng 2: dòng “{"dossier_id":"HS-1",” không phải JSON hợp lệ`);
    const en = await run([...base, "--events", cut, "--lang", "en"]);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(`${cut} › row 2: the line “{"dossier_id":"HS-1",” is not valid JSON`);
    const notParquet = join(dir, "su-kien.parquet");
    await writeFile(notParquet, await readFile(files.events));
    // A CSV named .parquet is named for what it is (the CLI's content check, decision 65).
    const parquet = await run([...base, "--events", notParquet]);
    expect(parquet.code).toBe(3);
    expect(parquet.stderr).toContain(`${notParquet}: tên tệp có đuôi .parquet nhưng nội dung là một bảng CSV`);
    // A Parquet file cut short (its header, not its footer) is refused by the engine's own check.
    const cutParquet = join(dir, "su-kien-cat.parquet");
    await writeFile(cutParquet, Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(64, 7)]));
    const truncated = await run([...base, "--events", cutParquet]);
    expect(truncated.code).toBe(3);
    expect(truncated.stderr).toContain(`${cutParquet}: tệp không phải Parquet hoặc bị cắt cụt`);
    for (const result of [vi, en, parquet, truncated]) expect(result.stderr).not.toMatch(/Lỗi không lường trước|Unexpected|Error|SELECT|read_json|read_parquet|LINE 1/);
    expect(existsSync(join(dir, "out.json"))).toBe(false);
  });

  it("carries rejected dossiers into the figures file, so the summary and the unit's card say its figures cover only part of its dossiers", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    // X1 gets three more dossiers, rejected for a channel that does not exist.
    const bad = ["HS-5", "HS-6", "HS-7"];
    await writeFile(files.dossiers, `${await readFile(files.dossiers, "utf8")}\n${bad.map((id) => `${id},X1,P1,7,2026-10-05T08:00:00,,0,0,1,1,1,1,1,0`).join("\n")}\n`);
    await writeFile(files.events, `${await readFile(files.events, "utf8")}\n${bad.map((id) => `${id},2,2026-10-05T08:00:00`).join("\n")}\n`);
    const out = join(dir, "so-lieu.json");
    const result = await run(["dossiers", "--dossiers", files.dossiers, "--events", files.events, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", out]);
    expect(result.code).toBe(0);
    const written = JSON.parse(await readFile(out, "utf8")) as { source?: { warning: { vi: string; en: string } }; figures: { unit: string; flags?: { code: string; message: string }[] }[] };
    expect(written.source?.warning.vi).toContain("1 đơn vị có hồ sơ bị loại vì lỗi dữ liệu, không được tính (3 hồ sơ): X1");
    expect(written.source?.warning.en).toContain("1 unit had records rejected for data errors and not counted (3 dossiers): X1");
    expect(written.figures.find((figure) => figure.unit === "X1")?.flags).toEqual([
      { code: "RECORDS_REJECTED", message: { vi: expect.stringContaining("3 hồ sơ tiếp nhận trong kỳ bị loại vì lỗi dữ liệu, chỉ 2 hồ sơ được tính"), en: expect.stringContaining("3 dossiers received in the period rejected") } },
    ]);
    expect(written.figures.find((figure) => figure.unit === "X2")?.flags).toBeUndefined();
    const pack = join(dir, "bao-cao");
    expect((await run(["report", "--input", out, "--period", "2026-10", "--out", pack, "--deterministic"])).code).toBe(0);
    const summary = (await readdir(pack)).find((name) => name.startsWith("tong-hop") && name.endsWith(".pdf"))!;
    expect(await pdfText(join(pack, summary))).toContain("1 đơn vị có hồ sơ bị loại vì lỗi dữ liệu, không được tính (3 hồ sơ): X1");
    const card = await pdfText(join(pack, "don-vi", `${slugify("Xã An Bình")}-2026-10.pdf`));
    expect(card).toContain("3 hồ sơ tiếp nhận trong kỳ bị loại vì lỗi dữ liệu, chỉ 2 hồ sơ được tính");
    expect(await pdfText(join(pack, "don-vi", `${slugify("Xã Tân Lập")}-2026-10.pdf`))).not.toContain("bị loại vì lỗi dữ liệu");
  });

  it("never loads DuckDB for the other commands", async () => {
    expect(existsSync(bin), "build first: pnpm build (pnpm test does)").toBe(true);
    const hook = `data:text/javascript,${encodeURIComponent('export async function resolve(specifier, context, next) { if (specifier.includes("duckdb")) throw new Error("DuckDB loaded"); return next(specifier, context); }')}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(hook)});`)}`;
    const dir = await temp();
    const template = spawnSync(process.execPath, ["--import", register, bin, "template", "--period", "2026-10", "--out", join(dir, "mau.xlsx")], { encoding: "utf8" });
    expect(template.stderr).toBe("");
    expect(template.status).toBe(0);
    const calendar = spawnSync(process.execPath, ["--import", register, bin, "calendar", "show", "--year", "2026"], { encoding: "utf8" });
    expect(calendar.status).toBe(0);
    const files = await writeRecords(dir);
    const dossiers = spawnSync(process.execPath, ["--import", register, bin, "dossiers", "--dossiers", files.dossiers, "--events", files.events, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", join(dir, "x.json")], { encoding: "utf8" });
    expect(dossiers.stderr).toContain("DuckDB loaded");
  });
});

describe("chiso dossiers: option checks, colliding outputs, a period without records, interruption", () => {
  const argsOf = (files: Awaited<ReturnType<typeof writeRecords>>, out: string, ...more: string[]) => ["dossiers", "--dossiers", files.dossiers, "--events", files.events, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", out, ...more];

  it("takes --as-of only as a time that exists, not before the period, and records it in the figures file", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const out = join(dir, "f.json");
    for (const asOf of ["2026-09-31", "2026-13-01", "2026-10-20T25:00", "2026-10-20T08:60", "2026-10-20T8:00", "20/10/2026"]) {
      const refused = await run(argsOf(files, out, "--as-of", asOf));
      expect(refused.code, asOf).toBe(2);
      expect(refused.stderr).toBe(`Giá trị của --as-of không hợp lệ: "${asOf}". Cần một ngày có thật dạng NNNN-TT-NN, có thể kèm giờ Việt Nam GG:PP (giờ 00–23, phút 00–59), ví dụ 2026-11-02 hoặc 2026-11-02T08:00. Xem "--help".`);
    }
    const early = await run([...argsOf(files, out, "--as-of", "2026-09-30T23:59"), "--lang", "en"]);
    expect(early.code).toBe(2);
    expect(early.stderr).toBe("--as-of 2026-09-30T23:59 is before the first day of 2026-10 (2026-10-01): no dossier of the period had been received by then. --as-of is when the data was extracted, on or after 2026-10-01; check --as-of or --period.");
    expect(existsSync(out)).toBe(false);
    expect((await run(argsOf(files, out, "--as-of", "2026-10-20 08:00"))).code).toBe(0);
    const written = JSON.parse(await readFile(out, "utf8")) as { source: { system: string; retrievedAt?: string; warning?: unknown } };
    expect(written.source.retrievedAt).toBe("2026-10-20 08:00");
    // Records received after the extraction time are named (whether they count is the rules' choice).
    const later = await run(argsOf(files, out, "--as-of", "2026-10-05T12:00"));
    expect(later.stderr).toContain("(lưu ý) 2 hồ sơ có thời điểm tiếp nhận sau --as-of 2026-10-05T12:00: dữ liệu trích xuất sau thời điểm đó? Hãy kiểm tra --as-of (thời điểm trích xuất dữ liệu).");
    expect((await run(argsOf(files, out, "--as-of", "2026-10-06T08:00"))).stderr).not.toContain("sau --as-of");
    // Without --as-of nothing claims an extraction time.
    expect((await run(argsOf(files, out))).code).toBe(0);
    expect((JSON.parse(await readFile(out, "utf8")) as Partial<typeof written>).source?.retrievedAt).toBeUndefined();
  });

  it("refuses a figures file not named .json, and outputs that would overwrite each other or a --calendar file", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const same = join(dir, "same.xlsx");
    const sameRun = await run(argsOf(files, same, "--details", same));
    expect(sameRun.code).toBe(2);
    expect(sameRun.stderr).toBe(`--out ${same}: chiso ghi tệp số liệu JSON (chiso.figures/1); hãy đặt tên tệp kết thúc bằng .json (bảng tính hồ sơ mất điểm: --details <tệp.xlsx>).`);
    // The same file under two names (a link): refused, nothing written.
    const details = join(dir, "d.xlsx");
    await writeFile(details, "");
    const link = join(dir, "link.json");
    await symlink(details, link);
    const linked = await run(argsOf(files, link, "--details", details, "--lang", "en"));
    expect(linked.code).toBe(2);
    expect(linked.stderr).toBe(`--out ${link} and --details ${details} are the same file: the workbook would overwrite the figures; give them different names. Nothing was written.`);
    const calendar = join(dir, "2026.json");
    await writeFile(calendar, JSON.stringify(builtinCalendarYears.find((year) => year.year === 2026)));
    const overwrite = await run(argsOf(files, join(dir, ".", "2026.json"), "--calendar", `${join(dir, "x.json")},${calendar}`));
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain(`--out ${join(dir, ".", "2026.json")} sẽ ghi đè (hoặc xóa) tệp đầu vào ${calendar}`);
    const twice = await run(argsOf(files, join(dir, "f.json"), "--calendar", `${calendar},${calendar}`));
    expect(twice.code).toBe(3);
    expect(twice.stderr).toBe(`--calendar: ${calendar} và ${calendar} đều là lịch năm 2026; mỗi năm chỉ dùng một tệp — hãy bỏ một tệp. Chưa tính.`);
    expect(existsSync(join(dir, "f.json"))).toBe(false);
  });

  it("answers a limit with the value given and the form expected, a negative one included (not 'needs a value')", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const out = join(dir, "f.json");
    const dash = await run(argsOf(files, out, "--evidence-limit", "-1"));
    expect(dash.code).toBe(2);
    expect(dash.stderr).toBe(`Tùy chọn không hợp lệ: giá trị “-1” của --evidence-limit bắt đầu bằng dấu “-” nên bị hiểu là một tùy chọn; nếu đó đúng là giá trị, hãy viết liền: --evidence-limit=-1. Xem "--help".`);
    for (const value of ["-1", "1e3", "20.0", "", "1000001"]) {
      const refused = await run(argsOf(files, out, `--details-limit=${value}`, "--lang", "en"));
      expect(refused.code, value).toBe(2);
      expect(refused.stderr).toBe(`Invalid value for --details-limit: "${value}". Expected a whole number from 0 to 1,000,000, e.g. 20. See "--help".`);
    }
    // A following option is a missing value, said as before.
    expect((await run([...argsOf(files, out), "--evidence-limit", "--strict"])).stderr).toBe(`Tùy chọn không hợp lệ: --evidence-limit cần một giá trị. Xem "--help".`);
    expect(existsSync(out)).toBe(false);
  });

  it("warns of a period in which nothing was received, names what was read and the period it covers, and carries it in the figures file", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const out = join(dir, "f.json");
    const args = argsOf(files, out).map((arg) => (arg === "2026-10" ? "2027-03" : arg));
    const result = await run(args);
    expect(result.code).toBe(0);
    const warning = "Cảnh báo: trong kỳ 2027-03 không có hồ sơ nào được tiếp nhận — mọi đơn vị ghi 0/0. Đã đọc 4 hồ sơ (tiếp nhận từ 2026-10-05 đến 2026-10-06). Dữ liệu trích xuất có thể không thuộc kỳ này; hãy kiểm tra --period (dữ liệu đọc được thuộc kỳ 2026-10: --period 2026-10).";
    expect(result.stderr.split("\n")).toContain(warning);
    const written = JSON.parse(await readFile(out, "utf8")) as { source: { warning: { vi: string; en: string } } };
    expect(written.source.warning.vi).toBe(warning);
    expect(written.source.warning.en).toBe("Warning: no dossier was received in 2027-03 — every unit is written as 0/0. Read 4 dossiers (received 2026-10-05 to 2026-10-06). The extract may not be of this period; check --period (the records read fall in 2026-10: --period 2026-10).");
    // A period with records says nothing of the kind.
    expect((await run(argsOf(files, out))).stderr).not.toContain("Cảnh báo: trong kỳ");
  });

  it("names the columns a header has and the English names expected, with a rename for a Vietnamese header", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    await writeFile(files.dossiers, "Mã hồ sơ,Mã đơn vị,Mã thủ tục,Kênh,Ngày tiếp nhận\nHS-1,X1,P1,2,2026-10-05T08:00:00\n");
    const result = await run([...argsOf(files, join(dir, "f.json")), "--lang", "en"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`  ${files.dossiers}: missing dossier_id, unit_id, procedure_id, received_at. Columns found: “Mã hồ sơ”, “Mã đơn vị”, “Mã thủ tục”, “Kênh”, “Ngày tiếp nhận”. Expected (English names, any case): dossier_id, unit_id, procedure_id, received_at; optional: channel,`);
    expect(result.stderr).toContain("The header looks Vietnamese: chiso reads only the English column names of docs/dossier-format.md. Rename: “Mã hồ sơ” → dossier_id, “Mã đơn vị” → unit_id, “Mã thủ tục” → procedure_id, “Kênh” → channel, “Ngày tiếp nhận” → received_at.");
  });

  it("says which column to rename when an item is left out for a column the header spells differently", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const text = await readFile(files.dossiers, "utf8");
    await writeFile(files.dossiers, text.replace("paid_online", "Paid Online").replace("population_data", "Dữ liệu dân cư"));
    const result = await run(argsOf(files, join(dir, "f.json")));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("(lưu ý) Chỉ tiêu ONLINE_PAYMENT_DOSSIER không tính được: thiếu paid_online");
    expect(result.stderr).toContain(`(lưu ý) ${files.dossiers}: cột “Paid Online” không được đọc — có phải paid_online? Hãy đổi tên cột`);
    expect(result.stderr).not.toContain("Dữ liệu dân cư”");
  });

  it("says it stopped on request when interrupted, as chiso report does, and writes nothing", async () => {
    expect(existsSync(bin), "build first: pnpm build (pnpm test does)").toBe(true);
    const dir = await temp();
    const files = await writeRecords(dir);
    // The units file is a pipe nobody writes to: the run waits there, past its option checks, until interrupted.
    const fifo = join(dir, "don-vi.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // Held open for writing (and never written), so the run's open succeeds and its read waits.
    const writer = await open(fifo, "r+");
    const out = join(dir, "f.json");
    const child = spawn(process.execPath, [bin, ...argsOf({ ...files, units: fifo }, out)], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    // Interrupted once it reads the pipe, past its option checks (/proc lists the pipe among its open files).
    const reading = async () => (await readdir(`/proc/${child.pid}/fd`).catch(() => [])).some((fd) => readlinkSync(`/proc/${child.pid}/fd/${fd}`, { encoding: "utf8" }) === fifo);
    for (let waited = 0; waited < 20_000 && !(await reading().catch(() => false)); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await reading()).toBe(true);
    child.kill("SIGINT");
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
    await writer.close();
    expect(signal).toBe("SIGINT");
    expect(code).toBeNull();
    expect(stderr).toBe("Đã dừng theo yêu cầu: phần đang ghi dở đã được xóa, các tệp và bộ báo cáo có từ trước được giữ nguyên.\n");
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});

describe("chiso calendar", () => {
  it("proposes 2030 from Vietnam's Tết (2 February) and writes a file an official can confirm", async () => {
    const dir = await temp();
    const result = await run(["calendar", "propose", "--year", "2030", "--out", join(dir, "2030.json")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Tết Nguyên đán (âm lịch Việt Nam, UTC+7): 2030-02-02");
    const year = calendarYearSchema.parse(JSON.parse(await readFile(join(dir, "2030.json"), "utf8")));
    expect(year.status).toBe("provisional");
    expect(year.daysOff.map((day) => day.date)).toContain("2030-02-01");
  });

  it("refuses a calendar file with problems, each at its line, in the user's language", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const calendar = join(dir, "2031.json");
    await writeFile(calendar, JSON.stringify({ year: 2031, status: "draft", bogus: 1 }, null, 2));
    const args = ["dossiers", "--dossiers", files.dossiers, "--events", files.events, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", join(dir, "f.json"), "--calendar", calendar];
    const result = await run(args);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`Lịch làm việc ${calendar} có `);
    expect(result.stderr).toContain(`  - ${calendar} › dòng 3 › status: giá trị không hợp lệ; hãy dùng một trong: "official", "provisional".`);
    expect(result.stderr).toContain(`  - ${calendar} › dòng 4 › bogus: trường không có trong định dạng: "bogus"; hãy xóa hoặc sửa tên trường.`);
    expect((await run([...args, "--lang", "en"])).stderr).toContain(`  - ${calendar} › line 3 › status: invalid value; use one of: "official", "provisional".`);
    // Text that is not JSON: its line and column, never the engine's English message and offset.
    await writeFile(calendar, '{\n  "year": 2031,\n}');
    expect((await run(args)).stderr).toBe(`${calendar} › dòng 3: không phải JSON hợp lệ ở cột 1: cần tên trường trong ngoặc kép (có thể thừa dấu phẩy ở cuối).`);
    expect(existsSync(join(dir, "f.json"))).toBe(false);
  });

  it("refuses a calendar file whose dates do not exist, are of another year or are listed twice, each at its entry (not rolled over to another day)", async () => {
    const dir = await temp();
    const files = await writeRecords(dir);
    const calendar = join(dir, "2026.json");
    const year = JSON.parse(JSON.stringify(builtinCalendarYears.find((entry) => entry.year === 2026))) as { daysOff: { date: string; kind: string }[] };
    year.daysOff.push({ ...year.daysOff[0]!, date: "2026-09-31" }, { ...year.daysOff[0]!, date: "2025-09-03" }, { ...year.daysOff[0]!, kind: "lễ" });
    await writeFile(calendar, JSON.stringify(year, null, 2));
    const result = await run(["dossiers", "--dossiers", files.dossiers, "--events", files.events, "--procedures", files.procedures, "--units", files.units, "--period", "2026-10", "--out", join(dir, "f.json"), "--calendar", calendar]);
    expect(result.code).toBe(3);
    const n = year.daysOff.length;
    expect(result.stderr).toMatch(new RegExp(`› dòng \\d+ › daysOff\\[${n - 3}\\]\\.date: ngày “2026-09-31” không có thật`));
    expect(result.stderr).toMatch(new RegExp(`› daysOff\\[${n - 2}\\]\\.date: ngày “2025-09-03” không thuộc năm 2026 của tệp này`));
    expect(result.stderr).toMatch(new RegExp(`› daysOff\\[${n - 1}\\]\\.date: ngày “2026-01-01” đã có ở daysOff\\[0\\]\\.date`));
    expect(result.stderr).toMatch(new RegExp(`› daysOff\\[${n - 1}\\]\\.kind: loại ngày “lễ” không hợp lệ; dùng holiday`));
    expect(result.stderr.match(/kind/g)).toHaveLength(1);
    expect(existsSync(join(dir, "f.json"))).toBe(false);
  });

  it("refuses a year the Labour Code 2019 did not govern, in Vietnamese and in English, rather than citing it", async () => {
    for (const args of [["calendar", "show", "--year", "1999"], ["calendar", "propose", "--year", "2020"]]) {
      const vi = await run(args);
      expect(vi.code).not.toBe(0);
      expect(vi.stdout).toBe("");
      expect(vi.stderr).toContain(`Không có lịch làm việc cho năm ${args[3]}`);
      expect(vi.stderr).toContain("Bộ luật Lao động 2019, có hiệu lực từ ngày 1/1/2021");
      expect(vi.stderr).not.toContain("Điều 112");
      const en = await run([...args, "--lang", "en"]);
      expect(en.code).toBe(vi.code);
      expect(en.stderr).toContain(`No working-day calendar for ${args[3]}: chiso proposes calendars only under the Labour Code 2019, in force from 1 January 2021`);
    }
    // The first year it governs is proposed, citing it.
    const first = await run(["calendar", "show", "--year", "2021"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Bộ luật Lao động 2019, Điều 112");
  });

  it("refuses --out with show (it would be ignored) and a proposal not named .json", async () => {
    const dir = await temp();
    const show = await run(["calendar", "show", "--year", "2026", "--out", join(dir, "2026.json")]);
    expect([show.code, show.stderr]).toEqual([2, `--out ${join(dir, "2026.json")}: show chỉ in lịch ra màn hình; --out dùng với propose (chiso calendar propose --year 2027 --out 2027.json).`]);
    const xlsx = await run(["calendar", "propose", "--year", "2030", "--out", join(dir, "2030.xlsx"), "--lang", "en"]);
    expect([xlsx.code, xlsx.stderr]).toEqual([2, `--out ${join(dir, "2030.xlsx")}: a calendar year is a JSON file; give a file name ending in .json (to pass it back with --calendar).`]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("shows an official year with the source of every day off", async () => {
    const result = await run(["calendar", "show", "--year", "2024", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Working-day calendar 2024 (official)");
    expect(result.stdout).toMatch(/2024-04-29 {2}swapped .*\[Thông báo số 1570\/TB-LĐTBXH ngày 12\/4\/2024/);
    expect(result.stdout).toMatch(/2024-05-04 {2}worked/);
  });
});

describe("chiso demo --from-dossiers", () => {
  let out: string;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    out = await temp();
    result = await run(["demo", "--from-dossiers", "--out", out, "--deterministic", "--as-of", "2026-11-21"]);
  }, 400_000);

  it("computes the month from about 130,000 generated dossiers and writes the pack, the records and the evidence", async () => {
    expect(result.code).toBe(0);
    // Counts in Vietnamese group thousands with a point (138.818).
    expect(result.stderr).toMatch(/Đã đọc \d{3}\.\d{3} hồ sơ: \d{3}\.\d{3} được tính, 0 bị loại/);
    expect((await readdir(join(out, "don-vi"))).filter((name) => name.endsWith("-2026-10.pdf"))).toHaveLength(115);
    expect((await readdir(join(out, "ho-so-mau"))).sort()).toEqual(["dossiers.parquet", "events.parquet", "feedback.parquet", "procedures.csv", "units.json"]);
    const input = JSON.parse(await readFile(join(out, DOSSIER_DEMO_INPUT_FILE), "utf8")) as { evidence: unknown };
    expect(evidenceSchema.parse(input.evidence).length).toBeGreaterThan(500);
    // The dossiers behind lost points reach the cards' next steps, and the workbook lists them.
    const entries = evidenceSchema.parse(input.evidence).filter((entry) => entry.item === "ON_TIME" && entry.period === "2026-10" && entry.dossiers.length > 0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "chiso-2026-10.xlsx"));
    // 2.1's sheet: title, note, header, then per unit its count, how many are listed, and each listed dossier.
    const listed = workbook.getWorksheet("2.1 Giải quyết hồ sơ đúng hạn")!.getSheetValues().slice(4) as unknown[][];
    for (const entry of entries) expect(listed.filter((row) => row[1] === entry.unit && row[3] === entry.count && row[4] === entry.dossiers.length).map((row) => row[5]), entry.unit).toEqual(entry.dossiers.map((dossier) => dossier.id));
    const names = new Map((JSON.parse(await readFile(join(out, DOSSIER_DEMO_INPUT_FILE), "utf8")) as { units: { id: string; name: string }[] }).units.map((unit) => [unit.id, unit.name]));
    const shown = await Promise.all(entries.slice(0, 8).map(async (entry) => (await pdfText(join(out, "don-vi", `${slugify(names.get(entry.unit)!)}-2026-10.pdf`))).includes(`Hồ sơ ${entry.dossiers[0]!.id}`)));
    expect(shown.filter(Boolean).length).toBeGreaterThan(0);
  });

  it("matches, unit by unit, the pack `chiso report` builds from the figures the records produced", async () => {
    const { evidence, ...figures } = JSON.parse(await readFile(join(out, DOSSIER_DEMO_INPUT_FILE), "utf8")) as { evidence: { unit: string; period: string; item: string; count: number }[]; figures: { unit: string; period: string; items: Record<string, { numerator: number; denominator: number } | [number, number]> }[] };
    // The same figures and evidence, as a file an office would pass to `chiso report`.
    const plain = join(await temp(), "figures.json");
    await writeFile(plain, JSON.stringify({ ...figures, evidence }));
    const again = await temp();
    const report = await run(["report", "--input", plain, "--period", "2026-10", "--out", again, "--deterministic", "--as-of", "2026-11-21"]);
    expect(report.code).toBe(0);
    const read = async (path: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      // The input file's checksum is printed on the pack, and a finding's location names the file and its line;
      // the two inputs differ only by their name and their layout.
      return JSON.stringify(workbook.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues()]))
        .replace(/[0-9a-f]{64}/g, "<checksum>")
        .replace(/"[^"]*? › dòng \d+ › /g, '"');
    };
    expect(await read(join(again, "chiso-2026-10.xlsx"))).toEqual(await read(join(out, "chiso-2026-10.xlsx")));
    for (const name of (await readdir(join(out, "don-vi"))).slice(0, 5)) {
      const text = async (path: string) => (await pdfText(path)).replace(/[0-9a-f]{64}|[0-9a-f]{8,16}…?/g, "<checksum>");
      expect(await text(join(again, "don-vi", name)), name).toBe(await text(join(out, "don-vi", name)));
    }
    // Every ON_TIME evidence count is exactly the dossiers that missed the numerator.
    for (const entry of evidence.filter((item) => item.item === "ON_TIME")) {
      const counts = figures.figures.find((figure) => figure.unit === entry.unit && figure.period === entry.period)!.items.ON_TIME as { numerator: number; denominator: number };
      expect(entry.count).toBe(counts.denominator - counts.numerator);
    }
  });

  it("writes the officer's workbook: a sheet per item listing the dossiers, most days late first", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, dossierDetailsFile("2026-10")));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(["Tổng hợp", "2.1 ON_TIME", "3.3 ONLINE_DOSSIER_SHARE", "3.6 ONLINE_PAYMENT_DOSSIER", "5.2 PETITION_PROCESSING_ON_TIME"]));
    const late = workbook.getWorksheet("2.1 ON_TIME")!;
    const first = late.getRow(4).values as unknown[];
    expect(String(first[3])).toMatch(/^HS-202610-\d{8}$/);
    expect(typeof first[9]).toBe("number");
  });
});
