import { Page } from "../views/Pages.js";
import { createModel, type Model } from "./model.js";
import type { ServedPayload } from "./payload.js";

export interface Loaded {
  readonly model: Model;
  readonly Page: typeof Page;
}

/** The figures, parsed and scored by @chiso/core in the browser, and the views that need them (one lazy chunk). */
export async function loadModel(payload: Promise<ServedPayload>): Promise<Loaded> {
  const figures = await payload;
  performance.mark("chiso:payload");
  return { model: createModel(figures), Page };
}
