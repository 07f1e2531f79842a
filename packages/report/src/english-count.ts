/** An English count with its noun: "1 unit", "3 units" (Vietnamese nouns do not change with the count). */
export const countOf = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;
