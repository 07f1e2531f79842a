#!/usr/bin/env node
// `pnpm pack:cli`: the tarballs that `npm install -g` turns into a working `chiso` on a machine with only
// Node and npm — the CLI and the workspace packages it depends on, with `workspace:` ranges replaced by
// versions (pnpm pack does that). Written to dist-tarballs/ (git-ignored). Run after `pnpm build`.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PACKAGES = ["packages/core", "packages/io", "packages/report", "packages/store", "apps/cli"];
const root = fileURLToPath(new URL("..", import.meta.url));
const destination = fileURLToPath(new URL("../dist-tarballs/", import.meta.url));

rmSync(destination, { recursive: true, force: true });
mkdirSync(destination, { recursive: true });
for (const folder of PACKAGES) {
  execFileSync("pnpm", ["pack", "--pack-destination", destination], { cwd: `${root}${folder}`, stdio: ["ignore", "ignore", "inherit"] });
}
const tarballs = readdirSync(destination).filter((name) => name.endsWith(".tgz")).sort();
console.log(`dist-tarballs/: ${tarballs.join(" ")}`);
console.log("Install with: npm install -g dist-tarballs/*.tgz");
