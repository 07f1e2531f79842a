import { defineConfig } from "tsup";

// Separate entries so that `@chiso/report/xlsx` never loads pdfkit, `/pdf` never loads the xlsx writer, and
// only `/docx` loads docx.
export default defineConfig({
  entry: { index: "src/index.ts", "pdf/index": "src/pdf/index.ts", "xlsx/index": "src/xlsx/index.ts", "docx/index": "src/docx/index.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  external: ["pdfkit", "docx", "jszip", "zod", "@chiso/core", "@chiso/xlsx-writer"],
});
