import { labelsFor } from "../labels.js";
import type { ItemRowView, UnitScorecardView } from "../view/types.js";
import { blockBarsChart, TONE_COLORS, trendChart } from "./charts.js";
import { drawTable, Pdf, type Cell, type GroupRow } from "./draw.js";
import { footers, noticeBoxes, officialHeader, provisionalBand } from "./official.js";
import { COLORS } from "./theme.js";

/** The card's margins: an annex form, tighter than a letter. */
const MARGINS = { top: 30, bottom: 40, left: 42, right: 36 } as const;
const H2 = { face: "bold", size: 10, color: COLORS.primary } as const;

function kpiRow(pdf: Pdf, cells: readonly { label: string; value: string; detail: string; color: string }[]): void {
  const width = pdf.width / cells.length;
  const height = 46;
  cells.forEach((cell, index) => {
    const x = pdf.left + index * width;
    pdf.frame(x, pdf.y, width, height, 0.6, COLORS.rule);
    pdf.text(cell.label, x, pdf.y + 4, width, { size: 8.5, align: "center", color: "#444444" });
    pdf.text(cell.value, x, pdf.y + 14, width, { face: "bold", size: 16, align: "center", color: cell.color });
    pdf.text(cell.detail, x + 2, pdf.y + 33, width - 4, { size: 8, align: "center", color: "#333333" });
  });
  pdf.y += height + 6;
}

function itemRows(items: readonly ItemRowView[]): (Cell[] | GroupRow)[] {
  const rows: (Cell[] | GroupRow)[] = [];
  let block = "";
  for (const item of items) {
    if (item.block !== block) {
      block = item.block;
      rows.push({ group: block });
    }
    const note = [item.note, item.badge].filter(Boolean).join("; ");
    rows.push([
      { text: item.id, align: "center" },
      note ? { text: item.name, note: `(${note})` } : item.name,
      item.numerator,
      item.denominator,
      item.ratio,
      item.threshold,
      { text: `${item.points} / ${item.max}`, face: "bold" },
      { text: item.lost, color: item.lostValue > 0 ? COLORS.bad : "#333333" },
      item.change,
    ]);
  }
  return rows;
}

/** A titled section moved whole to the next page when it does not fit below the cursor. */
function section(pdf: Pdf, title: string, body: () => void): void {
  const draw = () => {
    const start = pdf.y;
    pdf.y += 6;
    pdf.y += pdf.text(title, pdf.left, pdf.y, pdf.width, H2) + 3;
    body();
    return pdf.y - start;
  };
  pdf.ensure(pdf.dry(draw));
  draw();
}

/** A numbered list; each entry a bold lead, its text, and optional sub-lines. */
function numberedList(pdf: Pdf, entries: readonly { lead: string; text: string; details?: readonly string[] }[], size: number): void {
  entries.forEach((entry, index) => {
    pdf.text(`${index + 1}.`, pdf.left, pdf.y, 12, { size });
    pdf.y += pdf.runs([{ text: `${entry.lead}: `, style: { face: "bold" } }, { text: entry.text }], pdf.left + 14, pdf.y, pdf.width - 14, { size }) + 1.5;
    for (const line of entry.details ?? []) pdf.y += pdf.text(`– ${line}`, pdf.left + 24, pdf.y, pdf.width - 24, { size: size - 0.5, color: "#333333" });
  });
}

function bullets(pdf: Pdf, lines: readonly string[], x: number, width: number, size: number): number {
  const start = pdf.y;
  for (const line of lines) {
    pdf.text("•", x, pdf.y, 8, { size });
    pdf.y += pdf.text(line, x + 8, pdf.y, width - 8, { size }) + 1;
  }
  const height = pdf.y - start;
  pdf.y = start;
  return height;
}

/** Key figures as label … value lines; returns the height. */
function keyFigures(pdf: Pdf, rows: readonly (readonly [string, string])[], x: number, y: number, width: number, size: number): number {
  let top = y;
  for (const [label, value] of rows) {
    pdf.text(label, x, top, width * 0.65, { size, color: "#444444" });
    top += pdf.text(value, x + width * 0.6, top, width * 0.4, { face: "bold", size, align: "right" }) + 1;
  }
  return top - y;
}

function smallTable(pdf: Pdf, rows: readonly (readonly string[])[], x: number, y: number, widths: readonly number[], size: number): number {
  let top = y;
  for (const [rowIndex, row] of rows.entries()) {
    const height = Math.max(...row.map((text, index) => pdf.measure(text, widths[index]! - 4, { size }))) + 3;
    let left = x;
    if (rowIndex % 2 === 1) pdf.rect(x, top, widths.reduce((sum, width) => sum + width, 0), height, COLORS.zebra);
    row.forEach((text, index) => {
      pdf.text(text, left + 2, top + 1.5, widths[index]! - 4, { size, align: index === 0 ? "left" : "right" });
      left += widths[index]!;
    });
    top += height;
  }
  return top - y;
}

/** SIPAS on the left, PAR Index on the right (or a line saying there is none); returns the height. */
function companions(pdf: Pdf, view: UnitScorecardView): number {
  const labels = labelsFor(view.context.language);
  const gap = 14;
  const leftWidth = (pdf.width - gap) * 0.46;
  const rightX = pdf.left + leftWidth + gap;
  const rightWidth = pdf.width - leftWidth - gap;
  const size = 8.5;
  const top = pdf.y;
  const sipas = view.sipas;
  const par = view.par;
  const sipasTitle = sipas ? `${labels.sipasTitle} — ${sipas.period}` : labels.sipasTitle;
  const parTitle = par ? `${labels.parTitle} — ${par.period}` : labels.parTitle;
  let left = top;
  left += pdf.text(sipasTitle, pdf.left, left, leftWidth, H2) + 2;
  if (sipas) {
    left += keyFigures(pdf, [[labels.colIndex, sipas.overall], [labels.band, sipas.band], [labels.rank, sipas.rank], [labels.respondents, sipas.respondents]], pdf.left, left, leftWidth, size);
    if (sipas.warning) left += pdf.text(sipas.warning, pdf.left, left, leftWidth, { size: size - 0.5, color: COLORS.warning });
    left += smallTable(pdf, sipas.parts.map((part) => [part.label, part.percent]), pdf.left, left + 2, [leftWidth - 48, 48], size - 0.5) + 4;
    pdf.y = left;
    left += bullets(pdf, sipas.improvements, pdf.left, leftWidth, size - 1);
  } else left += pdf.text(view.rejected?.sipas ? labels.surveyRejected : labels.noSurvey, pdf.left, left, leftWidth, { face: "italic", size });
  let right = top;
  right += pdf.text(parTitle, rightX, right, rightWidth, H2) + 2;
  if (par) {
    right += keyFigures(pdf, [[labels.colIndex, par.index], [labels.band, par.band], [labels.rank, par.rank], [labels.achieved, par.achieved], ...(par.tasks ? [[labels.tasks, par.tasks] as const] : [])], rightX, right, rightWidth, size);
    if (par.note) right += pdf.text(par.note, rightX, right, rightWidth, { face: "italic", size: size - 0.5 });
    right += smallTable(pdf, par.fields.map((field) => [field.label, field.points, field.percent]), rightX, right + 2, [rightWidth - 110, 64, 46], size - 0.5) + 4;
    pdf.y = right;
    right += bullets(pdf, par.improvements, rightX, rightWidth, size - 1);
  } else right += pdf.text(view.rejected?.par ? labels.parRejected : labels.noPar, rightX, right, rightWidth, { face: "italic", size });
  pdf.y = top;
  return Math.max(left, right) - top;
}

/**
 * One unit's scorecard, drawn with pdfkit: the official header, the unit and its key figures, the
 * block bars and the trend, the item table grouped by block, what to do next, data notes, SIPAS and
 * PAR Index. Sections after the item table move whole to a second page when they do not fit.
 */
export async function renderUnitScorecard(view: UnitScorecardView): Promise<Uint8Array> {
  const { context } = view;
  const labels = labelsFor(context.language);
  const pdf = new Pdf(context, `${labels.scorecardTitle} — ${view.unitName} — ${context.periodLabel}`, MARGINS);
  officialHeader(pdf, context, { size: 11 });
  pdf.y += pdf.text(labels.scorecardTitle, pdf.left, pdf.y, pdf.width, { face: "bold", size: 12.5, align: "center" });
  pdf.y += pdf.text(labels.scorecardSubtitle, pdf.left, pdf.y + 1, pdf.width, { face: "italic", size: 9.5, align: "center" }) + 1;
  pdf.y += pdf.text(labels.annexOf(context.official.reportNumber.replace(/^Số: /u, "số "), context.official.date, context.official.issuerInText), pdf.left, pdf.y, pdf.width, { face: "italic", size: 9, align: "center" }) + 4;
  pdf.y += pdf.text(view.unitName, pdf.left, pdf.y, pdf.width, { face: "bold", size: 15, align: "center", color: COLORS.primary });
  pdf.y += pdf.text(`${view.levelLabel} · ${labels.period}: ${context.periodLabel}`, pdf.left, pdf.y, pdf.width, { size: 10, align: "center" }) + 5;
  provisionalBand(pdf, context, 9.5);
  noticeBoxes(pdf, view.notices, 9);
  const toneColor = view.tone === "neutral" ? "#333333" : TONE_COLORS[view.tone];
  kpiRow(pdf, [
    { label: labels.total, value: view.total, detail: `${labels.outOf} ${view.max}`, color: toneColor },
    { label: labels.band, value: view.band ?? "—", detail: " ", color: toneColor },
    { label: labels.rank, value: view.rank, detail: view.rankDetail, color: COLORS.primary },
    { label: labels.change, value: view.scoreChange, detail: view.changeNote ?? (view.rankChange === "—" ? " " : `${labels.colRank}: ${view.rankChange}`), color: COLORS.primary },
  ]);
  const chartTop = pdf.y;
  const leftWidth = pdf.width * 0.55;
  pdf.text(labels.blocksChart, pdf.left, chartTop, leftWidth, H2);
  const barsHeight = blockBarsChart(pdf, view.blocks, pdf.left, chartTop + 15, leftWidth - 12, labels.legend, 8.5);
  pdf.text(labels.trendChartOf[context.periodKind], pdf.left + leftWidth, chartTop, pdf.width - leftWidth, H2);
  trendChart(pdf, view.trend, pdf.left + leftWidth, chartTop + 13, pdf.width - leftWidth, 92, labels.trendPartial);
  pdf.y = chartTop + Math.max(15 + barsHeight, 13 + 92) + 4;

  drawTable(
    pdf,
    {
      columns: [{ width: 24, align: "center" }, { width: pdf.width - 24 - 40 * 3 - 34 - 56 - 32 - 34 }, { width: 40, align: "right" }, { width: 40, align: "right" }, { width: 40, align: "right" }, { width: 34, align: "right" }, { width: 56, align: "right" }, { width: 32, align: "right" }, { width: 34, align: "right" }],
      header: [labels.colNumber, labels.colItem, labels.colNumerator, labels.colDenominator, labels.colRatio, labels.colThreshold, `${labels.colPoints} / ${labels.colMax}`, labels.colLost, labels.colChange],
      rows: itemRows(view.items),
      size: 7.8,
      headerSize: 7.8,
      padding: 1.6,
      zebra: null,
      keepWithTitle: 30,
    },
    { text: labels.itemsTable, style: H2, before: 0, after: 3 },
  );

  const nextSteps = view.actions.map((action) => ({ lead: action.item, text: action.text, ...(action.details && { details: action.details }) }));
  section(pdf, labels.nextSteps, () => {
    if (nextSteps.length === 0) pdf.y += pdf.text(labels.noNextSteps, pdf.left, pdf.y, pdf.width, { face: "italic", size: 8.5 });
    else numberedList(pdf, nextSteps, 8.5);
  });
  section(pdf, labels.findings, () => {
    if (view.findings.length === 0) pdf.y += pdf.text(labels.noFindings, pdf.left, pdf.y, pdf.width, { face: "italic", size: 8.5 });
    else pdf.y += bullets(pdf, view.findings, pdf.left, pdf.width, 8.5);
  });

  pdf.ensure(pdf.dry(() => companions(pdf, view)) + 8);
  pdf.y += 8;
  pdf.y += companions(pdf, view);
  footers(pdf, context);
  return pdf.finish();
}
