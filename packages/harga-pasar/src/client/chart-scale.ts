/** Pure geometry of the price chart: scales, "nice" ticks and SVG paths. Tested without a DOM. */
import { daysBetween } from '@kota-kit/core/client';

export interface Point {
  date: string;
  price: number;
}

export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const scale = ((value: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0))) as LinearScale;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** A step of 1, 2, 2.5 or 5 × 10^n giving about `count` ticks. */
export function niceStep(span: number, count: number): number {
  if (span <= 0 || count <= 0) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return Math.max(1, factor * magnitude);
}

/** Ticks covering [min, max] on nice round numbers; the domain is widened to the outer ticks. */
export function niceTicks(min: number, max: number, count = 4): { ticks: number[]; domain: [number, number] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { ticks: [], domain: [0, 1] };
  if (min === max) {
    // A flat series: put it in the middle of a small band.
    const pad = Math.max(1, niceStep(Math.abs(min) * 0.1 || 1, 1));
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, count);
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = start; value <= end + step / 2; value += step) ticks.push(Math.round(value));
  return { ticks, domain: [start, end] };
}

export interface ChartGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: LinearScale;
  y: LinearScale;
  yTicks: number[];
  /** Dates for the x axis labels (first, some in between, last). */
  xTicks: string[];
  from: string;
}

/** Scales for dates from..to (x) and all prices of the visible series (y). */
export function chartGeometry(options: {
  from: string;
  to: string;
  series: Point[][];
  width: number;
  height: number;
  margin?: Partial<ChartGeometry['margin']>;
  xTickCount?: number;
  yTickCount?: number;
}): ChartGeometry {
  const margin = { top: 12, right: 12, bottom: 28, left: 64, ...options.margin };
  const prices = options.series.flatMap((points) => points.map((point) => point.price));
  const min = prices.length ? Math.min(...prices) : 0;
  const max = prices.length ? Math.max(...prices) : 1;
  const { ticks, domain } = niceTicks(min, max, options.yTickCount ?? 4);
  const span = Math.max(0, daysBetween(options.from, options.to));
  const x = linearScale([0, span], [margin.left, options.width - margin.right]);
  const y = linearScale(domain, [options.height - margin.bottom, margin.top]);
  const count = Math.max(2, options.xTickCount ?? 4);
  const xTicks: string[] = [];
  for (let index = 0; index < count; index++) {
    const offset = Math.round((span * index) / (count - 1));
    const date = addDaysIso(options.from, offset);
    if (!xTicks.includes(date)) xTicks.push(date);
  }
  return { width: options.width, height: options.height, margin, x, y, yTicks: ticks, xTicks, from: options.from };
}

function addDaysIso(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/**
 * SVG path of a series; a gap of more than `maxGapDays` (a missing market day run) starts a new segment,
 * so the line never pretends to know prices that were not collected.
 */
export function linePath(points: Point[], geometry: Pick<ChartGeometry, 'x' | 'y' | 'from'>, maxGapDays = 7): string {
  let path = '';
  let previous: string | null = null;
  for (const point of points) {
    const px = geometry.x(daysBetween(geometry.from, point.date)).toFixed(1);
    const py = geometry.y(point.price).toFixed(1);
    const jump = previous === null || daysBetween(previous, point.date) > maxGapDays;
    path += `${jump ? 'M' : 'L'}${px},${py}`;
    previous = point.date;
  }
  return path;
}

/** The index of the point whose date is nearest to `day` days after `from` (the chart's readout); -1 without points. */
export function nearestPointIndex(points: readonly Point[], from: string, day: number): number {
  let best = -1;
  let distance = Infinity;
  points.forEach((point, index) => {
    const gap = Math.abs(daysBetween(from, point.date) - day);
    if (gap < distance) {
      best = index;
      distance = gap;
    }
  });
  return best;
}
