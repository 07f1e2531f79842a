// Shared by the browser tests, the screenshots script and `pnpm bench`: start the built `chiso serve`
// on a demo figures file and drive Debian's chromium with playwright-core (Playwright's own browser
// download cannot work here).
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const CLI_BIN = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));
const CLI_INDEX = new URL("../../cli/dist/index.js", import.meta.url).href;

export const CHROMIUM = process.env.CHISO_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Writes the demo province's figures (the same data as `chiso demo`) to a temporary folder. */
export async function writeDemoFigures() {
  const { generateDemoData } = await import(CLI_INDEX);
  const dir = await mkdtemp(join(tmpdir(), "chiso-web-"));
  const file = join(dir, "du-lieu-mau-hoa-son.json");
  const data = generateDemoData();
  await writeFile(file, `${JSON.stringify(data)}\n`);
  return { dir, file, data, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Starts `chiso serve` from the built CLI and resolves with its URL once it listens.
 * Resolves `exit` when the process ends (its code and output).
 */
export function startServe(args, { timeout = 60_000 } = {}) {
  const child = spawn(process.execPath, [CLI_BIN, "serve", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chiso serve did not start in ${timeout} ms: ${stderr}`)), timeout);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = /http:\/\/[^\s)]+\//.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    exit.then((result) => {
      clearTimeout(timer);
      reject(new Error(`chiso serve exited (${result.code}): ${result.stderr}`));
    });
  });
  url.catch(() => {});
  return { child, url, exit, stop: (signal = "SIGINT") => (child.kill(signal), exit) };
}

/** Debian's chromium, headless, with a fresh profile. */
export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), "chiso-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1366, height: 900 },
    reducedMotion: "reduce",
    acceptDownloads: true,
    locale: "vi-VN",
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records what a test page must never do into `problems`: throw, log an error or a warning, or — when `origin`
 * is given — fetch anything from elsewhere (the viewer is served whole by chiso serve).
 */
export function watchPage(page, problems, origin) {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  if (origin === undefined) return;
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`external request: ${url}`);
  });
}

/**
 * `chiso serve` with `args` and a chromium page on it, watched by `watchPage` (external requests too when
 * `sameOrigin`): what every viewer suite starts with. `close()` ends both and resolves with the server's exit code.
 */
export async function openViewer(args, { problems, sameOrigin = false }) {
  const server = startServe(args);
  const browser = await launchBrowser();
  const base = await server.url;
  const page = await browser.context.newPage();
  watchPage(page, problems, sameOrigin ? base : undefined);
  return {
    base,
    page,
    async close() {
      await browser.close();
      return (await server.stop("SIGINT")).code;
    },
  };
}
