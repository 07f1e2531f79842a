// Importing a whole province's six portal responses (163 units) through @chiso/io/portal — recognition,
// zod validation of every record, the mapping and the core's validation of the figures built — next to
// reading the same bytes with JSON.parse alone, in the same run.
import { importPortalResponses } from "@chiso/io/portal";
import { COMMUNES, DEPARTMENTS, provinceResponses } from "./portal-data.mjs";
import { measure } from "./measure.mjs";

export async function benchPortal() {
  const files = provinceResponses();
  const bytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  const units = 1 + DEPARTMENTS + COMMUNES;
  const decoder = new TextDecoder();

  const parse = await measure(() => {
    let records = 0;
    for (const file of files) {
      const data = JSON.parse(decoder.decode(file.bytes)).data;
      records += (data.evaluation ?? data.children).length + 1;
    }
    if (records !== units * files.length) throw new Error(`JSON.parse read ${records} records`);
  }, { repeat: 9 });

  const imported = await measure(() => {
    const result = importPortalResponses(files, { period: "2026-08" });
    // Checked on every timed run: every unit in, one row each, no error, no list truncated.
    if (!result.document || result.document.units.length !== units || result.document.figures.length !== units) throw new Error("the province should import whole");
    if (result.issues.some((issue) => issue.severity === "error" || issue.code === "truncated_list" || issue.code === "unit_not_in_all")) throw new Error("the province should import without problems");
  }, { repeat: 9 });

  const ratio = imported.ms / parse.ms;
  return {
    title: `@chiso/io/portal — import a province's six responses (${units} units)`,
    rows: [
      ["responses", `${files.length} files, ${(bytes / 1024).toFixed(0)} KB of compact JSON, ${units} units each`],
      ["JSON.parse of the same bytes alone", `${parse.ms.toFixed(1)} ms`],
      ["recognise, validate, map, core validation", `${imported.ms.toFixed(1)} ms`, `${ratio.toFixed(1)}× JSON.parse; target < 500 ms`],
    ],
    // A province is imported once a month: half a second on a shared 2-core machine is plenty.
    pass: imported.ms < 500,
  };
}
