import type { FiguresFile, SchemeDefinition, TieRule } from "@chiso/core";
import type { FirstScreen } from "./first-screen.js";

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

/**
 * An input row left out with `--skip-invalid`: a row of figures, or a unit's SIPAS survey or PAR assessment (or a
 * row of it) — what the pack's rejected-rows workbook lists, with where and why in both languages.
 */
export interface RejectedEntry {
  readonly kind: "figures" | "sipas" | "par";
  readonly unit: string;
  readonly period: string;
  /** "so-lieu.xlsx › Số liệu › dòng 12", in each language. */
  readonly where: Readonly<Record<"vi" | "en", string>>;
  readonly reasons: Readonly<Record<"vi" | "en", readonly string[]>>;
}

/** How many input rows were rejected, by kind (figures rows, SIPAS and PAR entries): the first screen's notice. */
export interface RejectedCounts {
  readonly figures: number;
  readonly sipas: number;
  readonly par: number;
}

/** Where the served data came from, shown in the viewer's footer. */
export interface DataMeta {
  /** A figures file, or the office's history store. */
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
  /** `chiso serve --rank-incomplete`: units that did not report every item are ranked too (core's `rankIncomplete`). */
  readonly rankIncomplete?: boolean;
  /** Warnings from reading the input (e.g. unknown columns), in the server's language. */
  readonly notes: readonly string[];
  /** Where the figures come from and the limit every document must show (the figures file's `source`), when it has one. */
  readonly sourceWarning?: { readonly system: string; readonly text: string | { readonly vi: string; readonly en: string } };
  /** Set when input rows were rejected (`--skip-invalid`): the list is the payload's `rejected`, the workbook at /api/download/rejected. */
  readonly rejected?: RejectedCounts;
}

/**
 * What `chiso serve` sends at /api/data (format `chiso.serve/1`): the one definition of the format, used
 * by the server (apps/cli/src/commands/serve) and the viewer.
 */
export interface ServedPayload {
  readonly format: "chiso.serve/1";
  readonly language: "vi" | "en";
  readonly meta: DataMeta;
  readonly scheme: SchemeDefinition;
  readonly document: FiguresFile;
  readonly evidence?: readonly EvidenceEntry[];
  readonly published?: readonly PublishedMark[];
  /** The input rows rejected with `--skip-invalid`: listed by the viewer, and their units' totals not compared. */
  readonly rejected?: readonly RejectedEntry[];
}

/** A JSON document of `chiso serve`, checked to be of the format expected. */
async function fetchDocument<T extends { readonly format: string }>(path: string, format: T["format"]): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const document = (await response.json()) as T;
  if (document.format !== format) throw new Error(`unexpected format ${String(document.format)}`);
  return document;
}

/** The first screen (model/first-screen.ts): what the viewer draws before it has the figures. Preloaded by the page. */
export function fetchFirstScreen(): Promise<FirstScreen> {
  return fetchDocument<FirstScreen>("/api/first", "chiso.first/1");
}

/**
 * The figures, fetched once the first screen is drawn (not preloaded: 1.5 MB for the demo, they slowed the
 * script's arrival). The server marks them no-store: nothing is kept once the page has them.
 */
export function fetchPayload(): Promise<ServedPayload> {
  return fetchDocument<ServedPayload>("/api/data", "chiso.serve/1");
}
