// A horizontal bar chart as accessible SVG rendered on the server (no chart library, no script):
// role="img" named by its <title> and <desc>, which also says every number, followed by a
// <details> table of the same numbers for those who prefer reading them.
import { html, tableHead, type Markup } from './html';

export interface Bar {
  label: string;
  value: number;
  /** Fill colour of the bar (text stays in the ink colour). */
  color: string;
}

export interface BarChart {
  id: string;
  title: string;
  /** One sentence introducing the numbers (the bars' labels and values follow it in <desc>). */
  summary: string;
  bars: Bar[];
  /** The scale's end (e.g. the number of countries); at least the largest value. */
  max: number;
  /** Headers of the table view: the label column and the value column. */
  headers: [string, string];
  /** The <summary> of the table view. */
  tableLabel: string;
}

const width = 640;
const labelWidth = 200;
const valueWidth = 70;
const rowHeight = 30;
const barHeight = 18;

/** "12 (40 %)": the value and its share of the scale's end. */
export const withShare = (value: number, max: number): string =>
  max > 0 ? `${value} (${Math.round((100 * value) / max)} %)` : String(value);

export function barChart(chart: BarChart): Markup {
  const max = Math.max(chart.max, ...chart.bars.map((b) => b.value), 1);
  const barSpace = width - labelWidth - valueWidth;
  const height = chart.bars.length * rowHeight + 8;
  const described = chart.bars.map((b) => `${b.label}: ${withShare(b.value, chart.max)}`).join('; ');
  return html`<figure class="chart">
    <svg
      role="img"
      aria-labelledby="${chart.id}-title ${chart.id}-desc"
      viewBox="0 0 ${width} ${height}"
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id="${chart.id}-title">${chart.title}</title>
      <desc id="${chart.id}-desc">${chart.summary} ${described}.</desc>
      ${chart.bars.map((b, i) => {
        const y = 4 + i * rowHeight;
        const w = Math.round((barSpace * b.value) / max);
        return html`<g aria-hidden="true">
          <text x="${labelWidth - 8}" y="${y + barHeight - 4}" text-anchor="end" class="chart-label">${b.label}</text>
          <rect x="${labelWidth}" y="${y}" width="${barSpace}" height="${barHeight}" fill="#f3f5f8" stroke="#c8c8c8" />
          <rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" fill="${b.color}" />
          <text x="${labelWidth + barSpace + 6}" y="${y + barHeight - 4}" class="chart-value">
            ${withShare(b.value, chart.max)}
          </text>
        </g>`;
      })}
    </svg>
    <details>
      <summary>${chart.tableLabel}</summary>
      <table id="${chart.id}-table">
        ${tableHead(chart.title, chart.headers)}
        <tbody>
          ${chart.bars.map(
            (b) =>
              html`<tr>
                <th scope="row">${b.label}</th>
                <td>${withShare(b.value, chart.max)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
