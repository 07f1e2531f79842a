#!/usr/bin/env node
// `pnpm pack:cli`: the tarballs that `npm install -g` turns into a working `chiso` on a machine with only
// Node and npm — the CLI and the workspace packages it depends on, with `workspace:` ranges replaced by
// versions (pnpm pack does that). Written to dist-tarballs/ (git-ignored). Run after `pnpm build`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The workspace's packages by name: folder and manifest. */
function workspacePackages() {
  const found = new Map();
  for (const base of ["packages", "apps"]) {
    for (const name of readdirSync(`${root}${base}`)) {
      const manifest = `${root}${base}/${name}/package.json`;
      if (!existsSync(manifest)) continue;
      const json = JSON.parse(readFileSync(manifest, "utf8"));
      found.set(json.name, { folder: `${base}/${name}`, json });
    }
  }
  return found;
}

/**
 * The CLI and every workspace package it needs at run time, found from the manifests (a fixed list went
 * stale when the CLI gained @chiso/dossiers, and `npm install -g` then failed with a 404).
 */
function runtimeClosure() {
  const all = workspacePackages();
  const wanted = new Set();
  const visit = (name) => {
    const entry = all.get(name);
    if (!entry || wanted.has(name)) return;
    wanted.add(name);
    for (const dependency of Object.keys(entry.json.dependencies ?? {})) visit(dependency);
  };
  visit("@chiso/cli");
  return [...wanted].map((name) => all.get(name).folder).sort();
}

export const PACKAGES = runtimeClosure();
const destination = fileURLToPath(new URL("../dist-tarballs/", import.meta.url));

rmSync(destination, { recursive: true, force: true });
mkdirSync(destination, { recursive: true });
for (const folder of PACKAGES) {
  execFileSync("pnpm", ["pack", "--pack-destination", destination], { cwd: `${root}${folder}`, stdio: ["ignore", "ignore", "inherit"] });
}
const tarballs = readdirSync(destination).filter((name) => name.endsWith(".tgz")).sort();
console.log(`dist-tarballs/: ${tarballs.join(" ")}`);
console.log("Install with: npm install -g dist-tarballs/*.tgz");
