import type { Dataset, FigureInput, FiguresFile, PublishedInput, PublishedScores, UnitInput } from "@chiso/core";

/**
 * The validated 766 figures of a dataset as a `chiso.figures/1` document, for the viewer to parse and
 * score again with @chiso/core in the browser. Whatever the input format (.xlsx, .csv, .json), the
 * browser receives one format; `parseDataset(toFiguresDocument(d), d.scheme)` scores exactly as `d`
 * (tested): counts (as `[n, d]`, which core reads on its fast path; `null` kept), published scores and
 * source flags travel with their rows, and `parentCounts` with the document. SIPAS surveys and PAR
 * assessments stay on the server (the viewer does not score them); the dossiers behind lost points travel
 * in the payload's own list.
 */
export function toFiguresDocument(dataset: Dataset): FiguresFile {
  const units = dataset.units.map((unit): UnitInput => ({
    id: unit.id,
    name: unit.name,
    level: unit.level,
    ...(unit.parent !== undefined && { parent: unit.parent }),
    ...(unit.code !== undefined && { code: unit.code }),
  }));
  const figures = dataset.figures.map((row): FigureInput => {
    const items: FigureInput["items"] = {};
    row.counts.forEach((counts, index) => {
      if (counts !== undefined) items[dataset.scheme.items[index]!.code] = counts === null ? null : [counts.numerator, counts.denominator];
    });
    return {
      unit: row.unit,
      period: row.period.key,
      items,
      ...(row.channels && { channels: row.channels }),
      ...(row.settlement && { settlement: row.settlement }),
      ...(row.stated && { stated: row.stated }),
      ...(row.tracked && { tracked: row.tracked }),
      ...(row.published && { published: publishedInput(row.published) }),
      ...(row.flags && { flags: [...row.flags] }),
    };
  });
  return {
    format: "chiso.figures/1",
    scheme: dataset.scheme.id,
    ...(dataset.parentCounts === "own" && { parentCounts: "own" }),
    ...(dataset.provenance && { source: dataset.provenance }),
    units,
    figures,
  };
}

function publishedInput(published: PublishedScores): PublishedInput {
  return {
    items: Object.fromEntries(published.items),
    blocks: Object.fromEntries(published.blocks),
    ...(published.total !== undefined && { total: published.total }),
  };
}
