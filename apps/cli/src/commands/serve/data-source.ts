import { scoreDataset, todayInVietnam, type Dataset, type FiguresFile, type Language, type SchemeData, type TieRule } from "@chiso/core";
import { loadScheme, readFigures, type ReadOptions } from "../../input/read-figures.js";
import { readHistory } from "../../input/read-history.js";
import { readStore } from "../../input/store-file.js";
import { toFiguresDocument } from "./figures-document.js";
// The payload's format is defined once, by the viewer that reads it (types only: nothing is loaded).
import type { DataMeta, EvidenceEntry, PublishedMark, RejectedEntry } from "@chiso/web/payload";
import type { ImportResult } from "@chiso/io";
import { rejectedRowsOf } from "../shared.js";
import { comparePeriods } from "@chiso/store/periods";

export type { DataMeta, EvidenceEntry, PublishedMark };

/** Everything the viewer shows, validated. */
export interface ServedData {
  /** For the server's own use (downloads): the validated dataset. */
  readonly dataset: Dataset;
  /** What the browser parses and scores with @chiso/core. */
  readonly document: FiguresFile;
  readonly scheme: SchemeData;
  readonly meta: DataMeta;
  readonly evidence?: readonly EvidenceEntry[];
  readonly published?: readonly PublishedMark[];
  /** Input rows rejected with --skip-invalid, in both languages (the viewer lists them). */
  readonly rejected?: readonly RejectedEntry[];
  /** The import, when rows were rejected: the rejected-rows workbook is built from it on request. */
  readonly imported?: ImportResult;
}

/**
 * Where `chiso serve` gets its data. A figures file today (a portal import is a figures file too);
 * the history store of accepted months becomes a second implementation (`--store`).
 */
export interface DataSource {
  /** Reads and validates; throws `CliError` (exit 3) exactly as `report` does on bad input. */
  load(): Promise<ServedData>;
}

export interface FiguresFileOptions {
  /** One file, or several merged as `report` merges them. */
  readonly inputs: readonly string[];
  readonly language: Language;
  readonly scheme?: string;
  readonly read?: ReadOptions;
  /** The period to open on; default: the latest month with figures. */
  readonly period?: string;
  readonly asOf?: string;
  readonly tie?: TieRule;
  /** Rank units that did not report every item too (`--rank-incomplete`), as `report` and `score` do. */
  readonly rankIncomplete?: boolean;
}

/** The latest month (or, failing that, period) that has figures. */
export function latestPeriod(dataset: Dataset): string {
  const keys = [...dataset.figuresByPeriod.keys()].sort(comparePeriods);
  return keys.filter((key) => /^\d{4}-\d{2}$/.test(key)).at(-1) ?? keys.at(-1) ?? "";
}

/** A figures file (.xlsx, .csv, .json), read and validated by the same code as `chiso report`. */
export function figuresFileSource(options: FiguresFileOptions): DataSource {
  return {
    async load() {
      // Without --scheme, the scheme the file declares (or the default), as report does.
      const scheme = await loadScheme(options.scheme, options.language);
      const { dataset, checksum, notes, result } = await readFigures(options.inputs, scheme, options.language, options.read);
      const source = options.inputs.map((input) => input.split(/[\\/]/).at(-1) ?? input).join(", ");
      const served = servedData(dataset, { kind: "figures", source, checksum, notes, period: options.period ?? latestPeriod(dataset) }, options);
      const rejected = rejectedEntries(result);
      if (rejected.length === 0) return served;
      // What the pack lists in its rejected-rows workbook, the viewer shows too (decision 62), in either language.
      const counts = { figures: rejected.filter((entry) => entry.kind === "figures").length, sipas: rejected.filter((entry) => entry.kind === "sipas").length, par: rejected.filter((entry) => entry.kind === "par").length };
      return { ...served, rejected, imported: result, meta: { ...served.meta, rejected: counts } };
    },
  };
}

/** The rejected rows of an import as the viewer shows them: where and why in Vietnamese and English. */
export function rejectedEntries(result: ImportResult): RejectedEntry[] {
  const [vi, en] = [rejectedRowsOf(result, "vi"), rejectedRowsOf(result, "en")];
  return vi.map((entry, index) => ({ kind: entry.kind, unit: entry.unit, period: entry.period, where: { vi: entry.where, en: en[index]!.where }, reasons: { vi: entry.reasons, en: en[index]!.reasons } }));
}

export interface StoreOptions extends Omit<FiguresFileOptions, "inputs" | "read"> {
  /** The office's history store (`chiso store add`). */
  readonly store: string;
  readonly companions?: ReadOptions["companions"];
}

/** The latest month in the store (or, failing that, period): what the viewer opens on. */
async function latestStoredPeriod(path: string, language: Language): Promise<string> {
  const store = await readStore(path, language);
  try {
    const keys = [...new Set(store.list().filter((entry) => entry.current).map((entry) => entry.period))];
    return keys.filter((key) => /^\d{4}-\d{2}$/.test(key)).at(-1) ?? keys.at(-1) ?? "";
  } finally {
    store.close();
  }
}

/**
 * The office's history store: every stored period up to the one opened (by default the latest), read by the
 * same code as `chiso report --store`, so the viewer's trend and changes are those of the store.
 */
export function storeSource(options: StoreOptions): DataSource {
  return {
    async load() {
      const scheme = await loadScheme(options.scheme, options.language);
      const period = options.period ?? (await latestStoredPeriod(options.store, options.language));
      const history = await readHistory(options.store, period, options.language, null, scheme, options.companions);
      const source = options.store.split(/[\\/]/).at(-1) ?? options.store;
      return servedData(history.dataset, { kind: "store", source, checksum: history.checksum, notes: history.notes, period }, options);
    },
  };
}

function servedData(dataset: Dataset, meta: Pick<DataMeta, "kind" | "source" | "checksum" | "notes" | "period">, options: { readonly asOf?: string; readonly tie?: TieRule; readonly rankIncomplete?: boolean }): ServedData {
  return {
    dataset,
    document: toFiguresDocument(dataset),
    ...optionalLists(dataset, options.asOf),
    scheme: dataset.scheme.definition,
    meta: {
      ...meta,
      asOf: options.asOf ?? todayInVietnam(),
      ...(options.tie && { tie: options.tie }),
      ...(options.rankIncomplete && { rankIncomplete: true }),
      // A limit of the source (e.g. a portal response listing part of the units) is shown on every page, as the documents show it.
      ...(dataset.provenance?.warning && { sourceWarning: { system: dataset.provenance.system, text: dataset.provenance.warning } }),
    },
  };
}

/**
 * The dossiers behind lost points, and every published score next to chiso's own (periods whose rows carry
 * published scores), in the viewer's payload format; absent when the data has none.
 */
function optionalLists(dataset: Dataset, asOf: string | undefined): { evidence?: EvidenceEntry[]; published?: PublishedMark[] } {
  const evidence = [...dataset.evidence.values()].map(
    (entry): EvidenceEntry => ({
      ...entry,
      dossiers: entry.dossiers.map((dossier) => Object.fromEntries(Object.entries(dossier).filter(([, value]) => value !== null && value !== undefined)) as unknown as EvidenceEntry["dossiers"][number]),
    }),
  );
  const periods = [...new Set(dataset.figures.filter((row) => row.published).map((row) => row.period.key))];
  const published = periods.flatMap((period) =>
    scoreDataset(dataset, { period, findings: false, ...(asOf && { asOf }) }).reconciliation.map(
      (entry): PublishedMark => ({
        unit: entry.unit,
        period,
        target: entry.code,
        published: entry.published?.toNumber() ?? null,
        recomputed: entry.status === "published" ? null : (entry.computed?.toNumber() ?? null),
      }),
    ),
  );
  return { ...(evidence.length > 0 && { evidence }), ...(published.length > 0 && { published }) };
}
