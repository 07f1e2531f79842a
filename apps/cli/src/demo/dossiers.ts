import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FigureInput, FiguresFile, Language } from "@chiso/core";
import { generateRecords, type DossierComputation, type GeneratedUnit } from "@chiso/dossiers";
import type { EvidenceEntry } from "@chiso/dossiers";
import { buildDetailsWorkbook } from "@chiso/dossiers/xlsx";
import { computeFromDossiers, limitEvidence } from "../commands/dossiers/run.js";

import { DOSSIER_DEMO_FOLDER } from "./folder.js";

type Counts = { numerator: number; denominator: number } | readonly [number, number];
const ratio = (counts: Counts | undefined, fallback: number): number => {
  if (!counts) return fallback;
  const [numerator, denominator] = Array.isArray(counts) ? counts : [(counts as { numerator: number }).numerator, (counts as { denominator: number }).denominator];
  return denominator > 0 ? numerator / denominator : fallback;
};

/**
 * Each unit's month as a profile for the record generator, from the figures demo: the same volume
 * and about the same rates, so the dossier demo tells the same story as the figures demo — but every
 * count now comes from individual dossiers.
 */
export function profilesFrom(data: FiguresFile, period: string): GeneratedUnit[] {
  const parents = new Set(data.units.flatMap((unit) => (unit.parent ? [unit.parent] : [])));
  return data.units
    .filter((unit) => !parents.has(unit.id))
    .map((unit) => {
      const row = data.figures.find((figure) => figure.unit === unit.id && figure.period === period);
      const items = (row?.items ?? {}) as Record<string, Counts>;
      const onTime = ratio(items.ON_TIME, 0.95);
      const received = row?.channels?.received ?? (Array.isArray(items.ON_TIME) ? (items.ON_TIME as readonly number[])[1]! : 0);
      const feedback = items.PETITION_PROCESSING_ON_TIME;
      return {
        id: unit.id,
        dossiers: received,
        onTime: Math.min(0.999, onTime + 0.005),
        online: ratio(items.ONLINE_DOSSIER_SHARE, 0.7),
        paidOnline: ratio(items.ONLINE_PAYMENT_DOSSIER, 0.8),
        digitized: ratio(items.SO_HOA_GIAY_TO_GIAI_QUYET, 0.95),
        reused: ratio(items.REUSED_DIGITIZED_DATA, 0.7),
        synced: ratio(items.SYNCED_WITH_DVCQG_PERSONAL_STORAGE, 0.8),
        population: ratio(items.CITIZEN_DATA_CONNECTED_DOSSIER, 0.85),
        complained: Math.max(0, onTime - ratio(items.DOSSIER_RECEIVING_SATISFACTION, onTime)),
        feedback: feedback ? (Array.isArray(feedback) ? (feedback as readonly number[])[1]! : (feedback as { denominator: number }).denominator) : 0,
        feedbackOnTime: ratio(feedback, 1),
      };
    });
}

/** Items the dossier records give; every other item of a row (catalogue items, 1.4, 4.6, 5.1) stays the figures demo's. */
function mergeRow(base: FigureInput | undefined, computed: FigureInput): FigureInput {
  if (!base) return computed;
  return { ...base, items: { ...base.items, ...computed.items }, channels: computed.channels!, settlement: computed.settlement!, ...(computed.tracked && { tracked: computed.tracked }) };
}

export interface DossierDemo {
  /** The demo's figures with the period's dossier items computed from records (no `evidence`: core does not accept it yet). */
  readonly data: FiguresFile;
  /** The same with `evidence`, as `chiso dossiers` writes it. */
  readonly file: FiguresFile & { readonly evidence: readonly EvidenceEntry[] };
  readonly result: DossierComputation;
  /** The generated records, to put in the pack as examples of the input format. */
  readonly records: readonly { readonly name: string; readonly data: Uint8Array }[];
  /** The officer's workbook of the dossiers behind lost points. */
  readonly details: Uint8Array;
}

/**
 * The dossier-level demo: deterministic records for every unit of the demo province in `period`
 * (138,818 dossiers with their events), computed by @chiso/dossiers; the other months keep the
 * figures demo's history so the trend charts have their twelve months.
 */
export async function dossierDemo(data: FiguresFile, period: string, language: Language, stderr: (text: string) => void, evidenceLimit = 20): Promise<DossierDemo> {
  const dir = await mkdtemp(join(tmpdir(), "chiso-demo-dossiers-"));
  try {
    const files = await generateRecords({ units: profilesFrom(data, period), months: [period], out: dir, seed: 20261021 });
    const result = await computeFromDossiers({ files, units: data.units, period, language, evidenceLimit, stderr });
    const computed = new Map(result.figures.map((figure) => [figure.unit, figure]));
    const figures: FigureInput[] = data.figures.filter((figure) => figure.period !== period || !computed.has(figure.unit));
    const bases = new Map(data.figures.filter((figure) => figure.period === period).map((figure) => [figure.unit, figure]));
    for (const figure of result.figures) figures.push(mergeRow(bases.get(figure.unit), figure));
    const merged: FiguresFile = { ...data, figures };
    const records = await Promise.all(
      (["dossiers", "events", "procedures", "feedback"] as const).map(async (key) => ({ name: `${DOSSIER_DEMO_FOLDER}/${files[key].slice(dir.length + 1)}`, data: new Uint8Array(await readFile(files[key])) })),
    );
    records.push({ name: `${DOSSIER_DEMO_FOLDER}/units.json`, data: new TextEncoder().encode(`${JSON.stringify({ format: "chiso.figures/1", units: data.units, figures: [] }, null, 1)}\n`) });
    const evidence = limitEvidence(result.evidence, evidenceLimit);
    const details = buildDetailsWorkbook({ evidence, units: data.units, period, language, limit: evidenceLimit, problems: result.problems }).toBytes({ date: new Date(0) });
    return { data: merged, file: { ...merged, evidence }, result, records, details };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
