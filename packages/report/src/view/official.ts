import type { Language } from "@chiso/core";
import { labelsFor } from "../labels.js";
import { nameInText, type ProvinceProfile } from "../profile/profile.js";
import type { OfficialView } from "./types.js";

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The calendar day of an instant in Vietnam (UTC+7). */
export function vietnamDay(iso: string): { day: number; month: number; year: number } {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return { day: local.getUTCDate(), month: local.getUTCMonth() + 1, year: local.getUTCFullYear() };
}

/**
 * The date line of an administrative document. Decree 30/2020/NĐ-CP: days below 10 and the months
 * January and February take a leading zero ("ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026").
 */
export function dateLine(place: string, iso: string, language: Language): string {
  const { day, month, year } = vietnamDay(iso);
  if (language === "en") return `${place}, ${day} ${MONTHS_EN[month - 1]} ${year}`;
  return `${place}, ngày ${String(day).padStart(2, "0")} tháng ${month < 3 ? `0${month}` : month} năm ${year}`;
}

/** A date as written inside a sentence: "01/11/2026", or "1 November 2026". */
export function shortDate(iso: string, language: Language): string {
  const { day, month, year } = vietnamDay(iso);
  if (language === "en") return `${day} ${MONTHS_EN[month - 1]} ${year}`;
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** The administrative elements of the pack's documents, from the province profile. */
export function officialView(profile: ProvinceProfile, generatedAt: string, language: Language): OfficialView {
  const labels = labelsFor(language);
  const number = (given: string | undefined, symbol: string) => labels.number(given ?? labels.blankNumber, symbol);
  return {
    issuer: { parent: profile.issuer.parent, name: profile.issuer.name },
    issuerInText: profile.issuer.inText ?? nameInText(profile.issuer.name, language),
    place: profile.place,
    dateLine: dateLine(profile.place, generatedAt, language),
    date: shortDate(generatedAt, language),
    reportNumber: number(profile.numbers?.report, profile.symbols.report),
    dispatchNumber: number(profile.numbers?.dispatch, profile.symbols.dispatch),
    signer: { authority: profile.signer.authority ?? null, title: profile.signer.title, name: profile.signer.name },
    dispatchTo: profile.dispatchTo,
    recipients: profile.recipients,
  };
}

/** List lines as Decree 30 writes them ("Nơi nhận", "Kính gửi"): "- Như trên;" …, the last ending with a full stop. */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((entry, index) => {
    const text = entry.replace(/[;.,]\s*$/u, "");
    return `- ${text}${index === recipients.length - 1 ? "." : ";"}`;
  });
}
