import type { BlockBarView, Tone, TrendPointView } from "../view/types.js";
import type { Pdf } from "./draw.js";
import { COLORS } from "./theme.js";

export const TONE_COLORS: Record<Tone, string> = { good: COLORS.good, fair: COLORS.fair, bad: COLORS.bad, neutral: COLORS.muted };

/**
 * The blocks as bars against their maxima — label, bar, "points / max" — with the colour legend
 * under them. Returns the height drawn.
 */
export function blockBarsChart(pdf: Pdf, blocks: readonly BlockBarView[], x: number, y: number, width: number, legend: string, size = 8.5): number {
  const valueWidth = 52;
  const labelWidth = Math.min(130, width * 0.46);
  const barWidth = width - labelWidth - valueWidth - 6;
  const rowHeight = size + 5;
  blocks.forEach((block, index) => {
    const top = y + index * rowHeight;
    // A note would wrap the label onto the next bar: the bar is starred and the note goes under the legend.
    const label = block.note ? `${block.label} *` : block.label;
    pdf.text(label, x, top + 1, labelWidth, { size });
    const share = block.points === null ? 0 : Math.max(0, Math.min(1, block.points / block.max));
    pdf.rect(x + labelWidth, top + 2, barWidth, size - 1, COLORS.track);
    if (share > 0) pdf.rect(x + labelWidth, top + 2, barWidth * share, size - 1, TONE_COLORS[block.tone]);
    pdf.text(block.text, x + labelWidth + barWidth + 4, top + 1, valueWidth + 2, { size, align: "right" });
  });
  const legendTop = y + blocks.length * rowHeight + 2;
  const notes = [...new Set(blocks.flatMap((block) => (block.note ? [block.note] : [])))];
  const legendText = notes.length > 0 ? `${legend} * ${notes.join("; ")}.` : legend;
  const legendHeight = pdf.text(legendText, x, legendTop, width, { size: size - 1.5, face: "italic", color: "#444444" });
  return blocks.length * rowHeight + 2 + legendHeight;
}

/**
 * The total over recent periods as a line with labelled axes; a period without data breaks the line, and
 * a partial total is a hollow point, explained by `partialLabel` above the plot. The last value is
 * written above or below its point, whichever side the line leaves free.
 */
export function trendChart(pdf: Pdf, points: readonly TrendPointView[], x: number, y: number, width: number, height: number, partialLabel?: string): void {
  const left = 20;
  const right = 8;
  const bottom = 14;
  const top = 12;
  const innerWidth = width - left - right;
  const innerHeight = height - bottom - top;
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const low = values.length > 0 ? Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10) : 0;
  const high = 100;
  const px = (index: number) => x + left + (points.length <= 1 ? innerWidth / 2 : (index * innerWidth) / (points.length - 1));
  const py = (value: number) => y + top + innerHeight - ((value - low) / (high - low)) * innerHeight;
  const doc = pdf.doc;
  for (const tick of [low, (low + high) / 2, high]) {
    pdf.line(x + left, py(tick), x + width - right, py(tick), 0.4, "#d0d7e1");
    pdf.text(String(tick), x, py(tick) - 4, left - 3, { size: 7, align: "right", color: "#444444" });
  }
  pdf.line(x + left, y + top + innerHeight, x + width - right, y + top + innerHeight, 0.6, "#333333");
  // The line joins complete totals only: a partial total (part of the figures) is a hollow point on its own.
  let open = false;
  points.forEach((point, index) => {
    if (point.value === null || point.partial) {
      open = false;
      return;
    }
    if (open) doc.lineTo(px(index), py(point.value));
    else doc.moveTo(px(index), py(point.value));
    open = true;
  });
  doc.lineWidth(1.4).strokeColor(COLORS.primary).stroke();
  points.forEach((point, index) => {
    if (point.value === null) return;
    if (point.partial) doc.lineWidth(0.9).circle(px(index), py(point.value), 2).fillAndStroke("#ffffff", COLORS.primary);
    else doc.circle(px(index), py(point.value), 1.8).fill(COLORS.primary);
  });
  if (partialLabel && points.some((point) => point.value !== null && point.partial)) {
    doc.lineWidth(0.9).circle(x + left + 4, y + 3.5, 2).fillAndStroke("#ffffff", COLORS.primary);
    pdf.text(partialLabel, x + left + 9, y, width - left - 60, { size: 6.5, color: "#444444" });
  }
  const step = points.length > 7 ? 2 : 1;
  points.forEach((point, index) => {
    if ((points.length - 1 - index) % step !== 0) return;
    pdf.text(point.label, px(index) - 16, y + height - bottom + 3, 32, { size: 6.5, align: "center", color: "#444444" });
  });
  const lastIndex = points.map((point) => point.value !== null).lastIndexOf(true);
  const last = points[lastIndex];
  if (last?.value != null) {
    // Above the point when the line comes from below (or is flat), below it when the line comes from above.
    // Beside the point, left, when there is no room below it (a steep fall to the axis).
    const before = points[lastIndex - 1]?.value ?? null;
    const above = before === null || before <= last.value;
    const below = py(last.value) + 3;
    const roomBelow = below + 9 <= y + top + innerHeight;
    const labelY = above ? py(last.value) - 11 : roomBelow ? below : py(last.value) - 4;
    const labelX = above || roomBelow ? px(lastIndex) - 40 : px(lastIndex) - 44;
    pdf.text(last.text, labelX, labelY, 38, { face: "bold", size: 7.5, align: "right", color: COLORS.primary });
  }
}
