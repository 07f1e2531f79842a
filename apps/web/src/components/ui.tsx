import type { Scheme, UnitScore } from "@chiso/core";
import { inheritedLoss } from "@chiso/report";
import { useLanguage, useViewer, useMessages } from "../context.js";
import { formatNumber, shortPeriod } from "../format.js";
import { bandData, completenessData, headlineData, type BandData, type CompletenessData, type HeadlineData } from "../model/first-screen.js";
import { blockRows, trendRows, type BlockRow, type TrendRow } from "../model/views.js";
import { Chart } from "./Chart.js";
import { BarsChart, LineChart, RadarChart } from "./svg-charts.js";

/** The band as a coloured label; its code is a stable hook for styles and tests. */
export function BandBadge({ score }: { score: UnitScore }) {
  const { model, language } = useViewer();
  return <BandLabel band={bandData(model.scheme, score, language)} />;
}

/** A band as shown (no band: a dash); bands are coloured by their place in the scheme (best first), whatever their codes. */
export function BandLabel({ band }: { band: BandData | null }) {
  if (!band) return <span class="band band-none">—</span>;
  return <span class={`band band-${band.index}`} data-band={band.code}>{band.label}</span>;
}


/** Total, band, rank and change: the headline of a unit or of the province. */
export function Headline({ score, previous, showRank = true }: { score: UnitScore; previous: UnitScore | undefined; showRank?: boolean }) {
  const { model, language } = useViewer();
  return <HeadlineView headline={headlineData(model.scheme, score, previous, language, showRank, model.refused)} />;
}

export function HeadlineView({ headline }: { headline: HeadlineData }) {
  const messages = useMessages();
  const { change, rank } = headline;
  return (
    <dl class="headline">
      <div class="tile tile-total">
        <dt>{messages.total}</dt>
        <dd>
          <span class="big" data-testid="total">{headline.total}</span> <span class="muted">{messages.outOf(headline.max)}</span>
        </dd>
      </div>
      <div class="tile">
        <dt>{messages.band}</dt>
        <dd><BandLabel band={headline.band} /></dd>
      </div>
      {rank && (
        <div class="tile">
          <dt>{messages.rank}</dt>
          <dd>
            <span class="big" data-testid="rank">{rank.text}</span>
            <span class="muted">{rank.detail}</span>
          </dd>
        </div>
      )}
      <div class="tile">
        <dt>{messages.change}</dt>
        <dd>
          <span class={`big ${change.value === null ? "" : change.value > 0 ? "up" : change.value < 0 ? "down" : ""}`} data-testid="change">{change.score}</span>
          {rank && change.rank && <span class="muted">{change.rank}</span>}
        </dd>
      </div>
    </dl>
  );
}

function BlockTable({ rows }: { rows: readonly BlockRow[] }) {
  const messages = useMessages();
  const language = useLanguage();
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
export function BlocksChart({ rows, id }: { rows: readonly BlockRow[]; id: string }) {
  const messages = useMessages();
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
  return <TrendView rows={trendRows(model.trend(period), unitId, language, model.refused)} kind={model.score(period).period.kind} id={id} />;
}

export function TrendView({ rows, kind, id }: { rows: readonly TrendRow[]; kind: string; id: string }) {
  const language = useLanguage();
  const messages = useMessages();
  const table = (
    <table class="data" data-chart="trend">
      <thead><tr><th scope="col">{messages.colPeriod}</th><th scope="col" class="num">{messages.colTotal}</th></tr></thead>
      <tbody>{rows.map((row) => <tr data-period={row.period} data-partial={row.partial ? "true" : undefined}><th scope="row">{row.label}</th><td class="num">{row.text}{row.partial ? ` (${messages.trendPartial})` : ""}</td></tr>)}</tbody>
    </table>
  );
  const points = rows.map((row) => ({ label: shortPeriod(row.period), value: row.value, text: row.text, partial: row.partial }));
  const chart = <LineChart points={points} title={messages.trendTitle[kind]!} format={(value) => formatNumber(value, language, 0)} partialLabel={messages.trendPartial} />;
  return <Chart id={id} title={messages.trendTitle[kind]!} chart={chart} table={table} />;
}

/** What a score rests on when the data is not whole: the missing items named, or no dossiers in the period. */
export function CompletenessNote({ score }: { score: UnitScore }) {
  const { model, language } = useViewer();
  const messages = useMessages();
  const completeness = completenessData(model.scheme, score, language, (id) => model.dataset.unitById.get(id)?.name ?? id);
  // The rejected row (--skip-invalid) of a unit above whose items this unit lacks, as the documents find it.
  const cause = inheritedLoss(model.scheme, model.dataset, score, model.payload.rejected);
  return (
    <>
      <CompletenessView completeness={completeness} />
      {/* Items a unit takes from above are missing because the row above was rejected: said, with that row. */}
      {cause && <p class="warning" role="note" data-testid="rejected-above">{messages.rejectedAbove(cause.from.name, cause.rows[0]!.where[language])}</p>}
    </>
  );
}

export function CompletenessView({ completeness }: { completeness: CompletenessData }) {
  const messages = useMessages();
  if (completeness?.kind === "no_dossiers") return <p class="warning" role="note">{messages.noDossiersNote}</p>;
  if (completeness?.kind !== "incomplete") return null;
  return (
    <p class="warning" role="note" data-testid="incomplete">
      {messages.incomplete(
        [
          completeness.names.length > 0 && messages.missingItemsPart(completeness.names.length, completeness.names.join("; ")),
          completeness.months.length > 0 && messages.missingMonthsPart(completeness.months.join(", ")),
          completeness.partial.length > 0 && messages.partialItemsPart(completeness.partial.length, completeness.partial.join("; ")),
          completeness.missingChildren.length > 0 && messages.missingChildrenPart(completeness.missingChildren.length, completeness.missingChildren.join("; ")),
          completeness.incompleteChildren.length > 0 && messages.incompleteChildrenPart(completeness.incompleteChildren.length, completeness.incompleteChildren.join("; ")),
        ]
          .filter((part): part is string => typeof part === "string")
          .join("; "),
      )}
    </p>
  );
}
