import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LazyList, jsonChunks } from "../src/output/json-chunks.js";
import { printable, printableJson } from "../src/output/terminal.js";

describe("jsonChunks", () => {
  it("joins to exactly JSON.stringify(value, null, 2), lazy lists included", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))), (value) => {
        const text = [...jsonChunks(value, 3)].join("\n");
        expect(text).toBe(printableJson(JSON.stringify(value, null, 2)));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
    const lazy = [...jsonChunks({ units: new LazyList(3, (index) => ({ index })), empty: new LazyList(0, () => null) })].join("\n");
    expect(lazy).toBe(JSON.stringify({ units: [{ index: 0 }, { index: 1 }, { index: 2 }], empty: [] }, null, 2));
  });
});

describe("printable", () => {
  it.each([
    ["\u001b[31mđỏ\u001b[0m", "đỏ"],
    ["title\u001b]0;pwned\u0007 here", "title here"],
    ["a\u009b2Jb", "a2Jb"],
    ["x\u202eevil", "xevil"],
    ["line one\nline\ttwo\r", "line one\nline\ttwo"],
    ["Xã Hòa Sơn", "Xã Hòa Sơn"],
  ])("strips controls from %j", (text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it("leaves no control character in any text, and none in JSON once escaped", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(printable(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        const json = printableJson(JSON.stringify({ text }));
        expect(printable(json)).toBe(json);
        expect((JSON.parse(json) as { text: string }).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
