// Importing a filled template of 3,434 unit rows (a national month) through @chiso/io, validation included.
import { getScheme } from "@chiso/core";
import { buildTemplate, figureColumns, importFigures } from "@chiso/io";
import { nationalYear } from "./national-data.mjs";
import { measure } from "./measure.mjs";

export async function benchImport() {
  const scheme = getScheme();
  const { file } = nationalYear(scheme);
  const month = { units: file.units, figures: file.figures.filter((figure) => figure.period === "2025-01") };
  const bytes = new Uint8Array(await buildTemplate({ scheme, period: "2025-01", data: month }).xlsx.writeBuffer());
  let rows = 0;
  const timed = await measure(async () => {
    const result = await importFigures(bytes, { scheme, fileName: "national-2025-01.xlsx" });
    if (!result.dataset) throw new Error("the benchmark workbook should import cleanly");
    rows = result.rows.length;
  }, { repeat: 3 });
  return {
    title: "@chiso/io — import a filled template (one national month)",
    rows: [
      ["workbook", `${rows} unit rows × ${figureColumns(scheme).length} columns, ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB`],
      ["read, match headers, parse cells, validate", `${timed.ms.toFixed(0)} ms`, "target < 2000 ms"],
    ],
    pass: timed.ms < 2000,
  };
}
