import { describe, expect, it } from "vitest";
import { formatNumber } from "./format.js";

describe("formatNumber", () => {
  it("groups thousands as each language writes them, decimals included", () => {
    expect(formatNumber(12345, "vi")).toBe("12.345");
    expect(formatNumber(12345, "en")).toBe("12,345");
    expect(formatNumber(1234.5, "vi")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(999, "vi")).toBe("999");
    expect(formatNumber(Number.MAX_SAFE_INTEGER, "vi")).toBe("9.007.199.254.740.991");
  });

  it("leaves text that is not a plain number as it is", () => {
    expect(formatNumber("—", "vi")).toBe("—");
  });
});
