import { AlignmentType, Paragraph } from "docx";
import { labelsFor } from "../labels.js";
import { recipientLines } from "../view/official.js";
import type { ProvinceSummaryView } from "../view/types.js";
import { bodyParagraphs, mm, officialHeader, para, run, signatureBlock, twips, wordDocument } from "./blocks.js";
import { documentBytes } from "./bytes.js";

/**
 * The cover dispatch (công văn) transmitting the month's results: number and "V/v" line, "Kính gửi",
 * a short body (why, the headline figures, what the units are asked to do), signature and recipients.
 */
export async function renderDispatchDocx(view: ProvinceSummaryView): Promise<Uint8Array> {
  const { context } = view;
  const labels = labelsFor(context.language);
  const about = view.dispatchAbout;
  const title = `${about} — ${view.provinceName}`;
  const to = context.official.dispatchTo;
  const children = [
    officialHeader(context, { number: context.official.dispatchNumber, about }),
    para("", { after: 6 }),
    ...(to.length === 1
      ? [para([run(`${labels.dispatchTo} ${to[0]!.replace(/[.;]$/u, "")}.`)], { align: AlignmentType.CENTER, before: 6, after: 6 })]
      : [
          new Paragraph({ children: [run(labels.dispatchTo)], indent: { left: mm(35) }, spacing: { before: twips(6) } }),
          ...recipientLines(to).map((line, index) => new Paragraph({ children: [run(line)], indent: { left: mm(55) }, spacing: { after: index === to.length - 1 ? twips(6) : 0 } })),
        ]),
    ...bodyParagraphs(view.dispatch),
    signatureBlock(context, context.official.recipients.dispatch, recipientLines),
  ];
  return documentBytes(wordDocument(context, title, children), title, context.generatedAt);
}
