import { labelsFor } from "../labels.js";
import { formatDateTime } from "./format.js";
import type { PackContext } from "./types.js";

/** Month keys in order as runs: "2026-01, 2026-02, 2026-03, 2026-05" → ["01–03/2026", "05/2026"]. */
function monthRuns(keys: readonly string[]): string[] {
  const runs: { year: string; first: number; last: number }[] = [];
  for (const key of keys) {
    const [year, month] = [key.slice(0, 4), Number(key.slice(5, 7))];
    const run = runs.at(-1);
    if (run && run.year === year && run.last === month - 1) run.last = month;
    else runs.push({ year, first: month, last: month });
  }
  const two = (month: number) => String(month).padStart(2, "0");
  return runs.map((run) => `${two(run.first)}${run.last > run.first ? `–${two(run.last)}` : ""}/${run.year}`);
}

/**
 * The line at the foot of every page of every document (PDF, Word, printed workbook): the method, the input's
 * checksum, when it was generated and, once the period is signed off in the office's store, when and by whom
 * (a quarter or year partly signed off: which months are and which are not).
 */
export function footerText(context: PackContext): string {
  const labels = labelsFor(context.language);
  const parts = [`${labels.footerScheme}: ${context.scheme}`, `${labels.footerChecksum}: ${context.checksum.slice(0, 16)}`, `${labels.footerGenerated}: ${context.generatedLabel}`];
  const signOff = context.signOff;
  if (signOff) {
    const at = new Date(signOff.at);
    parts.push(labels.signedOff(Number.isNaN(at.getTime()) ? signOff.at : formatDateTime(at, context.language), signOff.by ?? ""));
  } else if (context.monthSignOffs?.some((month) => month.at !== null)) {
    // A quarter or year with some months signed off is neither signed off nor unlocked: name both sides.
    const months = (state: "signed" | "unsigned" | "absent") =>
      monthRuns(context.monthSignOffs!.filter((month) => (month.at !== null ? "signed" : month.absent ? "absent" : "unsigned") === state).map((month) => month.period));
    parts.push(labels.partlySignedOff(months("signed"), months("unsigned"), months("absent")));
  }
  return parts.join(" · ");
}
