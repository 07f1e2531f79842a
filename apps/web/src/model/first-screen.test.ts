import { getScheme, parseDataset } from "@chiso/core";
import { describe, expect, it } from "vitest";
import { generateDemoData } from "../../../cli/src/demo/generate.js";
import { headlineData, overviewData } from "./first-screen.js";
import { createModelFrom } from "./model.js";
import type { ServedPayload } from "./payload.js";

const data = generateDemoData();
const model = createModelFrom({ meta: { asOf: "2026-11-21" } } as unknown as ServedPayload, parseDataset(data, getScheme()));
const tanYen = data.units.find((unit) => unit.name === "Xã Tân Yên")!.id;

describe("the overview's largest changes", () => {
  it("leave out units whose figures were incomplete in either period (a change against a partial total is not a move)", () => {
    // The demo's Xã Tân Yên had no dossiers in October: its October total rests on catalogue items alone.
    expect(model.score("2026-10").unit(tanYen)!.completeness.status).not.toBe("complete");
    const movers = overviewData(model, "2026-11", "vi").movers;
    expect(movers.length).toBeGreaterThan(0);
    expect(movers.map((unit) => unit.id)).not.toContain(tanYen);
    const previous = model.previous("2026-11")!;
    for (const unit of movers) expect(previous.unit(unit.id)!.completeness.status).toBe("complete");
  });

  it("the unit's headline gives the reason instead of a change", () => {
    const score = model.score("2026-11").unit(tanYen)!;
    const headline = headlineData(model.scheme, score, model.previous("2026-11")!.unit(tanYen), "vi", true);
    expect(headline.change).toEqual({ score: "kỳ trước chưa đủ số liệu", rank: null, value: null });
    expect(headlineData(model.scheme, score, model.previous("2026-11")!.unit(tanYen), "en", true).change.score).toBe("previous period's figures incomplete");
  });
});
