import type { Scheme, UnitScore } from "@chiso/core";
import { useViewer, useMessages } from "../context.js";
import { formatNumber, formatPoints, shortPeriod } from "../format.js";
import { blockRows, changeText, rankText, trendRows, type BlockRow } from "../model/views.js";
import { Chart } from "./Chart.js";
import { BarsChart, LineChart, RadarChart } from "./svg-charts.js";

/** The band as a coloured label; its code is a stable hook for styles and tests. */
export function BandBadge({ score }: { score: UnitScore }) {
  const { model, language } = useViewer();
  if (!score.band || !score.standing.ranked) return <span class="band band-none">—</span>;
  return <span class={bandClass(model.scheme, score.band.code)} data-band={score.band.code}>{score.band.label[language]}</span>;
}

/** Bands are coloured by their place in the scheme (best first), whatever their codes. */
export function bandClass(scheme: Scheme, code: string): string {
  return `band band-${scheme.bands.findIndex((band) => band.code === code)}`;
}

/** Total, band, rank and change: the headline of a unit or of the province. */
export function Headline({ score, previous, showRank = true }: { score: UnitScore; previous: UnitScore | undefined; showRank?: boolean }) {
  const { language } = useViewer();
  const messages = useMessages();
  const change = changeText(score, previous, messages, language);
  return (
    <dl class="headline">
      <div class="tile tile-total">
        <dt>{messages.total}</dt>
        <dd>
          <span class="big" data-testid="total">{formatPoints(score.total, language)}</span> <span class="muted">{messages.outOf(formatPoints(score.max, language))}</span>
        </dd>
      </div>
      <div class="tile">
        <dt>{messages.band}</dt>
        <dd><BandBadge score={score} /></dd>
      </div>
      {showRank && (
        <div class="tile">
          <dt>{messages.rank}</dt>
          <dd>
            <span class="big" data-testid="rank">{rankText(score, messages)}</span>
            <span class="muted">{score.standing.ranked ? messages.rankWithin(messages.levels[score.unit.level]!) : messages.reason[score.standing.reason]}</span>
          </dd>
        </div>
      )}
      <div class="tile">
        <dt>{messages.change}</dt>
        <dd>
          <span class={`big ${change.value === null ? "" : change.value > 0 ? "up" : change.value < 0 ? "down" : ""}`} data-testid="change">{change.score}</span>
          {showRank && change.rank && <span class="muted">{change.rank}</span>}
        </dd>
      </div>
    </dl>
  );
}

function BlockTable({ rows }: { rows: readonly BlockRow[] }) {
  const messages = useMessages();
  const { language } = useViewer();
  return (
    <table class="data" data-chart="blocks">
      <thead><tr><th scope="col">{messages.colBlock}</th><th scope="col" class="num">{messages.colPoints}</th><th scope="col" class="num">{messages.colMax}</th><th scope="col" class="num">{messages.colPercent}</th></tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr data-block={row.code}><th scope="row">{row.label}</th><td class="num">{row.pointsText}</td><td class="num">{row.maxText}</td><td class="num">{formatNumber(row.percent, language)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** The six blocks as horizontal bars against their maxima. */
export function BlocksChart({ scheme, score, id }: { scheme: Scheme; score: UnitScore; id: string }) {
  const { language } = useViewer();
  const messages = useMessages();
  const rows = blockRows(scheme, score, language);
  const bars = rows.map((row) => ({ label: row.label, value: row.points, max: row.max, text: `${row.pointsText} / ${row.maxText}` }));
  return <Chart id={id} title={messages.blocksTitle} chart={<BarsChart rows={bars} title={messages.blocksTitle} />} table={<BlockTable rows={rows} />} />;
}

/** The six blocks as a radar of shares of their maxima; several units overlay for comparison. */
export function BlocksRadar({ scheme, scores, id }: { scheme: Scheme; scores: readonly UnitScore[]; id: string }) {
  const { language } = useViewer();
  const messages = useMessages();
  const table = scores.map((score) => ({ score, rows: blockRows(scheme, score, language) }));
  const tableView = (
    <table class="data" data-chart="radar">
      <thead>
        <tr><th scope="col">{messages.colBlock}</th>{scores.map((score) => <th scope="col" class="num">{score.unit.name}</th>)}</tr>
      </thead>
      <tbody>
        {scheme.blocks.map((block, index) => (
          <tr data-block={block.code}>
            <th scope="row">{`${block.number}. ${block.name[language]}`}</th>
            {table.map(({ rows }) => <td class="num">{formatNumber(rows[index]!.percent, language)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const axes = scheme.blocks.map((block) => `${block.number}. ${block.name[language]}`);
  const series = table.map(({ score, rows }) => ({ name: score.unit.name, values: rows.map((row) => row.percent) }));
  return <Chart id={id} title={messages.radarTitle} chart={<RadarChart axes={axes} series={series} title={messages.radarTitle} />} table={tableView} />;
}

/** A unit's total over the last 12 periods of the same kind. */
export function TrendChart({ unitId, id }: { unitId: string; id: string }) {
  const { model, language, period } = useViewer();
  const messages = useMessages();
  const rows = trendRows(model.trend(period), unitId, language);
  const kind = model.score(period).period.kind;
  const table = (
    <table class="data" data-chart="trend">
      <thead><tr><th scope="col">{messages.colPeriod}</th><th scope="col" class="num">{messages.colTotal}</th></tr></thead>
      <tbody>{rows.map((row) => <tr data-period={row.period}><th scope="row">{row.label}</th><td class="num">{row.text}</td></tr>)}</tbody>
    </table>
  );
  const points = rows.map((row) => ({ label: shortPeriod(row.period), value: row.value, text: row.text }));
  return <Chart id={id} title={messages.trendTitle[kind]!} chart={<LineChart points={points} title={messages.trendTitle[kind]!} format={(value) => formatNumber(value, language, 0)} />} table={table} />;
}

/** What a score rests on when the data is not whole: the missing items named, or no dossiers in the period. */
export function CompletenessNote({ score }: { score: UnitScore }) {
  const { model, language } = useViewer();
  const messages = useMessages();
  const { completeness } = score;
  if (completeness.status === "no_dossiers") return <p class="warning" role="note">{messages.noDossiersNote}</p>;
  if (completeness.status !== "incomplete") return null;
  const names = completeness.missingItems.map((code) => {
    const item = model.scheme.itemByCode.get(code);
    return item ? `${item.id} ${item.name[language]}` : code;
  });
  return (
    <p class="warning" role="note" data-testid="incomplete">
      {messages.incomplete(names.length, names.join("; "))}
    </p>
  );
}
