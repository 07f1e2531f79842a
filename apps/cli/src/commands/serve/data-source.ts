import { todayInVietnam, type Dataset, type FiguresFile, type Language, type SchemeData, type TieRule } from "@chiso/core";
import { loadScheme, readFigures, type ReadOptions } from "../../input/read-figures.js";
import { toFiguresDocument } from "./figures-document.js";

/** A dossier behind lost points (the figures format's optional `evidence` list). */
export interface EvidenceDossier {
  readonly id: string;
  readonly procedure?: string;
  readonly procedureName?: string;
  readonly receivedAt?: string;
  readonly dueAt?: string;
  readonly finishedAt?: string;
  readonly daysLate?: number;
  readonly reason?: string;
}

/** The dossiers that did not count for one unit's item in one period. */
export interface EvidenceEntry {
  readonly unit: string;
  readonly period: string;
  readonly item: string;
  readonly count: number;
  readonly dossiers: readonly EvidenceDossier[];
}

/** A score the portal published next to the one chiso recomputed (portal imports). */
export interface PublishedMark {
  readonly unit: string;
  readonly period: string;
  /** An item code, a block code, or "TOTAL". */
  readonly target: string;
  readonly published: number | null;
  /** `null`: chiso did not recompute it (the portal gives the block only as a score). */
  readonly recomputed: number | null;
}

/** Where the served data came from, shown in the viewer's footer. */
export interface DataMeta {
  /** "figures" today; "store" once the history store lands. */
  readonly kind: "figures" | "store";
  /** The file (or store) name, without its folder. */
  readonly source: string;
  /** SHA-256 of the input. */
  readonly checksum: string;
  /** The period the viewer opens on. */
  readonly period: string;
  /** The scoring date: an unfinished period is provisional. */
  readonly asOf: string;
  readonly tie?: TieRule;
  /** Warnings from reading the input (e.g. unknown columns), in the server's language. */
  readonly notes: readonly string[];
}

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
