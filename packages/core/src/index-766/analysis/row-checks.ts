import { Dec } from "../../kernel/arithmetic/decimal.js";
import type { Dataset, FigureRow } from "../input/dataset.js";
import type { Finding } from "./findings.js";

/**
 * What one row says about itself: channel and settlement parts that do not add up, stated rates that do not
 * match their counts, and the flags its source attached.
 */
export function checkRow(dataset: Dataset, row: FigureRow, findings: Finding[]): void {
  const base = { unit: row.unit, period: row.period.key, source: row.source };
  const { channels, settlement } = row;
  if (channels) {
    const sum = channels.online + channels.direct + channels.post;
    if (sum !== channels.received) findings.push({ ...base, code: "channels_mismatch", params: { ...channels, sum } });
  }
  if (settlement) {
    const sum = settlement.early + settlement.onTime + settlement.overdue;
    if (sum !== settlement.settled) findings.push({ ...base, code: "settlement_mismatch", params: { ...settlement, sum } });
  }
  for (const flag of row.flags ?? []) {
    // A message in both languages travels as two params: the finding prints the one of its document.
    const message = typeof flag.message === "object" ? { messageVi: flag.message.vi, messageEn: flag.message.en } : { message: flag.message ?? "" };
    findings.push({ ...base, code: "source_flag", ...(flag.item && { item: flag.item }), params: { flag: flag.code, ...message } });
  }
  for (const [code, stated] of Object.entries(row.stated ?? {})) {
    const item = dataset.scheme.itemByCode.get(code)!;
    const counts = row.counts[item.index];
    if (!counts || counts.denominator === 0) continue;
    const computed = new Dec(counts.numerator).times(100).div(counts.denominator);
    // A stated rate written with k decimals may be off by half a unit of its last decimal.
    const statedDecimal = new Dec(stated);
    const tolerance = new Dec(5).div(new Dec(10).pow(statedDecimal.decimalPlaces() + 1));
    if (computed.minus(statedDecimal).abs().gt(tolerance)) {
      findings.push({ ...base, code: "stated_mismatch", item: code, params: { stated, computed: computed.toFixed(2), numerator: counts.numerator, denominator: counts.denominator } });
    }
  }
}
