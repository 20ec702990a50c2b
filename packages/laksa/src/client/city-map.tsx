/**
 * A plain map of the city: a box over its bounds with the kecamatan names at their approximate centres.
 * No tiles and no network, so it works offline and on slow data. Points are links; the picker moves with
 * a tap or the arrow keys.
 */
import { Link } from '@kota-kit/core/client';
import { useId, type KeyboardEvent, type MouseEvent } from 'react';
import type { MapPoint } from '../schemas.js';
import { kecamatanCentres, project, stageView, unproject } from './logic.js';
import { base, useT } from './shared.js';

const width = 340;
const height = 240;
/** Points near the city's edge stay fully visible. */
const pad = 12;
const toBox = (point: { lat: number; lng: number }) => {
  const { x, y } = project(point, width - 2 * pad, height - 2 * pad);
  return { x: x + pad, y: y + pad };
};
const fromBox = (x: number, y: number) => unproject(x - pad, y - pad, width - 2 * pad, height - 2 * pad);

function Backdrop() {
  return (
    <g aria-hidden="true">
      <rect x="0" y="0" width={width} height={height} className="lk-map__land" />
      {[1, 2, 3].map((i) => (
        <line key={`v${i}`} x1={(width / 4) * i} x2={(width / 4) * i} y1="0" y2={height} className="lk-map__grid" />
      ))}
      {[1, 2].map((i) => (
        <line key={`h${i}`} y1={(height / 3) * i} y2={(height / 3) * i} x1="0" x2={width} className="lk-map__grid" />
      ))}
      {Object.entries(kecamatanCentres).map(([name, centre]) => {
        const { x, y } = toBox(centre);
        return (
          <text key={name} x={x} y={y} className="lk-map__label" textAnchor="middle">
            {name}
          </text>
        );
      })}
    </g>
  );
}

/** Public reports on the plain map; each point is a link with its title and stage as its name. */
export function ReportsMap({ points, categoryName }: { points: MapPoint[]; categoryName: (id: string) => string }) {
  const t = useT();
  const titleId = useId();
  return (
    <figure className="lk-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={titleId} className="lk-map__svg">
        <title id={titleId}>{t('map.title', { count: points.length })}</title>
        <Backdrop />
        {points.map((point) => {
          const { x, y } = toBox(point);
          const view = stageView(point.stage);
          return (
            <Link key={point.ticket} to={`${base}/laporan/${point.ticket}`} aria-label={`${point.title} — ${t(view.labelKey)} — ${categoryName(point.category)}`}>
              <g className={`lk-map__point lk-map__point--${point.stage}`}>
                <circle cx={x} cy={y} r="9" />
                <text x={x} y={y + 4} textAnchor="middle" aria-hidden="true">
                  {view.symbol}
                </text>
              </g>
            </Link>
          );
        })}
      </svg>
      <figcaption className="lk-map__legend">
        {(['red', 'yellow', 'green'] as const).map((stage) => (
          <span key={stage} className={`lk-legend lk-legend--${stage}`}>
            <span aria-hidden="true" className="lk-legend__dot">
              {stageView(stage).symbol}
            </span>{' '}
            {t(stageView(stage).labelKey)}
          </span>
        ))}
        <span className="lk-muted">{t('map.approx')}</span>
      </figcaption>
    </figure>
  );
}

/** Tap the box to drop a pin; arrow keys move it (about 100 m per press). */
export function PointPicker({ value, onChange, describedBy }: { value: { lat: number; lng: number } | null; onChange: (point: { lat: number; lng: number } | null) => void; describedBy?: string }) {
  const t = useT();
  const pin = value ? toBox(value) : null;
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onChange(fromBox(((event.clientX - box.left) / box.width) * width, ((event.clientY - box.top) / box.height) * height));
  };
  const keys = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = 0.001;
    const current = value ?? fromBox(width / 2, height / 2);
    const moves: Record<string, [number, number]> = { ArrowUp: [step, 0], ArrowDown: [-step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = { lat: current.lat + move[0], lng: current.lng + move[1] };
      const { x, y } = toBox(next);
      onChange(fromBox(x, y));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onChange(current);
    }
  };
  return (
    <div className="lk-map lk-map--picker">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="lk-map__svg"
        role="application"
        tabIndex={0}
        aria-label={t('picker.label')}
        aria-describedby={describedBy}
        onClick={pick}
        onKeyDown={keys}
      >
        <Backdrop />
        {pin ? (
          <g className="lk-map__pin" aria-hidden="true">
            <circle cx={pin.x} cy={pin.y} r="11" />
            <circle cx={pin.x} cy={pin.y} r="3" className="lk-map__pin-dot" />
          </g>
        ) : null}
      </svg>
      <p className="lk-small" aria-live="polite">
        {value ? t('picker.chosen', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) }) : t('picker.none')}
      </p>
    </div>
  );
}
