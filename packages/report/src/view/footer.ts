import { labelsFor } from "../labels.js";
import { formatDateTime } from "./format.js";
import type { PackContext } from "./types.js";

/**
 * The line at the foot of every page of every document (PDF, Word, printed workbook): the method, the input's
 * checksum, when it was generated and, once the period is signed off in the office's store, when and by whom.
 */
export function footerText(context: PackContext): string {
  const labels = labelsFor(context.language);
  const parts = [`${labels.footerScheme}: ${context.scheme}`, `${labels.footerChecksum}: ${context.checksum.slice(0, 16)}`, `${labels.footerGenerated}: ${context.generatedLabel}`];
  const signOff = context.signOff;
  if (signOff) {
    const at = new Date(signOff.at);
    parts.push(labels.signedOff(Number.isNaN(at.getTime()) ? signOff.at : formatDateTime(at, context.language), signOff.by ?? ""));
  }
  return parts.join(" · ");
}
