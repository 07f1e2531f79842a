import { describeEvidenceReason, evidenceFor, type Dataset, type EvidenceDossier, type Language, type Scheme, type SchemeItem, type Scorecard } from "@chiso/core";
import { labelsFor } from "../labels.js";
import { formatCount } from "./format.js";
import { itemName } from "./item-name.js";
import type { WorkbookTable } from "./types.js";

/** Excel's longest sheet name. */
const SHEET_NAME_LENGTH = 31;

/**
 * Whether a listed record is a feedback item (PAKN) rather than a dossier: the feedback items of 5.2 and 5.3
 * (`PETITION_…`), or a record whose reason is a feedback reason. The documents never call one "hồ sơ".
 */
export function isFeedback(itemCode: string, reason?: string): boolean {
  return itemCode.startsWith("PETITION_") || reason?.startsWith("feedback_") === true;
}

/**
 * A listed record's reason in words. A feedback item still open (no handling time) is "open past its due
 * date" on every item: the dossier engine's 5.3 rule writes `feedback_late` for it where 5.2 writes
 * `feedback_overdue_in_progress`, and an officer must read the same thing for the same item on both.
 */
export function evidenceReason(dossier: Pick<EvidenceDossier, "reason" | "finishedAt">, language: Language): string {
  const open = dossier.reason === "feedback_late" && !dossier.finishedAt;
  return describeEvidenceReason(open ? "feedback_overdue_in_progress" : dossier.reason, language);
}

/**
 * The workbook's sheet listing an item's dossiers: the item as the documents name it ("2.1 Giải quyết hồ sơ
 * đúng hạn"), cut at a word to Excel's 31 characters; the item's number keeps the names distinct.
 */
export function evidenceSheetName(item: SchemeItem, language: Language): string {
  const name = itemName(item, language).replace(/[:\\/?*[\]]/g, " ");
  if (name.length <= SHEET_NAME_LENGTH) return name;
  const cut = name.slice(0, SHEET_NAME_LENGTH - 1);
  // Cut at the last whole word (the cut may end exactly before a space).
  const space = name.charAt(cut.length) === " " ? cut.length : cut.lastIndexOf(" ");
  return `${(space > 8 ? cut.slice(0, space) : cut).replace(/[\s,;.:–'-]+$/u, "")}…`;
}

/**
 * The dossiers behind an item's lost points, as lines under the card's action: the worst few, then how many
 * more and where they are — the workbook's sheet of the item when it lists them, and how to get the full
 * list (`chiso dossiers --details`) when the figures file keeps fewer than failed.
 */
export function evidenceLines(dataset: Dataset, scheme: Scheme, unitId: string, periodKey: string, itemCode: string, language: Language, limit = 3): string[] {
  const evidence = evidenceFor(dataset, unitId, periodKey, itemCode);
  if (!evidence || evidence.count === 0) return [];
  const labels = labelsFor(language);
  const shown = evidence.dossiers.slice(0, limit);
  const lines = shown.map((dossier) =>
    labels.evidenceLine(
      isFeedback(itemCode, dossier.reason),
      dossier.id,
      evidenceReason(dossier, language),
      dossier.procedureName ?? dossier.procedure ?? "",
      dossier.daysLate ? formatCount(dossier.daysLate, language) : "",
    ),
  );
  if (evidence.count > shown.length) {
    const item = scheme.itemByCode.get(itemCode);
    const listed = Math.min(evidence.dossiers.length, evidence.count);
    lines.push(labels.evidenceMore({ more: evidence.count - shown.length, shown: shown.length, listed, count: evidence.count, sheet: item ? evidenceSheetName(item, language) : null, feedback: isFeedback(itemCode) }));
  }
  return lines;
}

/**
 * A local wall-clock timestamp (`2026-10-03T09:15:00`) as an Excel date-time serial (days since 1899-12-30),
 * which the column shows as `03/10/2026 09:15` and a filter sorts as a date; a text that is not one stays text.
 */
function excelTime(iso: string | null | undefined): number | string | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second) / 86_400_000 + 25_569;
}

/**
 * A sheet per item with the dossiers (or feedback items) listed for it, items in the scorecard's order and
 * units in the units file's: per unit how many failed and how many are listed, then each listed one with what
 * an officer needs to act. The sheet says when the figures file lists fewer than failed, and how to get all.
 */
export function evidenceTables(dataset: Dataset, card: Scorecard, language: Language, periodLabel: string): WorkbookTable[] {
  const labels = labelsFor(language);
  const period = card.period.key;
  return card.scheme.items.flatMap((item) => {
    const entries = card.units.flatMap((score) => {
      const entry = evidenceFor(dataset, score.unit.id, period, item.code);
      return entry && entry.count > 0 ? [{ unit: score.unit, entry }] : [];
    });
    if (entries.length === 0) return [];
    const feedback = isFeedback(item.code);
    const rows = entries.flatMap(({ unit, entry }) => {
      const listed = Math.min(entry.dossiers.length, entry.count);
      const head = [unit.id, unit.name, entry.count, listed];
      if (listed === 0) return [[...head, ...Array<null>(feedback ? 6 : 7).fill(null)]];
      return entry.dossiers.slice(0, listed).map((dossier) => [
        ...head,
        dossier.id,
        ...(feedback ? [] : [dossier.procedureName ?? dossier.procedure ?? ""]),
        excelTime(dossier.receivedAt),
        excelTime(dossier.dueAt),
        excelTime(dossier.finishedAt),
        dossier.daysLate ?? null,
        evidenceReason(dossier, language),
      ]);
    });
    const failed = entries.reduce((sum, { entry }) => sum + entry.count, 0);
    const listed = entries.reduce((sum, { entry }) => sum + Math.min(entry.dossiers.length, entry.count), 0);
    const cutCounts = entries.filter(({ entry }) => entry.dossiers.length < entry.count).map(({ entry }) => entry.count);
    const time = "dd/mm/yyyy hh:mm";
    return [
      {
        name: evidenceSheetName(item, language),
        title: labels.evidenceSheetTitle(itemName(item, language), item.code, feedback, periodLabel),
        note: labels.evidenceSheetNote({ units: entries.length, failed, listed, cut: cutCounts.length, largest: Math.max(0, ...cutCounts), feedback }),
        headers: [labels.colId, labels.colName, labels.colFailed, labels.colListed, feedback ? labels.colFeedback : labels.colDossier, ...(feedback ? [] : [labels.colProcedure]), labels.colReceived, labels.colDue, labels.colFinished, labels.colDaysLate, labels.colReason],
        widths: [14, 30, 11, 10, 26, ...(feedback ? [] : [40]), 17, 17, 17, 10, 40],
        formats: [undefined, undefined, "#,##0", "#,##0", undefined, ...(feedback ? [] : [undefined]), time, time, time, "#,##0", undefined],
        rows,
      },
    ];
  });
}
