import { useMessages, useViewer } from "../context.js";
import type { RejectedEntry } from "../model/payload.js";
import { periodLabel } from "../model/views.js";

/** The input rows rejected with --skip-invalid, with where and why: what the pack's rejected-rows workbook lists. */
export function RejectedPage() {
  const { model, language } = useViewer();
  const messages = useMessages();
  return (
    <section class="page" aria-labelledby="rejected-title">
      <div class="page-head">
        <h1 id="rejected-title">{messages.rejectedTitle}</h1>
        <p class="muted">{messages.rejectedIntro}</p>
        <p><a href={`/api/download/rejected?lang=${language}`} download id="rejected-download">{messages.rejectedDownload}</a></p>
      </div>
      <RejectedTable entries={model.payload.rejected ?? []} showUnit />
    </section>
  );
}

/** Rejected rows as a table: unit (on the list of all), period, kind, where and why, in the viewer's language. */
export function RejectedTable({ entries, showUnit }: { entries: readonly RejectedEntry[]; showUnit: boolean }) {
  const { model, language, link } = useViewer();
  const messages = useMessages();
  return (
    <div class="table-scroll">
      <table class="data rejected-table">
        <thead>
          <tr>
            {showUnit && <th scope="col">{messages.colUnit}</th>}
            <th scope="col">{messages.colPeriod}</th>
            <th scope="col">{messages.colKind}</th>
            <th scope="col">{messages.colWhere}</th>
            <th scope="col">{messages.colReason}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const unit = model.dataset.unitById.get(entry.unit);
            return (
              <tr data-kind={entry.kind} data-unit={entry.unit}>
                {showUnit && <th scope="row">{unit ? <a href={link(["unit", entry.unit])}>{unit.name}</a> : entry.unit || "—"}</th>}
                <td>{entry.period ? periodLabel(entry.period, language) : "—"}</td>
                <td>{messages.rejectedKinds[entry.kind]}</td>
                <td class="small">{entry.where[language]}</td>
                <td class="small">{entry.reasons[language].join(" · ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
