// Importing a filled template of 3,434 unit rows (a national month) through @chiso/io, validation included;
// and writing that template with @chiso/xlsx-writer next to exceljs writing the same workbook (read back).
import ExcelJS from "exceljs";
import { getScheme } from "@chiso/core";
import { buildTemplate, figureColumns, importFigures } from "@chiso/io";
import { nationalYear } from "./national-data.mjs";
import { measure, measureTogether } from "./measure.mjs";

export async function benchImport() {
  const scheme = getScheme();
  const { file } = nationalYear(scheme);
  const month = { units: file.units, figures: file.figures.filter((figure) => figure.period === "2025-01") };
  const date = new Date("2025-02-01T00:00:00Z");
  const bytes = buildTemplate({ scheme, period: "2025-01", data: month }).toBytes({ date });

  // exceljs writing the same workbook (a 500-row slice: exceljs is slow to load the whole month), loaded from
  // our file once; only the writing is timed, in turns with ours, and both files must import to the same figures.
  const slice = { units: month.units, figures: month.figures.slice(0, 500) };
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(buildTemplate({ scheme, period: "2025-01", data: slice }).toBytes({ date }));
  const writes = await measureTogether({
    ours: () => buildTemplate({ scheme, period: "2025-01", data: slice }).toBytes({ date }),
    exceljs: async () => new Uint8Array(await loaded.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } })),
  }, { repeat: 3 });
  const [ours, theirs] = await Promise.all([writes.ours.result, writes.exceljs.result].map((file) => importFigures(file, { scheme, fileName: "check.xlsx" })));
  const same = ours.dataset && theirs.dataset && ours.dataset.figures.length === slice.figures.length && ours.dataset.figures.every((figure, index) => JSON.stringify(figure) === JSON.stringify(theirs.dataset.figures[index]));
  if (!same) throw new Error("the two written workbooks should import to the same figures");
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
      ["write a template of 500 rows (and 3,434 units) with @chiso/xlsx-writer", `${writes.ours.ms.toFixed(0)} ms (CPU ${writes.ours.cpuMs.toFixed(0)})`, `exceljs writing the same workbook: ${writes.exceljs.ms.toFixed(0)} ms (CPU ${writes.exceljs.cpuMs.toFixed(0)}; ${(writes.exceljs.cpuMs / writes.ours.cpuMs).toFixed(1)}× the CPU); both import to the same figures`],
    ],
    pass: timed.ms < 2000,
  };
}
