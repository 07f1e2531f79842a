import { todayInVietnam, type Dataset, type FiguresFile, type Language, type SchemeData, type TieRule } from "@chiso/core";
import { loadScheme, readFigures, type ReadOptions } from "../../input/read-figures.js";
import { toFiguresDocument } from "./figures-document.js";
// The payload's format is defined once, by the viewer that reads it (types only: nothing is loaded).
import type { DataMeta, EvidenceEntry, PublishedMark } from "@chiso/web/payload";

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
  readonly input: string;
  readonly language: Language;
  readonly scheme?: string;
  readonly read?: ReadOptions;
  /** The period to open on; default: the latest month with figures. */
  readonly period?: string;
  readonly asOf?: string;
  readonly tie?: TieRule;
}

/** The latest month (or, failing that, period) that has figures. */
export function latestPeriod(dataset: Dataset): string {
  const keys = [...dataset.figuresByPeriod.keys()].sort();
  return keys.filter((key) => /^\d{4}-\d{2}$/.test(key)).at(-1) ?? keys.at(-1) ?? "";
}

/** A figures file (.xlsx, .csv, .json), read and validated by the same code as `chiso report`. */
export function figuresFileSource(options: FiguresFileOptions): DataSource {
  return {
    async load() {
      const scheme = await loadScheme(options.scheme, options.language);
      const { dataset, checksum, notes } = await readFigures(options.input, scheme, options.language, options.read);
      return {
        dataset,
        document: toFiguresDocument(dataset),
        scheme: dataset.scheme.definition,
        meta: {
          kind: "figures",
          source: options.input.split(/[\\/]/).at(-1) ?? options.input,
          checksum,
          period: options.period ?? latestPeriod(dataset),
          asOf: options.asOf ?? todayInVietnam(),
          ...(options.tie && { tie: options.tie }),
          notes,
        },
      };
    },
  };
}
