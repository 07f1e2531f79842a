import { footerText } from "../view/footer.js";
import { labelsFor } from "../labels.js";
import { recipientLines } from "../view/official.js";
import type { NoticeView, PackContext } from "../view/types.js";
import type { Pdf } from "./draw.js";
import { COLORS } from "./theme.js";


export interface HeaderOptions {
  /** "Số:      /BC-SNV"; absent on forms that are not numbered themselves (the unit card). */
  readonly number?: string;
  /** The dispatch's "V/v …" line under its number. */
  readonly about?: string;
  readonly size: number;
}

/**
 * The header of an administrative document (Decree 30/2020/NĐ-CP, annex I): the parent body and the
 * issuing body (bold, a short rule under it) and the number on the left; the national name and motto
 * (bold, the motto underlined its own length) and the place and date (italic) on the right.
 */
export function officialHeader(pdf: Pdf, context: PackContext, options: HeaderOptions): void {
  const labels = labelsFor(context.language);
  const official = context.official;
  const size = options.size;
  const leftWidth = pdf.width * 0.4;
  const rightX = pdf.left + leftWidth;
  const rightWidth = pdf.width - leftWidth;
  const top = pdf.y;
  let left = top;
  left += pdf.text(official.issuer.parent, pdf.left, left, leftWidth, { size: size - 0.5, align: "center" });
  left += pdf.text(official.issuer.name, pdf.left, left, leftWidth, { face: "bold", size: size - 0.5, align: "center" });
  const nameWidth = Math.min(leftWidth * 0.9, pdf.widthOf(official.issuer.name, { face: "bold", size: size - 0.5 }));
  const ruleWidth = Math.max(40, nameWidth * 0.5);
  pdf.line(pdf.left + (leftWidth - ruleWidth) / 2, left + 1.5, pdf.left + (leftWidth + ruleWidth) / 2, left + 1.5, 0.6);
  left += 6;
  if (options.number) left += pdf.text(options.number, pdf.left, left, leftWidth, { size: size - 0.5, align: "center" });
  if (options.about) left += 2 + pdf.text(options.about, pdf.left + 10, left + 2, leftWidth - 20, { size: size - 1.5, align: "center" });
  let right = top;
  right += pdf.text(labels.motto, rightX, right, rightWidth, { face: "bold", size: size - 0.5, align: "center" });
  right += pdf.text(labels.mottoLine, rightX, right, rightWidth, { face: "bold", size: size + 0.5, align: "center" });
  const mottoWidth = pdf.widthOf(labels.mottoLine, { face: "bold", size: size + 0.5 });
  pdf.line(rightX + (rightWidth - mottoWidth) / 2, right + 1, rightX + (rightWidth + mottoWidth) / 2, right + 1, 0.6);
  right += 8;
  right += pdf.text(official.dateLine, rightX, right, rightWidth, { face: "italic", size, align: "center" });
  pdf.y = Math.max(left, right) + 8;
}

/** The title block of a report: "BÁO CÁO", its subject, a short rule. */
export function titleBlock(pdf: Pdf, kind: string, subject: string, size: number): void {
  pdf.y += pdf.text(kind, pdf.left, pdf.y, pdf.width, { face: "bold", size: size + 1, align: "center" });
  pdf.y += pdf.text(subject, pdf.left + 30, pdf.y + 1, pdf.width - 60, { face: "bold", size, align: "center" }) + 1;
  pdf.line(pdf.left + pdf.width / 2 - 40, pdf.y + 2, pdf.left + pdf.width / 2 + 40, pdf.y + 2, 0.6);
  pdf.y += 12;
}

/** The height of {@link signatureBlock}: a page break before the body's last paragraph can keep them together. */
export function signatureBlockHeight(pdf: Pdf, context: PackContext, recipients: readonly string[], size: number): number {
  const labels = labelsFor(context.language);
  const leftWidth = pdf.width * 0.45;
  const rightWidth = pdf.width - leftWidth;
  const lines = recipientLines(recipients);
  const leftHeight = pdf.measure(labels.recipients, leftWidth, { face: "boldItalic", size: size - 1 }) + lines.reduce((sum, line) => sum + pdf.measure(line, leftWidth, { size: size - 2 }), 0);
  const signHeight = 3 * pdf.measure("X", rightWidth, { face: "bold", size }) + 64;
  return Math.max(leftHeight, signHeight) + 6;
}

/**
 * Recipients ("Nơi nhận:", bold italic) on the left and the signature block on the right: authority
 * ("KT. GIÁM ĐỐC"), title, room to sign, name — kept together on one page.
 */
export function signatureBlock(pdf: Pdf, context: PackContext, recipients: readonly string[], size: number): void {
  const labels = labelsFor(context.language);
  const { signer } = context.official;
  const leftWidth = pdf.width * 0.45;
  const rightX = pdf.left + leftWidth;
  const rightWidth = pdf.width - leftWidth;
  const lines = recipientLines(recipients);
  pdf.ensure(signatureBlockHeight(pdf, context, recipients, size));
  const top = pdf.y + 6;
  let left = top;
  left += pdf.text(labels.recipients, pdf.left, left, leftWidth, { face: "boldItalic", size: size - 1 });
  for (const line of lines) left += pdf.text(line, pdf.left, left, leftWidth, { size: size - 2 });
  let right = top;
  if (signer.authority) right += pdf.text(signer.authority, rightX, right, rightWidth, { face: "bold", size, align: "center" });
  right += pdf.text(signer.title, rightX, right, rightWidth, { face: "bold", size, align: "center" });
  right += 64;
  right += pdf.text(signer.name, rightX, right, rightWidth, { face: "bold", size, align: "center" });
  pdf.y = Math.max(left, right) + 6;
}

/** The notices of a document (incomplete data, example schemes…), framed, near the top. */
export function noticeBoxes(pdf: Pdf, notices: readonly NoticeView[], size: number): void {
  for (const notice of notices) {
    const color = notice.level === "warning" ? COLORS.warning : COLORS.primary;
    const height = pdf.measure(notice.text, pdf.width - 12, { size }) + 6;
    pdf.ensure(height + 4);
    pdf.rect(pdf.left, pdf.y, pdf.width, height, notice.level === "warning" ? "#fdecea" : "#eaf1fb");
    pdf.rect(pdf.left, pdf.y, 3, height, color);
    pdf.text(notice.text, pdf.left + 8, pdf.y + 3, pdf.width - 12, { size, color: "#000000" });
    pdf.y += height + 4;
  }
}

/** A red band saying the figures are provisional, when they are. */
export function provisionalBand(pdf: Pdf, context: PackContext, size: number): void {
  if (!context.provisional) return;
  const text = labelsFor(context.language).provisional;
  const height = pdf.measure(text, pdf.width, { face: "bold", size }) + 4;
  pdf.rect(pdf.left, pdf.y, pdf.width, height, COLORS.warning);
  pdf.text(text, pdf.left, pdf.y + 2, pdf.width, { face: "bold", size, align: "center", color: "#ffffff" });
  pdf.y += height + 4;
}

/** The footer on every page: method, input checksum, generation time, page number. */
export function footers(pdf: Pdf, context: PackContext): void {
  const labels = labelsFor(context.language);
  const text = footerText(context);
  pdf.eachPage((page, pages) => {
    const y = pdf.bottom + 14;
    pdf.text(text, pdf.left, y, pdf.width - 60, { size: 7, color: "#555555" });
    pdf.text(labels.page(page, pages), pdf.right - 60, y, 60, { size: 7, color: "#555555", align: "right" });
  });
}
