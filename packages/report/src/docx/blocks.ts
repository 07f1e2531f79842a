import { footerText } from "../view/footer.js";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from "docx";
import { labelsFor } from "../labels.js";
import type { NoticeView, PackContext } from "../view/types.js";

/** Points to the half-points docx sizes fonts in. */
export const pt = (points: number) => Math.round(points * 2);
/** Points to twips (1/20 pt), the unit of spacing. */
export const twips = (points: number) => Math.round(points * 20);
/** Millimetres to twips (1/20 pt). */
export const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440);

/** A4 with Decree 30's margins: 20 mm top and bottom, 30 mm left, 15 mm right. */
export const PAGE = { width: mm(210), height: mm(297), top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** The font of Vietnamese administrative documents. */
export const FONT = "Times New Roman";
export const BODY = 13;

type Border = { readonly style: (typeof BorderStyle)[keyof typeof BorderStyle]; readonly size: number; readonly color: string };
type Borders = { readonly top: Border; readonly bottom: Border; readonly left: Border; readonly right: Border; readonly insideHorizontal: Border; readonly insideVertical: Border };
const NONE: Border = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS: Borders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN: Border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const THIN_BORDERS: Borders = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

export interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
  readonly underline?: boolean;
  readonly color?: string;
}

/** A run of text; the font and the body size come from the document's default style. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: text.normalize("NFC"),
    ...(style.size !== undefined && style.size !== BODY && { size: pt(style.size) }),
    ...(style.bold && { bold: true }),
    ...(style.italics && { italics: true }),
    ...(style.underline && { underline: {} }),
    ...(style.color && { color: style.color }),
  });
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export function para(children: TextRun[] | string, options: { align?: Alignment; indent?: boolean; before?: number; after?: number; style?: RunStyle; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === "string" ? [run(children, options.style)] : children,
    alignment: options.align ?? AlignmentType.LEFT,
    spacing: { before: twips(options.before ?? 0), after: twips(options.after ?? 0), line: 276 },
    ...(options.indent && { indent: { firstLine: mm(12.7) } }),
    ...(options.keepNext && { keepNext: true }),
  });
}

/** A body paragraph: justified, first line indented, 6 pt before (Decree 30: 13–14 pt, at least 6 pt apart). */
export function bodyParagraph(text: string): Paragraph {
  return para(text, { align: AlignmentType.JUSTIFIED, indent: true, before: 6 });
}

/** The body's closing paragraphs, the last kept on the page of what follows (the signature never stands alone). */
export function bodyParagraphs(texts: readonly string[]): Paragraph[] {
  return texts.map((text, index) => (index === texts.length - 1 ? para(text, { align: AlignmentType.JUSTIFIED, indent: true, before: 6, keepNext: true }) : bodyParagraph(text)));
}

/** A short centred rule: an empty paragraph whose bottom border is shortened by its indents. */
function rule(cellWidth: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({ children: [], indent: { left: side, right: side }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } }, spacing: { after: 0, line: 120 } });
}

/** A cell; borders and margins come from its table unless given (fewer attributes: smaller, faster files). */
function cell(children: Paragraph[], width: number, options: { borders?: Borders; shade?: string; span?: number; center?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    ...(options.borders && { borders: options.borders }),
    ...(options.center && { verticalAlign: VerticalAlign.CENTER }),
    ...(options.shade && { shading: { type: ShadingType.CLEAR, color: "auto", fill: options.shade } }),
    ...(options.span && { columnSpan: options.span }),
  });
}

function layoutTable(rows: TableRow[], widths: readonly number[], borders = NO_BORDERS): Table {
  return new Table({ rows, width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA }, columnWidths: [...widths], borders, layout: "fixed", margins: { top: 20, bottom: 20, left: 70, right: 70 } });
}

export interface HeaderOptions {
  readonly number?: string;
  readonly about?: string;
}

/**
 * The header of an administrative document (Decree 30/2020/NĐ-CP): parent body, issuing body in bold
 * with a short rule, number and symbol (and the dispatch's "V/v" line) on the left; the national name,
 * the motto underlined, and the place and date in italics on the right.
 */
export function officialHeader(context: PackContext, options: HeaderOptions): Table {
  const labels = labelsFor(context.language);
  const { official } = context;
  const left = Math.round(CONTENT_WIDTH * 0.42);
  const right = CONTENT_WIDTH - left;
  const centered = (text: string, style: RunStyle = {}, after = 0) => para([run(text, style)], { align: AlignmentType.CENTER, after });
  const leftCell = [
    centered(official.issuer.parent, { size: 12.5 }),
    centered(official.issuer.name, { bold: true, size: 12.5 }),
    rule(left, mm(25)),
    ...(options.number ? [para([run(options.number, { size: 12.5 })], { align: AlignmentType.CENTER, before: 6 })] : []),
    ...(options.about ? [para([run(options.about, { size: 12 })], { align: AlignmentType.CENTER, before: 4 })] : []),
  ];
  const rightCell = [
    centered(labels.motto, { bold: true, size: 12.5 }),
    centered(labels.mottoLine, { bold: true, size: 13.5, underline: true }),
    para([run(official.dateLine, { italics: true, size: 13 })], { align: AlignmentType.CENTER, before: 10 }),
  ];
  return layoutTable([new TableRow({ children: [cell(leftCell, left), cell(rightCell, right)] })], [left, right]);
}

/** "BÁO CÁO" and its subject, bold and centred, with a short rule under them. */
export function titleBlock(kind: string, subject: string): Paragraph[] {
  return [
    para([run(kind, { bold: true, size: 14 })], { align: AlignmentType.CENTER, before: 18 }),
    para([run(subject, { bold: true, size: 13.5 })], { align: AlignmentType.CENTER }),
    rule(CONTENT_WIDTH, mm(30)),
    para("", { after: 4 }),
  ];
}

/** Recipients on the left ("Nơi nhận:" bold italic, 12 pt; lines 11 pt) and the signature block on the right. */
export function signatureBlock(context: PackContext, recipients: readonly string[], lines: (recipients: readonly string[]) => string[]): Table {
  const labels = labelsFor(context.language);
  const { signer } = context.official;
  const left = Math.round(CONTENT_WIDTH * 0.45);
  const right = CONTENT_WIDTH - left;
  const leftCell = [para([run(labels.recipients, { bold: true, italics: true, size: 12 })], { before: 12 }), ...lines(recipients).map((line) => para([run(line, { size: 11 })]))];
  const centered = (text: string, before = 0) => para([run(text, { bold: true, size: 13 })], { align: AlignmentType.CENTER, before });
  const rightCell = [
    ...(signer.authority ? [centered(signer.authority, 12), centered(signer.title)] : [centered(signer.title, 12)]),
    para([run(labels.signature, { italics: true, size: 11 })], { align: AlignmentType.CENTER }),
    para("", { after: 48 }),
    centered(signer.name),
  ];
  return layoutTable([new TableRow({ children: [cell(leftCell, left), cell(rightCell, right)], cantSplit: true })], [left, right]);
}

export interface TableColumn {
  readonly header: string;
  /** Share of the content width. */
  readonly width: number;
  readonly align?: "left" | "center" | "right";
}

/** A paragraph in a table cell: no spacing, single line height. */
function cellParagraph(child: TextRun, alignment: Alignment): Paragraph {
  return new Paragraph({ children: [child], ...(alignment !== AlignmentType.LEFT && { alignment }) });
}

/** A bordered data table with a shaded header row repeated on every page. */
export function dataTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], size = 11, width = CONTENT_WIDTH): Table {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => Math.round((column.width / total) * width));
  const align = (value: TableColumn["align"]) => (value === "right" ? AlignmentType.RIGHT : value === "center" ? AlignmentType.CENTER : AlignmentType.LEFT);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, index) => cell([cellParagraph(run(column.header, { bold: true, size }), AlignmentType.CENTER)], widths[index]!, { shade: "E8E8E8", center: true })),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((text, index) => cell([cellParagraph(run(text, { size }), align(columns[index]!.align))], widths[index]!)),
      }),
  );
  return layoutTable([header, ...body], widths, THIN_BORDERS);
}

/** A bold heading kept with what follows. */
export function heading(text: string, size = BODY): Paragraph {
  return para([run(text, { bold: true, size })], { before: 8, after: 2, keepNext: true });
}

/** The notices of a document, as shaded paragraphs near the top. */
export function notices(list: readonly NoticeView[]): Paragraph[] {
  return list.map(
    (notice) =>
      new Paragraph({
        children: [run(notice.text, { size: 12, ...(notice.level === "warning" && { bold: true }) })],
        shading: { type: ShadingType.CLEAR, color: "auto", fill: notice.level === "warning" ? "FDECEA" : "EAF1FB" },
        spacing: { before: 60, after: 60 },
      }),
  );
}

/** The footer: method, checksum and generation time, and the page number. */
export function footer(context: PackContext): Footer {
  const text = `${footerText(context)} · `;
  return new Footer({
    children: [
      new Paragraph({
        children: [run(text, { size: 8, color: "555555" }), new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(8), color: "555555" })],
      }),
    ],
  });
}

/** A Word document with the pack's page setup, font and fixed metadata. */
export function wordDocument(context: PackContext, title: string, children: FileChild[]): Document {
  return new Document({
    creator: "chiso",
    lastModifiedBy: "chiso",
    title,
    description: `${context.scheme} · ${context.checksum.slice(0, 16)}`,
    styles: { default: { document: { run: { font: FONT, size: pt(BODY) }, paragraph: { spacing: { before: 0, after: 0 } } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(10), footer: mm(10) } } },
        footers: { default: footer(context) },
        children,
      },
    ],
  });
}
