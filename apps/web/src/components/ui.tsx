import type { Scheme, UnitScore } from "@chiso/core";
import { useViewer, useMessages } from "../context.js";
import { formatNumber, formatPoints, shortPeriod } from "../format.js";
import { blockRows, changeText, rankText, trendRows, type BlockRow } from "../model/views.js";
import { Chart } from "./Chart.js";
import { COLORS, valueLabels, type ChartConfiguration } from "./charts.js";
import { useMemo } from "preact/hooks";

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
  const config = useMemo((): ChartConfiguration => ({
    type: "bar",
    data: {
      labels: rows.map((row) => row.label),
      datasets: [
        { label: messages.colPoints, data: rows.map((row) => row.points), backgroundColor: rows.map((_, index) => COLORS[index % COLORS.length]!), barThickness: 18, grouped: false, order: 1 },
        { label: messages.colMax, data: rows.map((row) => row.max), backgroundColor: "#e4e9f0", barThickness: 18, grouped: false, order: 2 },
      ],
    },
    options: {
      indexAxis: "y",
      layout: { padding: { right: 90 } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (context) => `${context.dataset.label}: ${formatNumber(context.parsed.x, language)}` } } },
      scales: { x: { beginAtZero: true, max: Math.max(...rows.map((row) => row.max)), ticks: { callback: (value) => formatNumber(Number(value), language, 0) } }, y: { grid: { display: false } } },
    },
    plugins: [valueLabels([rows.map((row) => `${row.pointsText} / ${row.maxText}`), []], "end")],
  }), [rows.map((row) => row.pointsText).join(), language, messages]);
  return <Chart id={id} title={messages.blocksTitle} config={config} table={<BlockTable rows={rows} />} height={250} />;
}

/** The six blocks as a radar of shares of their maxima; several units overlay for comparison. */
export function BlocksRadar({ scheme, scores, id }: { scheme: Scheme; scores: readonly UnitScore[]; id: string }) {
  const { language } = useViewer();
  const messages = useMessages();
  const table = scores.map((score) => ({ score, rows: blockRows(scheme, score, language) }));
  const config = useMemo((): ChartConfiguration => ({
    type: "radar",
    data: {
      labels: scheme.blocks.map((block) => `${block.number}. ${block.name[language]}`.replace(/^(.{24}).+$/, "$1…")),
      datasets: table.map(({ score, rows }, index) => ({
        label: score.unit.name,
        data: rows.map((row) => row.percent),
        borderColor: COLORS[index % COLORS.length]!,
        backgroundColor: `${COLORS[index % COLORS.length]!}${scores.length > 1 ? "14" : "33"}`,
        pointBackgroundColor: COLORS[index % COLORS.length]!,
        fill: true,
      })),
    },
    options: {
      plugins: { legend: { display: scores.length > 1, position: "bottom" }, tooltip: { callbacks: { label: (context) => `${context.dataset.label}: ${formatNumber(context.parsed.r, language)}%` } } },
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 20, backdropColor: "transparent", callback: (value) => formatNumber(Number(value), language, 0) }, pointLabels: { font: { size: 11 } } } },
    },
  }), [table.map(({ rows }) => rows.map((row) => row.percent).join()).join("|"), scores.map((score) => score.unit.name).join(), language]);
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
  return <Chart id={id} title={messages.radarTitle} config={config} table={tableView} height={320} />;
}

/** A unit's total over the last 12 periods of the same kind. */
export function TrendChart({ unitId, id }: { unitId: string; id: string }) {
  const { model, language, period } = useViewer();
  const messages = useMessages();
  const rows = trendRows(model.trend(period), unitId, language);
  const kind = model.score(period).period.kind;
  const values = rows.map((row) => row.value).filter((value): value is number => value !== null);
  const config = useMemo((): ChartConfiguration => ({
    type: "line",
    data: {
      labels: rows.map((row) => shortPeriod(row.period)),
      datasets: [{ label: messages.colTotal, data: rows.map((row) => row.value), borderColor: COLORS[0], backgroundColor: COLORS[0], borderWidth: 2.5, pointRadius: 3.5, spanGaps: false }],
    },
    options: {
      layout: { padding: { top: 18, right: 12 } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (context) => formatNumber(context.parsed.y, language) } } },
      scales: {
        y: { min: values.length ? Math.max(0, Math.floor(Math.min(...values) / 5) * 5 - 5) : 0, max: 100, ticks: { callback: (value) => formatNumber(Number(value), language, 0) } },
        x: { grid: { display: false } },
      },
    },
    plugins: [valueLabels([rows.map((row) => (row.value === null ? null : row.text))], "above")],
  }), [rows.map((row) => row.text).join(), language, messages]);
  const table = (
    <table class="data" data-chart="trend">
      <thead><tr><th scope="col">{messages.colPeriod}</th><th scope="col" class="num">{messages.colTotal}</th></tr></thead>
      <tbody>{rows.map((row) => <tr data-period={row.period}><th scope="row">{row.label}</th><td class="num">{row.text}</td></tr>)}</tbody>
    </table>
  );
  return <Chart id={id} title={messages.trendTitle[kind]!} config={config} table={table} height={250} />;
}
