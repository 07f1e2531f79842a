import type { UnitScore } from "@chiso/core";
import { useEffect } from "preact/hooks";
import { BandBadge, bandClass, BlocksChart, CompletenessNote, Headline, TrendChart } from "../components/ui.js";
import { useMessages, useViewer } from "../context.js";
import { formatChange, formatPoints } from "../format.js";
import { periodLabel } from "../model/views.js";

/** The province: its score, band and change, the six blocks, the trend, and where to look next. */
export function Overview() {
  const { model, language, period, link } = useViewer();
  const messages = useMessages();
  const card = model.score(period);
  const previous = model.previous(period);
  const province = card.units.find((score) => score.unit.level === "province");
  const units = card.units.filter((score) => score.unit.level !== "province");
  const ranked = units.filter((score) => score.standing.ranked && score.total !== null);
  const unranked = units.filter((score) => !score.standing.ranked);
  const watch = [...ranked].sort((a, b) => a.total!.units - b.total!.units).slice(0, 6);
  const movers = ranked
    .flatMap((score) => {
      const before = previous?.unit(score.unit.id)?.total;
      return before ? [{ score, change: score.total!.minus(before) }] : [];
    })
    .sort((a, b) => Math.abs(b.change.units) - Math.abs(a.change.units))
    .slice(0, 6);
  const bandCounts = model.scheme.bands.map((band) => ({ band, count: ranked.filter((score) => score.band?.code === band.code).length }));

  useEffect(() => {
    // The moment the overview is on screen: what `pnpm bench` measures as the first render.
    performance.mark("chiso:overview");
    document.body.dataset.ready = "overview";
  }, []);

  const unitLink = (score: UnitScore) => <a href={link(["unit", score.unit.id])}>{score.unit.name}</a>;
  const base = "/api/download";
  const query = `period=${encodeURIComponent(period)}&lang=${language}`;
  return (
    <section class="page" aria-labelledby="overview-title">
      <div class="page-head">
        <h1 id="overview-title">{province?.unit.name ?? messages.nav.overview} — {periodLabel(period, language)}</h1>
        {card.provisional && <p class="warning" role="note">{messages.provisional}</p>}
        {province && <CompletenessNote score={province} />}
      </div>
      {province ? (
        <>
          <Headline score={province} previous={previous?.unit(province.unit.id)} showRank={false} />
          <p class="muted small">{model.dataset.parentCounts === "own" ? messages.provinceScoreOwnNote : messages.provinceScoreNote}</p>
          <div class="grid-2">
            <BlocksChart scheme={model.scheme} score={province} id="overview-blocks" />
            <TrendChart unitId={province.unit.id} id="overview-trend" />
          </div>
        </>
      ) : null}
      <div class="grid-3">
        <section class="panel" aria-labelledby="bands-title">
          <h2 id="bands-title">{messages.bandCounts}</h2>
          <table class="data" data-testid="band-counts">
            <thead><tr><th scope="col">{messages.colBand}</th><th scope="col" class="num">{messages.colCount}</th></tr></thead>
            <tbody>{bandCounts.map(({ band, count }) => <tr><th scope="row"><span class={bandClass(model.scheme, band.code)}>{band.label[language]}</span></th><td class="num">{count}</td></tr>)}</tbody>
          </table>
        </section>
        <section class="panel" aria-labelledby="watch-title">
          <h2 id="watch-title">{messages.watchTitle}</h2>
          <ol class="list">{watch.map((score) => <li>{unitLink(score)} <span class="num">{formatPoints(score.total, language)}</span> <BandBadge score={score} /></li>)}</ol>
        </section>
        <section class="panel" aria-labelledby="movers-title">
          <h2 id="movers-title">{messages.moversTitle}</h2>
          {movers.length === 0 ? <p class="muted">{messages.none}</p> : (
            <ol class="list">{movers.map(({ score, change }) => <li>{unitLink(score)} <span class={`num ${change.units > 0 ? "up" : change.units < 0 ? "down" : ""}`}>{formatChange(change, language)}</span></li>)}</ol>
          )}
        </section>
      </div>
      <section class="panel" aria-labelledby="unranked-title">
        <h2 id="unranked-title">{messages.unrankedTitle}</h2>
        {unranked.length === 0 ? <p class="muted">{messages.none}</p> : (
          <ul class="list">{unranked.map((score) => <li>{unitLink(score)} — <span class="muted">{score.standing.ranked ? "" : messages.reason[score.standing.reason]}</span></li>)}</ul>
        )}
      </section>
      <section class="panel" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{messages.downloads}</h2>
        <p class="actions">
          <a class="button" href={`${base}/summary?${query}`} download>{messages.downloadSummary}</a>
          <a class="button" href={`${base}/workbook?${query}`} download>{messages.downloadWorkbook}</a>
        </p>
      </section>
    </section>
  );
}
