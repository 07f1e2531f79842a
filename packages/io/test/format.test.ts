import { describe, expect, it } from "vitest";
import { describeImportIssue, formatCount, formatNumber, formatSeconds, formatSize, importFigures } from "../src/index.js";
import { describePortalIssue, importPortalResponses } from "../src/index.js";

describe("numbers in messages, by language", () => {
  it("writes the Vietnamese decimal comma and thousands point, and the English point and comma", () => {
    expect(formatNumber(28.6, "vi")).toBe("28,6");
    expect(formatNumber(28.6, "en")).toBe("28.6");
    expect(formatNumber(9_987_700, "vi")).toBe("9.987.700");
    expect(formatNumber(9_987_700, "en")).toBe("9,987,700");
    expect(formatNumber(-1234.5, "vi")).toBe("-1.234,5");
    expect(formatNumber(999, "vi")).toBe("999");
    // Exact decimal text (a score) is regrouped as written, not through a float.
    expect(formatNumber("87.25", "vi")).toBe("87,25");
    expect(formatNumber("0.1000000000000000055511", "en")).toBe("0.1000000000000000055511");
    expect(formatNumber(4.66, "vi", { decimals: 1 })).toBe("4,7");
  });

  it("writes sizes and durations through the same rule", () => {
    expect(formatSize(30_000_000, "vi")).toBe("28,6 MB");
    expect(formatSize(30_000_000, "en")).toBe("28.6 MB");
    expect(formatSize(25 * 2 ** 20, "vi")).toBe("25 MB");
    expect(formatSize(1_000_000, "en")).toBe("977 KB");
    expect(formatSize(300 * 2 ** 20, "vi")).toBe("300 MB");
    expect(formatSize(2 ** 30 * 1.5, "en")).toBe("1,536 MB");
    expect(formatSeconds(4.66, "vi")).toBe("4,7 s");
    expect(formatSeconds(4.66, "en")).toBe("4.7 s");
  });

  it("gives English nouns their plural and Vietnamese none", () => {
    expect(formatCount(1, { vi: "đơn vị", en: "unit" }, "en")).toBe("1 unit");
    expect(formatCount(3, { vi: "đơn vị", en: "unit" }, "en")).toBe("3 units");
    expect(formatCount(0, { vi: "đơn vị", en: "unit" }, "en")).toBe("0 units");
    expect(formatCount(1204, { vi: "mục", en: ["entry", "entries"] }, "en")).toBe("1,204 entries");
    expect(formatCount(1, { vi: "mục", en: ["entry", "entries"] }, "en")).toBe("1 entry");
    expect(formatCount(1204, { vi: "đơn vị", en: "unit" }, "vi")).toBe("1.204 đơn vị");
  });

  it("says a file's size in the language of the message", async () => {
    const big = new Uint8Array(30_000_000);
    const result = await importFigures(big, { fileName: "so-lieu.csv", maxBytes: 25 * 2 ** 20 });
    expect(describeImportIssue(result.issues[0]!, "vi")).toBe("so-lieu.csv: tệp lớn 28,6 MB, vượt giới hạn 25 MB; hãy tách theo tháng hoặc tăng giới hạn (--max-size).");
    expect(describeImportIssue(result.issues[0]!, "en")).toBe("so-lieu.csv: the file is 28.6 MB, over the 25 MB limit; split it by month or raise the limit (--max-size).");
    // A file known only to be over the limit (a pipe) is said to be so, without a size.
    expect(describeImportIssue({ file: "-", code: "file_too_large", severity: "error", params: { limit: 25 * 2 ** 20 } }, "vi")).toBe("-: tệp vượt giới hạn 25 MB; hãy tách theo tháng hoặc tăng giới hạn (--max-size).");
    const portal = importPortalResponses([{ name: "phan-hoi.json", bytes: new Uint8Array(3 * 2 ** 20) }], { period: "2026-08", maxBytes: 2 ** 20 });
    expect(portal.issues.map((issue) => describePortalIssue(issue, "vi"))).toEqual([expect.stringContaining("tệp lớn 3 MB, vượt giới hạn 1 MB")]);
  });
});
