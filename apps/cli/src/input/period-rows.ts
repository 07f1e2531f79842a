import { monthsOf, previousPeriod, type Language, type Period } from "@chiso/core";
import type { ImportResult, RowOutcome } from "@chiso/io";
import { messagesFor } from "../i18n.js";
import { whereOf } from "../commands/shared.js";

/** The periods whose rows a score of `period` reads: its own, and a quarter's or a year's months. */
export function scoredPeriods(period: Period): Set<string> {
  return new Set([period.key, ...(period.kind === "month" ? [] : monthsOf(period).map((month) => month.key))]);
}

/** The periods a pack's history reads besides the period itself: the previous period and the 12-period trend. */
export function historyPeriods(period: Period): Set<string> {
  return new Set(Array.from({ length: 11 }, (_, index) => [...scoredPeriods(previousPeriod(period, index + 1))]).flat());
}

/** At most this many places are listed; the rest are counted. */
const SHOWN = 10;

function placesOf(rows: readonly RowOutcome[], language: Language): string {
  const shown = rows.slice(0, SHOWN).map((row) => whereOf(row, language));
  return rows.length > SHOWN ? `${shown.join("; ")}; ${messagesFor(language).andMoreRows(rows.length - SHOWN)}` : shown.join("; ");
}

/** The periods of some rows: all when few, else the first and last two. */
function periodList(rows: readonly RowOutcome[]): string {
  const periods = [...new Set(rows.map((row) => row.period))].sort();
  return periods.length > 4 ? `${periods.slice(0, 2).join(", ")} … ${periods.slice(-2).join(", ")}` : periods.join(", ");
}

/** Rows are listed by place only when their period has few (a stray row in a month's workbook); a real history is counted. */
const FEW = 3;

/** The rows of the periods that have at most `FEW` rows among `rows`: strays, worth pointing at. */
function strays(rows: readonly RowOutcome[]): RowOutcome[] {
  const perPeriod = new Map<string, number>();
  for (const row of rows) perPeriod.set(row.period, (perPeriod.get(row.period) ?? 0) + 1);
  return rows.filter((row) => perPeriod.get(row.period)! <= FEW);
}

/**
 * Every accepted row is used or said not to be: the rows of the input whose period this run does not score —
 * those it reads only as history (the previous period, the trend), and those it does not read at all — counted,
 * and the rows of a period with only a few listed with their places, so that a June row left in July's workbook
 * is seen (a file holding whole other periods is a history, said in one line). `exact`: only the period's own
 * rows are used (a store adds the period named, never its months).
 */
export function rowsOfOtherPeriods(result: ImportResult, period: Period, language: Language, options: { readonly history?: ReadonlySet<string>; readonly exact?: boolean } = {}): string[] {
  const scored = options.exact ? new Set([period.key]) : scoredPeriods(period);
  const history = options.history ?? new Set<string>();
  const other = result.rows.filter((row) => row.status === "accepted" && !scored.has(row.period));
  const asHistory = other.filter((row) => history.has(row.period));
  const unused = other.filter((row) => !history.has(row.period));
  const messages = messagesFor(language);
  return [
    ...(asHistory.length > 0 ? [messages.rowsAsHistory(asHistory.length, periodList(asHistory), period.key, placesOf(strays(asHistory), language))] : []),
    ...(unused.length > 0 ? [messages.rowsNotUsed(unused.length, periodList(unused), period.key, placesOf(strays(unused), language))] : []),
  ];
}

/** A file with rows of several periods (a month's workbook holding another month's row): the periods, and the places of the few. */
export function periodsOfFile(result: ImportResult, language: Language): string | null {
  const byPeriod = new Map<string, RowOutcome[]>();
  for (const row of result.rows) if (row.period !== "") byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  if (byPeriod.size < 2) return null;
  const parts = [...byPeriod.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, rows]) => ({ key, count: rows.length, places: rows.length <= 3 ? placesOf(rows, language) : "" }));
  return messagesFor(language).severalPeriods(parts);
}
