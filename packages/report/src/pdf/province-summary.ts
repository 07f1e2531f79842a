import { formatNumber } from "@chiso/core";
import { labelsFor } from "../labels.js";
import type { ProvinceSummaryView, UnitListEntryView } from "../view/types.js";
import { blockBarsChart, TONE_COLORS, trendChart } from "./charts.js";
import { drawTable, Pdf, type Heading } from "./draw.js";
import { footers, noticeBoxes, officialHeader, provisionalBand, signatureBlock, signatureBlockHeight, titleBlock } from "./official.js";
import { COLORS } from "./theme.js";

/** Decree 30 margins: 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right. */
const MARGINS = { top: 57, bottom: 60, left: 85, right: 50 } as const;
const BODY = 12.5;
const SECTION = { face: "bold", size: BODY } as const;
const SUB = { face: "bold", size: 11.5 } as const;

function heading(text: string, style = SUB, before = 6): Heading {
  return { text, style, before, after: 3 };
}

function unitTable(pdf: Pdf, title: string, entries: readonly UnitListEntryView[], detailHeader: string, labels: ReturnType<typeof labelsFor>): void {
  if (entries.length === 0) {
    pdf.y += 6;
    pdf.paragraph(`${title}: ${labels.none}`, { size: 11.5, face: "italic" });
    return;
  }
  const width = pdf.width;
  drawTable(
    pdf,
    {
      columns: [{ width: width - 70 - 56 - 120 }, { width: 70 }, { width: 56, align: "right" }, { width: 120, align: "center" }],
      header: [labels.colName, labels.colKind, labels.colTotal, detailHeader],
      rows: entries.map((entry) => [entry.name, entry.level, { text: entry.total, face: "bold" }, entry.detail]),
      size: 10,
      keepWithTitle: 3,
    },
    heading(title),
  );
}

/**
 * The province summary as an administrative report (Decree 30/2020/NĐ-CP): header and number, title,
 * the written assessment with the province's figures and charts, the units to watch (each referring to
 * its rank in the annex tables), the tasks, signature and recipients; then the annex ranking every
 * department and commune once, with SIPAS and PAR Index beside the index.
 */
export async function renderProvinceSummary(view: ProvinceSummaryView): Promise<Uint8Array> {
  const { context } = view;
  const labels = labelsFor(context.language);
  const pdf = new Pdf(context, `${labels.summaryTitle} — ${view.provinceName} — ${context.periodLabel}`, MARGINS);
  officialHeader(pdf, context, { number: context.official.reportNumber, size: BODY });
  titleBlock(pdf, labels.documentKind, view.subject, BODY);
  provisionalBand(pdf, context, 10.5);
  noticeBoxes(pdf, view.notices, 10.5);

  pdf.y += pdf.text(labels.sectionGeneral, pdf.left, pdf.y, pdf.width, SECTION) + 4;
  for (const paragraph of view.assessment) pdf.paragraph(paragraph, { size: BODY, align: "justify", indent: 20, lineGap: 1 }, 5);

  const kpiHeight = 40;
  const chartHeight = 106;
  pdf.ensure(kpiHeight + chartHeight + 10);
  const cells = [
    { label: labels.total, value: `${view.total} / 100`, color: view.tone === "neutral" ? "#333333" : TONE_COLORS[view.tone] },
    { label: labels.band, value: view.band ?? "—", color: view.tone === "neutral" ? "#333333" : TONE_COLORS[view.tone] },
    { label: labels.change, value: view.scoreChange, note: view.changeNote, color: COLORS.primary },
  ];
  const cellWidth = pdf.width / cells.length;
  cells.forEach((cell, index) => {
    const x = pdf.left + index * cellWidth;
    pdf.frame(x, pdf.y + 2, cellWidth, kpiHeight - 4, 0.6, COLORS.rule);
    pdf.text(cell.label, x, pdf.y + 5, cellWidth, { size: 9, align: "center", color: "#444444" });
    // No change: the value is a dash, the reason in small type beneath it.
    const note = "note" in cell ? cell.note : null;
    pdf.text(cell.value, x, pdf.y + (note ? 13 : 16), cellWidth, { face: "bold", size: note ? 12 : 15, align: "center", color: cell.color });
    if (note) pdf.text(note, x, pdf.y + 27, cellWidth, { size: 8, align: "center", color: "#444444" });
  });
  pdf.y += kpiHeight + 2;
  const chartTop = pdf.y;
  const leftWidth = pdf.width * 0.56;
  pdf.text(labels.blocksChart, pdf.left, chartTop, leftWidth, { face: "bold", size: 10, color: COLORS.primary });
  blockBarsChart(pdf, view.blocks, pdf.left, chartTop + 15, leftWidth - 10, labels.legend, 8.5);
  pdf.text(labels.trendChartOf[context.periodKind], pdf.left + leftWidth, chartTop, pdf.width - leftWidth, { face: "bold", size: 10, color: COLORS.primary });
  trendChart(pdf, view.trend, pdf.left + leftWidth, chartTop + 13, pdf.width - leftWidth, 92, labels.trendPartial);
  pdf.y = chartTop + chartHeight + 4;

  pdf.ensure(60);
  pdf.y += 4;
  pdf.y += pdf.text(labels.sectionAttention, pdf.left, pdf.y, pdf.width, SECTION) + 2;
  unitTable(pdf, `1. ${labels.attentionBelow80(view.below80.length)}`, view.below80, labels.colRank, labels);
  unitTable(pdf, `2. ${labels.attentionMovers}`, view.movers, labels.colChange, labels);
  unitTable(pdf, `3. ${labels.attentionUnranked(view.unranked.length)}`, view.unranked, labels.colReason, labels);

  pdf.ensure(60);
  pdf.y += 10;
  pdf.y += pdf.text(labels.sectionTasks, pdf.left, pdf.y, pdf.width, SECTION) + 4;
  const taskStyle = { size: BODY, align: "justify", indent: 20, lineGap: 1 } as const;
  view.tasks.forEach((paragraph, index) => {
    // The signature never stands alone on a page (Decree 30): the last paragraph goes over with it.
    if (index === view.tasks.length - 1) pdf.ensure(pdf.measure(paragraph, pdf.width, taskStyle) + 5 + signatureBlockHeight(pdf, context, context.official.recipients.report, BODY));
    pdf.paragraph(paragraph, taskStyle, 5);
  });
  signatureBlock(pdf, context, context.official.recipients.report, BODY);

  pdf.newPage();
  pdf.y += pdf.text(labels.annexTitle, pdf.left, pdf.y, pdf.width, { face: "bold", size: BODY, align: "center" });
  pdf.y += pdf.text(labels.annexOf(context.official.reportNumber.replace(/^Số: /u, "số "), context.official.date, context.official.issuerInText), pdf.left, pdf.y + 1, pdf.width, { face: "italic", size: 11, align: "center" }) + 6;
  for (const ranking of view.rankings) {
    const fixed = 30 + 46 + 58 + 48 + 40 + 42 + 42;
    drawTable(
      pdf,
      {
        columns: [{ width: 30, align: "center" }, { width: pdf.width - fixed }, { width: 46, align: "right" }, { width: 58, align: "center" }, { width: 48, align: "right" }, { width: 40, align: "center" }, { width: 42, align: "right" }, { width: 42, align: "right" }],
        header: [labels.colRank, labels.colName, labels.colTotal, labels.colBand, labels.colChange, labels.colRankChange, labels.colSipas, labels.colPar],
        rows: ranking.rows.map((row) => [
          row.rank,
          row.name,
          { text: row.total, face: "bold", color: row.tone === "neutral" ? "#000000" : TONE_COLORS[row.tone] },
          row.band,
          row.change,
          row.rankChange,
          row.sipas,
          row.par,
        ]),
        size: 9,
        headerSize: 8.5,
        zebra: COLORS.zebra,
        keepWithTitle: 4,
      },
      heading(labels.tableTitle(ranking.table, `${ranking.title} (${formatNumber(ranking.rows.length, context.language)})`), SUB, 8),
    );
  }
  footers(pdf, context);
  return pdf.finish();
}
