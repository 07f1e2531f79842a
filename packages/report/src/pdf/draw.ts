import { deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";
import type { PackContext } from "../view/types.js";
import { attachFonts, type Face } from "./fonts.js";

export type Align = "left" | "center" | "right" | "justify";

export interface TextStyle {
  readonly face?: Face;
  readonly size?: number;
  readonly color?: string;
  readonly align?: Align;
  /** Extra space between the lines of a paragraph, in points. */
  readonly lineGap?: number;
  readonly underline?: boolean;
  /** First-line indent, in points. */
  readonly indent?: number;
}

/** A4 in points, and the margins of the official documents (Decree 30: 20–25 mm top, 30–35 mm left, 15–20 mm right). */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * A page cursor over a pdfkit document: draws text and shapes at absolute positions, measures text,
 * and moves to a new page when a block does not fit. Every document of the pack is drawn with it:
 * pdfkit directly, without a layout engine in between (about half of pdfmake's time, measured).
 */
export class Pdf {
  readonly doc: PDFKit.PDFDocument;
  readonly margins: PageMargins;
  y: number;
  /** While true, drawing calls only measure (see {@link dry}). */
  private measuring = false;

  constructor(context: PackContext, title: string, margins: PageMargins) {
    const generated = new Date(context.generatedAt);
    this.doc = new PDFDocument({
      size: "A4",
      margins,
      bufferPages: true,
      font: null as unknown as string,
      lang: context.language === "vi" ? "vi-VN" : "en-GB",
      displayTitle: true,
      info: { Title: title, Author: context.issuer.name, Creator: "chiso", Producer: "chiso", CreationDate: generated, ModDate: generated },
      compress: false,
      autoFirstPage: false,
    });
    compressFast(this.doc);
    attachFonts(this.doc);
    this.doc.addPage();
    this.margins = margins;
    this.y = margins.top;
  }

  get left(): number {
    return this.margins.left;
  }
  get right(): number {
    return A4.width - this.margins.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  /** The lowest y content may reach on a page. */
  get bottom(): number {
    return A4.height - this.margins.bottom;
  }
  get room(): number {
    return this.bottom - this.y;
  }

  private use(style: TextStyle): PDFKit.PDFDocument {
    return this.doc
      .font(style.face ?? "regular")
      .fontSize(style.size ?? 10)
      .fillColor(style.color ?? "#000000");
  }

  /** The height a text takes in a width. */
  measure(raw: string, width: number, style: TextStyle = {}): number {
    const text = raw.normalize("NFC");
    const doc = this.use(style);
    if (!text.includes("\n") && !style.indent && doc.widthOfString(text) <= width + 0.01) return doc.currentLineHeight(true) + (style.lineGap ?? 0);
    return doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0, indent: style.indent ?? 0 });
  }

  /** The width of a one-line text. */
  widthOf(text: string, style: TextStyle = {}): number {
    return this.use(style).widthOfString(text.normalize("NFC"));
  }

  /**
   * Draws a text at (x, y) wrapped in `width`; returns its height. Drawn with the page's bottom margin
   * lifted, so pdfkit never starts a page on its own: page breaks are this class's decision.
   */
  text(raw: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    if (raw === "") return 0;
    // NFC: decomposed Vietnamese (pasted from Excel or macOS) would print detached accents.
    const text = raw.normalize("NFC");
    const doc = this.use(style);
    const lineGap = style.lineGap ?? 0;
    const page = doc.page as unknown as { margins: { bottom: number } };
    const bottom = page.margins.bottom;
    // One line (most cells and labels): placed directly, without pdfkit's line wrapper — measuring and
    // wrapping every text twice was a large part of a scorecard's time.
    const textWidth = text.includes("\n") || style.indent ? Infinity : doc.widthOfString(text);
    if (textWidth <= width + 0.01) {
      const height = doc.currentLineHeight(true) + lineGap;
      if (this.measuring) return height;
      const free = width - textWidth;
      const offset = style.align === "right" ? free : style.align === "center" ? free / 2 : 0;
      page.margins.bottom = 0;
      doc.text(text, x + offset, y, { lineBreak: false, lineGap, underline: style.underline ?? false });
      page.margins.bottom = bottom;
      return height;
    }
    const options = { width, align: style.align ?? "left", lineGap, underline: style.underline ?? false, indent: style.indent ?? 0 };
    const height = doc.heightOfString(text, options);
    if (this.measuring) return height;
    page.margins.bottom = 0;
    doc.text(text, x, y, options);
    page.margins.bottom = bottom;
    return height;
  }

  /** Draws runs of different faces as one wrapped paragraph (e.g. a bold label, then plain text). */
  runs(runs: readonly { text: string; style?: TextStyle }[], x: number, y: number, width: number, base: TextStyle = {}): number {
    const whole = runs.map((run) => run.text).join("");
    const height = this.measure(whole, width, base);
    if (this.measuring) return height;
    const page = this.doc.page as unknown as { margins: { bottom: number } };
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    runs.forEach((run, index) => {
      const style = { ...base, ...run.style };
      const options = { width, align: style.align ?? "left", lineGap: style.lineGap ?? 0, continued: index < runs.length - 1 };
      if (index === 0) this.use(style).text(run.text.normalize("NFC"), x, y, options);
      else this.use(style).text(run.text.normalize("NFC"), options);
    });
    page.margins.bottom = bottom;
    return height;
  }

  /** Writes a paragraph at the cursor, across the content width, moving to a new page first if it does not fit. */
  paragraph(text: string, style: TextStyle = {}, spaceAfter = 4, indent = 0): void {
    const height = this.measure(text, this.width - indent, style);
    this.ensure(height);
    this.y += this.text(text, this.left + indent, this.y, this.width - indent, style) + spaceAfter;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.margins.top;
  }

  rect(x: number, y: number, width: number, height: number, color: string): void {
    if (!this.measuring) this.doc.rect(x, y, width, height).fill(color);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, color = "#000000"): void {
    if (!this.measuring) this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  frame(x: number, y: number, width: number, height: number, lineWidth = 0.5, color = "#000000"): void {
    if (!this.measuring) this.doc.rect(x, y, width, height).lineWidth(lineWidth).strokeColor(color).stroke();
  }

  /**
   * Runs a drawing function without drawing — every text is measured, shapes are skipped, the cursor is
   * restored — and returns what it returned: the height a block will take, from the code that draws it.
   */
  dry<T>(draw: () => T): T {
    const [y, measuring] = [this.y, this.measuring];
    this.measuring = true;
    try {
      return draw();
    } finally {
      this.measuring = measuring;
      this.y = y;
    }
  }

  /** Draws `draw(page, pages)` on every page, in the bottom margin (footers, page numbers). */
  eachPage(draw: (page: number, pages: number) => void): void {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      this.doc.switchToPage(index);
      draw(index - range.start + 1, range.count);
    }
  }

  /** Ends the document and returns its bytes. */
  finish(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
      this.doc.end();
    });
  }
}

type PdfReference = { data: Record<string, unknown>; buffer: Uint8Array[]; finalize(): void };

/**
 * Compresses the document's streams (page contents) at deflate level 1 rather than pdfkit's default:
 * compressing was a fifth of a scorecard's time, and level 1 costs about a third of it for files a
 * little larger. Streams that come compressed (the shared font subsets) are left as they are.
 */
function compressFast(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as { ref(data?: object): PdfReference };
  const ref = target.ref.bind(doc);
  target.ref = (data?: object) => {
    const reference = ref(data);
    const finalize = reference.finalize.bind(reference);
    reference.finalize = () => {
      if (!reference.data.Filter && reference.buffer.length > 0) {
        reference.buffer = [deflateSync(Buffer.concat(reference.buffer), { level: 1 })];
        reference.data.Filter = "FlateDecode";
      }
      finalize();
    };
    return reference;
  };
}

/** A table cell: a text, or a text with its own face, colour, alignment or background. */
export type Cell = string | { readonly text: string; readonly face?: Face; readonly color?: string; readonly align?: Align; readonly fill?: string; readonly note?: string };

export interface TableSpec {
  readonly columns: readonly { readonly width: number; readonly align?: Align }[];
  readonly header: readonly string[];
  /** Rows of cells, or a group row spanning the table (a block's name and points). */
  readonly rows: readonly (readonly Cell[] | GroupRow)[];
  readonly size?: number;
  readonly headerSize?: number;
  readonly padding?: number;
  readonly headerFill?: string;
  readonly headerColor?: string;
  readonly zebra?: string | null;
  readonly rule?: string;
  /** Rows that must stay on the same page as the table's title (the caller's heading height). */
  readonly keepWithTitle?: number;
}

/** A row spanning the whole table, e.g. the block the following item rows belong to. */
export interface GroupRow {
  readonly group: string;
  readonly right?: string;
}

const cellText = (cell: Cell) => (typeof cell === "string" ? cell : cell.text);
const isGroup = (row: readonly Cell[] | GroupRow): row is GroupRow => !Array.isArray(row);

/**
 * Draws a table from the cursor: header repeated on every page, a row never split, and the header
 * never alone at a page's bottom (at least `keepWithTitle` rows go with it).
 */
export function drawTable(pdf: Pdf, spec: TableSpec, heading?: Heading): void {
  const size = spec.size ?? 9;
  const padding = spec.padding ?? 2.5;
  const x0 = pdf.left;
  const widths = spec.columns.map((column) => column.width);
  const total = widths.reduce((sum, width) => sum + width, 0);
  const heightOf = (cells: readonly Cell[], face: Face, fontSize: number) =>
    Math.max(...cells.map((cell, index) => {
      const text = typeof cell === "string" ? cell : cell.note ? `${cell.text} ${cell.note}` : cell.text;
      return pdf.measure(text, widths[index]! - 2 * padding, { face: typeof cell === "string" ? face : (cell.face ?? face), size: fontSize });
    })) + 2 * padding;
  const headerSize = spec.headerSize ?? size;
  const headerHeight = heightOf(spec.header, "bold", headerSize);
  const drawHeader = () => {
    pdf.rect(x0, pdf.y, total, headerHeight, spec.headerFill ?? "#e8e8e8");
    let x = x0;
    spec.header.forEach((text, index) => {
      const textHeight = pdf.measure(text, widths[index]! - 2 * padding, { face: "bold", size: headerSize });
      pdf.text(text, x + padding, pdf.y + (headerHeight - textHeight) / 2, widths[index]! - 2 * padding, { face: "bold", size: headerSize, align: "center", color: spec.headerColor ?? "#000000" });
      pdf.frame(x, pdf.y, widths[index]!, headerHeight, 0.4, spec.rule ?? "#7f7f7f");
      x += widths[index]!;
    });
    pdf.y += headerHeight;
  };
  const heights = spec.rows.map((row) => (isGroup(row) ? pdf.measure(row.group, total - 2 * padding, { face: "bold", size }) + 2 * padding : heightOf(row, "regular", size)));
  const keep = heights.slice(0, spec.keepWithTitle ?? 2).reduce((sum, height) => sum + height, 0);
  const headingHeight = heading ? heading.before + pdf.measure(heading.text, pdf.width, heading.style) + heading.after : 0;
  if (pdf.y + headingHeight + headerHeight + keep > pdf.bottom) pdf.newPage();
  if (heading) {
    pdf.y += heading.before;
    pdf.y += pdf.text(heading.text, pdf.left, pdf.y, pdf.width, heading.style) + heading.after;
  }
  drawHeader();
  spec.rows.forEach((row, rowIndex) => {
    const height = heights[rowIndex]!;
    if (pdf.y + height > pdf.bottom) {
      pdf.newPage();
      drawHeader();
    }
    let x = x0;
    if (isGroup(row)) {
      pdf.rect(x0, pdf.y, total, height, "#dfe6f0");
      pdf.text(row.group, x0 + padding, pdf.y + padding, total - 2 * padding, { face: "bold", size });
      if (row.right) pdf.text(row.right, x0 + padding, pdf.y + padding, total - 2 * padding, { face: "bold", size, align: "right" });
      pdf.frame(x0, pdf.y, total, height, 0.4, spec.rule ?? "#7f7f7f");
      pdf.y += height;
      return;
    }
    if (spec.zebra && rowIndex % 2 === 1) pdf.rect(x0, pdf.y, total, height, spec.zebra);
    row.forEach((cell, index) => {
      const width = widths[index]!;
      const style: Exclude<Cell, string> = typeof cell === "string" ? { text: cell } : cell;
      if (style.fill) pdf.rect(x, pdf.y, width, height, style.fill);
      const align = style.align ?? spec.columns[index]!.align ?? "left";
      if (typeof cell !== "string" && cell.note) {
        pdf.runs([{ text: `${cell.text} `, style: { face: cell.face ?? "regular" } }, { text: cell.note, style: { face: "italic", color: "#555555" } }], x + padding, pdf.y + padding, width - 2 * padding, { size, align, color: style.color ?? "#000000" });
      } else {
        pdf.text(cellText(cell), x + padding, pdf.y + padding, width - 2 * padding, { face: style.face ?? "regular", size, align, color: style.color ?? "#000000" });
      }
      pdf.frame(x, pdf.y, width, height, 0.4, spec.rule ?? "#7f7f7f");
      x += width;
    });
    pdf.y += height;
  });
}

/** A heading kept on the same page as the start of what follows it. */
export interface Heading {
  readonly text: string;
  readonly style: TextStyle;
  readonly before: number;
  readonly after: number;
}
