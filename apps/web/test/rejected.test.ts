// `chiso serve --skip-invalid`: the viewer shows what was rejected and why, as the pack does (decision 62) — a
// notice with the count on the first screen, the list with where and why in either language, the rejected-rows
// workbook to download — and, like the pack, no change for a total that lost rows (decision 61).
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { getScheme, parseDataset, scoreDataset } from "@chiso/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, openViewer, writeDemoFigures } from "../scripts/harness.mjs";

const PERIOD = "2026-10";
const AS_OF = "2026-11-21";

let demo: Awaited<ReturnType<typeof writeDemoFigures>>;
let viewer: Awaited<ReturnType<typeof openViewer>> | undefined;
let base: string;
let page: Page;
let broken: { unit: string; name: string; item: string };
const problems: string[] = [];

async function open(hash: string, ready: string) {
  await page.goto("about:blank");
  await page.goto(`${base}${hash}`);
  await page.waitForSelector(ready);
}

describe.skipIf(!existsSync(CHROMIUM))("the viewer with --skip-invalid (needs Debian's chromium)", () => {
  beforeAll(async () => {
    demo = await writeDemoFigures();
    // One commune's October row with a numerator above its denominator: rejected, so the province's sum is partial.
    const row = demo.data.figures.find((figure) => figure.period === PERIOD && demo.data.units.find((unit) => unit.id === figure.unit)?.level === "commune")!;
    const item = Object.keys(row.items)[0]!;
    const [, denominator] = row.items[item] as [number, number];
    row.items[item] = [denominator + 5, denominator];
    broken = { unit: row.unit, name: demo.data.units.find((unit) => unit.id === row.unit)!.name, item };
    await writeFile(demo.file, JSON.stringify(demo.data, null, 1));
    viewer = await openViewer(["--input", demo.file, "--period", PERIOD, "--as-of", AS_OF, "--skip-invalid"], { problems });
    ({ base, page } = viewer);
  });

  afterAll(async () => {
    const code = await viewer?.close();
    await demo?.cleanup();
    expect(code).toBe(0);
  });

  it("says on the first screen how many rows were rejected, and shows no change for the province's partial total", async () => {
    // The figures are held back: the notice and the headline come from the server's first screen alone.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/data", async (route) => {
      await held;
      await route.continue();
    });
    await open("#/overview", "body[data-ready=overview]");
    expect(await page.getAttribute("body", "data-model")).toBeNull();
    const notice = await page.textContent("#rejected-notice");
    expect(notice).toContain("Khi đọc tệp, 1 dòng số liệu bị từ chối (--skip-invalid) và không được chấm");
    // Without the rejected row, core calls the province's sum incomplete (decision 89: a child without figures);
    // the viewer, told of the rejection, says so too and compares nothing.
    const card = scoreDataset(parseDataset({ ...demo.data, figures: demo.data.figures.filter((figure) => !(figure.unit === broken.unit && figure.period === PERIOD)) }, getScheme()), { period: PERIOD, asOf: AS_OF });
    const province = card.unit(card.units.find((unit) => unit.unit.level === "province")!.unit.id)!;
    expect(province.completeness.status).toBe("incomplete");
    expect(province.completeness.missingChildren).toContain(broken.unit);
    expect(await page.textContent(".headline")).toContain("kỳ này chưa đủ số liệu");
    release();
    await page.waitForSelector("body[data-model=ready]");
    expect(await page.textContent(".headline")).toContain("kỳ này chưa đủ số liệu");
    await page.unroute("**/api/data");
  });

  it("lists the rejected row with where and why, in Vietnamese and in English", async () => {
    await open("#/overview", "body[data-model=ready]");
    await page.click("#rejected-notice a >> nth=0");
    await page.waitForSelector(".rejected-table");
    const row = await page.locator(".rejected-table tbody tr").evaluateAll((rows) => rows.map((entry) => [...entry.children].map((cell) => cell.textContent)));
    expect(row).toHaveLength(1);
    expect(row[0]![0]).toBe(broken.name);
    expect(row[0]![1]).toBe("Tháng 10/2026");
    expect(row[0]![2]).toBe("Số liệu");
    expect(row[0]![3]).toMatch(/du-lieu-mau-hoa-son\.json › dòng \d+ › figures\[\d+\]$/);
    expect(row[0]![4]).toMatch(/^tử số \(\d+\) lớn hơn mẫu số \(\d+\); hãy kiểm tra lại hai số liệu của chỉ tiêu/);
    await page.click("#language");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const english = await page.locator(".rejected-table tbody tr td").allTextContents();
    expect(english[0]).toBe("October 2026");
    expect(english[2]).toMatch(/du-lieu-mau-hoa-son\.json › line \d+ › figures\[\d+\]$/);
    expect(english[3]).toMatch(/^numerator \(\d+\) is greater than denominator \(\d+\)/);
    expect(await page.textContent("#rejected-notice")).toContain("While reading the file, 1 row of figures was rejected (--skip-invalid) and not scored");
  });

  it("offers the rejected-rows workbook, and names the rows on the unit's page", async () => {
    await open("#/rejected", ".rejected-table");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#rejected-download")]);
    expect(download.suggestedFilename()).toBe(`bi-tu-choi-${PERIOD}.xlsx`);
    const bytes = await (await fetch(`${base}api/download/rejected?lang=vi`)).arrayBuffer();
    expect(new Uint8Array(bytes).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    await open(`#/unit/${broken.unit}`, "#unit-rejected");
    expect(await page.textContent("section:has(#unit-rejected)")).toContain("lớn hơn mẫu số");
  });

  it("says a commune's missing items come from the province's rejected row, naming that row", async () => {
    // The province's own October row rejected: its communes lose the items they take from it (1.1–1.3).
    const province = demo.data.units.find((unit) => unit.level === "province")!;
    const commune = demo.data.units.find((unit) => unit.level === "commune" && unit.id !== broken.unit)!;
    await page.route("**/api/data", async (route) => {
      const payload = await (await route.fetch()).json();
      payload.document.figures = payload.document.figures.filter((figure: { unit: string; period: string }) => !(figure.unit === province.id && figure.period === PERIOD));
      payload.rejected.push({ kind: "figures", unit: province.id, period: PERIOD, where: { vi: "so-lieu.xlsx › Số liệu › dòng 7", en: "so-lieu.xlsx › Số liệu › row 7" }, reasons: { vi: ["tử số lớn hơn mẫu số"], en: ["numerator above denominator"] } });
      await route.fulfill({ json: payload });
    });
    await open(`#/unit/${commune.id}`, "[data-testid=rejected-above]");
    expect(await page.textContent("[data-testid=incomplete]")).toMatch(/thiếu \d+ chỉ tiêu \(1\.1 /);
    expect(await page.textContent("[data-testid=rejected-above]")).toBe(`Các chỉ tiêu đơn vị nhận từ cấp trên bị thiếu vì dòng số liệu kỳ này của ${province.name} bị từ chối (so-lieu.xlsx › Số liệu › dòng 7); sửa dòng đó là đủ.`);
    await open(`#/unit/${commune.id}?lang=en`, "[data-testid=rejected-above]");
    expect(await page.textContent("[data-testid=rejected-above]")).toBe(`The items this unit takes from above are missing because ${province.name}'s row for this period was rejected (so-lieu.xlsx › Số liệu › row 7); fixing that row is enough.`);
    // A unit whose own rows are complete gets no such note.
    await open(`#/unit/${broken.unit}?period=2026-09`, "#item-table");
    expect(await page.locator("[data-testid=rejected-above]").count()).toBe(0);
    await page.unroute("**/api/data");
  });

  it("draws the province's partial October total off the trend's line, as a hollow point with its caption", async () => {
    await open("#/overview", "body[data-model=ready]");
    const rows = await page.locator("#overview-trend table tbody tr[data-partial=true]").evaluateAll((found) => found.map((row) => row.getAttribute("data-period")));
    expect(rows).toEqual([PERIOD]);
    expect(await page.locator("#overview-trend table tbody tr[data-partial=true] td").textContent()).toContain("(tổng điểm chưa đủ số liệu)");
    expect(await page.locator("#overview-trend svg g.point circle.partial").count()).toBe(1);
    expect(await page.locator("#overview-trend svg g.legend text").textContent()).toBe("tổng điểm chưa đủ số liệu");
  });

  it("ran without console errors", () => {
    expect(problems).toEqual([]);
  });
});
