import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { compactRupiah, rupiah } from './change.js';
import { chartGeometry, linePath, nearestPointIndex, type Point } from './chart-scale.js';
import { daysBetween } from '@kota-kit/core/client';
import { dateText } from '@kota-kit/core/client';
import { dayMonth, monthYear } from './dates.js';

export interface ChartSeries {
  id: string;
  name: string;
  points: Point[];
}

export interface PriceChartLabels {
  /** Accessible name of the chart, e.g. "Harga cabai rawit merah, 30 hari". */
  title: string;
  /** Spoken summary: lowest, highest, latest. */
  summary: string;
  average: string;
  date: string;
  tableCaption: string;
  showTable: string;
  noData: string;
  /** Name of the chart's readout control, e.g. "Jelajahi grafik: geser atau pakai tombol panah". */
  explore?: string;
  /** Shown before a point is chosen, e.g. "Sentuh grafik untuk melihat harga per tanggal." */
  exploreHint?: string;
}

/** Colours for market lines: distinct, ≥3:1 against white, none of them the red/green of rises and falls. */
export const marketColors = ['#0b5cad', '#8a4b00', '#6a3d9a', '#00695c', '#ad1457', '#455a64', '#5d4037', '#1565c0'];

export interface PriceChartProps {
  from: string;
  to: string;
  average: Point[];
  /** Per-market lines drawn thin under the average. */
  markets?: ChartSeries[];
  language: 'id' | 'en';
  labels: PriceChartLabels;
  width?: number;
  height?: number;
}

/** A hand-written SVG line chart of a commodity's price, with the same numbers as a table below it. */
export function PriceChart({ from, to, average, markets = [], language, labels, width = 340, height = 220 }: PriceChartProps) {
  const titleId = useId();
  const descId = useId();
  const readoutId = useId();
  const [active, setActive] = useState<number | null>(null);
  if (!average.length) return <p className="hp-note">{labels.noData}</p>;
  const geometry = chartGeometry({ from, to, series: [average, ...markets.map((m) => m.points)], width, height });
  const { x, y, margin } = geometry;
  const span = daysBetween(from, to);
  const withYear = span > 120;
  const index = active === null ? null : Math.min(active, average.length - 1);
  const point = index === null ? null : average[index]!;
  const marketValues = point ? markets.map((market) => ({ market, price: market.points.find((p) => p.date === point.date)?.price })) : [];
  const readout = point
    ? [
        `${dateText(point.date, { language })}: ${labels.average} ${rupiah(point.price, language)}`,
        ...marketValues.flatMap(({ market, price }) => (price === undefined ? [] : [`${market.name} ${rupiah(price, language)}`])),
      ].join(' · ')
    : null;
  const fromPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (!box.width) return;
    // The probe covers the whole picture, whose viewBox is scaled to the figure's width.
    const svgX = ((event.clientX - box.left) / box.width) * width;
    const day = ((svgX - margin.left) / (width - margin.left - margin.right)) * span;
    const nearest = nearestPointIndex(average, from, day);
    if (nearest >= 0) setActive(nearest);
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = average.length - 1;
    const current = index ?? last;
    const next =
      event.key === 'ArrowLeft' || event.key === 'ArrowDown'
        ? current - (index === null ? 0 : 1)
        : event.key === 'ArrowRight' || event.key === 'ArrowUp'
          ? current + (index === null ? 0 : 1)
          : event.key === 'PageDown'
            ? current - 7
            : event.key === 'PageUp'
              ? current + 7
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? last
                  : null;
    if (next === null) return;
    event.preventDefault();
    setActive(Math.max(0, Math.min(last, next)));
  };
  return (
    <figure className="hp-chart">
      <div className="hp-chart__frame">
      <svg
        className="hp-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{labels.title}</title>
        <desc id={descId}>{labels.summary}</desc>
        <g className="hp-chart__grid" aria-hidden="true">
          {geometry.yTicks.map((tick) => (
            <g key={tick} transform={`translate(0,${y(tick).toFixed(1)})`}>
              <line x1={margin.left} x2={width - margin.right} />
              <text x={margin.left - 6} dy="0.32em" textAnchor="end" data-testid="y-tick">
                {compactRupiah(tick, language)}
              </text>
            </g>
          ))}
          {geometry.xTicks.map((date, index) => (
            <text
              key={date}
              x={x(daysBetween(from, date)).toFixed(1)}
              y={height - margin.bottom + 18}
              textAnchor={index === 0 ? 'start' : index === geometry.xTicks.length - 1 ? 'end' : 'middle'}
              data-testid="x-tick"
            >
              {withYear ? monthYear(date, language) : dayMonth(date, language)}
            </text>
          ))}
          <line className="hp-chart__axis" x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} />
        </g>
        <g aria-hidden="true">
          {markets.map((market, index) => (
            <path
              key={market.id}
              className="hp-chart__market"
              d={linePath(market.points, geometry)}
              stroke={marketColors[index % marketColors.length]}
              data-market={market.id}
            />
          ))}
          <path className="hp-chart__average" d={linePath(average, geometry)} data-testid="average-line" />
          {average.length ? (
            <circle
              className="hp-chart__last"
              cx={x(daysBetween(from, average[average.length - 1]!.date)).toFixed(1)}
              cy={y(average[average.length - 1]!.price).toFixed(1)}
              r={3.5}
            />
          ) : null}
          {point ? (
            <g className="hp-chart__focus" data-testid="chart-focus">
              <line
                x1={x(daysBetween(from, point.date)).toFixed(1)}
                x2={x(daysBetween(from, point.date)).toFixed(1)}
                y1={margin.top}
                y2={height - margin.bottom}
              />
              <circle cx={x(daysBetween(from, point.date)).toFixed(1)} cy={y(point.price).toFixed(1)} r={5} />
            </g>
          ) : null}
        </g>
      </svg>
      <div
        className="hp-chart__probe"
        role="slider"
        tabIndex={0}
        aria-label={labels.explore ?? labels.title}
        aria-valuemin={0}
        aria-valuemax={average.length - 1}
        aria-valuenow={index ?? average.length - 1}
        aria-valuetext={readout ?? labels.exploreHint ?? labels.summary}
        aria-describedby={readoutId}
        onPointerDown={fromPointer}
        onPointerMove={fromPointer}
        onKeyDown={onKey}
      />
      </div>
      <p id={readoutId} className={`hp-chart__readout${point ? ' hp-chart__readout--active' : ''}`} data-testid="chart-readout">
        {readout ?? labels.exploreHint ?? ''}
      </p>
      <details className="hp-chart__table">
        <summary>{labels.showTable}</summary>
        <PriceTable average={average} markets={markets} language={language} labels={labels} />
      </details>
    </figure>
  );
}

/** The chart's numbers, newest first: the accessible alternative to the picture. */
export function PriceTable({ average, markets = [], language, labels }: Pick<PriceChartProps, 'average' | 'markets' | 'language' | 'labels'>) {
  const byMarket = markets.map((market) => new Map(market.points.map((point) => [point.date, point.price])));
  const rows = [...average].reverse();
  return (
    <div className="kk-table-wrap" tabIndex={0} role="region" aria-label={labels.tableCaption}>
      <table className="kk-table hp-table">
        <caption>{labels.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.date}</th>
            <th scope="col" className="kk-num">
              {labels.average}
            </th>
            {markets.map((market) => (
              <th key={market.id} scope="col" className="kk-num">
                {market.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((point) => (
            <tr key={point.date}>
              <th scope="row">
                <time dateTime={point.date}>{dateText(point.date, { language })}</time>
              </th>
              <td className="kk-num">{rupiah(point.price, language)}</td>
              {byMarket.map((prices, index) => {
                const price = prices.get(point.date);
                return (
                  <td key={markets[index]!.id} className="kk-num">
                    {price === undefined ? '–' : rupiah(price, language)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
