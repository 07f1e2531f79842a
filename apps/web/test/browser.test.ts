import { readFile } from "node:fs/promises";
import { getScheme, parseDataset, scoreDataset, type FiguresFile, type Scorecard } from "@chiso/core";
import { formatPoints } from "@chiso/report";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { CHROMIUM, openViewer, writeDemoFigures } from "../scripts/harness.mjs";

const PERIOD = "2026-10";
const AS_OF = "2026-11-21";

let demo: Awaited<ReturnType<typeof writeDemoFigures>>;
let viewer: Awaited<ReturnType<typeof openViewer>> | undefined;
let base: string;
let page: Page;
let card: Scorecard;
const problems: string[] = [];

/** What the test expects, computed by @chiso/core itself from the same figures the server read. */
const score = (data: FiguresFile, period = PERIOD) => scoreDataset(parseDataset(data, getScheme()), { period, asOf: AS_OF });
const vi = (points: Parameters<typeof formatPoints>[0]) => formatPoints(points, "vi");
const cells = (selector: string) => page.locator(selector).allTextContents();

/** Loads the viewer afresh (a new document, so /api/data is fetched again) on a route. */
async function open(hash: string, ready: string) {
  await page.goto("about:blank");
  await page.goto(`${base}${hash}`);
  await page.waitForSelector(ready);
}

// Chromium cannot come from npm (Playwright's own download cannot work here): .ci/run installs Debian's; on a
// machine without it these tests are reported as skipped.
describe.skipIf(!existsSync(CHROMIUM))("the viewer in chromium (needs Debian's chromium)", () => {
  beforeAll(async () => {
    demo = await writeDemoFigures();
    card = score(demo.data);
    // Everything comes from chiso serve: no font, script, map or call to anywhere else.
    viewer = await openViewer(["--input", demo.file, "--period", PERIOD, "--as-of", AS_OF], { problems, sameOrigin: true });
    ({ base, page } = viewer);
  });

  afterAll(async () => {
    const code = await viewer?.close();
    await demo?.cleanup();
    expect(code).toBe(0);
  });

  it("loads the demo province: the overview's total, blocks and trend are core's, first from the server, then from the browser's own model", async () => {
    // The figures are held back: the first screen is drawn from the server's /api/first alone.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/data", async (route) => {
      await held;
      await route.continue();
    });
    await open("#/overview", "body[data-ready=overview]");
    expect(await page.getAttribute("body", "data-model")).toBeNull();
    const province = card.units.find((unit) => unit.unit.level === "province")!;
    const check = async () => {
      expect(await page.textContent("h1")).toContain("Tỉnh Hòa Sơn — Tháng 10/2026");
      expect(await page.textContent("[data-testid=total]")).toBe(vi(province.total));
      // The demo's October has no figures from one commune: the province's sums lack it, so it has no band, and
      // the note under the headline names the commune.
      expect(province.band).toBeNull();
      expect(await page.locator(".headline .band").textContent()).toBe("—");
      expect(await page.textContent("[data-testid=incomplete]")).toContain(`chưa có số liệu của 1 đơn vị trực thuộc (${card.unit("HS-X011")!.unit.name})`);
      // The bar chart's figures: each block's points and maximum.
      const blocks = await page.locator("#overview-blocks table tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
      expect(blocks.map((row) => row[1])).toEqual(province.blocks.map((block) => vi(block.points)));
      expect(blocks.map((row) => row[2])).toEqual(province.blocks.map((block) => vi(block.max)));
      // The line chart's figures: the 12 months to October, each scored by core.
      const trend = await page.locator("#overview-trend table tbody tr").evaluateAll((rows) => rows.map((row) => [row.getAttribute("data-period"), row.lastElementChild!.textContent]));
      expect(trend).toHaveLength(12);
      // A month whose total is partial (a commune without figures: decision 89) says so (decision 73).
      for (const [period, text] of trend) {
        const month = score(demo.data, period!).unit("HS")!;
        expect(text, period!).toBe(`${vi(month.total)}${month.completeness.status === "incomplete" ? " (tổng điểm chưa đủ số liệu)" : ""}`);
      }
      // The charts draw the same figures: a bar per block, a point per month.
      expect(await page.locator("#overview-blocks svg g.bar").evaluateAll((bars) => bars.map((bar) => bar.getAttribute("data-value")))).toEqual(province.blocks.map((block) => String(block.points!.toNumber())));
      expect(await page.locator("#overview-trend svg g.point").count()).toBe(12);
    };
    await check();
    const fromServer = await page.innerHTML("main");
    // Then the browser parses and scores the figures with core, and draws the same overview from its own model.
    release();
    await page.waitForSelector("body[data-model=ready]");
    expect(await page.innerHTML("main")).toBe(fromServer);
    await check();
    await page.unroute("**/api/data");
  });

  it("ranks the communes with sort, filter and search; ties and unranked units show their reason", async () => {
    await open("#/ranking/commune", "#ranking-table");
    const communes = card.units.filter((unit) => unit.unit.level === "commune");
    const rows = page.locator("#ranking-table tbody tr");
    expect(await rows.count()).toBe(communes.length);
    // Default order: by rank, unranked last with their reason.
    const byRank = communes.filter((unit) => unit.standing.ranked).sort((a, b) => (a.standing.ranked && b.standing.ranked ? a.standing.position - b.standing.position : 0));
    expect(await rows.first().getAttribute("data-unit")).toBe(byRank[0]!.unit.id);
    const reasons = await cells("#ranking-table tr.unranked [data-col=reason]");
    expect(reasons.sort()).toEqual(["chưa có số liệu trong kỳ", "không phát sinh hồ sơ trong kỳ"]);
    const tied = communes.filter((unit) => unit.standing.ranked && unit.standing.tied).length;
    expect(await page.locator("#ranking-table abbr.tie").count()).toBe(tied);

    // Sort by total, lowest first (the second click), then by name.
    await page.click("button[data-sort=total]");
    await page.click("button[data-sort=total]");
    const ascending = [...byRank].sort((a, b) => a.total!.units - b.total!.units);
    expect(await rows.first().locator("[data-col=total]").textContent()).toBe(vi(ascending[0]!.total));
    expect(await page.getAttribute("th:has(button[data-sort=total])", "aria-sort")).toBe("ascending");

    // Filter by band.
    await page.selectOption("#ranking-band", "KHA");
    const fair = communes.filter((unit) => unit.standing.ranked && unit.band?.code === "KHA");
    expect(await rows.count()).toBe(fair.length);
    expect(new Set(await page.locator("#ranking-table [data-band]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-band"))))).toEqual(new Set(["KHA"]));
    await page.selectOption("#ranking-band", "");

    // Search ignores case and diacritics.
    const target = communes.find((unit) => /[ăâđêôơư]/i.test(unit.unit.name))!;
    const plain = target.unit.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
    await page.fill("#ranking-search", plain);
    expect(await rows.locator("th a").allTextContents()).toContain(target.unit.name);
    await page.fill("#ranking-search", "");
  });

  it("opens a unit: headline, radar figures and the item table are core's", async () => {
    await open("#/ranking/commune", "#ranking-table");
    const first = page.locator("#ranking-table tbody tr").first();
    const id = (await first.getAttribute("data-unit"))!;
    await first.locator("th a").click();
    await page.waitForSelector("#item-table");
    expect(page.url()).toContain(`#/unit/${id}`);
    const unit = card.unit(id)!;
    expect(await page.textContent("[data-testid=total]")).toBe(vi(unit.total));
    expect(await page.textContent("[data-testid=rank]")).toContain(`${(unit.standing as { position: number }).position}/`);
    const radar = await cells("#unit-radar table tbody td");
    expect(radar).toEqual(unit.blocks.map((block) => (block.points ? ((block.points.units / block.max.units) * 100).toFixed(2).replace(".", ",") : "—")));
    const points = await cells("#item-table tbody td[data-col=points]");
    expect(points).toEqual(unit.items.map((item) => vi(item.points)));
  });

  it("recomputes the planner with core: a changed numerator gives core's total, band and rank", async () => {
    const unit = card.units.find((entry) => entry.unit.level === "commune" && entry.standing.ranked && entry.items.some((item) => item.code === "ON_TIME" && item.counts && item.counts.numerator + 5 <= item.counts.denominator))!;
    await open(`#/unit/${unit.unit.id}`, "#planner-table");
    const onTime = unit.items.find((item) => item.code === "ON_TIME")!.counts!;
    const input = page.locator("#planner-table tr[data-item=ON_TIME] input[data-field=numerator]");
    expect(await input.inputValue()).toBe(String(onTime.numerator));
    expect(await page.textContent("[data-testid=planner-total]")).toBe(vi(unit.total));

    const changed = onTime.numerator + 5;
    await input.fill(String(changed));
    const edited = structuredClone(demo.data);
    const row = edited.figures.find((figure) => figure.unit === unit.unit.id && figure.period === PERIOD)!;
    row.items.ON_TIME = [changed, onTime.denominator];
    const expected = score(edited).unit(unit.unit.id)!;
    expect(expected.total!.units).not.toBe(unit.total!.units);
    await expect.poll(() => page.textContent("[data-testid=planner-total]")).toBe(vi(expected.total));
    expect(await page.textContent("[data-testid=planner-rank]")).toBe(expected.standing.ranked ? `${expected.standing.position}/${expected.standing.of}${expected.standing.tied ? " (đồng hạng)" : ""}` : "Chưa xếp hạng");
    expect(await page.textContent("[data-testid=planner-changes]")).toBe("1 chỉ tiêu đã thay đổi");

    // A numerator above its denominator is refused with core's message.
    await input.fill(String(onTime.denominator + 1));
    await expect.poll(() => page.locator("#planner .error").textContent()).toContain("lớn hơn mẫu số");

    // Reset, then apply the smallest change to the next band (or rank): core confirms it reaches it.
    await page.click("#planner-reset");
    await expect.poll(() => page.textContent("[data-testid=planner-total]")).toBe(vi(unit.total));
    // The first goal (band, else rank) that one item can reach alone.
    const goalSection = page.locator("[data-testid=next-band], [data-testid=next-rank]").filter({ has: page.locator("li[data-item] button") }).first();
    const option = goalSection.locator("li[data-item]").first();
    const code = (await option.getAttribute("data-item"))!;
    const target = await goalSection.locator("h4").textContent();
    await option.locator("button").click();
    const value = Number(await page.locator(`#planner-table tr[data-item=${code}] input[data-field=numerator]`).inputValue());
    const applied = structuredClone(demo.data);
    const appliedRow = applied.figures.find((figure) => figure.unit === unit.unit.id && figure.period === PERIOD)!;
    const before = unit.items.find((item) => item.code === code)!.counts!;
    appliedRow.items[code] = [value, before.denominator];
    const reached = score(applied).unit(unit.unit.id)!;
    await expect.poll(() => page.textContent("[data-testid=planner-total]")).toBe(vi(reached.total));
    const goal = Number(/\(.*?(\d+,\d\d)/.exec(target!)![1]!.replace(",", "."));
    expect(reached.total!.toNumber()).toBeGreaterThanOrEqual(goal);
    // …and one dossier fewer does not.
    appliedRow.items[code] = [value - 1, before.denominator];
    expect(score(applied).unit(unit.unit.id)!.total!.toNumber()).toBeLessThan(goal);

    // Export the scenario as JSON.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#planner-export")]);
    const scenario = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(scenario).toMatchObject({ format: "chiso.scenario/1", unit: { id: unit.unit.id }, period: PERIOD, after: { total: reached.total!.toString() } });
    expect(scenario.changes).toEqual([expect.objectContaining({ item: code, before, after: { numerator: value, denominator: before.denominator } })]);
  });

  it("compares two units chosen in the ranking", async () => {
    await open("#/ranking/department", "#ranking-table");
    const boxes = page.locator("#ranking-table tbody tr input[type=checkbox]");
    const ids = [await page.locator("#ranking-table tbody tr").nth(0).getAttribute("data-unit"), await page.locator("#ranking-table tbody tr").nth(3).getAttribute("data-unit")];
    await boxes.nth(0).check();
    await boxes.nth(3).check();
    await page.click("#compare-selected");
    await page.waitForSelector("#compare-table");
    expect(await page.locator("#compare-table thead th[data-unit]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-unit")))).toEqual(ids);
    expect(await cells("#compare-table tr[data-row=total] td")).toEqual(ids.map((id) => vi(card.unit(id!)!.total)));
    const radarRows = await page.locator("#compare-radar table tbody tr").count();
    expect(radarRows).toBe(6);
    expect(await page.locator("#compare-radar table thead th.num").count()).toBe(2);
  });

  it("downloads a unit's PDF card with its name and total", async () => {
    const unit = card.units.find((entry) => entry.unit.level === "department")!;
    await open(`#/unit/${unit.unit.id}`, "#download-card");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-card")]);
    expect(download.suggestedFilename()).toMatch(/-2026-10\.pdf$/);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, " ");
    expect(text).toContain(unit.unit.name);
    expect(text).toContain(vi(unit.total));
  });

  it("lists the data-quality findings core finds, and switches to English", async () => {
    await open("#/quality", "#findings-table");
    expect(await page.locator("#findings-table tbody tr").count()).toBe(card.findings.length);
    await page.click("#language");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await page.textContent("header nav")).toContain("Data quality");
    await open("#/overview?lang=en", "body[data-ready=overview]");
    expect(await page.textContent("[data-testid=total]")).toBe(formatPoints(card.unit("HS")!.total, "en"));
    expect(await page.textContent("h1")).toContain("October 2026");
  });

  it("shows the dossiers behind lost points and the published marks when the data has them", async () => {
    const unit = card.units.find((entry) => entry.unit.level === "commune" && entry.standing.ranked)!;
    await page.route("**/api/data", async (route) => {
      const payload = await (await route.fetch()).json();
      payload.evidence = [
        // An open, overdue feedback item: the 5.3 rule's `feedback_late` reads as on 5.2.
        { unit: unit.unit.id, period: PERIOD, item: "PETITION_HANDLING_SATISFACTION", count: 1, dossiers: [{ id: "F3", receivedAt: "2026-10-01", dueAt: "2026-10-03", daysLate: 9, reason: "feedback_late" }] },
        { unit: unit.unit.id, period: PERIOD, item: "ON_TIME", count: 1056, dossiers: [{ id: "000.00.01.H99-261001-0001", procedure: "1.001", procedureName: "Đăng ký khai sinh", receivedAt: "2026-10-01", dueAt: "2026-10-03", finishedAt: "2026-10-07", daysLate: 4, reason: "late" }] },
      ];
      payload.published = [{ unit: unit.unit.id, period: PERIOD, target: "TOTAL", published: 80.5, recomputed: unit.total!.toNumber() }];
      await route.fulfill({ json: payload });
    });
    await open(`#/unit/${unit.unit.id}`, "#evidence");
    expect(await page.textContent("#evidence")).toContain("Đăng ký khai sinh");
    expect(await page.textContent("#evidence [data-evidence=ON_TIME] summary")).toContain("1.056 hồ sơ (hiển thị 1)");
    expect(await page.textContent("#evidence")).toContain("Giải quyết quá hạn");
    const feedback = await page.textContent("#evidence [data-evidence=PETITION_HANDLING_SATISFACTION]");
    expect(feedback).toContain("1 PAKN");
    expect(feedback).toContain("Mã PAKN");
    expect(feedback).not.toContain("hồ sơ");
    expect(feedback).toContain("PAKN đang xử lý, đã quá hạn");
    expect(await page.textContent("#evidence-title")).toBe("Hồ sơ và PAKN làm mất điểm");
    // In the scorecard's item order (2.1 before 5.3), whatever the file's order.
    expect(await page.$$eval("#evidence details", (all) => all.map((element) => element.getAttribute("data-evidence")))).toEqual(["ON_TIME", "PETITION_HANDLING_SATISFACTION"]);
    expect(await page.textContent("[data-testid=published]")).toContain("80,50");
    await page.unroute("**/api/data");
  });

  it("says on the unit's page which items a unit did not report, and does not rank it", async () => {
    const unit = card.units.find((entry) => entry.unit.level === "commune" && entry.standing.ranked)!;
    await page.route("**/api/data", async (route) => {
      const payload = await (await route.fetch()).json();
      const row = payload.document.figures.find((figure: { unit: string; period: string }) => figure.unit === unit.unit.id && figure.period === PERIOD);
      row.items = { ON_TIME: row.items.ON_TIME };
      await route.fulfill({ json: payload });
    });
    await open(`#/unit/${unit.unit.id}`, "[data-testid=incomplete]");
    expect(await page.textContent("[data-testid=incomplete]")).toMatch(/^Số liệu chưa đủ: thiếu \d+ chỉ tiêu \(\d\.\d /);
    expect(await page.textContent("main")).toContain("thiếu số liệu một số chỉ tiêu hoặc tháng");
    await page.unroute("**/api/data");
  });

  it("ranks a unit that did not report every item when served with --rank-incomplete, at core's position", async () => {
    const unit = card.units.find((entry) => entry.unit.level === "commune" && entry.standing.ranked)!;
    let edited: FiguresFile | undefined;
    await page.route("**/api/data", async (route) => {
      const payload = await (await route.fetch()).json();
      const row = payload.document.figures.find((figure: { unit: string; period: string }) => figure.unit === unit.unit.id && figure.period === PERIOD);
      row.items = { ON_TIME: row.items.ON_TIME };
      payload.meta.rankIncomplete = true;
      edited = payload.document;
      await route.fulfill({ json: payload });
    });
    await open(`#/unit/${unit.unit.id}`, "[data-testid=incomplete]");
    const expected = scoreDataset(parseDataset(edited!, getScheme()), { period: PERIOD, asOf: AS_OF, rankIncomplete: true }).unit(unit.unit.id)!;
    expect(expected.standing.ranked).toBe(true);
    const { position, of } = expected.standing as { position: number; of: number };
    expect(await page.textContent("[data-testid=rank]")).toContain(`${position}/${of}`);
    expect(await page.textContent("[data-testid=total]")).toBe(vi(expected.total));
    await page.unroute("**/api/data");
  });

  it("works from the keyboard: skip link, sortable headers, links", async () => {
    await open("#/ranking/department", "#ranking-table");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.focus("button[data-sort=name]");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("th:has(button[data-sort=name])", "aria-sort")).toBe("ascending");
    const names = await cells("#ranking-table tbody tr:not(.unranked) th a");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "vi")));
    await page.focus("#ranking-table tbody tr th a");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#item-table");
  });

  it("ran without console errors, CSP violations or requests leaving the machine", () => {
    expect(problems).toEqual([]);
  });
});
