import type { Channels, FigureInput, SourceFlag } from "@chiso/core";
import type { PortalLocation } from "./issues.js";

/** Where a part of a row was read: the record, and the field (or the numerator's and denominator's fields). */
interface Origin {
  readonly at: PortalLocation;
  readonly field?: string;
  readonly numerator?: string;
  readonly denominator?: string;
}

/**
 * One unit's row of figures as the responses fill it in, with where each part came from, so that a
 * problem the core finds later (`figures[4].items.ON_TIME.numerator`) is shown where it is in the
 * portal's files (`dvc-progress-tree.json › children[3] › totalOnTime`). Locations are built only for a
 * problem: a province has thousands of counts and almost never one.
 */
export class RowDraft {
  readonly items: Record<string, [number, number] | null> = {};
  readonly stated: Record<string, number> = {};
  readonly publishedItems: Record<string, number | null> = {};
  readonly publishedBlocks: Record<string, number | null> = {};
  readonly flags: SourceFlag[] = [];
  readonly tracked: Record<string, number> = {};
  channels?: Channels;
  /** `items.ON_TIME` → where it was read. */
  private readonly origins = new Map<string, Origin>();

  constructor(readonly unit: string) {}

  setCounts(code: string, counts: [number, number] | null, at: PortalLocation, fields: { numerator: string; denominator: string; field?: string }): void {
    this.items[code] = counts;
    this.origins.set(`items.${code}`, { at, ...fields });
  }

  publishItem(code: string, score: number | null, at: PortalLocation, field: string): void {
    this.publishedItems[code] = score;
    this.origins.set(`published.items.${code}`, { at, field });
  }

  publishBlock(code: string, score: number | null, at: PortalLocation, field: string): void {
    this.publishedBlocks[code] = score;
    this.origins.set(`published.blocks.${code}`, { at, field });
  }

  /** Notes where a part without counts (`channels`, `tracked`) was read. */
  note(key: string, at: PortalLocation, field: string): void {
    this.origins.set(key, { at, field });
  }

  /** Where a core issue's path (after `figures[i]`) points, the most precise location known. */
  locate(path: readonly (string | number)[]): PortalLocation | undefined {
    for (let length = Math.min(path.length, 3); length > 0; length -= 1) {
      const origin = this.origins.get(path.slice(0, length).join("."));
      if (!origin) continue;
      const part = path[length];
      const field = part === "numerator" ? origin.numerator : part === "denominator" ? origin.denominator : (origin.field ?? origin.numerator);
      return field ? { ...origin.at, field } : origin.at;
    }
    return undefined;
  }

  /** The row as `chiso.figures/1` writes it; items in the order `rank` gives (the scheme's). */
  toFigure(period: string, rank: (code: string) => number): FigureInput {
    const items = Object.fromEntries(Object.entries(this.items).sort(([a], [b]) => rank(a) - rank(b)));
    const published = {
      ...(Object.keys(this.publishedItems).length > 0 && { items: this.publishedItems }),
      ...(Object.keys(this.publishedBlocks).length > 0 && { blocks: this.publishedBlocks }),
    };
    return {
      unit: this.unit,
      period,
      items,
      ...(this.channels && { channels: this.channels }),
      ...(Object.keys(this.stated).length > 0 && { stated: this.stated }),
      ...(Object.keys(this.tracked).length > 0 && { tracked: this.tracked }),
      ...(Object.keys(published).length > 0 && { published }),
      ...(this.flags.length > 0 && { flags: this.flags }),
    };
  }
}
