import type { ChildProcess } from "node:child_process";
import type { FiguresFile } from "@chiso/core";
import type { BrowserContext, Page } from "playwright-core";

export declare const CLI_BIN: string;
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare function writeDemoFigures(): Promise<{ dir: string; file: string; data: FiguresFile; cleanup: () => Promise<void> }>;
export interface ServeExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
export declare function startServe(args: readonly string[], options?: { timeout?: number }): { child: ChildProcess; url: Promise<string>; exit: Promise<ServeExit>; stop: (signal?: NodeJS.Signals) => Promise<ServeExit> };
export declare function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }>;
export declare function watchPage(page: Page, problems: string[], origin?: string): void;
export declare function openViewer(args: readonly string[], options: { problems: string[]; sameOrigin?: boolean }): Promise<{ base: string; page: Page; close: () => Promise<number | null> }>;
