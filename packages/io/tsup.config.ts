import { defineConfig } from "tsup";

export default defineConfig({
  // `@chiso/io/portal` is its own entry so that reading the portal's responses never loads exceljs.
  entry: { index: "src/index.ts", "portal/index": "src/portal/index.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
