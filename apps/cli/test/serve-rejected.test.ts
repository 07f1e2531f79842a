// `chiso serve --skip-invalid` hands the viewer what the pack hands the documents: every rejected row with where and
// why in both languages, its counts for the first screen, and the rejected-rows workbook on request.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../src/demo/generate.js";
import { figuresFileSource } from "../src/commands/serve/data-source.js";
import { startServer, type RunningServer } from "../src/commands/serve/server.js";

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe("the server with rows rejected by --skip-invalid", () => {
  let server: RunningServer;
  let clean: RunningServer;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "chiso-serve-rejected-"));
    const root = join(dir, "web");
    await mkdir(root, { recursive: true });
    await writeFile(join(root, "index.html"), "<!doctype html><title>chiso</title>");
    const data = generateDemoData();
    await writeFile(join(dir, "clean.json"), JSON.stringify(data));
    const row = data.figures.find((figure) => figure.unit === "HS-X001" && figure.period === "2026-10")!;
    row.items.ON_TIME = [20, 10];
    const file = join(dir, "so-lieu.json");
    await writeFile(file, JSON.stringify(data, null, 1));
    const options = { language: "vi" as const, asOf: "2026-11-21", period: "2026-10" };
    server = await startServer({ data: await figuresFileSource({ ...options, inputs: [file], read: { skipInvalid: true } }).load(), root, host: "127.0.0.1", port: 0, language: "vi" });
    clean = await startServer({ data: await figuresFileSource({ ...options, inputs: [join(dir, "clean.json")] }).load(), root, host: "127.0.0.1", port: 0, language: "vi" });
  });
  afterAll(async () => {
    await server?.close();
    await clean?.close();
  });

  it("sends the rejected rows in both languages, and their count with the first screen", async () => {
    const payload = JSON.parse((await get(server.port, "/api/data")).body.toString()) as { rejected: { kind: string; unit: string; period: string; where: Record<"vi" | "en", string>; reasons: Record<"vi" | "en", string[]> }[]; meta: { rejected: unknown } };
    expect(payload.rejected).toHaveLength(1);
    const [entry] = payload.rejected;
    expect(entry).toMatchObject({ kind: "figures", unit: "HS-X001", period: "2026-10" });
    expect(entry!.where.vi).toMatch(/so-lieu\.json › dòng \d+ › figures\[\d+\]$/);
    expect(entry!.where.en).toMatch(/so-lieu\.json › line \d+ › figures\[\d+\]$/);
    expect(entry!.reasons.vi[0]!).toMatch(/^tử số \(20\) lớn hơn mẫu số \(10\)/);
    expect(entry!.reasons.en[0]!).toMatch(/^numerator \(20\) is greater than denominator \(10\)/);
    const first = JSON.parse((await get(server.port, "/api/first")).body.toString()) as { meta: { rejected: unknown } };
    expect(first.meta.rejected).toEqual({ figures: 1, sipas: 0, par: 0 });
  });

  it("serves the rejected-rows workbook the pack writes, in the asked language", async () => {
    const response = await get(server.port, "/api/download/rejected?period=2026-10&lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="bi-tu-choi-2026-10.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as unknown as ArrayBuffer);
    const text = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join("\n");
    expect(text).toContain("HS-X001");
    expect(text).toContain("numerator (20) is greater than denominator (10)");
  });

  it("without rejected rows: no list, no count, and the download refused in the user's language", async () => {
    const payload = JSON.parse((await get(clean.port, "/api/data")).body.toString()) as { rejected?: unknown; meta: { rejected?: unknown } };
    expect(payload.rejected).toBeUndefined();
    expect(payload.meta.rejected).toBeUndefined();
    const refused = await get(clean.port, "/api/download/rejected?lang=en");
    expect(refused.status).toBe(404);
    expect(refused.body.toString()).toBe("No input rows were rejected.");
  });
});
