import { formatNumber } from "@chiso/core";

/** An English count with its noun, thousands grouped: "1 unit", "1,056 units" (Vietnamese nouns do not change with the count). */
export const countOf = (count: number, noun: string): string => `${formatNumber(count, "en")} ${noun}${count === 1 ? "" : "s"}`;
