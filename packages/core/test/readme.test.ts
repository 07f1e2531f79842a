import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeFinding, getScheme, parseDataset, planImprovements, scoreDataset } from "../src/index.js";

/** A value as the README writes it after `// `: JavaScript literal syntax, keys unquoted. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{ ${Object.entries(value).map(([key, entry]) => `${key}: ${literal(entry)}`).join(", ")} }`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

// The README's example, kept true by running it: each line `expression; // value` of its example must show
// what the expression returns (trial 4, finding 18: it showed a rank the code does not give).
it("runs the README example, and the README shows what it returns", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const scheme = getScheme();
  const dataset = parseDataset(
    {
      units: [
        { id: "HS", name: "Tỉnh Hòa Sơn", level: "province" },
        { id: "X1", name: "Xã An Bình", level: "commune", parent: "HS" },
      ],
      figures: [{ unit: "X1", period: "2026-03", items: { ON_TIME: [7, 10], ONLINE_SERVICE_PROVIDED: [7, 10] } }],
    },
    scheme,
  );
  expect(readme).toContain(`figures: [{ unit: "X1", period: "2026-03", items: { ON_TIME: [7, 10], ONLINE_SERVICE_PROVIDED: [7, 10] } }],`);
  expect(readme).toContain(`const card = scoreDataset(dataset, { period: "2026-03", asOf: "2026-04-01" });`);
  const card = scoreDataset(dataset, { period: "2026-03", asOf: "2026-04-01" });
  const commune = card.unit("X1")!;
  const shown: [string, unknown][] = [
    [`commune.items.find((item) => item.code === "ONLINE_SERVICE_PROVIDED")?.points?.toString()`, commune.items.find((item) => item.code === "ONLINE_SERVICE_PROVIDED")?.points?.toString()],
    ["commune.total?.toString()", commune.total?.toString()],
    ["commune.completeness.status", commune.completeness.status],
    ["commune.completeness.missingItems.length", commune.completeness.missingItems.length],
    ["commune.band", commune.band],
    ["commune.standing", commune.standing],
    ["planImprovements(scheme, commune, 3).map((e) => `${e.item.code}: +${e.toFullMarks?.increase}`)", planImprovements(scheme, commune, 3).map((e) => `${e.item.code}: +${e.toFullMarks?.increase}`)],
    [`card.findings.filter((finding) => finding.unit === "X1").map((finding) => describeFinding(finding, "en").slice(0, 40))`, card.findings.filter((finding) => finding.unit === "X1").map((finding) => describeFinding(finding, "en").slice(0, 40))],
  ];
  for (const [expression, value] of shown) expect(readme).toContain(`${expression}; // ${literal(value)}`);
  // The values themselves, as worked out by hand: 2 × 0.7 / 0.8 = 1.75; 19 scored items not reported.
  expect(commune.total?.toString()).toBe("15.75");
  expect(commune.completeness.missingItems).toHaveLength(19);
  expect(commune.standing).toEqual({ ranked: false, reason: "incomplete" });
});
