import type { Content } from "pdfmake/interfaces.js";
import type { BlockBarView, TrendPointView } from "../view/types.js";
import { FONT_FAMILY } from "./fonts.js";
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

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The total over recent periods as a line with labelled axes; gaps where a period had no data. */
export function trendChart(points: readonly TrendPointView[], width = 230, height = 112): Content {
  const left = 24;
  const right = 12;
  const bottom = 14;
  const innerWidth = width - left - right;
  const innerHeight = height - bottom - 6;
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const low = values.length > 0 ? Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10) : 0;
  const high = 100;
  const x = (index: number) => left + (points.length <= 1 ? innerWidth / 2 : (index * innerWidth) / (points.length - 1));
  const y = (value: number) => 6 + innerHeight - ((value - low) / (high - low)) * innerHeight;
  const ticks = [low, (low + high) / 2, high]
    .map((tick) => `<line x1="${left}" y1="${y(tick).toFixed(1)}" x2="${width - right}" y2="${y(tick).toFixed(1)}" stroke="#d0d7e1" stroke-width="0.4"/><text x="${left - 3}" y="${(y(tick) + 2.5).toFixed(1)}" font-size="6.5" text-anchor="end">${tick}</text>`)
    .join("");
  // With many periods, every other label keeps them from running into each other.
  const step = points.length > 7 ? 2 : 1;
  const labels = points
    .map((point, index) => ((points.length - 1 - index) % step !== 0 ? "" : `<text x="${x(index).toFixed(1)}" y="${height - 3}" font-size="6" text-anchor="middle">${escapeXml(point.label)}</text>`))
    .join("");
  // Consecutive periods with data form one segment; a period without data breaks the line.
  const segments: string[][] = [[]];
  points.forEach((point, index) => {
    if (point.value === null) segments.push([]);
    else segments[segments.length - 1]!.push(`${x(index).toFixed(1)},${y(point.value).toFixed(1)}`);
  });
  const lines = segments
    .filter((segment) => segment.length > 1)
    .map((segment) => `<polyline points="${segment.join(" ")}" fill="none" stroke="${COLORS.primary}" stroke-width="1.4"/>`)
    .join("");
  const dots = points
    .map((point, index) => (point.value === null ? "" : `<circle cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="1.8" fill="${COLORS.primary}"/>`))
    .join("");
  const last = [...points].reverse().find((point) => point.value !== null);
  const lastIndex = last ? points.lastIndexOf(last) : -1;
  const lastLabel = last?.value == null ? "" : `<text x="${x(lastIndex).toFixed(1)}" y="${(y(last.value) - 4).toFixed(1)}" font-size="6.5" text-anchor="end" font-weight="bold">${last.value.toFixed(2)}</text>`;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${ticks}${labels}${lines}${dots}${lastLabel}<line x1="${left}" y1="${6 + innerHeight}" x2="${width - right}" y2="${6 + innerHeight}" stroke="#333" stroke-width="0.6"/></svg>`,
    width,
    font: FONT_FAMILY,
  } as Content;
}
