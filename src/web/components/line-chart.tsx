/** One point of a series: x is a fiscal year, y a value (null = no value that year). */
export interface ChartPoint {
  x: number;
  y: number | null;
}

/** Scales and ticks of a chart, computed apart from the markup so they can be tested. */
export interface ChartGeometry {
  width: number;
  height: number;
  xOf(x: number): number;
  yOf(y: number): number;
  yTicks: number[];
  xTicks: number[];
}

const PAD = { left: 56, right: 16, top: 16, bottom: 36 };

/** "Nice" tick values covering [min, max] (1, 2 or 5 × a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) return [0];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 0.5; v += step) {
    out.push(Number(v.toFixed(10)));
    if (out.length > 20) break;
  }
  return out;
}

/** The geometry of a chart of the given years and values (target and baseline included). */
export function chartGeometry(years: number[], values: number[]): ChartGeometry {
  const width = 640;
  const height = 280;
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, lo + 1);
  const yTicks = niceTicks(lo, hi);
  const yMin = yTicks[0] ?? lo;
  const yMax = yTicks[yTicks.length - 1] ?? hi;
  const xMin = Math.min(...years);
  const xMax = Math.max(...years);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  return {
    width,
    height,
    xOf: (x) => PAD.left + (xMax === xMin ? plotW / 2 : ((x - xMin) / (xMax - xMin)) * plotW),
    yOf: (y) => PAD.top + plotH - ((y - yMin) / (yMax - yMin || 1)) * plotH,
    yTicks,
    xTicks: years,
  };
}

/**
 * A server-rendered SVG line chart: actual values per year, the target as a dashed line and
 * the baseline as a hollow point. Decorative for screen readers (`aria-hidden`): the page puts
 * the same numbers in a table right after it, which `aria-describedby` names.
 */
export function LineChart(props: {
  years: number[];
  actual: ChartPoint[];
  target: number | null;
  baseline: ChartPoint | null;
  labels: { actual: string; target: string; baseline: string; fiscalYear: string };
  describedBy: string;
  format: (n: number) => string;
}) {
  const values = [
    ...props.actual.flatMap((p) => (p.y === null ? [] : [p.y])),
    ...(props.target === null ? [] : [props.target]),
    ...(props.baseline?.y == null ? [] : [props.baseline.y]),
  ];
  const years = [...props.years, ...(props.baseline ? [props.baseline.x] : [])];
  if (values.length === 0 || years.length === 0) return null;
  const g = chartGeometry(
    [...new Set(years)].sort((a, b) => a - b),
    values,
  );
  const points = props.actual.flatMap((p) => (p.y === null ? [] : [{ x: p.x, y: p.y }]));
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${g.xOf(p.x).toFixed(1)},${g.yOf(p.y).toFixed(1)}`)
    .join(' ');
  const left = g.xOf(Math.min(...g.xTicks));
  const right = g.xOf(Math.max(...g.xTicks));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-labelledby={`${props.describedBy}-title`}
        aria-describedby={props.describedBy}
        class="line-chart"
      >
        <title id={`${props.describedBy}-title`}>{props.labels.actual}</title>
        {g.yTicks.map((t) => (
          <g>
            <line x1={left} x2={right} y1={g.yOf(t)} y2={g.yOf(t)} class="grid" />
            <text x={left - 8} y={g.yOf(t) + 4} text-anchor="end" class="tick">
              {props.format(t)}
            </text>
          </g>
        ))}
        {g.xTicks.map((x) => (
          <text x={g.xOf(x)} y={g.height - 12} text-anchor="middle" class="tick">
            {String(x)}
          </text>
        ))}
        {props.target === null ? null : (
          <line
            x1={left}
            x2={right}
            y1={g.yOf(props.target)}
            y2={g.yOf(props.target)}
            class="target-line"
          />
        )}
        {path ? <path d={path} class="actual-line" /> : null}
        {points.map((p) => (
          <circle cx={g.xOf(p.x)} cy={g.yOf(p.y)} r="5" class="actual-point" />
        ))}
        {props.baseline?.y == null ? null : (
          <circle
            cx={g.xOf(props.baseline.x)}
            cy={g.yOf(props.baseline.y)}
            r="6"
            class="baseline-point"
          />
        )}
      </svg>
      <figcaption class="chart-legend">
        <span class="key key-actual">{props.labels.actual}</span>
        {props.target === null ? null : <span class="key key-target">{props.labels.target}</span>}
        {props.baseline?.y == null ? null : (
          <span class="key key-baseline">{props.labels.baseline}</span>
        )}
      </figcaption>
    </figure>
  );
}
