import { defineConfig } from "tsup";

export default defineConfig({
  // periods.ts on its own: the CLI sorts periods without loading sql.js.
  entry: ["src/index.ts", "src/periods.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
