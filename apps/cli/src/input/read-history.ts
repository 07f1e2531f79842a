import { builtinSchemeIds, getScheme, parseDataset, parsePeriod, type CompanionOptions, type Dataset, type DatasetOptions, type Language, type Scheme } from "@chiso/core";
import { CliError, EXIT } from "../cli-error.js";
import { messagesFor } from "../i18n.js";
import type { ReadFigures } from "./read-figures.js";
import { describeHistoryPeriods } from "./history-periods.js";
import { readStore, storeErrors } from "./store-file.js";

export interface HistoryRead {
  readonly dataset: Dataset;
  /** SHA-256 of the reported period's input (the stored one, or the new input's). */
  readonly checksum: string;
  readonly signOff: { readonly at: string; readonly by?: string; readonly checksum: string } | null;
  /** A quarter or year: each of its months with figures and whether it is signed off (`at` null: not). */
  readonly monthSignOffs: readonly { readonly period: string; readonly at: string | null; readonly by?: string; readonly absent?: true }[];
  /** Lines for stderr: where the history came from, rows left out. */
  readonly notes: readonly string[];
}

/**
 * The dataset a report of `period` scores from the office's store: the period's units and every stored
 * period up to it, so the change since the previous period and the 12-period trend come from the
 * store; figures of `input` (a new month) take the place of the stored ones of their periods.
 */
export async function readHistory(path: string, period: string, language: Language, input: ReadFigures | null, scheme: Scheme | undefined, companions?: CompanionOptions): Promise<HistoryRead> {
  const messages = messagesFor(language);
  const store = await readStore(path, language);
  try {
    const history = await storeErrors(path, language, () =>
      store.history({ period, ...(input?.result.document && { input: { document: input.result.document, sources: input.result.sources, checksum: input.checksum } }) }),
    );
    const stored = history.scheme;
    if (!scheme && stored && !builtinSchemeIds.includes(stored)) throw new CliError(messages.badOption(`--scheme (${stored})`), EXIT.usage);
    const used = scheme ?? input?.result.scheme ?? getScheme(stored ?? undefined);
    const options: DatasetOptions = { ...companions, sources: history.sources };
    const dataset = parseDataset(history.document, used, options);
    return {
      dataset,
      checksum: history.checksum,
      signOff: history.signOff && { at: history.signOff.at, ...(history.signOff.by && { by: history.signOff.by }), checksum: history.signOff.checksum },
      monthSignOffs: history.monthSignOffs,
      notes: [messages.historyFrom(path, describeHistoryPeriods(history.periods, parsePeriod(period)!, language)), ...(history.droppedRows > 0 ? [messages.historyDropped(history.droppedRows)] : [])],
    };
  } finally {
    store.close();
  }
}
