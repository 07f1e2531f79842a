import type { Content, ContextPageSize, DynamicContent, StyleDictionary, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { labelsFor } from "../labels.js";
import type { PackContext } from "../view/types.js";
import { FONT_FAMILY } from "./fonts.js";
import { COLORS } from "./theme.js";

export const PAGE_MARGINS: [number, number, number, number] = [36, 30, 36, 40];

export const STYLES: StyleDictionary = {
  title: { fontSize: 12, bold: true, alignment: "center", margin: [0, 6, 0, 0] },
  subtitle: { fontSize: 8.5, italics: true, alignment: "center", margin: [0, 1, 0, 6] },
  unitName: { fontSize: 13, bold: true, alignment: "center", color: COLORS.primary },
  h2: { fontSize: 9, bold: true, color: COLORS.primary, margin: [0, 6, 0, 2] },
  th: { bold: true, color: "white", fillColor: COLORS.header, alignment: "center", fontSize: 7.5 },
  provisional: { bold: true, color: "white", fillColor: COLORS.warning, alignment: "center", fontSize: 9 },
  small: { fontSize: 7.5 },
};

/** "ngày 01 tháng 11 năm 2026" from an ISO time, in Vietnam's time zone. */
function dateLine(context: PackContext, place: string): string {
  const local = new Date(new Date(context.generatedAt).getTime() + 7 * 3600_000);
  const day = String(local.getUTCDate()).padStart(2, "0");
  const month = String(local.getUTCMonth() + 1).padStart(2, "0");
  const year = local.getUTCFullYear();
  return context.language === "vi" ? `${place}, ngày ${day} tháng ${month} năm ${year}` : `${place}, ${year}-${month}-${day}`;
}

/** The header of a Vietnamese administrative document: issuing body left, national motto right. */
export function administrativeHeader(context: PackContext, place: string): Content {
  const labels = labelsFor(context.language);
  return [
    {
      columns: [
        {
          width: "42%",
          stack: [
            { text: context.issuer.parent, alignment: "center", fontSize: 9 },
            { text: context.issuer.name, bold: true, alignment: "center", fontSize: 9 },
            { canvas: [{ type: "line", x1: 70, y1: 2, x2: 140, y2: 2, lineWidth: 0.6 }], margin: [0, 0, 0, 0] },
          ],
        },
        {
          width: "58%",
          stack: [
            { text: labels.motto, bold: true, alignment: "center", fontSize: 9 },
            { text: labels.mottoLine, bold: true, alignment: "center", fontSize: 9.5 },
            { canvas: [{ type: "line", x1: 80, y1: 2, x2: 222, y2: 2, lineWidth: 0.6 }] },
          ],
        },
      ],
    },
    { text: dateLine(context, place), italics: true, alignment: "right", fontSize: 8.5, margin: [0, 4, 10, 0] },
  ];
}

/** A red band saying the figures are provisional, when they are. */
export function provisionalBanner(context: PackContext): Content[] {
  if (!context.provisional) return [];
  return [{ table: { widths: ["*"], body: [[{ text: labelsFor(context.language).provisional, style: "provisional" }]] }, layout: "noBorders", margin: [0, 4, 0, 2] }];
}

/** Footer on every page: method, input checksum, generation time and page number. */
export function footer(context: PackContext): DynamicContent {
  const labels = labelsFor(context.language);
  const text = `${labels.footerScheme}: ${context.scheme} · ${labels.footerChecksum}: ${context.checksum.slice(0, 16)} · ${labels.footerGenerated}: ${context.generatedLabel}`;
  return (page: number, pages: number) => ({
    columns: [
      { text, fontSize: 6.5, color: "#555555" },
      { text: labels.page(page, pages), fontSize: 6.5, alignment: "right", width: 60, color: "#555555" },
    ],
    margin: [PAGE_MARGINS[0], 14, PAGE_MARGINS[2], 0],
  });
}

/** A zebra table layout with thin rules. */
export const zebraLayout = {
  fillColor: (row: number) => (row === 0 ? null : row % 2 === 0 ? COLORS.zebra : null),
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => COLORS.rule,
  vLineColor: () => COLORS.rule,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

/** The zebra layout with tighter rows, for the one-page item table. */
export const compactLayout = { ...zebraLayout, paddingTop: () => 0.8, paddingBottom: () => 0.8 };

/** The shell every chiso PDF shares: A4, embedded font, fixed dates (deterministic), footer. */
export function documentShell(context: PackContext, title: string, content: Content[]): TDocumentDefinitions {
  const generated = new Date(context.generatedAt);
  return {
    pageSize: "A4",
    pageMargins: PAGE_MARGINS,
    info: { title, author: context.issuer.name, creator: "chiso", producer: "chiso", creationDate: generated, modDate: generated },
    defaultStyle: { font: FONT_FAMILY, fontSize: 8.5, lineHeight: 1.1 },
    styles: STYLES,
    footer: footer(context),
    content,
  } as TDocumentDefinitions;
}

export type { ContextPageSize };
