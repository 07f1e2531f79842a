import { describeFinding } from "@chiso/core";
import { isFeedback } from "@chiso/report";
import { useState } from "preact/hooks";
import { useMessages, useViewer } from "../context.js";
import { periodLabel } from "../model/views.js";
import { PublishedTable } from "./Unit.js";

/** The period's data-quality findings, the reading notes, and (when present) the reconciliation with the portal. */
export function QualityPage() {
  const { model, language, period, link } = useViewer();
  const messages = useMessages();
  const [code, setCode] = useState("");
  const card = model.scoreWithFindings(period);
  const codes = [...new Set(card.findings.map((finding) => finding.code))].sort();
  const findings = card.findings.filter((finding) => !code || finding.code === code);
  const published = (model.payload.published ?? []).filter((mark) => mark.period === period && mark.published !== null && mark.recomputed !== null && Math.abs(mark.published - mark.recomputed) >= 0.005);
  // Units in the units file's order, items in the scorecard's, as the pack's sheets are.
  const unitOrder = new Map(model.dataset.units.map((unit, index) => [unit.id, index]));
  const itemOrder = (code: string) => model.scheme.itemByCode.get(code)?.index ?? Number.MAX_SAFE_INTEGER;
  const evidence = (model.payload.evidence ?? [])
    .filter((entry) => entry.period === period)
    .sort((a, b) => (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0) || itemOrder(a.item) - itemOrder(b.item));
  return (
    <section class="page" aria-labelledby="quality-title">
      <div class="page-head">
        <h1 id="quality-title">{messages.findingsTitle} — {periodLabel(period, language)}</h1>
        <p class="muted">{messages.findingsIntro}</p>
      </div>
      {model.payload.meta.notes.length > 0 && (
        <section class="panel"><h2>{messages.readingNotes}</h2><ul class="list small">{model.payload.meta.notes.map((note) => <li>{note}</li>)}</ul></section>
      )}
      <div class="filters">
        <label>
          <span>{messages.colKind}</span>
          <select id="finding-code" value={code} onChange={(event) => setCode((event.target as HTMLSelectElement).value)}>
            <option value="">{messages.allKinds}</option>
            {codes.map((entry) => <option value={entry}>{messages.findingKinds[entry] ?? entry}</option>)}
          </select>
        </label>
        <p class="muted" data-testid="findings-count">{messages.findingsCount(findings.length)}</p>
      </div>
      {findings.length === 0 ? <p>{messages.noFindings}</p> : (
        <div class="table-scroll">
          <table class="data" id="findings-table">
            <thead><tr><th scope="col">{messages.colUnit}</th><th scope="col">{messages.colItem}</th><th scope="col">{messages.colKind}</th><th scope="col">{messages.colFinding}</th></tr></thead>
            <tbody>
              {findings.map((finding) => {
                const unit = model.dataset.unitById.get(finding.unit);
                const item = finding.item ? model.scheme.itemByCode.get(finding.item) : undefined;
                return (
                  <tr data-code={finding.code}>
                    <th scope="row"><a href={link(["unit", finding.unit])}>{unit?.name ?? finding.unit}</a></th>
                    <td>{item ? `${item.id} ${item.name[language]}` : "—"}</td>
                    <td class="small">{messages.findingKinds[finding.code] ?? finding.code}</td>
                    <td>{describeFinding(finding, language)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {published.length > 0 && (
        <section class="panel"><h2>{messages.publishedTitle}</h2><PublishedTable marks={published} showUnit /></section>
      )}
      {evidence.length > 0 && (
        <section class="panel">
          <h2>{messages.evidenceTitle(evidence.some((entry) => isFeedback(entry.item)))}</h2>
          <ul class="list">{evidence.map((entry) => <li><a href={link(["unit", entry.unit])}>{model.dataset.unitById.get(entry.unit)?.name ?? entry.unit}</a> — {model.scheme.itemByCode.get(entry.item)?.id ?? entry.item}: {messages.evidenceCount(entry.count, entry.dossiers.length, isFeedback(entry.item))}</li>)}</ul>
        </section>
      )}
    </section>
  );
}
