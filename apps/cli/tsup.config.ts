import { cp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { defineConfig } from "tsup";

const viewer = new URL("../web/dist/", import.meta.url);

export default defineConfig({
  entry: ["src/bin.ts", "src/index.ts", "src/commands/*/index.ts", "src/pack/render-worker.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "node20",
  splitting: true,
  // `chiso serve` ships the built viewer (apps/web, built first by turbo) inside the package: dist/web.
  async onSuccess() {
    const target = new URL("./dist/web/", import.meta.url);
    await rm(target, { recursive: true, force: true });
    if (existsSync(new URL("index.html", viewer))) await cp(viewer, target, { recursive: true });
  },
});
