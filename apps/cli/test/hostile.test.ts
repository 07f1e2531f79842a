// The adversary's cases through the command: the exit code, the message (located, Vietnamese and
// English), and that nothing is left behind — no staging folder, no partial pack, the previous pack intact.
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";
import { writePack } from "../src/pack/write-pack.js";
import { getScheme, parseDataset } from "@chiso/core";


const temp = () => mkdtemp(join(tmpdir(), "chiso-hostile-"));
const units = [{ id: "P", name: "Tỉnh Thử", level: "province" }, { id: "X1", name: "Xã Một", level: "commune", parent: "P" }, { id: "X2", name: "Xã Hai", level: "commune", parent: "P" }];
const figures = (period: string) => [
  { unit: "X1", period, items: { ON_TIME: [9, 10], ONLINE_DOSSIER_SHARE: [7, 10] } },
  { unit: "X2", period, items: { ON_TIME: [8, 10], ONLINE_DOSSIER_SHARE: [9, 10] } },
];
const small = (period = "2026-03") => ({ units, figures: figures(period) });

/** Writes files into a fresh folder; returns the folder and the paths. */
async function files(entries: Record<string, string | Uint8Array>) {
  const dir = await temp();
  for (const [name, data] of Object.entries(entries)) await writeFile(join(dir, name), data);
  return { dir, path: (name: string) => join(dir, name) };
}

/** Hidden siblings a run uses beside its output: none may stay. */
const leftovers = async (dir: string) => (await readdir(dir)).filter((entry) => entry.includes(".chiso-"));

describe("inputs that used to crash", () => {
  it.each([
    ["[]", "một mảng […]", "an array […]"],
    ["null", "null", "null"],
    ['"x"', "một chuỗi", "a string"],
    ["42", "một số", "a number"],
  ])("refuses JSON whose top level is %s (exit 3), in Vietnamese and English", async (text, vi, en) => {
    const { path } = await files({ "so-lieu.json": text });
    const result = await run(["score", "--input", path("so-lieu.json"), "--period", "2026-03"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${path("so-lieu.json")} › dòng 1: tệp JSON phải là một đối tượng { "units": […], "figures": […] }, nhưng ở cấp ngoài cùng là ${vi};`);
    const english = await run(["score", "--input", path("so-lieu.json"), "--period", "2026-03", "--lang", "en"]);
    expect(english.stderr).toContain(`its top level is ${en};`);
    expect(result.stderr).not.toContain("    at ");
  });

  it("refuses a 0-byte and a truncated .xlsx with a message (a 0-byte file used to exit 13 in silence)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 9, 10]]);
    const whole = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { path } = await files({ "rong.xlsx": new Uint8Array(0), "cut.xlsx": whole.subarray(0, Math.floor(whole.length / 2)) });
    const empty = await run(["report", "--input", path("rong.xlsx"), "--period", "2026-03", "--out", path("pack")]);
    expect(empty).toMatchObject({ code: 3 });
    expect(empty.stderr).toContain(`${path("rong.xlsx")}: tệp rỗng (0 byte); hãy lưu lại tệp từ Excel rồi nhập lại.`);
    const cut = await run(["validate", "--input", path("cut.xlsx"), "--lang", "en"]);
    expect(cut.code).toBe(3);
    expect(cut.stdout).toContain("the .xlsx file is truncated or damaged");
  });

  it("reads a device or a folder given as input without hanging", async () => {
    const zero = await run(["score", "--input", "/dev/zero", "--period", "2026-03", "--max-size", "1"]);
    expect(zero.code).toBe(3);
    // A device has no size: it is said to be over the limit, without a made-up size.
    expect(zero.stderr).toContain("/dev/zero: tệp vượt giới hạn 1 MB;");
    const folder = await run(["score", "--input", tmpdir(), "--period", "2026-03"]);
    expect(folder).toMatchObject({ code: 3, stderr: `Không đọc được tệp ${tmpdir()}: đây là một thư mục.` });
  });

  it("prints no terminal escape sequence or control character that came from the input", async () => {
    const hostile = { units: [{ id: "P", name: "Tỉnh \u001b]0;pwned\u0007\u001b[2J\u001b[31mĐỏ\u009b31m\u202eThử", level: "province" }, { id: "X1\u001b[1A", name: "Xã", level: "commune", parent: "P" }], figures: [{ unit: "X1\u001b[1A", period: "2026-03", items: { ON_TIME: [12, 10] } }] };
    const { path } = await files({ "x.json": JSON.stringify(hostile) });
    const refused = await run(["score", "--input", path("x.json"), "--period", "2026-03"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("› đơn vị X1: tử số (12) lớn hơn mẫu số (10)"); // the whole sequence is dropped, not only ESC
    expect(refused.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    // The names and ids themselves are refused, located, and the message prints none of their controls.
    expect(refused.stderr).toContain("units[0].name");
    expect(refused.stderr).toContain("có ký tự điều khiển không in được (U+001B)");
    expect(refused.stderr).toContain("units[1].id");
  });
});

describe("several --input files", () => {
  it("merges them: units united, figures of different periods combined", async () => {
    const { path } = await files({ "thang-3.json": JSON.stringify(small("2026-03")), "thang-4.json": JSON.stringify(small("2026-04")) });
    const result = await run(["score", "--input", path("thang-3.json"), "--input", path("thang-4.json"), "--period", "2026-Q2", "--as-of", "2026-11-30"]);
    // March is not in Q2: its rows are said not to be used, each with its place.
    expect(result.stderr).toBe(`2 dòng số liệu không được dùng cho kỳ 2026-Q2 vì thuộc kỳ khác (2026-03): ${path("thang-3.json")} › dòng 1 › figures[0]; ${path("thang-3.json")} › dòng 1 › figures[1]. Nếu dòng nhập nhầm kỳ, hãy sửa cột Kỳ; nếu đúng là số liệu kỳ khác, hãy chấm kỳ đó bằng --period.`);
    const json = JSON.parse(result.stdout) as { units: { id: string; items: { code: string; numerator: number | null }[] }[] };
    // April alone in Q2: its figures came from the second file.
    expect(json.units.find((unit) => unit.id === "X1")!.items.find((item) => item.code === "ON_TIME")!.numerator).toBe(9);
    const both = await run(["score", "-i", path("thang-3.json"), "-i", path("thang-4.json"), "--period", "2026-03"]);
    expect(both.code).toBe(0);
  });

  it("refuses the same unit and month with different figures, naming both files (never half-ignored)", async () => {
    const changed = small("2026-03");
    changed.figures[0]!.items.ON_TIME = [5, 10];
    const { dir, path } = await files({ "a.json": JSON.stringify(small("2026-03")), "b.json": JSON.stringify(changed) });
    const result = await run(["report", "--input", path("a.json"), "--input", path("b.json"), "--period", "2026-03", "--out", path("pack"), "--lang", "en"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${path("a.json")} › line 1 › figures[0] › unit X1: unit "X1" for 2026-03 already has different figures at ${path("b.json")} › line 1 › figures[0]`);
    expect(await readdir(dir)).toEqual(["a.json", "b.json"]);
  });
});

describe("the scheme a file declares", () => {
  it("is used without --scheme, and a different --scheme is refused", async () => {
    const { path } = await files({ "s.json": JSON.stringify({ scheme: "766-portal-feedback-split", ...small() }) });
    const scored = await run(["score", "--input", path("s.json"), "--period", "2026-03"]);
    expect((JSON.parse(scored.stdout) as { scheme: { id: string } }).scheme.id).toBe("766-portal-feedback-split");
    const conflict = await run(["score", "--input", path("s.json"), "--period", "2026-03", "--scheme", "766-portal"]);
    expect(conflict.code).toBe(3);
    expect(conflict.stderr).toContain(`${path("s.json")} › dòng 1 › scheme: tệp khai báo phương án chấm điểm "766-portal-feedback-split" nhưng lệnh dùng "766-portal"`);
  });
});

describe("output places", () => {
  it("refuses --out under /proc at once instead of hanging", async () => {
    const { path } = await files({ "s.json": JSON.stringify(small()) });
    const started = performance.now();
    const result = await run(["report", "--input", path("s.json"), "--period", "2026-03", "--out", "/proc/chiso/bao-cao"]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe("Không ghi được kết quả vào /proc/chiso/bao-cao: /proc thuộc hệ thống tệp ảo của hệ điều hành (như /proc, /sys), không chứa được tệp; hãy chọn một thư mục khác. Không có tệp nào được ghi dở.");
    const score = await run(["score", "--input", path("s.json"), "--period", "2026-03", "--out", "/proc/self/diem.json", "--lang", "en"]);
    expect(score.code).toBe(4);
    expect(score.stderr).toContain("virtual file systems");
  }, 30_000);

  it("never replaces a folder holding other files", async () => {
    const { dir, path } = await files({ "s.json": JSON.stringify(small()) });
    await mkdir(path("tai-lieu"));
    await writeFile(join(path("tai-lieu"), "ke-hoach.docx"), "mine");
    const result = await run(["report", "--input", path("s.json"), "--period", "2026-03", "--out", path("tai-lieu")]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("đã có tệp không do chiso tạo");
    expect(await readdir(path("tai-lieu"))).toEqual(["ke-hoach.docx"]);
    expect(await leftovers(dir)).toEqual([]);
  });
});

describe("a pack is switched whole", () => {
  it("replaces the previous pack at once and leaves nothing beside it", async () => {
    const { dir, path } = await files({ "t3.json": JSON.stringify(small("2026-03")), "t4.json": JSON.stringify(small("2026-04")) });
    expect((await run(["report", "--input", path("t3.json"), "--period", "2026-03", "--out", path("pack"), "--deterministic"])).code).toBe(0);
    expect((await readdir(path("pack"))).sort()).toEqual([".chiso-pack.json", "chiso-2026-03.xlsx", "cong-van-tinh-thu-2026-03.docx", "don-vi", "tong-hop-tinh-thu-2026-03.docx", "tong-hop-tinh-thu-2026-03.pdf"]);
    expect((await run(["report", "--input", path("t4.json"), "--period", "2026-04", "--out", path("pack"), "--deterministic"])).code).toBe(0);
    // Only the new pack: March's files went with the previous pack.
    expect((await readdir(path("pack"))).sort()).toEqual([".chiso-pack.json", "chiso-2026-04.xlsx", "cong-van-tinh-thu-2026-04.docx", "don-vi", "tong-hop-tinh-thu-2026-04.docx", "tong-hop-tinh-thu-2026-04.pdf"]);
    expect(await readdir(join(path("pack"), "don-vi"))).toEqual(["xa-hai-2026-04.pdf", "xa-mot-2026-04.pdf"]);
    expect(await leftovers(dir)).toEqual([]);
  });

  it("keeps the previous pack intact when a run fails while writing", async () => {
    const { dir, path } = await files({ "t3.json": JSON.stringify(small("2026-03")) });
    expect((await run(["report", "--input", path("t3.json"), "--period", "2026-03", "--out", path("pack")])).code).toBe(0);
    const before = await readFile(join(path("pack"), "chiso-2026-03.xlsx"));
    const dataset = parseDataset(small("2026-04"), getScheme());
    await expect(writePack({ dataset, period: "2026-04", out: path("pack"), language: "vi", checksum: "0", workers: 1, extraFiles: [{ name: "../thoat-ra-ngoai.txt", data: "x" }] })).rejects.toThrow("unsafe file name");
    expect(Buffer.compare(await readFile(join(path("pack"), "chiso-2026-03.xlsx")), before)).toBe(0);
    expect((await readdir(path("pack"))).sort()).toEqual([".chiso-pack.json", "chiso-2026-03.xlsx", "cong-van-tinh-thu-2026-03.docx", "don-vi", "tong-hop-tinh-thu-2026-03.docx", "tong-hop-tinh-thu-2026-03.pdf"]);
    expect(await leftovers(dir)).toEqual([]);
  });

  it("cleans what a killed run left: its staging folder, and puts back a previous pack moved aside mid-switch", async () => {
    const { dir, path } = await files({ "t3.json": JSON.stringify(small("2026-03")) });
    expect((await run(["report", "--input", path("t3.json"), "--period", "2026-03", "--out", path("pack")])).code).toBe(0);
    // A run killed (SIGKILL) between the two renames of the switch: the pack is aside, a staging folder full.
    const { rename } = await import("node:fs/promises");
    await rename(path("pack"), path(".pack.chiso-previous-999999-dead"));
    await mkdir(path(".pack.chiso-staging-999999-abc"));
    await writeFile(join(path(".pack.chiso-staging-999999-abc"), "nua-chung.pdf"), "half");
    await writeFile(path(".pack.chiso-lock"), JSON.stringify({ pid: 999_999, host: hostname(), since: "2026-01-01T00:00:00Z", token: "dead" }));
    // The next run — even one that fails on its input — finds the lock stale, puts the pack back, removes the rest.
    const next = await run(["report", "--input", path("t3.json"), "--period", "2026-03", "--out", path("pack"), "--deterministic"]);
    expect(next.code).toBe(0);
    expect(await leftovers(dir)).toEqual([]);
    expect((await readdir(path("pack"))).sort()).toEqual([".chiso-pack.json", "chiso-2026-03.xlsx", "cong-van-tinh-thu-2026-03.docx", "don-vi", "tong-hop-tinh-thu-2026-03.docx", "tong-hop-tinh-thu-2026-03.pdf"]);
  });

  it("refuses to write while another live run holds the folder's lock", async () => {
    const { path } = await files({ "t3.json": JSON.stringify(small("2026-03")) });
    await writeFile(path(".pack.chiso-lock"), JSON.stringify({ pid: process.pid, host: hostname(), since: "2026-11-30T08:00:00Z", token: "live" }));
    const result = await run(["report", "--input", path("t3.json"), "--period", "2026-03", "--out", path("pack"), "--lang", "en"]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`Another chiso run (process ${process.pid} on ${hostname()}, since 2026-11-30T08:00:00Z) is writing to ${path("pack")}; wait for it to finish. If you are sure none is running, delete the lock file ${path(".pack.chiso-lock")}.`);
    await expect(stat(path("pack"))).rejects.toThrow();
  });

  it("gives two provinces whose names make the same file name two summaries", async () => {
    const twins = {
      units: [{ id: "A", name: "Tỉnh Hòa Sơn", level: "province" }, { id: "B", name: "Tinh Hoa Son", level: "province" }, { id: "XA", name: "Xã A", level: "commune", parent: "A" }, { id: "XB", name: "Xã B", level: "commune", parent: "B" }],
      figures: [{ unit: "XA", period: "2026-03", items: { ON_TIME: [9, 10] } }, { unit: "XB", period: "2026-03", items: { ON_TIME: [8, 10] } }],
    };
    const { dir, path } = await files({ "twins.json": JSON.stringify(twins) });
    const result = await run(["report", "--input", path("twins.json"), "--period", "2026-03", "--out", path("pack")]);
    expect(result.code).toBe(0);
    expect((await readdir(path("pack"))).filter((name) => name.startsWith("tong-hop") && name.endsWith(".pdf")).sort()).toEqual(["tong-hop-tinh-hoa-son-a-2026-03.pdf", "tong-hop-tinh-hoa-son-b-2026-03.pdf"]);
    expect(await leftovers(dir)).toEqual([]);
  });
});

describe("deterministic means every file", () => {
  it("writes the rejected-rows workbook byte-identically with --deterministic", async () => {
    const broken = small("2026-03");
    broken.figures[1]!.items.ON_TIME = [12, 10];
    const { path } = await files({ "b.json": JSON.stringify(broken) });
    for (const out of ["one", "two"]) expect((await run(["report", "--input", path("b.json"), "--period", "2026-03", "--out", path(out), "--skip-invalid", "--deterministic"])).code).toBe(0);
    const [one, two] = await Promise.all([readFile(join(path("one"), "bi-tu-choi-2026-03.xlsx")), readFile(join(path("two"), "bi-tu-choi-2026-03.xlsx"))]);
    expect(Buffer.compare(one, two)).toBe(0);
  });
});

describe("score on a large input", () => {
  it("streams JSON too large for one string, and writes it atomically with --out", async () => {
    // 3,000 units: small enough for a test, written through the same chunked path as 100,000.
    const many = { units: [units[0]!, ...Array.from({ length: 3_000 }, (_, index) => ({ id: `X${index}`, name: `Xã ${index}`, level: "commune", parent: "P" }))], figures: Array.from({ length: 3_000 }, (_, index) => ({ unit: `X${index}`, period: "2026-03", items: { ON_TIME: [index % 11, 10] } })) };
    const { dir, path } = await files({ "n.json": JSON.stringify(many) });
    const printed = await run(["score", "--input", path("n.json"), "--period", "2026-03", "--as-of", "2026-11-30"]);
    expect(printed.code).toBe(0);
    const written = await run(["score", "--input", path("n.json"), "--period", "2026-03", "--as-of", "2026-11-30", "--out", path("diem.json")]);
    expect(written.code).toBe(0);
    const file = await readFile(path("diem.json"), "utf8");
    expect(file).toBe(`${printed.stdout}\n`);
    const json = JSON.parse(file) as { units: unknown[] };
    expect(json.units).toHaveLength(3_001);
    expect(await leftovers(dir)).toEqual([]);
  }, 120_000);
});

describe("the province's own SIPAS and PAR schemes", () => {
  const surveyed = { ...small(), surveys: [{ unit: "X1", period: "2026", respondents: 40, tallies: { POLICY_FIT: { 4: 30, 1: 5 } } }] };

  it("validates surveys with --sipas-scheme, and refuses a malformed or misnamed PAR tree", async () => {
    const { path } = await files({ "s.json": JSON.stringify(surveyed), "par.json": JSON.stringify({ id: "x" }) });
    expect((await run(["score", "--input", path("s.json"), "--period", "2026-03"])).code).toBe(0);
    const older = await run(["score", "--input", path("s.json"), "--period", "2026-03", "--sipas-scheme", "sipas-2017"]);
    expect(older.code).toBe(3);
    expect(older.stderr).toMatch(/surveys\[0\]\.tallies\.POLICY_FIT.*"POLICY_FIT".*sipas-2017/);
    const broken = await run(["score", "--input", path("s.json"), "--period", "2026-03", "--par-scheme", `xa=${path("par.json")}`, "--lang", "en"]);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(`The scheme ${path("par.json")} has`);
    expect((await run(["score", "--input", path("s.json"), "--period", "2026-03", "--par-scheme", "thon=par.json"])).code).toBe(2);
  });
});

describe("rejected rows reach the documents' data", () => {
  it("passes each rejected row with where and why to the pack view", async () => {
    const { importFigures } = await import("@chiso/io");
    const { buildPackView } = await import("@chiso/report");
    const { rejectedRowsOf } = await import("../src/commands/shared.js");
    const broken = small("2026-03");
    broken.figures[1]!.items.ON_TIME = [12, 10];
    const result = await importFigures(new TextEncoder().encode(JSON.stringify(broken, null, 1)), { fileName: "b.json", skipInvalid: true });
    const rejected = rejectedRowsOf(result, "vi");
    expect(rejected).toEqual([{ kind: "figures", unit: "X2", period: "2026-03", where: expect.stringMatching(/^b\.json › dòng \d+ › figures\[1\]$/), reasons: [expect.stringContaining("tử số (12) lớn hơn mẫu số (10)")] }]);
    const view = buildPackView(result.dataset!, { period: "2026-03", generatedAt: new Date(0), checksum: result.checksum, rejectedRows: rejected });
    expect(view.context.rejectedRows).toEqual(rejected);
  });
});

describe("an output that would overwrite an input", () => {
  it("is refused before anything is read or written: a pack into the input's folder, a file onto itself", async () => {
    const { dir, path } = await files({ "s.json": JSON.stringify(small()) });
    const before = await readdir(dir);
    const pack = await run(["report", "--input", path("s.json"), "--period", "2026-03", "--out", dir]);
    expect(pack.code).toBe(2);
    expect(pack.stderr).toBe(`--out ${dir} sẽ ghi đè (hoặc xóa) tệp đầu vào ${path("s.json")}; hãy chọn nơi ghi khác. Không có gì được ghi.`);
    const score = await run(["score", "--input", path("s.json"), "--period", "2026-03", "--out", path("s.json"), "--lang", "en"]);
    expect(score.code).toBe(2);
    expect(score.stderr).toContain("would overwrite (or remove) the input");
    expect(await readdir(dir)).toEqual(before);
    expect(JSON.parse(await readFile(path("s.json"), "utf8"))).toEqual(small());
  });
});

describe("units that did not report every item", () => {
  it("are scored but not banded or ranked, unless --rank-incomplete asks for it", async () => {
    const { path } = await files({ "s.json": JSON.stringify(small()) });
    type Scored = { units: { id: string; band: unknown; standing: { ranked: boolean; reason?: string; position?: number }; completeness: { status: string; missingItems: string[] } }[] };
    const scored = async (...extra: string[]) => {
      const result = await run(["score", "--input", path("s.json"), "--period", "2026-03", ...extra]);
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as Scored).units.find((unit) => unit.id === "X1")!;
    };
    const plain = await scored();
    expect(plain.completeness.status).toBe("incomplete");
    expect(plain.completeness.missingItems).toContain("PUBLISH_ON_TIME");
    expect(plain.standing).toEqual({ ranked: false, reason: "incomplete" });
    expect(plain.band).toBeNull();
    const ranked = await scored("--rank-incomplete");
    expect(ranked.standing).toMatchObject({ ranked: true, of: 2 });
    expect(ranked.band).not.toBeNull();
  });
});
