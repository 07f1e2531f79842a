import { useEffect } from "preact/hooks";
import { BandLabel, BlocksChart, CompletenessView, HeadlineView, TrendView } from "../components/ui.js";
import { useLanguage, useMessages } from "../context.js";
import type { OverviewData } from "../model/first-screen.js";
import { periodLabel } from "../model/views.js";

/**
 * The province: its score, band and change, the six blocks, the trend, and where to look next. Drawn from
 * plain data (model/first-screen.ts), the server's for the first screen and the browser's model's afterwards.
 */
export function Overview({ data, link }: { data: OverviewData; link: (path: readonly string[]) => string }) {
  const language = useLanguage();
  const messages = useMessages();
  const { period, province } = data;

  useEffect(() => {
    // The moment the overview is on screen: what `pnpm bench` measures as the first render.
    performance.mark("chiso:overview");
    document.body.dataset.ready = "overview";
  }, []);

  const unitLink = (unit: { id: string; name: string }) => <a href={link(["unit", unit.id])}>{unit.name}</a>;
  const base = "/api/download";
  const query = `period=${encodeURIComponent(period)}&lang=${language}`;
  return (
    <section class="page" aria-labelledby="overview-title">
      <div class="page-head">
        <h1 id="overview-title">{data.title ?? messages.nav.overview} — {periodLabel(period, language)}</h1>
        {data.provisional && <p class="warning" role="note">{messages.provisional}</p>}
        {province && <CompletenessView completeness={province.completeness} />}
      </div>
      {province ? (
        <>
          <HeadlineView headline={province.headline} />
          <p class="muted small">{province.scoreOrigin === "own" ? messages.provinceScoreOwnNote : messages.provinceScoreNote}</p>
          <div class="grid-2">
            <BlocksChart rows={province.blocks} id="overview-blocks" />
            <TrendView rows={province.trend.rows} kind={province.trend.kind} id="overview-trend" />
          </div>
        </>
      ) : null}
      <div class="grid-3">
        <section class="panel" aria-labelledby="bands-title">
          <h2 id="bands-title">{messages.bandCounts}</h2>
          <table class="data" data-testid="band-counts">
            <thead><tr><th scope="col">{messages.colBand}</th><th scope="col" class="num">{messages.colCount}</th></tr></thead>
            <tbody>{data.bandCounts.map(({ band, count }) => <tr><th scope="row"><span class={`band band-${band.index}`}>{band.label}</span></th><td class="num">{count}</td></tr>)}</tbody>
          </table>
        </section>
        <section class="panel" aria-labelledby="watch-title">
          <h2 id="watch-title">{messages.watchTitle}</h2>
          <ol class="list">{data.watch.map((unit) => <li>{unitLink(unit)} <span class="num">{unit.total}</span> <BandLabel band={unit.band} /></li>)}</ol>
        </section>
        <section class="panel" aria-labelledby="movers-title">
          <h2 id="movers-title">{messages.moversTitle}</h2>
          {data.movers.length === 0 ? <p class="muted">{messages.none}</p> : (
            <ol class="list">{data.movers.map((unit) => <li>{unitLink(unit)} <span class={`num ${unit.sign > 0 ? "up" : unit.sign < 0 ? "down" : ""}`}>{unit.change}</span></li>)}</ol>
          )}
        </section>
      </div>
      <section class="panel" aria-labelledby="unranked-title">
        <h2 id="unranked-title">{messages.unrankedTitle}</h2>
        {data.unranked.length === 0 ? <p class="muted">{messages.none}</p> : (
          <ul class="list">{data.unranked.map((unit) => <li>{unitLink(unit)} — <span class="muted">{unit.reason}</span></li>)}</ul>
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
