import { labelsFor } from "../labels.js";
import { formatDateTime } from "./format.js";
import type { PackContext } from "./types.js";

/** "2026-08" → "08/2026". */
const monthLabel = (key: string): string => `${key.slice(5, 7)}/${key.slice(0, 4)}`;

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
    const months = (signed: boolean) => context.monthSignOffs!.filter((month) => (month.at !== null) === signed).map((month) => monthLabel(month.period));
    parts.push(labels.partlySignedOff(months(true), months(false)));
  }
  return parts.join(" · ");
}
