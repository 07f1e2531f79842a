import type { Language } from "@chiso/core";
import { formatDateTime } from "@chiso/report";

/** A stored instant as the office reads it, the same way the documents print it: "30/11/2026 21:33 (GMT+7)". */
export function localTime(iso: string, language: Language): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatDateTime(at, language);
}

/** The same instant for a table column: "2026-11-05 09:30 (+07)", one width in both languages. */
export function compactLocalTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const shifted = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} (+07)`;
}
