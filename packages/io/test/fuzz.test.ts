import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importFigures } from "../src/index.js";
import { sampleCsv, sampleFile, scheme } from "./fixture.js";

/** What a person meant by a cell, decided independently of the importer: a count, or nothing certain. */
function meaning(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (/^\d{1,3}(\.\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\./g, ""));
  if (/^\d{1,3}([ \u00a0]\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/[ \u00a0]/g, ""));
  return null;
}

const corruption = fc.oneof(
  fc.constantFrom("", " ", "1,234", "1.234", "12.5", "-4", "abc", "=1+1", "+1", "@SUM(A1)", "１２", "NaN", "1e3", "0x10", "9007199254740993", "\u00a0", "12 345", "1 2"),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 0, max: 100_000 }).map(String),
);

describe("random corruptions of a valid file", () => {
  const lines = sampleCsv().split("\r\n");
  const width = lines[0]!.split(";").length;
  const original = sampleFile();

  it("never crash and never give a silent wrong number", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: lines.length - 2 }), fc.integer({ min: 5, max: width - 1 }), corruption), { minLength: 1, maxLength: 4 }), async (edits) => {
        const rows = lines.map((line) => line.split(";"));
        for (const [row, column, text] of edits) rows[row]![column] = text.replace(/[;\r\n"]/g, "");
        const result = await importFigures(new TextEncoder().encode(rows.map((cells) => cells.join(";")).join("\r\n")), { scheme, fileName: "fuzz.csv" });
        expect(result.rows).toHaveLength(original.figures.length);
        if (!result.dataset) {
          expect(result.issues.some((issue) => issue.severity === "error")).toBe(true);
          return;
        }
        // Accepted: every count must be what the cell says, and what the original said elsewhere.
        for (const [index, figure] of result.dataset.figures.entries()) {
          for (const item of scheme.items) {
            const counts = figure.counts[item.index];
            const column = 5 + item.index * 2;
            for (const [offset, field] of [[0, "numerator"], [1, "denominator"]] as const) {
              const cell = rows[index + 1]![column + offset] ?? "";
              const expected = cell.trim() === "" ? undefined : meaning(cell);
              expect(expected, `row ${index + 2} col ${column + offset + 1}: "${cell}"`).not.toBeNull();
              expect(counts?.[field]).toBe(expected);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
