import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { animate, Chart as ChartJs, type ChartConfiguration } from "./charts.js";
import { useMessages } from "../context.js";

export interface ChartProps {
  readonly id: string;
  readonly title: string;
  readonly config: ChartConfiguration;
  /** The chart's numbers as a table: for screen readers, for copying, and what the tests read. */
  readonly table: ComponentChildren;
  readonly height?: number;
}

/** A chart with its figures as a table below it. The table and the chart are drawn from the same rows. */
export function Chart({ id, title, config, table, height = 260 }: ChartProps) {
  const messages = useMessages();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new ChartJs(canvas.current!, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: animate() ? { duration: 400 } : false, ...config.options },
    });
    // Canvas text is drawn once: draw again when the bundled font has arrived.
    let live = true;
    document.fonts?.ready.then(() => live && chart.update("none"));
    return () => {
      live = false;
      chart.destroy();
    };
  }, [config]);
  return (
    <figure class="chart" id={id} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div class="chart-canvas" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <details class="chart-data">
        <summary>{messages.showTable}</summary>
        <div class="table-scroll">{table}</div>
      </details>
    </figure>
  );
}
