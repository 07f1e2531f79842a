import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { connect, createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { getScheme, parseDataset, scoreDataset, scorecardToJson } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { generateDemoData } from "../src/demo/generate.js";
import { figuresFileSource, storeSource, type ServedData } from "../src/commands/serve/data-source.js";
import { toFiguresDocument } from "../src/commands/serve/figures-document.js";
import { CONTENT_SECURITY_POLICY, isLoopback, startServer, type RunningServer } from "../src/commands/serve/server.js";

const temp = () => mkdtemp(join(tmpdir(), "chiso-serve-"));

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** A raw HTTP request: the path is sent exactly as given (fetch would normalise `..`). */
function get(port: number, path: string, options: { method?: string; host?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: { host: options.host ?? `127.0.0.1:${port}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

let dir: string;
let demoFile: string;

beforeAll(async () => {
  dir = await temp();
  demoFile = join(dir, "du-lieu.json");
  await writeFile(demoFile, JSON.stringify(generateDemoData()));
});

describe("the history store as the viewer's source", () => {
  it("serves every stored period up to the latest, scored as from the file itself", async () => {
    const store = join(dir, "kho.db");
    const added = await run(["store", "add", "--store", store, "--input", demoFile]);
    expect(added.code).toBe(0);
    const fromStore = await storeSource({ store, language: "vi", asOf: "2026-11-21" }).load();
    const fromFile = await figuresFileSource({ inputs: [demoFile], language: "vi", asOf: "2026-11-21" }).load();
    expect(fromStore.meta).toMatchObject({ kind: "store", source: "kho.db", period: fromFile.meta.period });
    const totals = (data: ServedData, period: string) => scoreDataset(data.dataset, { period, asOf: "2026-11-21" }).units.map((unit) => [unit.unit.id, unit.total?.toString() ?? null]);
    for (const period of ["2026-10", "2026-09", "2026-Q3"]) expect(totals(fromStore, period)).toEqual(totals(fromFile, period));
    const refused = await run(["serve", "--store", store, "--input", demoFile]);
    expect(refused.code).toBe(2);
  });
});

describe("the figures document sent to the browser", () => {
  it("scores exactly as the dataset it was made from, for a month, a quarter and a year", () => {
    const scheme = getScheme();
    const dataset = parseDataset(generateDemoData(), scheme);
    const again = parseDataset(JSON.parse(JSON.stringify(toFiguresDocument(dataset))), scheme);
    for (const period of ["2026-10", "2026-Q3", "2026"]) {
      const options = { period, asOf: "2026-11-21" };
      expect(scorecardToJson(scoreDataset(again, options), "vi")).toEqual(scorecardToJson(scoreDataset(dataset, options), "vi"));
    }
  });
});

describe("chiso serve: options and input", () => {
  it.each(["127.0.0.1", "127.8.9.10", "localhost", "::1", "[::1]"])("%s is loopback", (host) => expect(isLoopback(host)).toBe(true));
  it.each(["0.0.0.0", "192.168.1.20", "::", "10.0.0.1", "example.org", "128.0.0.1"])("%s is not loopback", (host) => expect(isLoopback(host)).toBe(false));

  it("refuses a non-loopback address unless --allow-remote is given", async () => {
    const result = await run(["serve", "--input", demoFile, "--host", "0.0.0.0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Không mở trình xem trên địa chỉ 0.0.0.0");
    expect(result.stderr).toContain("--allow-remote");
    const english = await run(["serve", "--input", demoFile, "--host", "192.168.1.20", "--lang", "en"]);
    expect(english).toMatchObject({ code: 2 });
    expect(english.stderr).toContain("Not serving on 192.168.1.20");
  });

  it("rejects a bad input with the same message and exit code as report", async () => {
    const bad = join(dir, "sai.json");
    await writeFile(bad, JSON.stringify({ units: [{ id: "X", name: "Xã X", level: "commune" }], figures: [{ unit: "X", period: "2026-10", items: { ON_TIME: [12, 10] } }] }));
    const served = await run(["serve", "--input", bad]);
    const reported = await run(["report", "--input", bad, "--period", "2026-10", "--out", join(dir, "pack")]);
    expect(served.code).toBe(3);
    expect(served.stderr).toBe(reported.stderr);
    expect(served.stderr).toContain("tử số (12) lớn hơn mẫu số (10)");
    expect((await run(["serve", "--input", join(dir, "khong-co.json")])).code).toBe(3);
    // Every row rejected with --skip-invalid: nothing to show, exit 3 rather than an empty viewer.
    const skipped = await run(["serve", "--input", bad, "--skip-invalid"]);
    expect(skipped.code).toBe(3);
    expect(skipped.stderr).toContain("không có số liệu của kỳ nào");
  });

  it("with --skip-invalid, names the SIPAS survey it leaves out, like report", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên"], ["P", "Tỉnh Thử", "tỉnh", null], ["X1", "Xã Một", "xã", "P"]]);
    workbook.addWorksheet("Số liệu").addRows([["Mã đơn vị", "Kỳ", "2.1 Tử số", "2.1 Mẫu số"], ["X1", "2026-03", 7, 10]]);
    workbook.addWorksheet("Khảo sát SIPAS").addRows([["Mã đơn vị", "Kỳ", "Mã câu hỏi", "Mức 1", "Mức 5", "Số người được khảo sát"], ["X1", "2026", "ACCESS_PLACE", 10, 31, 40]]);
    const input = join(dir, "khao-sat-sai.xlsx");
    await workbook.xlsx.writeFile(input);
    const data = await figuresFileSource({ inputs: [input], language: "vi", read: { skipInvalid: true } }).load();
    expect(data.meta.notes).toEqual(expect.arrayContaining([
      expect.stringContaining("Dữ liệu SIPAS, CCHC bị từ chối (--skip-invalid) và không được dùng: 1 khảo sát SIPAS"),
      expect.stringMatching(/khao-sat-sai\.xlsx › Khảo sát SIPAS › dòng 2 › cột F “Số người được khảo sát” › đơn vị X1: câu hỏi ACCESS_PLACE có tổng số câu trả lời \(41\)/),
    ]));
  });

  it("says when the chosen port is taken (exit 2), and leaves it to the other program", async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const { port } = other.address() as AddressInfo;
    const result = await run(["serve", "--input", demoFile, "--port", String(port)]);
    other.close();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Không mở được máy chủ tại 127.0.0.1:${port}`);
    expect(result.stderr).toContain("--port");
  });

  it("refuses a period the file has no figures for, and bad ports and periods", async () => {
    expect(await run(["serve", "--input", demoFile, "--period", "2030-01"])).toMatchObject({ code: 3 });
    expect(await run(["serve", "--input", demoFile, "--period", "2026-13"])).toMatchObject({ code: 2 });
    expect(await run(["serve", "--input", demoFile, "--port", "70000"])).toMatchObject({ code: 2 });
    expect(await run(["serve", "--input", demoFile, "--port", "abc"])).toMatchObject({ code: 2 });
  });
});

describe("the server", () => {
  let root: string;
  let data: ServedData;
  let server: RunningServer;

  beforeAll(async () => {
    const base = await temp();
    root = join(base, "web");
    await mkdir(join(root, "assets"), { recursive: true });
    await writeFile(join(root, "index.html"), "<!doctype html><title>chiso</title>");
    await writeFile(join(root, "assets", "app.js"), "export {};");
    await writeFile(join(base, "secret.txt"), "SECRET");
    await writeFile(join(root, "notes.md"), "not a served type");
    await symlink(join(base, "secret.txt"), join(root, "assets", "leak.js"));
    await symlink(base, join(root, "up"));
    data = await figuresFileSource({ inputs: [demoFile], language: "vi", asOf: "2026-11-21", period: "2026-10" }).load();
    server = await startServer({ data, root, host: "127.0.0.1", port: 0, language: "vi" });
  });
  afterAll(() => server?.close());

  it("serves the viewer with a strict content-security policy and the data uncached", async () => {
    const page = await get(server.port, "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|\*|https?:/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["cache-control"]).toBe("no-store");
    const script = await get(server.port, "/assets/app.js");
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const payload = await get(server.port, "/api/data");
    expect(payload.headers["cache-control"]).toBe("no-store");
    const json = JSON.parse(payload.body.toString("utf8"));
    expect(json).toMatchObject({ format: "chiso.serve/1", language: "vi", meta: { kind: "figures", source: "du-lieu.json", period: "2026-10", asOf: "2026-11-21" } });
    expect(json.document.units).toHaveLength(data.dataset.units.length);
    expect(json.scheme.id).toBe("766-portal");
  });

  it("sends the first screen: the opening period's overview, scored by core on the server, uncached", async () => {
    const response = await get(server.port, "/api/first");
    expect(response.headers["cache-control"]).toBe("no-store");
    const first = JSON.parse(response.body.toString("utf8"));
    const card = scoreDataset(data.dataset, { period: "2026-10", asOf: "2026-11-21" });
    const province = card.unit("HS")!;
    expect(first).toMatchObject({ format: "chiso.first/1", language: "vi", meta: { period: "2026-10", asOf: "2026-11-21" }, shell: { province: "Tỉnh Hòa Sơn", scheme: expect.stringMatching(/^766-portal /) } });
    // The demo's October has no figures from one commune: the province's sums lack it, so it is not graded.
    expect(province.completeness).toMatchObject({ status: "incomplete", missingChildren: ["HS-X011"] });
    expect(first.overview.province.headline).toMatchObject({ total: province.total!.toString().replace(".", ","), band: null });
    expect(first.overview.province.trend.rows.map((row: { period: string }) => row.period)).toHaveLength(12);
    expect(first.overview.unranked.map((unit: { id: string }) => unit.id)).toEqual(card.units.filter((unit) => unit.unit.level !== "province" && !unit.standing.ranked).map((unit) => unit.unit.id));
  });

  it.each([
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..%5csecret.txt",
    "/..\\secret.txt",
    "/%252e%252e/secret.txt",
    "//etc/passwd",
    "/etc/passwd",
    "/C:/Windows/win.ini",
    "/%00index.html",
    "/index.html%00.js",
    "/assets/leak.js",
    "/up/secret.txt",
    "/notes.md",
    "/%ff",
  ])("does not serve %s", async (path) => {
    const response = await get(server.port, path);
    expect(response.status).toBe(404);
    expect(response.body.toString()).not.toContain("SECRET");
  });

  it("refuses a request in absolute form, other methods and foreign host names (DNS rebinding)", async () => {
    expect((await get(server.port, `http://127.0.0.1:${server.port}/../secret.txt`)).status).toBe(400);
    expect((await get(server.port, "/", { method: "POST" })).status).toBe(405);
    expect((await get(server.port, "/", { host: "attacker.example" })).status).toBe(421);
    expect((await get(server.port, "/", { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it("makes a unit's PDF card on request, with the unit's name and total", async () => {
    const unit = data.dataset.units.find((entry) => entry.level === "commune")!;
    const response = await get(server.port, `/api/download/card?unit=${encodeURIComponent(unit.id)}&period=2026-10&lang=vi`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9-]+-2026-10\.pdf"; filename\*=UTF-8''/);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(response.body)), { mergePages: true })).text.replace(/\s+/g, " ");
    const total = scoreDataset(data.dataset, { period: "2026-10", asOf: "2026-11-21" }).unit(unit.id)!.total!.toString().replace(".", ",");
    expect(text).toContain(unit.name);
    expect(text).toContain(total);
  });

  it("makes the workbook and the summary on request, and refuses unknown units and periods", async () => {
    const workbook = await get(server.port, "/api/download/workbook?period=2026-10&lang=en");
    expect(workbook.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toContain("Summary");
    const summary = await get(server.port, "/api/download/summary?period=2026-10");
    expect(summary.headers["content-type"]).toBe("application/pdf");
    expect((await get(server.port, "/api/download/card?unit=NOPE&period=2026-10")).status).toBe(404);
    expect((await get(server.port, "/api/download/card?unit=HS-X001&period=2031-01")).status).toBe(404);
    expect((await get(server.port, "/api/download/card?unit=HS-X001&period=banana")).status).toBe(400);
    expect((await get(server.port, "/api/download/other")).status).toBe(404);
  });

  it("refuses an unknown language in both languages, and answers its own refusals in the viewer's language, then English", async () => {
    const language = await get(server.port, "/api/download/workbook?period=2026-10&lang=xx");
    expect(language.status).toBe(400);
    expect(language.body.toString("utf8")).toBe('Ngôn ngữ "xx" không có; hãy dùng lang=vi (tiếng Việt) hoặc lang=en (tiếng Anh).\nUnknown language "xx"; use lang=vi (Vietnamese) or lang=en (English).');
    const missing = await get(server.port, "/khong-co.html");
    expect(missing.status).toBe(404);
    expect(missing.body.toString("utf8")).toBe("Không có trang hoặc tệp này trong trình xem chiso.\nNot found: the chiso viewer has no such page or file.");
    expect((await get(server.port, "/", { method: "POST" })).body.toString("utf8")).toMatch(/^Trình xem chỉ nhận yêu cầu GET hoặc HEAD\.\nMethod not allowed/);
    expect((await get(server.port, "/", { host: "attacker.example" })).body.toString("utf8")).toMatch(/^Trình xem chỉ trả lời yêu cầu gửi tới máy này/);
  });
});

describe("chiso serve --rank-incomplete", () => {
  it("tells the viewer to rank units with incomplete data, and ranks them on the downloaded card", async () => {
    // One commune of 2026-10 reports a single item: incomplete, unranked by default.
    const demo = generateDemoData();
    const row = demo.figures.find((figure) => figure.period === "2026-10" && figure.unit.startsWith("HS-X"))!;
    row.items = { ON_TIME: row.items.ON_TIME! };
    const file = join(await temp(), "thieu.json");
    await writeFile(file, JSON.stringify(demo));
    const options = { inputs: [file], language: "vi" as const, asOf: "2026-11-21", period: "2026-10" };
    const plain = await figuresFileSource(options).load();
    const ranked = await figuresFileSource({ ...options, rankIncomplete: true }).load();
    expect(plain.meta.rankIncomplete).toBeUndefined();
    expect(ranked.meta.rankIncomplete).toBe(true);
    const expected = scoreDataset(ranked.dataset, { period: "2026-10", asOf: "2026-11-21", rankIncomplete: true }).unit(row.unit)!;
    expect(expected.standing.ranked).toBe(true);
    const root = await temp();
    await writeFile(join(root, "index.html"), "<!doctype html><title>chiso</title>");
    const served = async (data: ServedData) => {
      const server = await startServer({ data, root, host: "127.0.0.1", port: 0, language: "vi" });
      try {
        const payload = JSON.parse((await get(server.port, "/api/data")).body.toString("utf8"));
        const card = await get(server.port, `/api/download/card?unit=${row.unit}&period=2026-10&lang=vi`);
        const text = (await extractText(await getDocumentProxy(new Uint8Array(card.body)), { mergePages: true })).text.replace(/\s+/g, " ");
        return { meta: payload.meta, text };
      } finally {
        await server.close();
      }
    };
    const [withOption, without] = [await served(ranked), await served(plain)];
    expect(withOption.meta.rankIncomplete).toBe(true);
    expect(without.meta.rankIncomplete).toBeUndefined();
    expect(without.text).toContain("Chưa xếp hạng");
    expect(withOption.text).not.toContain("Chưa xếp hạng");
    expect(withOption.text).toContain(`${(expected.standing as { position: number }).position}/`);
  });
});

describe("the built chiso serve", () => {
  const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

  it.each(["SIGINT", "SIGTERM"] as const)("prints its URL, serves the built viewer and stops cleanly on %s", async (signal) => {
    expect(existsSync(bin), "build first: pnpm build (pnpm test does)").toBe(true);
    const child = spawn(process.execPath, [bin, "serve", "--input", demoFile, "--as-of", "2026-11-21"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
        if (match) resolve(match[0]);
      });
      exited.then(() => reject(new Error(stderr)));
    });
    const port = Number(new URL(url).port);
    const page = await get(port, "/");
    expect(page.status).toBe(200);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body.toString())![1]!;
    expect((await get(port, script)).status).toBe(200);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("Đã dừng trình xem.");
    // Nothing listens any more.
    await expect(new Promise((resolve, reject) => connect(port, "127.0.0.1").on("connect", resolve).on("error", reject))).rejects.toThrow(/ECONNREFUSED/);
  });
});

