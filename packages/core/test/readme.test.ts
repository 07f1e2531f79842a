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
  expect(commune.standing).toEqual({ ranked: true, position: 1, of: 1, tied: false });
  expect(planImprovements(scheme, commune, 3).map((e) => `${e.item.code}: +${e.toFullMarks?.increase}`)).toEqual(["ON_TIME: +3", "ONLINE_SERVICE_PROVIDED: +1"]);
  expect(card.findings.map((finding) => describeFinding(finding))).toHaveLength(0);
});
