// Chart.js 4, registered per chart type (radar, bar, line) so the bundle holds only those: measured
// at a third of the size of the same three charts from ECharts (decisions.md).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, RadarController, RadialLinearScale, Filler, Legend, Tooltip);

export const FONT = '"Be Vietnam Pro", "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 12;
Chart.defaults.color = "#344050";

/** The viewer's palette: the six blocks and up to four compared units. */
export const COLORS = ["#1f5fa8", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#16a085"];

/** Animation is off for users who ask for reduced motion (and in the browser tests). */
export const animate = (): boolean => !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** Writes each point's text next to it (bar ends, line points): the printed number, Vietnamese style. */
export function valueLabels(texts: readonly (readonly (string | null)[])[], placement: "end" | "above"): Plugin {
  return {
    id: "chisoValueLabels",
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `11px ${FONT}`;
      ctx.fillStyle = "#1d2733";
      texts.forEach((datasetTexts, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) return;
        meta.data.forEach((element, index) => {
          const text = datasetTexts[index];
          if (!text) return;
          const { x, y } = element.getProps(["x", "y"], true) as { x: number; y: number };
          if (placement === "end") {
            ctx.textAlign = "left";
            ctx.textBaseline = "middle";
            ctx.fillText(text, x + 6, y);
          } else {
            ctx.textAlign = "center";
            ctx.textBaseline = "bottom";
            ctx.fillText(text, x, y - 7);
          }
        });
      });
      ctx.restore();
    },
  };
}

export { Chart, type ChartConfiguration };
