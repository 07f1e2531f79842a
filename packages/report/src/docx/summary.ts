import { formatNumber } from "@chiso/core";
import { AlignmentType, PageBreak, Paragraph } from "docx";
import { labelsFor } from "../labels.js";
import { recipientLines } from "../view/official.js";
import type { ProvinceSummaryView, UnitListEntryView } from "../view/types.js";
import { bodyParagraph, bodyParagraphs, dataTable, heading, notices, officialHeader, para, run, signatureBlock, titleBlock, wordDocument } from "./blocks.js";
import { documentBytes } from "./bytes.js";

function unitList(title: string, entries: readonly UnitListEntryView[], detail: string, labels: ReturnType<typeof labelsFor>) {
  if (entries.length === 0) return [heading(title, 12.5), para([run(labels.none, { italics: true })])];
  return [
    heading(title, 12.5),
    dataTable(
      [
        { header: labels.colName, width: 40 },
        { header: labels.colKind, width: 18 },
        { header: labels.colTotal, width: 14, align: "right" },
        { header: detail, width: 28, align: "center" },
      ],
      entries.map((entry) => [entry.name, entry.level, entry.total, entry.detail]),
    ),
  ];
}

/**
 * The province summary as an editable Word report (Decree 30/2020/NĐ-CP): the same header, title,
 * assessment, units to watch, tasks, signature, recipients and annex rankings as the PDF, from the
 * same view model, in Times New Roman 13 pt.
 */
export async function renderProvinceSummaryDocx(view: ProvinceSummaryView): Promise<Uint8Array> {
  const { context } = view;
  const labels = labelsFor(context.language);
  const title = `${labels.summaryTitle} — ${view.provinceName} — ${context.periodLabel}`;
  const blocks = dataTable(
    [
      { header: labels.colBlock, width: 60 },
      { header: `${labels.colPoints} / ${labels.colMax}`, width: 40, align: "right" },
    ],
    view.blocks.map((block) => [block.note ? `${block.label} (${block.note})` : block.label, block.text]),
  );
  const children = [
    officialHeader(context, { number: context.official.reportNumber }),
    ...titleBlock(labels.documentKind, view.subject),
    ...(context.provisional ? [para([run(labels.provisional, { bold: true, color: "B71C1C" })], { align: AlignmentType.CENTER })] : []),
    ...notices(view.notices),
    heading(labels.sectionGeneral),
    ...view.assessment.map(bodyParagraph),
    para([run(`${labels.total}: `), run(`${view.total}/100`, { bold: true }), run(` · ${labels.band}: `), run(view.band ?? "—", { bold: true }), run(` · ${labels.change}: `), run(view.changeNote ?? view.scoreChange, { bold: true })], { before: 6, after: 4 }),
    blocks,
    heading(labels.sectionAttention),
    ...unitList(`1. ${labels.attentionBelow80(view.below80.length)}`, view.below80, labels.colRank, labels),
    ...unitList(`2. ${labels.attentionMovers}`, view.movers, labels.colChange, labels),
    ...unitList(`3. ${labels.attentionUnranked(view.unranked.length)}`, view.unranked, labels.colReason, labels),
    heading(labels.sectionTasks),
    ...bodyParagraphs(view.tasks),
    signatureBlock(context, context.official.recipients.report, recipientLines),
    new Paragraph({ children: [new PageBreak()] }),
    para([run(labels.annexTitle, { bold: true })], { align: AlignmentType.CENTER }),
    para([run(labels.annexOf(context.official.reportNumber.replace(/^Số: /u, "số "), context.official.date, context.official.issuerInText), { italics: true, size: 12 })], { align: AlignmentType.CENTER, after: 6 }),
    ...view.rankings.flatMap((ranking) => [
      heading(labels.tableTitle(ranking.table, `${ranking.title} (${formatNumber(ranking.rows.length, context.language)})`), 12.5),
      dataTable(
        [
          { header: labels.colRank, width: 8, align: "center" },
          { header: labels.colName, width: 34 },
          { header: labels.colTotal, width: 11, align: "right" },
          { header: labels.colBand, width: 12, align: "center" },
          { header: labels.colChange, width: 10, align: "right" },
          { header: labels.colRankChange, width: 9, align: "center" },
          { header: labels.colSipas, width: 8, align: "right" },
          { header: labels.colPar, width: 8, align: "right" },
        ],
        ranking.rows.map((row) => [row.rank, row.name, row.total, row.band, row.change, row.rankChange, row.sipas, row.par]),
        10.5,
      ),
    ]),
  ];
  return documentBytes(wordDocument(context, title, children), title, context.generatedAt);
}
