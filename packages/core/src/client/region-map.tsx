/**
 * The region's plain map: its bounds as a box, its kecamatan names at their centres, and a module's points as
 * markers. Everything comes from the region config (`region.geography`), so another region sees its own map
 * without touching module code. Markers are links or buttons with their own names, at least 24 px wide.
 */
import { useId, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Geography } from '../region.js';
import { useBootstrap } from './context.js';
import { boundsAround, mapBox, project, unproject, type LatLng, type MapBox } from './geo.js';

export type MarkerTone = 'primary' | 'danger' | 'warning' | 'success' | 'neutral';

export interface MapMarker extends LatLng {
  id: string;
  /** The marker's accessible name: say what it is and its state ("Jalan berlubang — Belum ditangani"). */
  label: string;
  /** A short text inside the marker ("1", "!"); never the only carrier of meaning. */
  symbol?: string;
  tone?: MarkerTone;
  /** Opens this path when the marker is chosen (a link). */
  href?: string;
  /** Or runs this (a button). */
  onSelect?: () => void;
}

export interface RegionMapProps {
  /** The map's name for screen readers and its caption, e.g. "Peta 12 laporan". */
  title: string;
  markers?: readonly MapMarker[];
  /** Defaults to the region's own geography from the host config. */
  geography?: Geography;
  /** Kecamatan labels (default on). */
  showKecamatan?: boolean;
  /** Shown under the map: a legend, a note that positions are approximate. */
  caption?: ReactNode;
  className?: string;
}

/** The region's geography (or bounds around the markers when the region gives none). */
function useMapBox(geography: Geography | undefined, markers: readonly LatLng[]): MapBox | null {
  const bounds = geography?.bounds ?? boundsAround(markers);
  return bounds ? mapBox(bounds) : null;
}

function Backdrop({ box, geography, showKecamatan }: { box: MapBox; geography: Geography | undefined; showKecamatan: boolean }) {
  const { width, height } = box;
  return (
    <g aria-hidden="true">
      <rect x="0" y="0" width={width} height={height} rx="8" className="kk-map__land" />
      {[1, 2, 3].map((i) => (
        <line key={`v${i}`} x1={(width / 4) * i} x2={(width / 4) * i} y1="0" y2={height} className="kk-map__grid" />
      ))}
      {[1, 2].map((i) => (
        <line key={`h${i}`} y1={(height / 3) * i} y2={(height / 3) * i} x1="0" x2={width} className="kk-map__grid" />
      ))}
      <text x={width - 12} y="18" textAnchor="end" className="kk-map__north">
        N ↑
      </text>
      {showKecamatan &&
        geography?.kecamatan.map((kecamatan) => {
          const { x, y } = project(box, kecamatan.centre);
          return (
            <text key={kecamatan.id} x={x} y={y} textAnchor="middle" className="kk-map__label" data-kecamatan={kecamatan.id}>
              {kecamatan.name}
            </text>
          );
        })}
    </g>
  );
}

function Marker({ box, marker }: { box: MapBox; marker: MapMarker }) {
  const { x, y, inside } = project(box, marker);
  const shape = (
    <g className={`kk-map__marker kk-map__marker--${marker.tone ?? 'primary'}${inside ? '' : ' kk-map__marker--outside'}`}>
      {/* The visible dot is small; the invisible ring around it makes a target of 28 units (≥ 24 px on a 360 px phone). */}
      <circle cx={x} cy={y} r="14" className="kk-map__target" />
      <circle cx={x} cy={y} r="10" className="kk-map__dot" />
      {marker.symbol && (
        <text x={x} y={y} dy="0.35em" textAnchor="middle" aria-hidden="true" className="kk-map__symbol">
          {marker.symbol}
        </text>
      )}
    </g>
  );
  if (marker.href) {
    return (
      <Link to={marker.href} aria-label={marker.label} className="kk-map__link">
        {shape}
      </Link>
    );
  }
  if (marker.onSelect) {
    const select = marker.onSelect;
    const keys = (event: KeyboardEvent<SVGGElement>) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select();
      }
    };
    return (
      <g role="button" tabIndex={0} aria-label={marker.label} className="kk-map__link" onClick={select} onKeyDown={keys}>
        {shape}
      </g>
    );
  }
  return (
    <g role="img" aria-label={marker.label}>
      {shape}
    </g>
  );
}

export function RegionMap({ title, markers = [], geography, showKecamatan = true, caption, className }: RegionMapProps) {
  const regionGeography = useBootstrap().region.geography;
  const drawn = geography ?? regionGeography;
  const box = useMapBox(drawn, markers);
  const titleId = useId();
  if (!box) return null;
  return (
    <figure className={className ? `kk-map ${className}` : 'kk-map'}>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="group" aria-labelledby={titleId} className="kk-map__svg">
        <title id={titleId}>{title}</title>
        <Backdrop box={box} geography={drawn} showKecamatan={showKecamatan} />
        {markers.map((marker) => (
          <Marker key={marker.id} box={box} marker={marker} />
        ))}
      </svg>
      {caption && <figcaption className="kk-map__caption">{caption}</figcaption>}
    </figure>
  );
}

export interface RegionPointPickerProps {
  value: LatLng | null;
  onChange: (point: LatLng) => void;
  /** The id of a hint that explains how to pick (tap, or arrow keys). */
  describedBy?: string;
  geography?: Geography;
}

/**
 * Picks a point inside the region: tap the map to drop the pin; the arrow keys move it (about 100 m a press),
 * Enter or Space drops it at the centre. The chosen coordinates are announced.
 */
export function RegionPointPicker({ value, onChange, describedBy, geography }: RegionPointPickerProps) {
  const { t } = useTranslation('core');
  const regionGeography = useBootstrap().region.geography;
  const drawn = geography ?? regionGeography;
  const box = useMapBox(drawn, value ? [value] : []);
  if (!box) return null;
  const pin = value ? project(box, value) : null;
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    onChange(unproject(box, ((event.clientX - rect.left) / rect.width) * box.width, ((event.clientY - rect.top) / rect.height) * box.height));
  };
  const keys = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = 0.001;
    const current = value ?? unproject(box, box.width / 2, box.height / 2);
    const moves: Record<string, [number, number]> = { ArrowUp: [step, 0], ArrowDown: [-step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = project(box, { lat: current.lat + move[0], lng: current.lng + move[1] });
      onChange(unproject(box, next.x, next.y));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onChange(current);
    }
  };
  return (
    <div className="kk-map kk-map--picker">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        className="kk-map__svg"
        role="application"
        tabIndex={0}
        aria-label={t('map.pick')}
        aria-describedby={describedBy}
        onClick={pick}
        onKeyDown={keys}
      >
        <Backdrop box={box} geography={drawn} showKecamatan />
        {pin && (
          <g className="kk-map__pin" aria-hidden="true">
            <circle cx={pin.x} cy={pin.y} r="11" />
            <circle cx={pin.x} cy={pin.y} r="3" className="kk-map__pin-dot" />
          </g>
        )}
      </svg>
      <p className="kk-map__caption" aria-live="polite">
        {value ? t('map.chosen', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) }) : t('map.none')}
      </p>
    </div>
  );
}
