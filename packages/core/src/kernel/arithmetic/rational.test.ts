import { describe, expect, it } from "vitest";
import { ceilQuotient, roundBigQuotient, roundQuotient } from "./rational.js";

describe("roundQuotient", () => {
  it.each([
    // p, q, half-up, half-even
    [4375, 1000, 4, 4],
    [4385, 1000, 4, 4],
    [5, 2, 3, 2],
    [7, 2, 4, 4],
    [1, 3, 0, 0],
    [2, 3, 1, 1],
    [0, 7, 0, 0],
    [10, 5, 2, 2],
    [2 ** 52 + 1, 2, 2 ** 51 + 1, 2 ** 51],
  ])("%i / %i → half-up %i, half-even %i", (p, q, up, even) => {
    expect(roundQuotient(p, q, "half-up")).toBe(up);
    expect(roundQuotient(p, q, "half-even")).toBe(even);
  });

  it("stays exact where the floating-point quotient is one off", () => {
    // (2^53 − 1) / (2^53 − 2) is just above 1; floating division says exactly 1.
    expect(roundQuotient(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, "half-up")).toBe(1);
    expect(roundQuotient(3 * 2 ** 50 - 1, 2 ** 51, "half-up")).toBe(1);
    expect(roundQuotient(3 * 2 ** 50, 2 ** 51, "half-up")).toBe(2);
  });

  it("rejects a zero divisor", () => {
    expect(() => roundQuotient(1, 0, "half-up")).toThrow(RangeError);
  });
});

describe("roundBigQuotient and ceilQuotient", () => {
  it("rounds ties of huge values", () => {
    expect(roundBigQuotient(10n ** 30n + 5n, 10n, "half-up")).toBe(10n ** 29n + 1n);
    expect(roundBigQuotient(10n ** 30n + 5n, 10n, "half-even")).toBe(10n ** 29n);
  });
  it.each([
    [10, 5, 2],
    [11, 5, 3],
    [0, 3, 0],
    [1, 3, 1],
  ])("ceil(%i / %i) = %i", (p, q, expected) => {
    expect(ceilQuotient(p, q)).toBe(expected);
  });
});
