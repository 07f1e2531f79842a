// A figures file whose source has a limit every document must show (e.g. portal responses that listed only part
// of the units): the viewer says it on every page in its own language, as the pack's summary does, and its
// findings page names a source's note in words, never as the finding's code.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, openViewer, writeDemoFigures } from "../scripts/harness.mjs";

const PERIOD = "2026-10";
const WARNING = { vi: "Phản hồi của Cổng chỉ liệt kê 6/163 đơn vị.", en: "The portal's responses list only 6 of 163 units." };

let demo: Awaited<ReturnType<typeof writeDemoFigures>>;
let viewer: Awaited<ReturnType<typeof openViewer>> | undefined;
let base: string;
let page: Page;
const problems: string[] = [];

describe.skipIf(!existsSync(CHROMIUM))("the viewer with a source's limit and notes (needs Debian's chromium)", () => {
  beforeAll(async () => {
    demo = await writeDemoFigures();
    demo.data.source = { system: "Cổng Dịch vụ công quốc gia", warning: WARNING };
    const row = demo.data.figures.find((figure) => figure.period === PERIOD)!;
    row.flags = [{ code: "PORTAL_NOTE", message: { vi: "Cổng ghi chú: số liệu tạm tính.", en: "Portal note: provisional figures." } }];
    await writeFile(demo.file, JSON.stringify(demo.data, null, 1));
    viewer = await openViewer(["--input", demo.file, "--period", PERIOD, "--as-of", "2026-11-21"], { problems });
    ({ base, page } = viewer);
  });

  afterAll(async () => {
    const code = await viewer?.close();
    await demo?.cleanup();
    expect(code).toBe(0);
  });

  it("says the source's limit on every page, in the viewer's language", async () => {
    await page.goto(`${base}#/overview`);
    await page.waitForSelector("body[data-model=ready]");
    expect(await page.textContent("#source-notice")).toBe(`Nguồn số liệu: Cổng Dịch vụ công quốc gia. ${WARNING.vi}`);
    await page.goto("about:blank");
    await page.goto(`${base}#/quality?lang=en`);
    await page.waitForSelector("body[data-model=ready]");
    expect(await page.textContent("#source-notice")).toBe(`Source of the figures: Cổng Dịch vụ công quốc gia. ${WARNING.en}`);
    expect(problems).toEqual([]);
  });

  it("names a source's note in words on the findings page, in its list and its filter", async () => {
    await page.goto("about:blank");
    await page.goto(`${base}#/quality`);
    await page.waitForSelector("body[data-model=ready]");
    const options = await page.$$eval("#finding-code option", (nodes) => nodes.map((node) => node.textContent ?? ""));
    expect(options).toContain("Ghi chú của nguồn số liệu");
    expect(options.join(" ")).not.toMatch(/[a-z]+_[a-z]+/u);
    expect(await page.textContent("#findings-table")).toContain("Cổng ghi chú: số liệu tạm tính.");
    expect(problems).toEqual([]);
  });
});
