/** A horizontal bar chart in SVG; the same numbers are always in a table beside it (the chart is decoration for sighted readers). */
export interface Bar {
  label: string;
  value: number;
  /** A marker on the bar, e.g. the target or what was expected by now. */
  marker?: number;
  text?: string;
}

export function BarChart({ bars, title, unit = '' }: { bars: Bar[]; title: string; unit?: string }) {
  const max = Math.max(1, ...bars.flatMap((b) => [b.value, b.marker ?? 0]));
  const rowHeight = 26;
  const labelWidth = 150;
  const width = 460;
  const plot = width - labelWidth - 130;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${bars.length * rowHeight + 8}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
      {bars.map((b, i) => {
        const y = i * rowHeight + 4;
        const w = (plot * b.value) / max;
        const markerX = b.marker !== undefined ? (plot * b.marker) / max : 0;
        return (
          <g key={b.label}>
            <text x={labelWidth - 6} y={y + 15} textAnchor="end" className="chart-label">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={Math.max(1, w)} height={rowHeight - 10} className="chart-bar" />
            {b.marker !== undefined && <line x1={labelWidth + markerX} x2={labelWidth + markerX} y1={y} y2={y + rowHeight - 4} className="chart-marker" />}
            <text x={labelWidth + Math.max(w, markerX) + 6} y={y + 15} className="chart-value">
              {b.text ?? `${b.value}${unit}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
