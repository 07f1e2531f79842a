import type { FiguresFile, SchemeDefinition, TieRule } from "@chiso/core";

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

export interface EvidenceEntry {
  readonly unit: string;
  readonly period: string;
  readonly item: string;
  readonly count: number;
  readonly dossiers: readonly EvidenceDossier[];
}

/** A score the portal published next to the one chiso recomputed. */
export interface PublishedMark {
  readonly unit: string;
  readonly period: string;
  /** An item code, a block code, or "TOTAL". */
  readonly target: string;
  readonly published: number | null;
  readonly recomputed: number | null;
}

/** What `chiso serve` sends at /api/data (format `chiso.serve/1`). */
export interface ServedPayload {
  readonly format: "chiso.serve/1";
  readonly language: "vi" | "en";
  readonly meta: {
    readonly kind: "figures" | "store";
    readonly source: string;
    readonly checksum: string;
    readonly period: string;
    readonly asOf: string;
    readonly tie?: TieRule;
    readonly notes: readonly string[];
  };
  readonly scheme: SchemeDefinition;
  readonly document: FiguresFile;
  readonly evidence?: readonly EvidenceEntry[];
  readonly published?: readonly PublishedMark[];
}

export async function fetchPayload(): Promise<ServedPayload> {
  // Matches the page's <link rel="preload">, so the response already on its way is used. The server
  // marks it no-store: nothing is kept once the page has it.
  const response = await fetch("/api/data");
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const payload = (await response.json()) as ServedPayload;
  if (payload.format !== "chiso.serve/1") throw new Error(`unexpected format ${String(payload.format)}`);
  return payload;
}
