import { explainUnit, type UnitScore } from "@chiso/core";
import { compareWithPrevious, evidenceReason, isFeedback } from "@chiso/report";
import { RejectedTable } from "./Rejected.js";
import { BlocksRadar, CompletenessNote, Headline, TrendChart } from "../components/ui.js";
import { useMessages, useViewer } from "../context.js";
import { formatChange, formatCount, formatNumber, formatPercent, formatPoints } from "../format.js";
import { itemNote, periodLabel } from "../model/views.js";
import type { EvidenceEntry, PublishedMark } from "../model/payload.js";
import { Planner } from "./Planner.js";

function ItemTable({ score, previous }: { score: UnitScore; previous: UnitScore | undefined }) {
  const { model, language } = useViewer();
  const messages = useMessages();
  return (
    <div class="table-scroll">
      <table class="data items" id="item-table">
        <thead>
          <tr>
            <th scope="col">{messages.colItem}</th>
            <th scope="col" class="num">{messages.colNumerator}</th>
            <th scope="col" class="num">{messages.colDenominator}</th>
            <th scope="col" class="num">{messages.colRatio}</th>
            <th scope="col" class="num">{messages.colThreshold}</th>
            <th scope="col" class="num">{messages.colPoints}</th>
            <th scope="col" class="num">{messages.colMax}</th>
            <th scope="col" class="num">{messages.colLost}</th>
            <th scope="col" class="num">{messages.colChange}</th>
            <th scope="col">{messages.colNote}</th>
          </tr>
        </thead>
        <tbody>
          {explainUnit(model.scheme, score).map((explanation, index) => {
            const { item, score: itemScore } = explanation;
            const before = previous?.items[index]?.points ?? null;
            const lost = explanation.pointsLost?.units ?? 0;
            return (
              <tr data-item={item.code} class={lost > 0 ? "lost" : ""}>
                <th scope="row"><span class="item-id">{item.id}</span> {item.name[language]}</th>
                <td class="num">{itemScore.counts ? formatCount(itemScore.counts.numerator, language) : "—"}</td>
                <td class="num">{itemScore.counts ? formatCount(itemScore.counts.denominator, language) : "—"}</td>
                <td class="num">{formatPercent(explanation.ratioPercent, language)}</td>
                <td class="num">{formatPercent(explanation.thresholdPercent, language)}</td>
                <td class="num" data-col="points">{formatPoints(itemScore.points, language)}</td>
                <td class="num">{formatPoints(itemScore.max, language)}</td>
                <td class="num" data-col="lost">{formatPoints(explanation.pointsLost, language)}</td>
                <td class="num">{itemScore.points && before ? formatChange(itemScore.points.minus(before), language) : "—"}</td>
                <td class="muted small">{itemNote(explanation, messages)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Evidence({ entries }: { entries: readonly EvidenceEntry[] }) {
  const { model, language } = useViewer();
  const messages = useMessages();
  return (
    <section class="panel" aria-labelledby="evidence-title" id="evidence">
      <h2 id="evidence-title">{messages.evidenceTitle(entries.some((entry) => isFeedback(entry.item)))}</h2>
      {entries.map((entry) => {
        const item = model.scheme.itemByCode.get(entry.item);
        // A feedback item (PAKN) has no procedure.
        const feedback = isFeedback(entry.item);
        return (
          <details open={entries.length <= 2} data-evidence={entry.item}>
            <summary>{item ? `${item.id} ${item.name[language]}` : entry.item} — {messages.evidenceCount(entry.count, entry.dossiers.length, feedback)}</summary>
            <div class="table-scroll">
              <table class="data">
                <thead><tr><th scope="col">{feedback ? messages.colFeedback : messages.colDossier}</th>{!feedback && <th scope="col">{messages.colProcedure}</th>}<th scope="col">{messages.colReceived}</th><th scope="col">{messages.colDue}</th><th scope="col">{messages.colFinished}</th><th scope="col" class="num">{messages.colDaysLate}</th><th scope="col">{messages.colReason}</th></tr></thead>
                <tbody>
                  {entry.dossiers.map((dossier) => (
                    <tr>
                      <th scope="row">{dossier.id}</th>
                      {!feedback && <td>{dossier.procedureName ?? dossier.procedure ?? "—"}</td>}
                      <td>{dossier.receivedAt ?? "—"}</td>
                      <td>{dossier.dueAt ?? "—"}</td>
                      <td>{dossier.finishedAt ?? "—"}</td>
                      <td class="num">{dossier.daysLate === undefined ? "—" : formatNumber(dossier.daysLate, language, Number.isInteger(dossier.daysLate) ? 0 : 1)}</td>
                      <td>{dossier.reason ? evidenceReason({ reason: dossier.reason, finishedAt: dossier.finishedAt ?? null }, language) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
    </section>
  );
}

/** Published against recomputed: items, blocks and the total, with the difference. */
export function PublishedTable({ marks, showUnit = false }: { marks: readonly PublishedMark[]; showUnit?: boolean }) {
  const { model, language } = useViewer();
  const messages = useMessages();
  const label = (target: string) => {
    if (target === "TOTAL") return messages.totalTarget;
    const item = model.scheme.itemByCode.get(target);
    if (item) return `${item.id} ${item.name[language]}`;
    const block = model.scheme.blocks.find((entry) => entry.code === target);
    return block ? `${block.number}. ${block.name[language]}` : target;
  };
  return (
    <div class="table-scroll">
      <table class="data" data-testid="published">
        <thead><tr>{showUnit && <th scope="col">{messages.colUnit}</th>}<th scope="col">{messages.colItem}</th><th scope="col" class="num">{messages.colPublished}</th><th scope="col" class="num">{messages.colRecomputed}</th><th scope="col" class="num">{messages.colDifference}</th></tr></thead>
        <tbody>
          {marks.map((mark) => {
            const difference = mark.published !== null && mark.recomputed !== null ? Math.round((mark.recomputed - mark.published) * 100) / 100 : null;
            return (
              <tr class={difference ? "lost" : ""} data-target={mark.target}>
                {showUnit && <td>{model.dataset.unitById.get(mark.unit)?.name ?? mark.unit}</td>}
                <th scope="row">{label(mark.target)}</th>
                <td class="num">{formatNumber(mark.published, language)}</td>
                <td class="num">{mark.recomputed === null ? <span class="muted small">{messages.notRecomputed}</span> : formatNumber(mark.recomputed, language)}</td>
                <td class="num">{difference === null ? "—" : formatNumber(difference, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One unit: headline, radar, trend, item table, what to do next, the planner and the downloads. */
export function UnitPage({ unitId }: { unitId: string }) {
  const { model, language, period, link } = useViewer();
  const messages = useMessages();
  const card = model.score(period);
  const score = card.unit(unitId);
  if (!score) {
    return (
      <section class="page">
        <p role="alert">{messages.unitNotFound(unitId)}</p>
        <a href={link(["ranking", "department"])}>{messages.backToRanking}</a>
      </section>
    );
  }
  const before = model.previous(period)?.unit(unitId);
  // Item changes only when the totals compare: both periods' figures complete (see compareWithPrevious).
  const previous = compareWithPrevious(score, before, model.refused).comparable ? before : undefined;
  // In the scorecard's item order, as the pack's sheets are.
  const itemOrder = (code: string) => model.scheme.itemByCode.get(code)?.index ?? Number.MAX_SAFE_INTEGER;
  const evidence = (model.payload.evidence ?? []).filter((entry) => entry.unit === unitId && entry.period === period).sort((a, b) => itemOrder(a.item) - itemOrder(b.item));
  const published = (model.payload.published ?? []).filter((mark) => mark.unit === unitId && mark.period === period);
  // The unit's rows rejected with --skip-invalid, of any period: its card in the pack names them the same way.
  const rejected = (model.payload.rejected ?? []).filter((entry) => entry.unit === unitId);
  const query = `unit=${encodeURIComponent(unitId)}&period=${encodeURIComponent(period)}&lang=${language}`;
  const level = score.unit.level === "commune" ? "commune" : "department";
  return (
    <section class="page" aria-labelledby="unit-title">
      <div class="page-head">
        <p class="crumbs"><a href={link(["ranking", level])}>{messages.nav.ranking}: {messages.levelTitles[score.unit.level]}</a></p>
        <h1 id="unit-title">{score.unit.name} <span class="muted">— {periodLabel(period, language)}</span></h1>
        {card.provisional && <p class="warning" role="note">{messages.provisional}</p>}
        <CompletenessNote score={score} />
      </div>
      {rejected.length > 0 && (
        <section class="panel" aria-labelledby="unit-rejected">
          <h2 id="unit-rejected">{messages.unitRejected}</h2>
          <RejectedTable entries={rejected} showUnit={false} />
        </section>
      )}
      <Headline score={score} previous={before} showRank={score.unit.level !== "province"} />
      <div class="grid-2">
        <BlocksRadar scheme={model.scheme} scores={[score]} id="unit-radar" />
        <TrendChart unitId={unitId} id="unit-trend" />
      </div>
      <section class="panel" aria-labelledby="items-title">
        <h2 id="items-title">{messages.itemsTitle}</h2>
        <ItemTable score={score} previous={previous} />
      </section>
      {published.length > 0 && (
        <section class="panel" aria-labelledby="published-title">
          <h2 id="published-title">{messages.publishedTitle}</h2>
          <PublishedTable marks={published} />
        </section>
      )}
      {evidence.length > 0 && <Evidence entries={evidence} />}
      <Planner key={`${unitId}|${period}`} score={score} />
      {score.unit.level !== "province" && (
        <section class="panel" aria-labelledby="unit-downloads">
          <h2 id="unit-downloads">{messages.downloads}</h2>
          <p class="actions"><a class="button" id="download-card" href={`/api/download/card?${query}`} download>{messages.downloadCard}</a></p>
          <p class="muted small">{messages.downloadNote}</p>
        </section>
      )}
    </section>
  );
}
