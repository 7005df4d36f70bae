import { count } from './format';
import { SafeHtml, html } from './html';

export interface Bar {
  label: string;
  value: number;
  /** Drawn as a solid mark across the bar: the whole target. */
  target?: number;
  /** Drawn dashed: where the bar should have reached by now (the target pro rata). */
  expected?: number;
  /** The value as printed beside the bar (default: the count). */
  display?: string;
}

export interface BarChartSpec {
  /** Read out by screen readers and shown as a tooltip: say what the chart shows. */
  title: string;
  bars: readonly Bar[];
}

const WIDTH = 640;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 90;
const PLOT_X = LABEL_WIDTH + 8;
const PLOT_WIDTH = WIDTH - PLOT_X - VALUE_WIDTH;
const ROW = 26;
const BAR = 16;
const LEGEND = 22;
const COLOURS = { bar: '#2f6f9f', track: '#e8eef3', target: '#1b1b1b', expected: '#b4531a', text: '#1b1b1b' };

const n = (x: number) => String(Math.round(x * 10) / 10);

/**
 * A horizontal bar chart as inline SVG, scaled to the largest value or mark so marks always fit. Presentation
 * attributes, not page CSS, so the chart looks the same pasted elsewhere or printed. No bars: a "no data" chart.
 */
export function barChart(spec: BarChartSpec): SafeHtml {
  const { bars, title } = spec;
  const marked = bars.some((b) => b.target !== undefined || b.expected !== undefined);
  const height = Math.max(bars.length, 1) * ROW + 8 + (marked ? LEGEND : 0);
  const max = Math.max(0, ...bars.flatMap((b) => [b.value, b.target ?? 0, b.expected ?? 0]));
  const x = (value: number) => (max > 0 ? (Math.max(0, value) / max) * PLOT_WIDTH : 0);
  const rows = bars.map((bar, i) => {
    const top = 4 + i * ROW;
    const mid = top + ROW / 2;
    const mark = (value: number | undefined, colour: string, dashed: boolean) =>
      value === undefined
        ? ''
        : html`<line class="${dashed ? 'expected' : 'target'}" x1="${n(PLOT_X + x(value))}" x2="${n(PLOT_X + x(value))}" y1="${n(mid - BAR / 2 - 3)}" y2="${n(mid + BAR / 2 + 3)}" stroke="${colour}" stroke-width="2.5"${dashed ? html` stroke-dasharray="3 2"` : ''}/>`;
    return html`<g><text x="${LABEL_WIDTH}" y="${n(mid + 4)}" text-anchor="end" font-size="12" fill="${COLOURS.text}">${bar.label}</text><rect x="${PLOT_X}" y="${n(mid - BAR / 2)}" width="${PLOT_WIDTH}" height="${BAR}" fill="${COLOURS.track}"/><rect class="bar" x="${PLOT_X}" y="${n(mid - BAR / 2)}" width="${n(x(bar.value))}" height="${BAR}" fill="${COLOURS.bar}"/>${mark(bar.expected, COLOURS.expected, true)}${mark(bar.target, COLOURS.target, false)}<text x="${PLOT_X + PLOT_WIDTH + 6}" y="${n(mid + 4)}" font-size="12" fill="${COLOURS.text}">${bar.display ?? count(bar.value)}</text></g>`;
  });
  const legendY = height - LEGEND + 12;
  const legend = marked
    ? html`<g font-size="11" fill="${COLOURS.text}"><line x1="${PLOT_X}" x2="${PLOT_X}" y1="${legendY - 9}" y2="${legendY + 3}" stroke="${COLOURS.target}" stroke-width="2.5"/><text x="${PLOT_X + 6}" y="${legendY}">target for the period</text><line x1="${PLOT_X + 150}" x2="${PLOT_X + 150}" y1="${legendY - 9}" y2="${legendY + 3}" stroke="${COLOURS.expected}" stroke-width="2.5" stroke-dasharray="3 2"/><text x="${PLOT_X + 156}" y="${legendY}">expected to date</text></g>`
    : '';
  const empty = bars.length ? '' : html`<text x="${PLOT_X}" y="${ROW / 2 + 8}" font-size="12" fill="${COLOURS.text}">no data</text>`;
  return html`<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="system-ui, sans-serif"><title>${title}</title>${rows}${empty}${legend}</svg>`;
}
