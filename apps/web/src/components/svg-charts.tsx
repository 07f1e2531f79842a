// The viewer's three charts drawn as SVG by Preact itself: bars against a maximum, a line over periods
// and a radar. Measured against Apache ECharts and Chart.js (decisions.md): a few kilobytes instead of
// 64–198 KB gzipped, drawn in the same render as the page (no canvas, no second pass when the font
// arrives), text in the page's font, every mark in the DOM with its value, and a <title> as tooltip.

/** The viewer's palette: the six blocks and up to four compared units. */
export const COLORS = ["#1f5fa8", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#16a085"];

export interface BarRow {
  readonly label: string;
  readonly value: number | null;
  readonly max: number;
  /** The printed value, e.g. "15,22 / 18,00". */
  readonly text: string;
}

/** Horizontal bars, each over a pale bar of its own maximum, labelled with its printed value. */
export function BarsChart({ rows, title }: { rows: readonly BarRow[]; title: string }) {
  const width = 560;
  const labelWidth = 190;
  const valueWidth = 100;
  const row = 32;
  const top = 6;
  const scale = Math.max(...rows.map((entry) => entry.max), 1);
  const plot = width - labelWidth - valueWidth;
  const x = (value: number) => labelWidth + (value / scale) * plot;
  return (
    <svg class="svg-chart" viewBox={`0 0 ${width} ${top * 2 + rows.length * row}`} role="img" aria-label={title}>
      {rows.map((entry, index) => {
        const y = top + index * row;
        return (
          <g class="bar" data-label={entry.label} data-value={entry.value ?? ""} data-max={entry.max}>
            <title>{`${entry.label}: ${entry.text}`}</title>
            <text x={labelWidth - 8} y={y + row / 2} class="axis-label" text-anchor="end" dominant-baseline="middle">{entry.label}</text>
            <rect x={labelWidth} y={y + 7} width={x(entry.max) - labelWidth} height={row - 14} class="bar-max" rx="2" />
            {entry.value !== null && <rect x={labelWidth} y={y + 7} width={Math.max(0, x(entry.value) - labelWidth)} height={row - 14} fill={COLORS[index % COLORS.length]} rx="2" />}
            <text x={x(entry.max) + 6} y={y + row / 2} class="value-label" dominant-baseline="middle">{entry.text}</text>
          </g>
        );
      })}
    </svg>
  );
}

export interface LinePoint {
  /** Short axis label, e.g. "10/26". */
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
  /** A partial total: a hollow point, not joined to the line. */
  readonly partial?: boolean;
}

/** "Nice" bounds for the value axis: multiples of 5 around the data, within 0–100. */
function bounds(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 100];
  const low = Math.max(0, Math.floor(Math.min(...values) / 5) * 5 - 5);
  const high = Math.min(100, Math.ceil(Math.max(...values) / 5) * 5 + 5);
  return [low, Math.max(high, low + 10)];
}

/**
 * A line over periods; a period without data breaks the line, and a partial total (part of the figures) is a
 * hollow point off the line, explained by `partialLabel`.
 */
export function LineChart({ points, title, format, partialLabel }: { points: readonly LinePoint[]; title: string; format: (value: number) => string; partialLabel?: string }) {
  const width = 640;
  const height = 260;
  const left = 44;
  const right = 24;
  const top = 26;
  const bottom = 30;
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const [low, high] = bounds(values);
  // The points stand clear of the value axis and its labels.
  const inset = 22;
  const step = points.length > 1 ? (width - left - right - 2 * inset) / (points.length - 1) : 0;
  const x = (index: number) => (points.length > 1 ? left + inset + index * step : (left + width - right) / 2);
  const y = (value: number) => top + ((high - value) / (high - low)) * (height - top - bottom);
  const ticks = Array.from({ length: Math.floor((high - low) / 5) + 1 }, (_, index) => low + index * 5).filter((tick, index, all) => all.length <= 8 || index % 2 === 0);
  // Runs of consecutive periods with data, each drawn as one polyline.
  const runs: { index: number; value: number }[][] = [];
  points.forEach((point, index) => {
    if (point.value === null || point.partial) return;
    const last = runs.at(-1);
    if (last && last.at(-1)!.index === index - 1) last.push({ index, value: point.value });
    else runs.push([{ index, value: point.value }]);
  });
  return (
    <svg class="svg-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      {ticks.map((tick) => (
        <g class="grid">
          <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} />
          <text x={left - 6} y={y(tick)} text-anchor="end" dominant-baseline="middle" class="axis-label">{format(tick)}</text>
        </g>
      ))}
      {runs.map((run) => <polyline class="line" points={run.map((point) => `${x(point.index)},${y(point.value)}`).join(" ")} />)}
      {partialLabel && points.some((point) => point.value !== null && point.partial) && (
        <g class="legend">
          <circle cx={left + 6} cy={10} r="4" class="partial" />
          <text x={left + 14} y={10} dominant-baseline="middle" class="axis-label">{partialLabel}</text>
        </g>
      )}
      {points.map((point, index) => (
        <g class="point" data-label={point.label} data-value={point.value ?? ""}>
          <title>{`${point.label}: ${point.text}`}</title>
          {point.value !== null && <circle cx={x(index)} cy={y(point.value)} r="4" class={point.partial ? "partial" : undefined} />}
          {point.value !== null && <text x={x(index)} y={y(point.value) - 9} text-anchor="middle" class="value-label">{point.text}</text>}
          <text x={x(index)} y={height - 10} text-anchor="middle" class="axis-label">{point.label}</text>
        </g>
      ))}
    </svg>
  );
}

export interface RadarSeries {
  readonly name: string;
  /** One value per axis, 0–100; `null` for no data (drawn at the centre). */
  readonly values: readonly (number | null)[];
}

/** A radar of shares (0–100%) on each axis; several series overlay, with a legend. */
export function RadarChart({ axes, series, title }: { axes: readonly string[]; series: readonly RadarSeries[]; title: string }) {
  const width = 540;
  const legend = series.length > 1 ? 28 : 0;
  const height = 310 + legend;
  const cx = width / 2;
  const cy = 155;
  const radius = 112;
  const angle = (index: number) => -Math.PI / 2 + (index * 2 * Math.PI) / axes.length;
  const at = (index: number, share: number) => [cx + Math.cos(angle(index)) * radius * share, cy + Math.sin(angle(index)) * radius * share] as const;
  const ring = (share: number) => axes.map((_, index) => at(index, share).join(",")).join(" ");
  return (
    <svg class="svg-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      {[0.2, 0.4, 0.6, 0.8, 1].map((share) => <polygon class="ring" points={ring(share)} />)}
      {axes.map((label, index) => {
        const [x2, y2] = at(index, 1);
        const [lx, ly] = at(index, 1.12);
        const cos = Math.cos(angle(index));
        return (
          <g class="axis">
            <line x1={cx} y1={cy} x2={x2} y2={y2} />
            <text x={lx} y={ly} text-anchor={Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end"} dominant-baseline={ly < cy - radius * 0.9 ? "auto" : ly > cy + radius * 0.9 ? "hanging" : "middle"} class="axis-label">{label}</text>
          </g>
        );
      })}
      {series.map((entry, seriesIndex) => {
        const color = COLORS[seriesIndex % COLORS.length]!;
        const corners = entry.values.map((value, index) => at(index, Math.max(0, Math.min(100, value ?? 0)) / 100));
        return (
          <g class="series" data-name={entry.name} data-values={entry.values.map((value) => value ?? "").join(",")}>
            <title>{entry.name}</title>
            <polygon points={corners.map((corner) => corner.join(",")).join(" ")} fill={color} fill-opacity={series.length > 1 ? 0.08 : 0.18} stroke={color} stroke-width="2" />
            {corners.map(([x, y]) => <circle cx={x} cy={y} r="3" fill={color} />)}
          </g>
        );
      })}
      {series.length > 1 && (
        <g class="legend">
          {series.map((entry, index) => {
            const x = cx - (series.length * 130) / 2 + index * 130;
            return (
              <g>
                <rect x={x} y={height - 20} width="14" height="10" fill={COLORS[index % COLORS.length]} rx="2" />
                <text x={x + 20} y={height - 15} dominant-baseline="middle" class="axis-label">{entry.name.length > 17 ? `${entry.name.slice(0, 16)}…` : entry.name}</text>
              </g>
            );
          })}
        </g>
      )}
    </svg>
  );
}
