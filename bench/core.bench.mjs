// A national year (3,434 units × 12 months + the year) scored by @chiso/core, next to a same-work baseline
// written independently (bench/baseline-766.mjs) measured in the same run. Every timed run's output is
// checked: the engine and the baseline must agree on every unit-period (total, band, rank), and every item
// the engine scored is checked against an exact BigInt reference, ties included.
import { loadavg } from "node:os";
import { getScheme, parseDataset, scoreDataset } from "@chiso/core";
import { prepareBaseline, scoreBaseline } from "./baseline-766.mjs";
import { measure, measureTogether } from "./measure.mjs";
import { nationalYear } from "./national-data.mjs";
import { exactReference, percentFirstReference } from "./reference-points.mjs";

const AS_OF = "2026-11-21";

export async function benchCore() {
  const scheme = getScheme();
  const { file, months } = nationalYear(scheme);
  const periods = [...months, "2025"];
  const itemCount = file.figures.length * scheme.items.length;

  const parse = await measure(() => parseDataset(file, scheme), { repeat: 3 });
  const dataset = parse.result;
  const scoreYear = (findings) => periods.map((period) => scoreDataset(dataset, { period, asOf: AS_OF, findings }));
  const baselineData = prepareBaseline(file, scheme.definition);
  // The three run in turn, round after round, so a busy machine slows them alike; 15 rounds give a median that
  // holds still at a load of 10 on 2 cores (9 did not).
  const { engine, withFindings, baseline } = await measureTogether(
    { engine: () => scoreYear(false), withFindings: () => scoreYear(true), baseline: () => periods.map((period) => scoreBaseline(baselineData, period)) },
    { repeat: 15 },
  );

  const differences = compareWithBaseline(engine.result, baseline.result);
  const findingCount = withFindings.result.reduce((sum, card) => sum + card.findings.length, 0);
  const rounding = checkRounding(scheme, engine.result);
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  // Ratios of CPU time: on a shared machine it moves less than wall time (both are printed).
  const ratio = engine.cpuMs / baseline.cpuMs;
  const ratioFindings = withFindings.cpuMs / baseline.cpuMs;
  return {
    title: "@chiso/core — a national year (3,434 units × 12 months + the year, every item)",
    rows: [
      ["units × months", `${dataset.units.length} × 12 = ${file.figures.length} rows, ${itemCount.toLocaleString("en")} item counts; ${periods.length} periods scored`],
      ["parse and validate (parseDataset)", timing(parse), "target < 1000 ms"],
      ["score 12 months + year (engine)", timing(engine), `target < 300 ms; ${ratio.toFixed(2)}× the baseline (target ≤ 1.5×)`],
      ["  … with data-quality findings", timing(withFindings), `target < 500 ms; findings alone ≈ ${(withFindings.ms - engine.ms).toFixed(0)} ms, ${findingCount} findings; ${ratioFindings.toFixed(2)}× the baseline, which computes no findings`],
      ["same-work baseline (plain integers, bench/baseline-766.mjs)", timing(baseline), "roll-ups, year sums, inheritance, empty rules, transfers, groups, bands, ranks"],
      ["unit-periods compared with the baseline", `${differences.compared}`, `${differences.mismatches} differ (target 0)${differences.example ? `; e.g. ${differences.example}` : ""}`],
      ["items scored, checked against an exact BigInt reference", `${rounding.items.toLocaleString("en")}`, `${rounding.ties} rounding ties; ${rounding.misrounded} misrounded (target 0)`],
      ["peak memory (RSS)", `${peakMiB.toFixed(0)} MiB`, `heap now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`],
      ["load average (1, 5 min) after the rounds", loadavg().slice(0, 2).map((load) => load.toFixed(1)).join(", "), "the machine is shared: ratios of runs measured in the same rounds are the figures to compare"],
    ],
    pass: parse.ms < 1000 && engine.ms < 300 && withFindings.ms < 500 && ratio <= 1.5 && differences.mismatches === 0 && rounding.misrounded === 0,
  };
}

/** "212 ms (CPU 230 ms)": wall time, and the process's CPU time, which a busy machine moves less. */
const timing = (measured) => `${measured.ms.toFixed(0)} ms (CPU ${measured.cpuMs.toFixed(0)} ms)`;

/** Every unit-period's total, band and standing, engine against baseline. */
function compareWithBaseline(cards, baselines) {
  let compared = 0;
  let mismatches = 0;
  let example = null;
  cards.forEach((card, period) => {
    const base = baselines[period];
    card.units.forEach((unit, index) => {
      compared += 1;
      const total = unit.total?.units ?? -1;
      const position = unit.standing.ranked ? unit.standing.position : 0;
      const tied = unit.standing.ranked && unit.standing.tied ? 1 : 0;
      const same = total === base.total[index] && (unit.band?.code ?? null) === base.band[index] && position === base.position[index] && tied === base.tied[index];
      if (same) return;
      mismatches += 1;
      example ??= `${card.period.key} ${unit.unit.id}: engine ${total}/${unit.band?.code}/${position}, baseline ${base.total[index]}/${base.band[index]}/${base.position[index]}`;
    });
  });
  return { compared, mismatches, example };
}

/** Every scored item of the engine's own output against the exact reference of its rule. */
function checkRounding(scheme, cards) {
  let items = 0;
  let ties = 0;
  let misrounded = 0;
  for (const card of cards) {
    for (const unit of card.units) {
      for (const score of unit.items) {
        if (score.status !== "scored") continue;
        const item = scheme.itemByCode.get(score.code);
        const reference = (item.points.method === "percent-first" ? percentFirstReference : exactReference)(item.max, item.thresholdPercent, score.counts.numerator, score.counts.denominator);
        items += 1;
        if (reference.tie) ties += 1;
        if (reference.units !== score.points.units) misrounded += 1;
      }
    }
  }
  return { items, ties, misrounded };
}
