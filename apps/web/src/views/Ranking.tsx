import type { Points, UnitLevel, UnitScore } from "@chiso/core";
import { compareWithPrevious } from "@chiso/report";
import { useMemo, useState } from "preact/hooks";
import { BandBadge } from "../components/ui.js";
import { useMessages, useViewer } from "../context.js";
import { formatChange, formatPoints } from "../format.js";
import { periodLabel } from "../model/views.js";

type SortKey = "rank" | "name" | "total" | "change";

interface Row {
  readonly score: UnitScore;
  /** Total since the previous period; `null` without one. */
  readonly change: Points | null;
  readonly rankChange: number | null;
}

/** Folds case and Vietnamese diacritics, so "hoa son" finds "Hòa Sơn". */
export function searchKey(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/** The ranking of one level: sort, filter by band, search; ties and unranked units with their reason. */
export function RankingPage({ level }: { level: Exclude<UnitLevel, "province"> }) {
  const { model, language, period, link } = useViewer();
  const messages = useMessages();
  const [query, setQuery] = useState("");
  const [band, setBand] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "rank", descending: false });
  const [selected, setSelected] = useState<readonly string[]>([]);
  const card = model.score(period);
  const previous = model.previous(period);

  const rows: Row[] = useMemo(
    () =>
      card.units
        .filter((score) => score.unit.level === level)
        .map((score) => {
          // No change against a partial total (see compareWithPrevious).
          const comparison = compareWithPrevious(score, previous?.unit(score.unit.id), model.refused);
          const before = comparison.comparable ? comparison.previous : undefined;
          const change = comparison.comparable ? comparison.change : null;
          const rankChange = before?.standing.ranked && score.standing.ranked ? before.standing.position - score.standing.position : null;
          return { score, change, rankChange };
        }),
    [card, previous, level],
  );

  const needle = searchKey(query.trim());
  const filtered = rows.filter(({ score }) => {
    if (needle && !searchKey(`${score.unit.name} ${score.unit.id}`).includes(needle)) return false;
    if (band === "unranked") return !score.standing.ranked;
    if (band) return score.standing.ranked && score.band?.code === band;
    return true;
  });
  // Unranked units always come last, whatever the sort: they have no place in the order.
  const position = (row: Row) => (row.score.standing.ranked ? row.score.standing.position : Infinity);
  const compare: Record<SortKey, (a: Row, b: Row) => number> = {
    rank: (a, b) => position(a) - position(b),
    name: (a, b) => a.score.unit.name.localeCompare(b.score.unit.name, "vi"),
    total: (a, b) => (a.score.total?.units ?? -1) - (b.score.total?.units ?? -1),
    change: (a, b) => (a.change?.units ?? -Infinity) - (b.change?.units ?? -Infinity),
  };
  const sorted = [...filtered].sort((a, b) => {
    const ranked = Number(!a.score.standing.ranked) - Number(!b.score.standing.ranked);
    if (ranked !== 0) return ranked;
    const order = compare[sort.key](a, b) * (sort.descending ? -1 : 1);
    return order !== 0 ? order : position(a) - position(b) || a.score.unit.name.localeCompare(b.score.unit.name, "vi");
  });

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th scope="col" class={numeric ? "num" : ""} aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
        <button type="button" class="sort" data-sort={key} title={messages.sortBy(label)} onClick={() => setSort({ key, descending: active ? !sort.descending : key === "total" || key === "change" })}>
          {label} <span aria-hidden="true">{active ? (sort.descending ? "▼" : "▲") : "↕"}</span>
        </button>
      </th>
    );
  };
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((entry) => entry !== id) : current.length >= 4 ? current : [...current, id]));

  return (
    <section class="page" aria-labelledby="ranking-title">
      <div class="page-head">
        <h1 id="ranking-title">{messages.nav.ranking} — {periodLabel(period, language)}</h1>
        <nav class="tabs" aria-label={messages.nav.ranking}>
          {(["department", "commune"] as const).map((entry) => (
            <a aria-current={entry === level ? "page" : undefined} href={link(["ranking", entry])} class={entry === level ? "active" : ""}>{messages.levelTitles[entry]}</a>
          ))}
        </nav>
      </div>
      <div class="filters">
        <label>
          <span>{messages.searchLabel}</span>
          <input type="search" id="ranking-search" value={query} placeholder={messages.searchPlaceholder} onInput={(event) => setQuery((event.target as HTMLInputElement).value)} />
        </label>
        <label>
          <span>{messages.bandFilter}</span>
          <select id="ranking-band" value={band} onChange={(event) => setBand((event.target as HTMLSelectElement).value)}>
            <option value="">{messages.allBands}</option>
            {model.scheme.bands.map((entry) => <option value={entry.code}>{entry.label[language]}</option>)}
            <option value="unranked">{messages.unrankedOnly}</option>
          </select>
        </label>
        <p class="muted" aria-live="polite" data-testid="shown">{messages.shown(sorted.length, rows.length)}</p>
        <p class="compare-bar">
          {selected.length >= 2 ? (
            <a class="button primary" id="compare-selected" href={link(["compare"], { units: selected.join(",") })}>{messages.compareSelected(selected.length)}</a>
          ) : (
            <span class="muted small">{messages.rankingCompareHint}</span>
          )}
        </p>
      </div>
      <div class="table-scroll">
        <table class="data ranking" id="ranking-table">
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">{messages.nav.compare}</span></th>
              {header("rank", messages.colRank, true)}
              {header("name", messages.colName)}
              {header("total", messages.colTotal, true)}
              <th scope="col">{messages.colBand}</th>
              {header("change", messages.colChange, true)}
              <th scope="col" class="num">{messages.colRankChange}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ score, change, rankChange }) => (
              <tr data-unit={score.unit.id} class={score.standing.ranked ? "" : "unranked"}>
                <td>
                  <input type="checkbox" checked={selected.includes(score.unit.id)} disabled={!selected.includes(score.unit.id) && selected.length >= 4} aria-label={messages.selectForCompare(score.unit.name)} onChange={() => toggle(score.unit.id)} />
                </td>
                <td class="num" data-col="rank">
                  {score.standing.ranked ? (
                    <>
                      {score.standing.position}
                      {score.standing.tied && <abbr title={messages.tied} class="tie">=</abbr>}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <th scope="row" data-col="name"><a href={link(["unit", score.unit.id])}>{score.unit.name}</a></th>
                <td class="num" data-col="total">{formatPoints(score.total, language)}</td>
                <td data-col="band">{score.standing.ranked ? <BandBadge score={score} /> : <span class="muted" data-col="reason">{messages.reason[score.standing.reason]}</span>}</td>
                <td class={`num ${change === null ? "" : change.units > 0 ? "up" : change.units < 0 ? "down" : ""}`} data-col="change">
                  {change === null ? "—" : formatChange(change, language)}
                </td>
                <td class="num" data-col="rank-change">{rankChange === null ? "—" : rankChange > 0 ? `↑${rankChange}` : rankChange < 0 ? `↓${-rankChange}` : "="}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
