// Scores a national year with @chiso/core and compares it, in the same run, with plain integer
// arithmetic on the same counts, decimal.js per item, and an exact BigInt reference for ties.
import { Dec, getScheme, parseDataset, pointsUnits, scoreDataset } from "@chiso/core";
import { nationalYear } from "./national-data.mjs";
import { measure } from "./measure.mjs";

export async function benchCore() {
  const scheme = getScheme();
  const { file: data, months } = nationalYear(scheme);
  const scoredItems = scheme.items.filter((item) => item.maxUnits > 0);
  const itemCount = data.figures.length * scheme.items.length;

  const parse = await measure(() => parseDataset(data, scheme));
  const dataset = parseDataset(data, scheme);

  const scoreYear = (findings) => {
    let ranked = 0;
    for (const period of [...months, "2025"]) {
      const card = scoreDataset(dataset, { period, asOf: "2026-11-21", findings });
      for (const unit of card.units) if (unit.standing.ranked) ranked += 1;
    }
    return ranked;
  };
  const engine = await measure(() => scoreYear(false));
  const engineWithFindings = await measure(() => scoreYear(true));

  // Baseline: the same item rule in plain integer arithmetic over the same counts, no objects.
  const rows = dataset.figures.map((row) => row.counts);
  const baseline = await measure(() => {
    let total = 0;
    for (const counts of rows) {
      for (const item of scoredItems) {
        const value = counts[item.index];
        if (value === undefined || value.denominator === 0) continue;
        const p = item.factorNumerator * value.numerator;
        const q = item.factorDenominator * value.denominator;
        const units = Math.floor((2 * p + q) / (2 * q));
        total += units > item.maxUnits ? item.maxUnits : units;
      }
    }
    return total;
  });

  // decimal.js per item (multiply first, divide once), on one month only: it is ~100× slower.
  const oneMonth = rows.filter((_, index) => dataset.figures[index].period.key === "2025-01");
  const decimalPerItem = await measure(() => {
    let total = new Dec(0);
    for (const counts of oneMonth) {
      for (const item of scoredItems) {
        const value = counts[item.index];
        if (value === undefined || value.denominator === 0) continue;
        const max = new Dec(item.max);
        const points = Dec.min(max, max.times(value.numerator).div(item.threshold.times(value.denominator)));
        total = total.plus(points.toDecimalPlaces(2, Dec.ROUND_HALF_UP));
      }
    }
    return total;
  }, { repeat: 1 });

  // Exactness over every item of the year: the engine against a BigInt reference; naive floats for contrast.
  let ties = 0;
  let engineMisrounded = 0;
  let floatMisrounded = 0;
  for (const counts of rows) {
    for (const item of scoredItems) {
      const value = counts[item.index];
      if (value === undefined || value.denominator === 0) continue;
      const p = BigInt(item.factorNumerator) * BigInt(value.numerator);
      const q = BigInt(item.factorDenominator) * BigInt(value.denominator);
      if ((2n * p) % (2n * q) === q) ties += 1;
      let reference = (2n * p + q) / (2n * q);
      if (reference > BigInt(item.maxUnits)) reference = BigInt(item.maxUnits);
      if (BigInt(pointsUnits(scheme, item, value)) !== reference) engineMisrounded += 1;
      const float = Math.round(Math.min(Number(item.max), (Number(item.max) * (value.numerator / value.denominator)) / (Number(item.thresholdPercent) / 100)) * 100);
      if (BigInt(float) !== reference) floatMisrounded += 1;
    }
  }

  return {
    title: "@chiso/core — a national year (3,434 units × 12 months + the year, every item)",
    rows: [
      ["units × months", `${dataset.units.length} × 12 = ${data.figures.length} rows, ${itemCount.toLocaleString("en")} item counts`],
      ["validate (parseDataset)", `${parse.ms.toFixed(0)} ms`],
      ["score 12 months + year (engine)", `${engine.ms.toFixed(0)} ms`, "target < 1000 ms"],
      ["  … with data-quality findings", `${engineWithFindings.ms.toFixed(0)} ms`],
      ["baseline: plain integer arithmetic, same counts", `${baseline.ms.toFixed(1)} ms`, `engine / baseline = ${(engine.ms / baseline.ms).toFixed(1)}×`],
      ["decimal.js per item, one month only", `${decimalPerItem.ms.toFixed(0)} ms`, `≈ ${((decimalPerItem.ms * 12) / 1000).toFixed(1)} s for 12 months`],
      ["rounding ties in the year's items", String(ties)],
      ["misrounded by the engine (vs BigInt reference)", String(engineMisrounded), "target 0"],
      ["misrounded by naive floats (Math.round(x·100))", String(floatMisrounded)],
      ["heap after scoring", `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`],
    ],
    pass: engine.ms < 1000 && engineMisrounded === 0,
  };
}
