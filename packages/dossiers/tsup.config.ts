import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "calendar/index": "src/calendar/index.ts", "sql/index": "src/sql/index.ts", "details/index": "src/details/index.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // The native DuckDB binding is loaded from node_modules at run time, never bundled.
  external: ["@duckdb/node-api", "@chiso/xlsx-writer"],
});
