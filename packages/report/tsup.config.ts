import { defineConfig } from "tsup";

// Separate entries so that `@chiso/report/xlsx` never loads pdfmake and `/pdf` never loads exceljs.
export default defineConfig({
  entry: { index: "src/index.ts", "pdf/index": "src/pdf/index.ts", "xlsx/index": "src/xlsx/index.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  external: ["pdfmake", "exceljs", "@chiso/core"],
});
