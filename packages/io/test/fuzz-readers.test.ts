// Property tests of the JSON and CSV readers: whatever the bytes, no crash, every row accounted for,
// every problem located, and no number accepted other than the one the file unambiguously holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImportIssue, importFigures, scanJson, type ImportResult } from "../src/index.js";
import { sampleCsv, sampleFile, scheme } from "./fixture.js";

const encode = (text: string) => new TextEncoder().encode(text);

/** What every import must satisfy, whatever it was given. */
function accountedFor(result: ImportResult): void {
  const accepted = result.rows.filter((row) => row.status === "accepted");
  expect(accepted.length).toBe(result.dataset?.figures.length ?? 0);
  expect(result.sources).toHaveLength(accepted.length);
  if (!result.dataset) expect(result.issues.some((issue) => issue.severity === "error")).toBe(true);
  for (const row of result.rows) if (row.status === "rejected" && result.dataset) expect(row.reasons.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    // Every message names its file and has a location or is about the whole file; it never runs long.
    const line = describeImportIssue(issue, "en");
    expect(line.startsWith(issue.file)).toBe(true);
    expect(line.length).toBeLessThan(2_000);
  }
}

/** A text with a few characters inserted, deleted or replaced at random places. */
const mutated = (text: string) =>
  fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 }), fc.oneof(fc.constantFrom("", ",", "]", "}", "[", "{", '"', ":", "\\", "\n", "-", "0", "1e9", "null", "__proto__", "\u0000", "\u001b[31m", "\uFEFF"), fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 5 }).map((edits) => {
    let result = text;
    for (const [at, remove, insert] of edits) {
      const position = Math.min(at, result.length);
      result = result.slice(0, position) + insert + result.slice(position + remove);
    }
    return result;
  });

describe("the JSON scanner", () => {
  it("agrees with JSON.parse on what is JSON, for JSON and for broken JSON", () => {
    const valid = JSON.stringify(sampleFile(), null, 1).slice(0, 3_000);
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated(valid), fc.string()), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const scan = scanJson(text);
        expect(scan.error === undefined).toBe(parses);
        if (scan.error) {
          expect(scan.error.line).toBeGreaterThanOrEqual(1);
          expect(scan.error.line).toBeLessThanOrEqual(text.split("\n").length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("the JSON reader", () => {
  const original = JSON.stringify(sampleFile(), null, 1);

  it("never crashes on any JSON value, anywhere in the document", async () => {
    const document = fc.oneof(
      fc.jsonValue(),
      fc.record({ units: fc.jsonValue(), figures: fc.jsonValue() }),
      fc.record({ units: fc.constant(sampleFile().units), figures: fc.array(fc.oneof(fc.jsonValue(), fc.record({ unit: fc.jsonValue(), period: fc.jsonValue(), items: fc.dictionary(fc.oneof(fc.constantFrom("ON_TIME", "__proto__", "constructor"), fc.string()), fc.jsonValue()) })), { maxLength: 4 }) }),
    );
    await fc.assert(
      fc.asyncProperty(document, async (value) => {
        accountedFor(await importFigures(encode(JSON.stringify(value)), { scheme, fileName: "fuzz.json" }));
      }),
      { numRuns: 200 },
    );
  });

  it("never accepts a number other than the one the (mutated) text holds", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(original), async (text) => {
        const result = await importFigures(encode(text), { scheme, fileName: "fuzz.json", skipInvalid: true });
        accountedFor(result);
        if (!result.dataset) return;
        // What JSON itself says the text holds, read independently of chiso.
        const parsed = JSON.parse(text.replace(/^\uFEFF/, "")) as { figures: { unit: string; period: string; items: Record<string, unknown> }[] };
        for (const row of result.dataset.figures) {
          const source = parsed.figures.find((figure) => figure.unit === row.unit && figure.period === row.period.key)!;
          for (const item of scheme.items) {
            const counts = row.counts[item.index];
            const raw = source.items[item.code] as [number, number] | { numerator: number; denominator: number } | undefined;
            const expected = raw === undefined ? undefined : Array.isArray(raw) ? { numerator: raw[0], denominator: raw[1] } : { numerator: raw.numerator, denominator: raw.denominator };
            expect(counts).toEqual(expected);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the CSV reader", () => {
  const original = sampleCsv();

  it("never crashes and accounts for every row, whatever is inserted or deleted", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(original), fc.boolean(), async (text, skipInvalid) => {
        accountedFor(await importFigures(encode(text), { scheme, fileName: "fuzz.csv", ...(skipInvalid && { skipInvalid }) }));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("never crashes on arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        accountedFor(await importFigures(bytes, { scheme, fileName: "fuzz.csv" }));
        accountedFor(await importFigures(bytes, { scheme, fileName: "fuzz.json" }));
        accountedFor(await importFigures(bytes, { scheme, fileName: "fuzz.xlsx" }));
      }),
      { numRuns: 200 },
    );
  });
});
