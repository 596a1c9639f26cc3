import { useId } from 'preact/hooks';
import type { Bar } from '../charts';

interface Props {
  title: string;
  /** One sentence saying what the chart shows, for screen readers and as a caption. */
  summary: string;
  bars: readonly Bar[];
  /** Columns over time, or horizontal bars for categories. */
  layout: 'columns' | 'rows';
  /** Header of the label column in the text alternative. */
  labelHeader: string;
}

const W = 520;
const ROW = 22;

/** An inline SVG bar chart with a title, a description and the same numbers as a visually hidden table. */
export function BarChart({ title, summary, bars, layout, labelHeader }: Props) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = layout === 'columns' ? 150 : Math.max(1, bars.length) * ROW + 4;
  return (
    <figure class="chart">
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong> <span class="muted">{summary}</span>
      </figcaption>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${W} ${height}`} preserveAspectRatio="xMinYMin meet" width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {layout === 'columns' ? <Columns bars={bars} max={max} height={height} /> : <Rows bars={bars} max={max} />}
      </svg>
      <table class="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">Papers</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.fullLabel}>
              <th scope="row">{bar.fullLabel}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Columns({ bars, max, height }: { bars: readonly Bar[]; max: number; height: number }) {
  const plot = height - 20; // room for the axis labels
  const step = W / Math.max(1, bars.length);
  return (
    <g>
      {bars.map((bar, i) => {
        const h = (bar.value / max) * (plot - 12);
        return (
          <g key={bar.fullLabel}>
            <rect class="bar" x={i * step + 1} y={plot - h} width={Math.max(1, step - 2)} height={h}>
              <title>{`${bar.fullLabel}: ${bar.value}`}</title>
            </rect>
            {/* Every fourth label, or they would overlap. */}
            {i % 4 === 0 && (
              <text class="axis" x={i * step} y={height - 4}>
                {bar.label}
              </text>
            )}
          </g>
        );
      })}
      <line class="baseline" x1={0} x2={W} y1={plot} y2={plot} />
    </g>
  );
}

function Rows({ bars, max }: { bars: readonly Bar[]; max: number }) {
  const labelWidth = 150;
  const room = W - labelWidth - 40;
  return (
    <g>
      {bars.map((bar, i) => (
        <g key={bar.fullLabel} transform={`translate(0 ${i * ROW + 2})`}>
          <text class="axis" x={labelWidth - 6} y={14} text-anchor="end">
            {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
          </text>
          <rect class="bar" x={labelWidth} y={3} width={Math.max(bar.value ? 2 : 0, (bar.value / max) * room)} height={ROW - 6}>
            <title>{`${bar.fullLabel}: ${bar.value}`}</title>
          </rect>
          <text class="value" x={labelWidth + (bar.value / max) * room + 4} y={14}>
            {bar.value}
          </text>
        </g>
      ))}
    </g>
  );
}
