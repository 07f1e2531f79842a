// Every call from `chiso serve` into the report code is in this module, so a change of renderers
// (Word files, a new PDF engine) is made here alone. The renderers load on the first download.
import type { Language } from "@chiso/core";
import type { PackView } from "@chiso/report";
import type { ServedData } from "./data-source.js";

export interface Download {
  readonly fileName: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

export type DownloadKind = "card" | "summary" | "workbook" | "rejected";

export interface DownloadRequest {
  readonly kind: DownloadKind;
  readonly period: string;
  readonly language: Language;
  /** The unit, for a card. */
  readonly unit?: string;
}

const PDF = "application/pdf";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Builds documents from the served data on request; pack views are kept per period and language. */
export function createDownloads(data: ServedData, now: () => Date = () => new Date()) {
  const views = new Map<string, Promise<PackView>>();
  const viewFor = (period: string, language: Language): Promise<PackView> => {
    const key = `${period}|${language}`;
    let view = views.get(key);
    if (!view) {
      view = import("@chiso/report").then(({ buildPackView }) =>
        buildPackView(data.dataset, {
          period,
          language,
          generatedAt: now(),
          checksum: data.meta.checksum,
          asOf: data.meta.asOf,
          ...(data.meta.tie && { tie: data.meta.tie }),
          ...(data.meta.rankIncomplete && { rankIncomplete: true }),
        }),
      );
      views.set(key, view);
      view.catch(() => views.delete(key));
    }
    return view;
  };

  /** The document asked for, or `null` when the unit or period does not exist. */
  return async function download(request: DownloadRequest): Promise<Download | null> {
    if (request.kind === "rejected") {
      // The pack's rejected-rows workbook (bi-tu-choi), for the rows the viewer lists.
      if (!data.imported) return null;
      const { rejectedRowsFile } = await import("../shared.js");
      const file = await rejectedRowsFile(data.imported, request.period, request.language, now());
      return file ? { fileName: file.name, type: XLSX, bytes: file.data } : null;
    }
    const view = await viewFor(request.period, request.language);
    const period = view.context.periodKey;
    if (request.kind === "workbook") {
      const { workbookBytes } = await import("@chiso/report/xlsx");
      return { fileName: `chiso-${period}.xlsx`, type: XLSX, bytes: workbookBytes(view.workbook) };
    }
    const { renderJob } = await import("../../pack/render-pool.js");
    if (request.kind === "summary") {
      const summary = view.summaries[0];
      return summary ? { fileName: `${summary.fileBase}-${period}.pdf`, type: PDF, bytes: await renderJob({ kind: "summary", view: summary }) } : null;
    }
    const card = view.scorecards.find((scorecard) => scorecard.unitId === request.unit);
    return card ? { fileName: `${card.fileBase}-${period}.pdf`, type: PDF, bytes: await renderJob({ kind: "unit", view: card }) } : null;
  };
}
