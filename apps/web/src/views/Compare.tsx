import { explainUnit } from "@chiso/core";
import { BandBadge, BlocksRadar } from "../components/ui.js";
import { useMessages, useViewer } from "../context.js";
import { formatPercent, formatPoints } from "../format.js";
import { periodLabel, rankText } from "../model/views.js";
import { searchKey } from "./Ranking.js";
import { useState } from "preact/hooks";

/** Two to four units side by side: headline, radar of the blocks, blocks and items. */
export function ComparePage({ ids }: { ids: readonly string[] }) {
  const { model, language, period, link } = useViewer();
  const messages = useMessages();
  const [query, setQuery] = useState("");
  const card = model.score(period);
  const scores = ids.slice(0, 4).flatMap((id) => card.unit(id) ?? []);
  const chosen = new Set(scores.map((score) => score.unit.id));
  const needle = searchKey(query.trim());
  const candidates = needle.length < 2 ? [] : card.units.filter((score) => !chosen.has(score.unit.id) && searchKey(`${score.unit.name} ${score.unit.id}`).includes(needle)).slice(0, 8);
  const withUnits = (list: readonly string[]) => link(["compare"], { units: list.join(",") || undefined });
  const explanations = scores.map((score) => explainUnit(model.scheme, score));
  return (
    <section class="page" aria-labelledby="compare-title">
      <div class="page-head">
        <h1 id="compare-title">{messages.compareTitle} — {periodLabel(period, language)}</h1>
      </div>
      <div class="filters">
        <label>
          <span>{messages.compareAdd}</span>
          <input type="search" id="compare-search" value={query} placeholder={messages.searchPlaceholder} disabled={scores.length >= 4} onInput={(event) => setQuery((event.target as HTMLInputElement).value)} />
        </label>
        {scores.length >= 4 && <span class="muted small">{messages.compareLimit}</span>}
        {candidates.length > 0 && (
          <ul class="chips" aria-label={messages.compareAdd}>
            {candidates.map((score) => <li><a href={withUnits([...scores.map((entry) => entry.unit.id), score.unit.id])} onClick={() => setQuery("")}>+ {score.unit.name}</a></li>)}
          </ul>
        )}
      </div>
      {scores.length < 2 ? <p class="muted" id="compare-hint">{messages.compareHint}</p> : null}
      {scores.length > 0 && (
        <>
          <div class="grid-2">
            <div class="panel table-scroll">
              <table class="data compare" id="compare-table">
                <thead>
                  <tr>
                    <th scope="col"><span class="visually-hidden">{messages.colBlock}</span></th>
                    {scores.map((score) => (
                      <th scope="col" class="num" data-unit={score.unit.id}>
                        <a href={link(["unit", score.unit.id])}>{score.unit.name}</a>{" "}
                        <a class="remove" href={withUnits(scores.filter((entry) => entry !== score).map((entry) => entry.unit.id))} aria-label={messages.compareRemove(score.unit.name)}>×</a>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr class="total-row" data-row="total"><th scope="row">{messages.colTotal}</th>{scores.map((score) => <td class="num"><strong>{formatPoints(score.total, language)}</strong></td>)}</tr>
                  <tr data-row="band"><th scope="row">{messages.colBand}</th>{scores.map((score) => <td class="num"><BandBadge score={score} /></td>)}</tr>
                  <tr data-row="rank"><th scope="row">{messages.colRank}</th>{scores.map((score) => <td class="num">{rankText(score, messages)}</td>)}</tr>
                  {model.scheme.blocks.map((block, index) => (
                    <tr class="block-row" data-block={block.code}>
                      <th scope="row">{block.number}. {block.name[language]}</th>
                      {scores.map((score) => <td class="num">{formatPoints(score.blocks[index]!.points, language)} <span class="muted small">/ {formatPoints(score.blocks[index]!.max, language)}</span></td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <BlocksRadar scheme={model.scheme} scores={scores} id="compare-radar" />
          </div>
          <section class="panel" aria-labelledby="compare-items">
            <h2 id="compare-items">{messages.itemsTitle}</h2>
            <div class="table-scroll">
              <table class="data compare" id="compare-items-table">
                <thead>
                  <tr><th scope="col">{messages.colItem}</th>{scores.map((score) => <th scope="col" class="num">{score.unit.name}</th>)}</tr>
                </thead>
                <tbody>
                  {model.scheme.items.map((item, index) =>
                    item.maxUnits === 0 ? null : (
                      <tr data-item={item.code}>
                        <th scope="row"><span class="item-id">{item.id}</span> {item.name[language]}</th>
                        {explanations.map((explained) => <td class="num">{formatPoints(explained[index]!.score.points, language)} <span class="muted small">({formatPercent(explained[index]!.ratioPercent, language)})</span></td>)}
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </section>
  );
}
