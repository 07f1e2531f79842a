import { expect, it } from "vitest";
import { describeFinding, getScheme, parseDataset, planImprovements, scoreDataset } from "../src/index.js";

// The README's example, kept true by running it.
it("runs the README example", () => {
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
  const card = scoreDataset(dataset, { period: "2026-03" });
  const commune = card.unit("X1")!;
  expect(commune.items.find((item) => item.code === "ONLINE_SERVICE_PROVIDED")?.points?.toString()).toBe("1.75");
  expect(commune.total?.toString()).toBe("15.75");
  expect(commune.completeness.status).toBe("incomplete");
  expect(commune.completeness.missingItems).toHaveLength(19);
  expect(commune.standing).toEqual({ ranked: false, reason: "incomplete" });
  expect(commune.band).toBeNull();
  expect(planImprovements(scheme, commune, 3).map((e) => `${e.item.code}: +${e.toFullMarks?.increase}`)).toEqual(["ON_TIME: +3", "ONLINE_SERVICE_PROVIDED: +1"]);
  const communeFindings = card.findings.filter((finding) => finding.unit === "X1").map((finding) => describeFinding(finding, "en"));
  expect(communeFindings).toEqual([expect.stringMatching(/^19 items not reported \(1\.1, 1\.2, /)]);
});
