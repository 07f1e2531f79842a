// The history store with the demo province: add its 14 months one by one (each a full write of the file's
// bytes), then read the history a report of October takes and validate it — as `chiso store add` and
// `chiso report --store` do, minus the file I/O.
import { getScheme, parseDataset, scoreDataset } from "@chiso/core";
import { generateDemoData, DEMO_MONTHS } from "@chiso/cli";
import { Store } from "@chiso/store";
import { measure } from "./measure.mjs";

export async function benchStore() {
  const data = generateDemoData();
  const scheme = getScheme();
  const month = (period) => ({ units: data.units, figures: data.figures.filter((figure) => figure.period === period) });
  let bytes;
  const adding = await measure(async () => {
    let current;
    for (const period of DEMO_MONTHS) {
      const store = await Store.open(current);
      store.add(month(period), { scheme: scheme.id, checksum: "0".repeat(64), inputs: [], addedAt: new Date(0) });
      current = store.export();
      store.close();
    }
    bytes = current;
  }, { repeat: 3 });
  let units = 0;
  const reading = await measure(async () => {
    const store = await Store.open(bytes);
    const history = store.history({ period: "2026-10" });
    store.close();
    const card = scoreDataset(parseDataset(history.document, scheme), { period: "2026-10", asOf: "2026-11-30" });
    // Checked: the trend needs every month up to October, and every unit is scored.
    if (history.periods.length !== DEMO_MONTHS.indexOf("2026-10") + 1) throw new Error(`history has ${history.periods.length} months`);
    units = card.units.length;
  });
  const perMonth = adding.ms / DEMO_MONTHS.length;
  return {
    title: "@chiso/store — the demo province's history (sql.js)",
    rows: [
      ["store", `${DEMO_MONTHS.length} months × ${data.units.length} units, ${(bytes.length / 2 ** 20).toFixed(1)} MB`],
      ["add a month (open, add, export)", `${perMonth.toFixed(0)} ms`, "target < 500 ms"],
      ["history of 2026-10, validated and scored", `${reading.ms.toFixed(0)} ms`, `${units} units; target < 2000 ms`],
    ],
    pass: perMonth < 500 && reading.ms < 2000,
  };
}
