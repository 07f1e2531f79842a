import type { Channels, FigureInput, SourceFlag } from "@chiso/core";
import type { PortalLocation } from "./issues.js";

/**
 * One unit's row of figures as the responses fill it in, with where each part came from, so that a
 * problem the core finds later (`figures[4].items.ON_TIME.numerator`) is shown where it is in the
 * portal's files (`dvc-progress-tree.json › children[3] › totalOnTime`).
 */
export class RowDraft {
  readonly items: Record<string, [number, number] | null> = {};
  readonly stated: Record<string, number> = {};
  readonly publishedItems: Record<string, number | null> = {};
  readonly publishedBlocks: Record<string, number | null> = {};
  readonly flags: SourceFlag[] = [];
  readonly tracked: Record<string, number> = {};
  channels?: Channels;
  /** `items.ON_TIME.numerator` → where it was read. */
  readonly origins = new Map<string, PortalLocation>();

  constructor(readonly unit: string) {}

  setCounts(code: string, counts: [number, number] | null, at: PortalLocation, fields: { numerator: string; denominator: string }): void {
    this.items[code] = counts;
    this.origins.set(`items.${code}`, at);
    this.origins.set(`items.${code}.numerator`, { ...at, field: fields.numerator });
    this.origins.set(`items.${code}.denominator`, { ...at, field: fields.denominator });
  }

  publishItem(code: string, score: number | null, at: PortalLocation): void {
    this.publishedItems[code] = score;
    this.origins.set(`published.items.${code}`, at);
  }

  publishBlock(code: string, score: number | null, at: PortalLocation): void {
    this.publishedBlocks[code] = score;
    this.origins.set(`published.blocks.${code}`, at);
  }

  /** Where a core issue's path (after `figures[i]`) points, the most precise location known. */
  locate(path: readonly (string | number)[]): PortalLocation | undefined {
    for (let length = path.length; length > 0; length -= 1) {
      const found = this.origins.get(path.slice(0, length).join("."));
      if (found) return found;
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
