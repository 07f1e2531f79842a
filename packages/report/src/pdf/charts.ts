import type { CanvasElement, Content } from "pdfmake/interfaces.js";
import type { BlockBarView, TrendPointView } from "../view/types.js";
import { COLORS } from "./theme.js";

/** Horizontal bars of the blocks against their maxima: label | bar | "points / max". */
export function blockBarsChart(blocks: readonly BlockBarView[], barWidth = 96): Content {
  const barHeight = 8;
  return {
    table: {
      widths: ["*", barWidth, 56],
      body: blocks.map((block) => {
        const share = block.points === null ? 0 : Math.max(0, Math.min(1, block.points / block.max));
        const color = block.points === null ? COLORS.muted : share >= 0.9 ? COLORS.good : share >= 0.8 ? COLORS.fair : COLORS.bad;
        return [
          { text: block.label, fontSize: 7.5, margin: [0, 1, 0, 0] },
          {
            canvas: [
              { type: "rect", x: 0, y: 1, w: barWidth, h: barHeight, color: COLORS.track },
              ...(share > 0 ? [{ type: "rect" as const, x: 0, y: 1, w: barWidth * share, h: barHeight, color }] : []),
            ],
          },
          { text: block.text, fontSize: 7.5, alignment: "right", margin: [0, 1, 0, 0] },
        ];
      }),
    },
    layout: "noBorders",
  };
}

/** Approximate width of digits and short labels at a font size (Be Vietnam Pro's digits are ~0.6 em). */
const labelWidth = (text: string, size: number) => text.length * size * 0.58;

/**
 * The total over recent periods as a line with labelled axes; gaps where a period had no data.
 * Drawn with pdfmake's vector canvas and detached text labels: an SVG of the same chart costs about
 * a third of a one-page scorecard's rendering time (docs/decisions.md).
 */
export function trendChart(points: readonly TrendPointView[], width = 230, height = 112): Content {
  const left = 24;
  const right = 12;
  const bottom = 14;
  const top = 8;
  const innerWidth = width - left - right;
  const innerHeight = height - bottom - top;
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const low = values.length > 0 ? Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10) : 0;
  const high = 100;
  const x = (index: number) => left + (points.length <= 1 ? innerWidth / 2 : (index * innerWidth) / (points.length - 1));
  const y = (value: number) => top + innerHeight - ((value - low) / (high - low)) * innerHeight;
  const ticks = [low, (low + high) / 2, high];
  const canvas: CanvasElement[] = ticks.map((tick) => ({ type: "line", x1: left, y1: y(tick), x2: width - right, y2: y(tick), lineWidth: 0.4, lineColor: "#d0d7e1" }));
  // Consecutive periods with data form one segment; a period without data breaks the line.
  const segments: { x: number; y: number }[][] = [[]];
  points.forEach((point, index) => {
    if (point.value === null) segments.push([]);
    else segments[segments.length - 1]!.push({ x: x(index), y: y(point.value) });
  });
  for (const segment of segments) {
    if (segment.length > 1) canvas.push({ type: "polyline", points: segment, lineWidth: 1.4, lineColor: COLORS.primary });
  }
  points.forEach((point, index) => {
    if (point.value !== null) canvas.push({ type: "ellipse", x: x(index), y: y(point.value), r1: 1.8, r2: 1.8, color: COLORS.primary });
  });
  canvas.push({ type: "line", x1: left, y1: top + innerHeight, x2: width - right, y2: top + innerHeight, lineWidth: 0.6, lineColor: "#333333" });

  const label = (text: string, size: number, atX: number, atY: number, bold = false): Content => ({ text, fontSize: size, bold, relativePosition: { x: atX, y: atY } });
  // With many periods, every other label keeps them from running into each other.
  const step = points.length > 7 ? 2 : 1;
  const labels: Content[] = [
    ...ticks.map((tick) => label(String(tick), 6.5, left - 3 - labelWidth(String(tick), 6.5), y(tick) - 4.5)),
    ...points.flatMap((point, index) => ((points.length - 1 - index) % step !== 0 ? [] : [label(point.label, 6, x(index) - labelWidth(point.label, 6) / 2, height - bottom + 3)])),
  ];
  const lastIndex = points.map((point) => point.value !== null).lastIndexOf(true);
  const last = points[lastIndex];
  if (last?.value != null) labels.push(label(last.text, 6.5, x(lastIndex) - labelWidth(last.text, 6.5) - 2, y(last.value) - 11, true));
  return { stack: [...labels, { canvas }] };
}
