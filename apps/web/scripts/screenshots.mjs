// `pnpm screenshots`: PNGs of the overview, a unit page and the planner, in Vietnamese and English,
// from the built viewer served by the built CLI on the demo province. Output: apps/web/screenshots/.
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launchBrowser, startServe, writeDemoFigures } from "./harness.mjs";

const out = fileURLToPath(new URL("../screenshots/", import.meta.url));
const UNIT = process.argv[2] ?? "HS-X001";

const demo = await writeDemoFigures();
const server = startServe(["--input", demo.file, "--period", "2026-10", "--as-of", "2026-11-21"]);
const browser = await launchBrowser();
try {
  const base = await server.url;
  await mkdir(out, { recursive: true });
  const page = await browser.context.newPage();
  const ready = () => page.waitForFunction(() => document.fonts.status === "loaded" && document.querySelectorAll("svg.svg-chart").length > 0);
  for (const lang of ["vi", "en"]) {
    await page.goto(`${base}#/overview?lang=${lang}`);
    await page.waitForSelector("body[data-ready=overview]");
    await ready();
    await page.screenshot({ path: `${out}overview-${lang}.png`, fullPage: true });

    await page.goto(`${base}#/ranking/commune?lang=${lang}`);
    await page.waitForSelector("#ranking-table");
    // A hash route keeps the document and its scroll (the planner's, in the second language): from the top.
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${out}ranking-${lang}.png` });

    await page.goto(`${base}#/unit/${UNIT}?lang=${lang}`);
    await page.waitForSelector("#item-table");
    await ready();
    await page.screenshot({ path: `${out}unit-${lang}.png`, fullPage: true });

    // The planner after one change: the first suggestion towards the next band applied.
    const apply = page.locator("#to-next-band button, #to-next-rank button").first();
    if (await apply.count()) await apply.click();
    await page.locator("#planner").scrollIntoViewIfNeeded();
    await page.locator("#planner").screenshot({ path: `${out}planner-${lang}.png` });

    await page.goto(`${base}#/compare?units=HS-X001,HS-X002,HS-S01&lang=${lang}`);
    await page.waitForSelector("#compare-table");
    await ready();
    await page.screenshot({ path: `${out}compare-${lang}.png`, fullPage: true });
  }
  process.stdout.write(`Screenshots in ${out}\n`);
} finally {
  await browser.close();
  await server.stop();
  await demo.cleanup();
}
