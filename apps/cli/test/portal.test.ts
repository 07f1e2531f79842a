import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "@chiso/core";
import type { PortalEndpoint } from "@chiso/io/portal";
import { requestBody } from "../src/commands/portal/client.js";
import { main } from "../src/main.js";

/** The six real responses recorded from the portal (Phú Thọ, August 2026), kept with @chiso/io's tests. */
const SAMPLES = fileURLToPath(new URL("../../../packages/io/test/portal-samples/", import.meta.url));
const ENDPOINTS = ["transparency", "dvc-progress-tree", "provide-online-tree", "formality-online-payment-tree", "dossier-digitized", "handling-satisfaction"];
const samples = ENDPOINTS.map((endpoint) => join(SAMPLES, `${endpoint}.month-all.sample.json`));

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}
const temp = () => mkdtemp(join(tmpdir(), "chiso-portal-"));
const pdfText = async (path: string) => (await extractText(await getDocumentProxy(new Uint8Array(await readFile(path))), { mergePages: true })).text.replace(/\s+/g, " ");

describe("chiso portal import, then chiso report", () => {
  let dir: string;
  let figures: string;
  let imported: Awaited<ReturnType<typeof run>>;
  let reported: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    dir = await temp();
    figures = join(dir, "so-lieu-cong.json");
    imported = await run(["portal", "import", "--period", "2026-08", "--out", figures, "--retrieved-at", "2026-09-05", ...samples]);
    reported = await run(["report", "--input", figures, "--period", "2026-08", "--out", join(dir, "pack"), "--deterministic", "--as-of", "2026-11-30"]);
  });

  it("writes the figures and says how they reconcile with the portal's scores", async () => {
    expect(imported.code).toBe(0);
    expect(imported.stdout.split("\n")).toEqual([
      `Đã ghi số liệu của 7 đơn vị từ 6 phản hồi vào ${figures}.`,
      "Đối chiếu với điểm Cổng đã công bố: 141 khớp, 0 cùng là không có số liệu, 6 giữ theo Cổng (không tính lại), 0 khác.",
      `Tiếp theo: chiso report --input ${figures} --period 2026-08 --out <thư mục>`,
    ]);
    // The warnings, located: three lists truncated to 6 of 163 units, two charts not imported.
    expect(imported.stderr.split("\n")).toHaveLength(5);
    expect(imported.stderr).toContain("transparency.month-all.sample.json › pagination › total: (cảnh báo) pagination.total ghi 163 đơn vị nhưng phản hồi chỉ có 6");
    const document = JSON.parse(await readFile(figures, "utf8"));
    expect(document).toMatchObject({ format: "chiso.figures/1", scheme: "766-portal", parentCounts: "own", source: { retrievedAt: "2026-09-05" } });
    expect(document.units).toHaveLength(7);
  });

  it("scores the file like any other: `chiso score` reproduces every published value", async () => {
    const scored = await run(["score", "--input", figures, "--period", "2026-08", "--as-of", "2026-11-30"]);
    expect(scored.code).toBe(0);
    const json = JSON.parse(scored.stdout) as { reconciliation: { status: string }[]; units: { name: string; total: string | null }[] };
    const counts: Record<string, number> = {};
    for (const entry of json.reconciliation) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
    expect(counts).toEqual({ match: 141, published: 6 });
    expect(json.units.find((unit) => unit.name === "UBND tỉnh Phú Thọ")?.total).toBe("59.92");
  });

  it("writes the pack from it: a scorecard per unit, the province summary and the workbook", async () => {
    expect(reported.stderr).toMatch(/^Không có --profile: để trống signer\.name, numbers\.report, numbers\.dispatch /);
    expect(reported.code).toBe(0);
    expect((await readdir(join(dir, "pack"))).sort()).toEqual([".chiso-pack.json", "chiso-2026-08.xlsx", "cong-van-ubnd-tinh-phu-tho-2026-08.docx", "don-vi", "tong-hop-ubnd-tinh-phu-tho-2026-08.docx", "tong-hop-ubnd-tinh-phu-tho-2026-08.pdf"]);
    expect(await readdir(join(dir, "pack", "don-vi"))).toHaveLength(6);
  });

  it("the workbook carries the portal's figures: the province on its own counts, every unit's total and item scores", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "pack", "chiso-2026-08.xlsx"));
    const summary = workbook.getWorksheet("Tổng hợp")!;
    const rows = Object.fromEntries(Array.from({ length: summary.rowCount }, (_, index) => [summary.getRow(index + 1).getCell(1).value, summary.getRow(index + 1).getCell(2).value]));
    expect(rows).toMatchObject({ "Đơn vị": "UBND tỉnh Phú Thọ", "Điểm của tỉnh (theo số liệu của chính tỉnh)": 59.92, "Số đơn vị": 6 }); // the province's units, not the province
    const departments = workbook.getWorksheet("Xếp hạng sở, ban, ngành")!;
    expect([2, 3, 4].map((row) => [departments.getRow(row).getCell(3).value, departments.getRow(row).getCell(4).value])).toEqual([
      ["Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ", 67.29],
      ["Sở Công Thương - Tỉnh Phú Thọ", 63.25],
      ["Sở Giáo dục và Đào tạo - Tỉnh Phú Thọ", 56.34],
    ]);
    // Item detail: 2.1 of Ban quản lý các khu công nghiệp is 486/588 → 16.53, as the portal published.
    const detail = workbook.getWorksheet("Chi tiết chỉ tiêu")!;
    const header = detail.getRow(1).values as unknown[];
    const onTime = header.findIndex((cell) => typeof cell === "string" && cell.includes("(ON_TIME)"));
    const row = Array.from({ length: detail.rowCount }, (_, index) => detail.getRow(index + 1)).find((candidate) => candidate.getCell(2).value === "Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ")!;
    expect([row.getCell(onTime).value, row.getCell(onTime + 1).value, row.getCell(onTime + 3).value]).toEqual([486, 588, 16.53]);
    // The portal's data-quality flag is a warning of the workbook.
    const warnings = workbook.getWorksheet("Cảnh báo số liệu")!;
    const notes = Array.from({ length: warnings.rowCount }, (_, index) => String(warnings.getRow(index + 1).getCell(5).value));
    // Named in words with the portal's own message, never by the flag's code.
    expect(notes.filter((note) => note.includes("mẫu số tạm tính theo báo cáo quốc gia"))).toHaveLength(6);
    expect(notes.filter((note) => note.includes("TEMP_NATIONAL_REPORT_DENOMINATOR"))).toEqual([]);
  });

  it("the PDFs print the portal's figures: a unit's total and blocks, the province's own total", async () => {
    const card = await pdfText(join(dir, "pack", "don-vi", "ban-quan-ly-cac-khu-cong-nghiep-tinh-phu-tho-2026-08.pdf"));
    expect(card).toContain("Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ");
    // Total 67,29; online services 7,09 (the portal's own score, not recomputed); payment 7,67; digitization 10,53.
    for (const figure of ["67,29", "7,09 / 12,00", "7,67 / 10,00", "10,53 / 22,00", "17,51 / 18,00"]) expect(card).toContain(figure);
    expect(card.replace(/\s+/g, " ")).toContain("mẫu số tạm tính theo báo cáo quốc gia");
    expect(card).not.toContain("TEMP_NATIONAL_REPORT_DENOMINATOR");
    const summary = await pdfText(join(dir, "pack", "tong-hop-ubnd-tinh-phu-tho-2026-08.pdf"));
    expect(summary).toContain("59,92 / 100");
    expect(summary).toContain("8,83 / 12,00");
  });
});

describe("chiso portal import with the one-procedure scope", () => {
  it("writes 766-portal-one-procedure figures that score with their own scheme, and refuses another", async () => {
    const dir = await temp();
    // The samples as the portal returns one procedure: transparency all 0/0, digitization out of 20 without 4.5b.
    const files = await Promise.all(samples.map(async (path, index) => {
      const json = JSON.parse(await readFile(path, "utf8"));
      if (ENDPOINTS[index] === "transparency") {
        for (const unit of [json.data.overview, ...json.data.evaluation]) {
          for (const metric of unit.metrics) Object.assign(metric, { numerator: 0, denominator: 0, ratio: null, score: null, dataQualityStatus: undefined, dataQualityMessage: undefined });
          Object.assign(unit, { totalScore: 0, ratio: 0 });
        }
      }
      if (ENDPOINTS[index] === "dossier-digitized") {
        for (const unit of [json.data.overview, ...json.data.evaluation]) {
          const [removed] = unit.metrics.splice(5, 1);
          Object.assign(unit, { totalScore: Math.round((unit.totalScore - removed.score) * 100) / 100, totalMaxScore: 20 });
        }
      }
      const target = join(dir, `${ENDPOINTS[index]}.json`);
      await writeFile(target, JSON.stringify(json));
      return target;
    }));
    const figures = join(dir, "mot-thu-tuc.json");
    const imported = await run(["portal", "import", "--period", "2026-08", "--procedure", "1.000046", "--out", figures, "--lang", "en", ...files]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Against the portal's published scores: 127 match, 7 empty on both sides, 6 kept as published (not recomputed), 0 differ.");
    const scored = await run(["score", "--input", figures, "--period", "2026-08"]);
    const json = JSON.parse(scored.stdout) as { scheme: { id: string }; reconciliation: { status: string }[] };
    expect(json.scheme.id).toBe("766-portal-one-procedure");
    expect(json.reconciliation.filter((entry) => entry.status === "differs")).toEqual([]);
    const refused = await run(["score", "--input", figures, "--period", "2026-08", "--scheme", "766-portal", "--lang", "en"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`${figures} › line 3 › scheme: the file declares the scheme "766-portal-one-procedure" but the command uses "766-portal"; drop --scheme`);
  });
});

describe("chiso portal import with bad input", () => {
  it("refuses an HTML page saved as a response, names the problem, and writes nothing", async () => {
    const dir = await temp();
    const page = join(dir, "dvc-progress-tree.json");
    await writeFile(page, "<!doctype html><html><head><title>Đăng nhập - Cổng Dịch vụ công quốc gia</title></head><body></body></html>");
    const out = join(dir, "so-lieu.json");
    const result = await run(["portal", "import", "--period", "2026-08", "--out", out, samples[0]!, page]);
    expect(result.code).toBe(3);
    expect(result.stderr.split("\n").slice(0, 2)).toEqual([
      "Các phản hồi có 1 lỗi; chưa ghi tệp số liệu. Hãy sửa hoặc tải lại:",
      `  - ${page}: tệp là một trang HTML („Đăng nhập - Cổng Dịch vụ công quốc gia”), không phải phản hồi JSON của Cổng DVCQG (thường là trang lỗi hoặc trang đăng nhập được lưu thành .json); hãy tải lại phản hồi.`,
    ]);
    expect(existsSync(out)).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(["dvc-progress-tree.json"]);
  });

  it("refuses a month's responses given as their quarter or year (exit 3, nothing written), naming the month to give", async () => {
    const dir = await temp();
    const out = join(dir, "so-lieu.json");
    for (const period of ["2026-Q3", "2026"]) {
      const result = await run(["portal", "import", "--period", period, "--out", out, ...samples]);
      expect(result.code).toBe(3);
      expect(result.stderr.split("\n")[0]).toBe("Các phản hồi có 2 lỗi; chưa ghi tệp số liệu. Hãy sửa hoặc tải lại:");
      expect(result.stderr).toContain("hãy nhập với --period 2026-08");
    }
    const early = await run(["portal", "import", "--period", "2026-08", "--retrieved-at", "2026-07-15", "--out", out, "--lang", "en", ...samples]);
    expect([early.code, early.stderr.split("\n")[1]]).toEqual([3, "  - the responses were retrieved on 2026-07-15 (--retrieved-at), before the period 2026-08 began (2026-08-01): they cannot be of it — check --period and --retrieved-at."]);
    expect(existsSync(out)).toBe(false);
  });

  it("exit codes: 2 for a wrong command line, 3 for a file that cannot be read, 4 when the output cannot be written", async () => {
    const dir = await temp();
    const out = join(dir, "so-lieu.json");
    expect((await run(["portal", "import", "--period", "2026-08", "--out", out])).stderr).toContain("Hãy chỉ ra các tệp phản hồi đã lưu");
    expect((await run(["portal", "import", "--period", "08/2026", "--out", out, ...samples])).code).toBe(2);
    expect((await run(["portal", "import", "--out", out, ...samples])).code).toBe(2);
    expect((await run(["portal", "import", "--period", "2026-08", "--out", out, "--retrieved-at", "hôm qua", ...samples])).code).toBe(2);
    // A day or time that does not exist is refused, not rolled over (2026-09-31 is not 1 October).
    for (const retrievedAt of ["2026-09-31", "2026-13-01", "2026-09-05T25:00", "2026-09-05T10", "2026-09-05T08:00:00.5Z0"]) {
      const refused = await run(["portal", "import", "--period", "2026-08", "--out", out, "--retrieved-at", retrievedAt, ...samples]);
      expect([refused.code, refused.stderr], retrievedAt).toEqual([2, `Giá trị của --retrieved-at không hợp lệ: "${retrievedAt}". Cần một ngày dạng NNNN-TT-NN, ví dụ 2026-10-31 (có thể kèm giờ: 2026-10-31T08:30). Xem "--help".`]);
    }
    expect(existsSync(out)).toBe(false);
    expect((await run(["portal", "import", "--period", "2026-08", "--out", join(dir, "utc.json"), "--retrieved-at", "2026-09-05T08:00:00.5Z", ...samples])).code).toBe(0);
    expect((await run(["portal", "export", "--period", "2026-08"])).code).toBe(2);
    const bare = await run(["portal", "--lang", "en"]);
    expect([bare.code, bare.stderr]).toEqual([2, 'A sub-command is needed: chiso portal <import|fetch>. See "chiso portal --help".']);
    const missing = await run(["portal", "import", "--period", "2026-08", "--out", out, join(dir, "khong-co.json")]);
    expect([missing.code, missing.stderr]).toEqual([3, `Không đọc được tệp ${join(dir, "khong-co.json")}: không tìm thấy tệp.`]);
    const blocked = join(dir, "a-file");
    await writeFile(blocked, "");
    expect((await run(["portal", "import", "--period", "2026-08", "--out", join(blocked, "so-lieu.json"), ...samples])).code).toBe(4);
    expect(existsSync(out)).toBe(false);
  });

  it("shows the sub-commands' help", async () => {
    const help = await run(["portal", "import", "--help", "--lang", "en"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: chiso portal import --period <2026-08|2026-Q3|2026> [--procedure <id>] --out <figures.json> [--force] <response.json>...");
    expect(help.stdout).toContain("<response.json>...");
    const general = await run(["--help", "--lang", "en"]);
    expect(general.stdout).toContain("portal     import (or fetch) the national portal's responses as a figures file");
  });
});

/**
 * A stand-in for the portal on the loopback address: replays the recorded responses (HTTP 201, as the
 * portal answers), records every request, and misbehaves on demand. Nothing in these tests leaves 127.0.0.1.
 */
async function replayPortal() {
  const requests: { endpoint: string; body: Record<string, unknown> }[] = [];
  /** Per endpoint, what to do with its next requests: a status with a body, or never to answer. */
  const script = new Map<string, ({ status: number; body: string } | "hang")[]>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", async () => {
      const endpoint = request.url!.replace(/^\/api\/v1\/reporting\/evaluation\//, "");
      requests.push({ endpoint, body: JSON.parse(body || "{}") });
      const next = script.get(endpoint)?.shift();
      if (next === "hang") return;
      if (next) {
        response.writeHead(next.status, { "content-type": "text/html" }).end(next.body);
        return;
      }
      if (!ENDPOINTS.includes(endpoint) || request.method !== "POST") {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(201, { "content-type": "application/json" }).end(await readFile(join(SAMPLES, `${endpoint}.month-all.sample.json`)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/reporting/evaluation/`,
    requests,
    script,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe("chiso portal fetch against a local replay of the portal", () => {
  let portal: Awaited<ReturnType<typeof replayPortal>>;
  const province = "019d2be3-6a88-732b-8b17-b68020c8553a";
  beforeAll(async () => {
    portal = await replayPortal();
  });
  afterAll(() => portal.close());
  const fetchTo = (out: string, ...extra: string[]) => run(["portal", "fetch", "--province", province, "--period", "2026-08", "--out", out, "--base-url", portal.url, "--lang", "en", ...extra]);

  it("saves the six responses as sent, asked for with the portal's own request bodies, ready to import", async () => {
    const out = join(await temp(), "phan-hoi");
    portal.requests.length = 0;
    const result = await fetchTo(out);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const names = ENDPOINTS.map((endpoint) => `${endpoint}.2026-08.tat-ca.json`);
    expect((await readdir(out)).sort()).toEqual([...names].sort());
    for (const [index, name] of names.entries()) expect(await readFile(join(out, name))).toEqual(await readFile(samples[index]!));
    expect(portal.requests.map((request) => request.endpoint)).toEqual(ENDPOINTS);
    expect(portal.requests[0]!.body).toEqual({ rootDepartmentId: province, currentPage: 1, pageSize: 200, timeType: "month", year: 2026, month: 8 });
    expect(portal.requests[5]!.body).toEqual({ rootDepartmentId: province, currentPage: 1, pageSize: 200, fromDate: "2026-08-01", toDate: "2026-08-31" });
    expect(result.stdout.split("\n")[0]).toBe(`Saved 6 responses to ${out}.`);
    // The command it prints imports them.
    const figures = join(out, "..", "so-lieu.json");
    const imported = await run(["portal", "import", "--period", "2026-08", "--out", figures, ...names.map((name) => join(out, name))]);
    expect(imported.code).toBe(0);
  });

  it("asks for a quarter and one procedure as the portal names them, and refuses to save what does not match", async () => {
    const out = join(await temp(), "phan-hoi");
    portal.requests.length = 0;
    const result = await run(["portal", "fetch", "--province", province, "--period", "2026-Q3", "--procedure", "1.000046", "--out", out, "--base-url", portal.url, "--lang", "en"]);
    expect(portal.requests[0]!.body).toEqual({ rootDepartmentId: province, currentPage: 1, pageSize: 200, timeType: "quarter", year: 2026, quarter: 3, formalityId: "1.000046" });
    // The replay answers with the all-procedures month: 1.3 counts 87/89 procedures, which one procedure's transparency never does.
    expect(result.code).toBe(3);
    expect(result.stderr).toBe("The response of transparency cannot be used: transparency.2026-Q3.thu-tuc-1.000046.json › overview › metrics[2] › unit UBND tỉnh Phú Thọ: the response looks like the all-procedures scope (PUBLIC_CONTENT_FULL 87/89) but --procedure 1.000046 names one procedure; fetch it again with formalityId. No file was written.");
    expect(existsSync(out)).toBe(false);
  });

  it("builds each endpoint's request body: the period as timeType (dates for satisfaction), the procedure as formalityId (formalityID for digitization)", () => {
    const request = { province, period: parsePeriod("2026")!, procedure: "1.000046" };
    expect(Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, requestBody(endpoint as PortalEndpoint, request)]))).toEqual({
      transparency: { rootDepartmentId: province, currentPage: 1, pageSize: 200, timeType: "year", year: 2026, formalityId: "1.000046" },
      "dvc-progress-tree": { rootDepartmentId: province, currentPage: 1, pageSize: 200, timeType: "year", year: 2026, formalityId: "1.000046" },
      "provide-online-tree": { rootDepartmentId: province, currentPage: 1, pageSize: 200, timeType: "year", year: 2026, formalityId: "1.000046" },
      "formality-online-payment-tree": { rootDepartmentId: province, currentPage: 1, pageSize: 200, timeType: "year", year: 2026, formalityId: "1.000046" },
      "dossier-digitized": { rootDepartmentId: province, currentPage: 1, pageSize: 200, timeType: "year", year: 2026, formalityID: "1.000046" },
      "handling-satisfaction": { rootDepartmentId: province, currentPage: 1, pageSize: 200, fromDate: "2026-01-01", toDate: "2026-12-31", formalityId: "1.000046" },
    });
    expect(requestBody("handling-satisfaction", { province, period: parsePeriod("2028-Q1")! })).toMatchObject({ fromDate: "2028-01-01", toDate: "2028-03-31" });
  });

  it("retries a portal that is briefly down, and says clearly when it does not answer", async () => {
    const out = join(await temp(), "phan-hoi");
    portal.requests.length = 0;
    portal.script.set("dvc-progress-tree", [{ status: 503, body: "<html>Service Unavailable</html>" }]);
    const retried = await fetchTo(out);
    expect(retried.code).toBe(0);
    expect(portal.requests.filter((request) => request.endpoint === "dvc-progress-tree")).toHaveLength(2);

    const none = join(await temp(), "phan-hoi");
    portal.script.set("provide-online-tree", ["hang", "hang"]);
    const hung = await fetchTo(none, "--timeout", "0.5", "--retries", "2");
    expect([hung.code, hung.stderr]).toEqual([1, "Cannot fetch provide-online-tree: no answer within 0.5 s (after 2 attempts). No file was written."]);
    expect(existsSync(none)).toBe(false);
  });

  it("fails at once on a refusal, and does not save a login page answered with 200", async () => {
    const out = join(await temp(), "phan-hoi");
    portal.requests.length = 0;
    portal.script.set("transparency", [{ status: 403, body: "Forbidden" }]);
    const forbidden = await fetchTo(out);
    expect([forbidden.code, forbidden.stderr]).toEqual([1, "Cannot fetch transparency: the portal answered HTTP 403. No file was written."]);
    expect(portal.requests).toHaveLength(1);
    portal.script.set("handling-satisfaction", [{ status: 200, body: "<!DOCTYPE html><title>Đăng nhập</title>" }]);
    const login = await fetchTo(out);
    expect(login.code).toBe(3);
    expect(login.stderr).toBe('The response of handling-satisfaction cannot be used: handling-satisfaction.2026-08.tat-ca.json: the file is an HTML page ("Đăng nhập"), not a JSON response of the portal (usually an error or login page saved as .json); fetch the response again. No file was written.');
    expect(existsSync(out)).toBe(false);
  });
});
