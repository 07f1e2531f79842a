import type { ComponentChildren } from "preact";
import { useMessages } from "../context.js";

/** A chart with its figures as a table below it; both are drawn from the same rows. */
export function Chart({ id, title, chart, table }: { id: string; title: string; chart: ComponentChildren; table: ComponentChildren }) {
  const messages = useMessages();
  return (
    <figure class="chart" id={id} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {chart}
      <details class="chart-data">
        <summary>{messages.showTable}</summary>
        <div class="table-scroll">{table}</div>
      </details>
    </figure>
  );
}
