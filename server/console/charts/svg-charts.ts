// The console's charts as SVG written on the server: zero bytes of chart library, drawn without
// JavaScript, and read by screen readers as one image (role="img") named by its <title> and
// described by its <desc>; each page puts a table of the same numbers next to each chart.
// Colours only ever repeat what a label, a number or a pattern says too.
import { BANDS } from '../../scoring/score';
import { html, raw, type Markup } from '../html';
import { bandStyle, hatchColor, insufficientStyle } from './band-colors';
import {
  linearScale,
  pointsAttribute,
  radarAxes,
  radarPoint,
  radarPolygon,
  round1,
  stackSegments,
  type Point,
} from './geometry';

const ink = '#1a1a1a';
const muted = '#555555';
const accent = '#0b5394';
const grid = '#c8c8c8';

export interface ChartText {
  /** A unique prefix for the ids inside this chart. */
  id: string;
  title: string;
  desc: string;
}

function frame(chart: ChartText, width: number, height: number, body: Markup): Markup {
  return html`<svg
    class="chart"
    role="img"
    aria-labelledby="${chart.id}-title"
    aria-describedby="${chart.id}-desc"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="${chart.id}-title">${chart.title}</title>
    <desc id="${chart.id}-desc">${chart.desc}</desc>
    ${body}
  </svg>`;
}

/** Diagonal grey lines on white: insufficient data, never a colour of the band scale. */
const hatch = (id: string) =>
  html`<defs>
    <pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="${insufficientStyle.fill}" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="${hatchColor}" stroke-width="2" />
    </pattern>
  </defs>`;

const short = (label: string, max = 26) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

export interface RadarAxis {
  label: string;
  /** null: insufficient data (no point, a "?" by the label). */
  capacity: number | null;
  target: number;
}

/** Capacity against target per area on 0..100, rings at the band thresholds. */
export function radarChart(
  chart: ChartText,
  axes: readonly RadarAxis[],
  legend: { capacity: string; target: string; insufficient: string },
): Markup {
  const size = 380;
  const center: Point = { x: size / 2, y: size / 2 };
  const radius = 130;
  const n = Math.max(axes.length, 1);
  const ends = radarAxes(n, radius, center);
  const ring = (v: number) => pointsAttribute(axes.map((_, i) => radarPoint(i, n, v, 100, radius, center)));
  const capacity = radarPolygon(
    axes.map((a) => a.capacity),
    100,
    radius,
    center,
  );
  const target = radarPolygon(
    axes.map((a) => a.target),
    100,
    radius,
    center,
  );
  const labels = radarAxes(n, radius + 22, center);
  const anchor = (p: Point) => (Math.abs(p.x - center.x) < 1 ? 'middle' : p.x > center.x ? 'start' : 'end');
  const legendY = size + 8;
  return frame(
    chart,
    size,
    size + 40,
    html`${[25, 50, 75, 100].map(
        (v) =>
          html`<polygon points="${ring(v)}" fill="none" stroke="${grid}" />
            <text x="${center.x + 3}" y="${round1(center.y - (radius * v) / 100 + 11)}" font-size="10" fill="${muted}">
              ${v}
            </text>`,
      )}
      ${ends.map((p) => html`<line x1="${center.x}" y1="${center.y}" x2="${p.x}" y2="${p.y}" stroke="${grid}" />`)}
      ${
        target.length > 1
          ? html`<polygon
              points="${pointsAttribute(target)}"
              fill="none"
              stroke="${ink}"
              stroke-width="2"
              stroke-dasharray="6 4"
            />`
          : ''
      }
      ${
        capacity.length > 2
          ? html`<polygon
              points="${pointsAttribute(capacity)}"
              fill="${accent}"
              fill-opacity="0.25"
              stroke="${accent}"
              stroke-width="2"
            />`
          : ''
      }
      ${capacity.map((p) => html`<circle cx="${p.x}" cy="${p.y}" r="4" fill="${accent}" />`)}
      ${axes.map(
        (a, i) =>
          html`<text
            x="${labels[i].x}"
            y="${round1(labels[i].y + 4)}"
            text-anchor="${anchor(labels[i])}"
            font-size="12"
            fill="${ink}"
          >
            ${a.label}${a.capacity === null ? ' ?' : ''}
          </text>`,
      )}
      <line x1="10" y1="${legendY + 10}" x2="40" y2="${legendY + 10}" stroke="${accent}" stroke-width="3" />
      <text x="46" y="${legendY + 14}" font-size="12" fill="${ink}">${legend.capacity}</text>
      <line
        x1="140"
        y1="${legendY + 10}"
        x2="170"
        y2="${legendY + 10}"
        stroke="${ink}"
        stroke-width="2"
        stroke-dasharray="6 4"
      />
      <text x="176" y="${legendY + 14}" font-size="12" fill="${ink}">${legend.target}</text>
      <text x="260" y="${legendY + 14}" font-size="12" fill="${ink}">? ${legend.insufficient}</text>`,
  );
}

export interface RangeRow {
  label: string;
  /** null when no country of the group is scored in the area. */
  stats: { mean: number; median: number; min: number; max: number } | null;
}

const labelWidth = 230;
const plotWidth = 360;
const rowHeight = 26;

/** Per group: a line from min to max, a dot at the mean, a diamond at the median (0..100). */
export function rangeChart(
  chart: ChartText,
  rows: readonly RangeRow[],
  legend: { range: string; mean: string; median: string; none: string },
): Markup {
  const x = linearScale([0, 100], [labelWidth, labelWidth + plotWidth]);
  const top = 22;
  const height = top + rows.length * rowHeight + 34;
  const legendY = top + rows.length * rowHeight + 18;
  return frame(
    chart,
    labelWidth + plotWidth + 20,
    height,
    html`${[0, 25, 50, 75, 100].map(
        (v) =>
          html`<line x1="${x(v)}" y1="${top - 4}" x2="${x(v)}" y2="${top + rows.length * rowHeight}" stroke="${grid}" />
            <text x="${x(v)}" y="${top - 8}" text-anchor="middle" font-size="10" fill="${muted}">${v}</text>`,
      )}
      ${rows.map((row, i) => {
        const y = top + i * rowHeight + rowHeight / 2;
        const s = row.stats;
        return html`<text x="${labelWidth - 8}" y="${y + 4}" text-anchor="end" font-size="12" fill="${ink}">
            ${short(row.label, 28)}
          </text>
          ${
            s
              ? html`<line
                    x1="${round1(x(s.min))}"
                    y1="${y}"
                    x2="${round1(x(s.max))}"
                    y2="${y}"
                    stroke="${ink}"
                    stroke-width="2"
                  />
                  <line x1="${round1(x(s.min))}" y1="${y - 5}" x2="${round1(x(s.min))}" y2="${y + 5}" stroke="${ink}" />
                  <line x1="${round1(x(s.max))}" y1="${y - 5}" x2="${round1(x(s.max))}" y2="${y + 5}" stroke="${ink}" />
                  <polygon
                    points="${pointsAttribute([
                      { x: round1(x(s.median)), y: y - 6 },
                      { x: round1(x(s.median) + 6), y },
                      { x: round1(x(s.median)), y: y + 6 },
                      { x: round1(x(s.median) - 6), y },
                    ])}"
                    fill="#ffffff"
                    stroke="${ink}"
                    stroke-width="1.5"
                  />
                  <circle cx="${round1(x(s.mean))}" cy="${y}" r="4" fill="${accent}" />`
              : html`<text x="${labelWidth + 4}" y="${y + 4}" font-size="12" fill="${ink}">? ${legend.none}</text>`
          }`;
      })}
      <line
        x1="${labelWidth}"
        y1="${legendY}"
        x2="${labelWidth + 24}"
        y2="${legendY}"
        stroke="${ink}"
        stroke-width="2"
      />
      <text x="${labelWidth + 28}" y="${legendY + 4}" font-size="11" fill="${ink}">${legend.range}</text>
      <circle cx="${labelWidth + 140}" cy="${legendY}" r="4" fill="${accent}" />
      <text x="${labelWidth + 148}" y="${legendY + 4}" font-size="11" fill="${ink}">${legend.mean}</text>
      <polygon
        points="${pointsAttribute([
          { x: labelWidth + 230, y: legendY - 6 },
          { x: labelWidth + 236, y: legendY },
          { x: labelWidth + 230, y: legendY + 6 },
          { x: labelWidth + 224, y: legendY },
        ])}"
        fill="#ffffff"
        stroke="${ink}"
      />
      <text x="${labelWidth + 240}" y="${legendY + 4}" font-size="11" fill="${ink}">${legend.median}</text>`,
  );
}

export interface BandRow {
  label: string;
  /** Countries per band, in BANDS order. */
  bands: readonly number[];
  insufficient: number;
}

/** Per group, one bar of its countries: a segment per band, then insufficient data (hatched). */
export function bandBars(
  chart: ChartText,
  rows: readonly BandRow[],
  legend: { bands: string[]; insufficient: string },
): Markup {
  const top = 8;
  const legendTop = top + rows.length * rowHeight + 8;
  const legendItems = [...legend.bands, legend.insufficient];
  const height = legendTop + legendItems.length * 18 + 4;
  return frame(
    chart,
    labelWidth + plotWidth + 20,
    height,
    html`${hatch(chart.id)}
    ${rows.map((row, i) => {
      const y = top + i * rowHeight;
      const counts = [...row.bands, row.insufficient];
      const segments = stackSegments(counts, plotWidth);
      return html`<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="12" fill="${ink}">
          ${short(row.label, 28)}
        </text>
        ${segments.map((seg, k) => {
          if (counts[k] === 0) return '';
          const style = k < BANDS.length ? bandStyle(BANDS[k]) : insufficientStyle;
          const fill = k < BANDS.length ? style.fill : `url(#${chart.id}-hatch)`;
          return html`<rect
              x="${round1(labelWidth + seg.x)}"
              y="${y + 2}"
              width="${seg.width}"
              height="${rowHeight - 6}"
              fill="${fill}"
              stroke="${ink}"
              stroke-width="0.5"
            />
            ${
              seg.width >= 18
                ? html`<text
                    x="${round1(labelWidth + seg.x + seg.width / 2)}"
                    y="${y + 16}"
                    text-anchor="middle"
                    font-size="11"
                    font-weight="bold"
                    fill="${style.ink}"
                  >
                    ${counts[k]}
                  </text>`
                : ''
            }`;
        })}`;
    })}
    ${legendItems.map((label, k) => {
      const y = legendTop + k * 18;
      const fill = k < BANDS.length ? bandStyle(BANDS[k]).fill : `url(#${chart.id}-hatch)`;
      return html`<rect
          x="${labelWidth}"
          y="${y}"
          width="14"
          height="14"
          fill="${fill}"
          stroke="${ink}"
          stroke-width="0.5"
        />
        <text x="${labelWidth + 20}" y="${y + 11}" font-size="11" fill="${ink}">${label}</text>`;
    })}`,
  );
}

/** One area's capacity across rounds: a line through the rounds with a value, "?" where none. */
export function trendChart(
  chart: ChartText,
  heading: string,
  points: readonly { label: string; value: number | null }[],
): Markup {
  const width = 260;
  const height = 170;
  const left = 44;
  const right = width - 40;
  const top = 30;
  const bottom = height - 30;
  const y = linearScale([0, 100], [bottom, top]);
  const x = (i: number) =>
    points.length === 1 ? (left + right) / 2 : left + ((right - left) * i) / (points.length - 1);
  // Lines only between consecutive rounds that both have a value.
  const segments: Point[][] = [];
  let current: Point[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push({ x: round1(x(i)), y: round1(y(p.value)) });
  });
  if (current.length) segments.push(current);
  return frame(
    chart,
    width,
    height,
    html`<text x="4" y="14" font-size="12" font-weight="bold" fill="${ink}">${short(heading, 36)}</text> ${[
        0, 25, 50, 75, 100,
      ].map(
        (v) =>
          html`<line x1="${left}" y1="${round1(y(v))}" x2="${right}" y2="${round1(y(v))}" stroke="${grid}" />
            <text x="${left - 4}" y="${round1(y(v) + 3)}" text-anchor="end" font-size="9" fill="${muted}">${v}</text>`,
      )}
      ${segments.map((s) =>
        s.length > 1
          ? html`<polyline points="${pointsAttribute(s)}" fill="none" stroke="${accent}" stroke-width="2" />`
          : '',
      )}
      ${points.map((p, i) =>
        p.value === null
          ? html`<text x="${round1(x(i))}" y="${bottom - 4}" text-anchor="middle" font-size="12" fill="${ink}">?</text>`
          : html`<circle cx="${round1(x(i))}" cy="${round1(y(p.value))}" r="3.5" fill="${accent}" />`,
      )}
      ${points.map(
        (p, i) =>
          html`<text x="${round1(x(i))}" y="${height - 12}" text-anchor="middle" font-size="9" fill="${ink}">
            ${short(p.label, 14)}
          </text>`,
      )}`,
  );
}

/** The "?" symbol and hatch of insufficient data, for HTML next to the charts. */
export const insufficientMark = raw('<span class="mark" aria-hidden="true">?</span>');
