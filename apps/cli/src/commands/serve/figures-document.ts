import type { Dataset, FigureInput, FiguresFile, UnitInput } from "@chiso/core";

/**
 * The validated 766 figures of a dataset as a `chiso.figures/1` document, for the viewer to parse and
 * score again with @chiso/core in the browser. Whatever the input format (.xlsx, .csv, .json), the
 * browser receives one format; `parseDataset(toFiguresDocument(d), d.scheme)` scores exactly as `d`
 * (tested). SIPAS surveys and PAR assessments stay on the server: the viewer does not score them.
 */
export function toFiguresDocument(dataset: Dataset): FiguresFile {
  const units = dataset.units.map((unit): UnitInput => (unit.parent === undefined ? { id: unit.id, name: unit.name, level: unit.level } : { id: unit.id, name: unit.name, level: unit.level, parent: unit.parent }));
  const figures = dataset.figures.map((row): FigureInput => {
    // The long form, not the `[n, d]` short form: core's schema tries the long form first, and in the
    // browser (no eval under the CSP, so zod runs without its compiled parsers) failing it first for
    // every item made validation about 30% slower. The JSON is larger, which costs less.
    const items: Record<string, { numerator: number; denominator: number }> = {};
    row.counts.forEach((counts, index) => {
      if (counts) items[dataset.scheme.items[index]!.code] = { numerator: counts.numerator, denominator: counts.denominator };
    });
    return {
      unit: row.unit,
      period: row.period.key,
      items,
      ...(row.channels && { channels: row.channels }),
      ...(row.settlement && { settlement: row.settlement }),
      ...(row.stated && { stated: row.stated }),
      ...(row.tracked && { tracked: row.tracked }),
    };
  });
  return { format: "chiso.figures/1", scheme: dataset.scheme.id, units, figures };
}
