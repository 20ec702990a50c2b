/**
 * The region's map. First its plain drawing — bounds as a box, kecamatan names at their centres (and their
 * boundaries when the region gives them), a module's points as markers — which needs no network and stays as
 * the offline fallback. Then, when the region has a tile server (`region.map`, OpenStreetMap's by default) and
 * the phone is online, a real street map (Leaflet, loaded lazily in its own chunk) takes its place as soon as
 * its first tile arrives. Everything comes from the region config, so another region sees its own map without
 * touching module code. Markers are links or buttons with their own names, at least 24 px wide.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from './translator.js';
import { Link, useNavigate } from './router.js';
import type { Geography, MapSettings } from '../region.js';
import { useBootstrap } from './context.js';
import { useRegionGeography } from './region-geography.js';
import { boundsAround, mapBox, project, unproject, type LatLng, type MapBox } from './geo.js';
import type { StreetMap, StreetMapOptions } from './street-map.js';

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
  /** Opens the street map on this point (a report's page) rather than the whole region. */
  focus?: LatLng;
  /** The street map when the region has tiles (default true); false keeps the plain drawing. */
  streets?: boolean;
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
      {geography?.kecamatan.flatMap((kecamatan) =>
        (kecamatan.boundary ?? []).map((ring, index) => (
          <polygon
            key={`${kecamatan.id}-${index}`}
            className="kk-map__boundary"
            points={ring.map(([lng, lat]) => { const p = project(box, { lat, lng }); return `${p.x.toFixed(1)},${p.y.toFixed(1)}`; }).join(' ')}
          />
        )),
      )}
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

type StreetsState = 'drawing' | 'streets';

/** Whether the phone says it is offline (then the drawing is shown, whatever was loaded before). */
function useOffline(): boolean {
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);
  useEffect(() => {
    const update = () => setOffline(navigator.onLine === false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return offline;
}

/**
 * Mounts the street map into `container` once (lazily importing Leaflet) when the region has tiles and the phone
 * is online; 'streets' once a tile has arrived. `options` is read when it mounts; `key` remounts it.
 */
function useStreets(
  settings: MapSettings | undefined,
  box: MapBox | null,
  enabled: boolean,
  options: () => Omit<StreetMapOptions, 'tileUrl' | 'attribution' | 'maxZoom' | 'bounds' | 'onReady' | 'onFail'>,
  key: string,
) {
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<StreetMap | null>(null);
  const [state, setState] = useState<StreetsState>('drawing');
  const offline = useOffline();
  const tileUrl = settings?.tileUrl;
  const ready = Boolean(enabled && box && tileUrl && !offline);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const boxRef = useRef(box);
  boxRef.current = box;
  const boundsKey = box ? `${box.bounds.south},${box.bounds.west},${box.bounds.north},${box.bounds.east}` : '';
  useEffect(() => {
    const box = boxRef.current;
    if (!ready || !settings || !settings.tileUrl || !box || !container.current) return;
    let cancelled = false;
    const target = container.current;
    const { tileUrl: url, attribution, maxZoom } = settings;
    import('./street-map.js')
      .then(({ createStreetMap }) => {
        if (cancelled) return;
        handle.current = createStreetMap(target, {
          ...optionsRef.current(),
          tileUrl: url,
          attribution,
          maxZoom,
          bounds: box.bounds,
          onReady: () => {
            if (!cancelled) setState('streets');
          },
          onFail: () => undefined,
        });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
      setState('drawing');
    };
  }, [ready, settings, boundsKey, key]);
  return { container, handle, showStreets: ready && state === 'streets' };
}

/** The frame both maps share: the drawing in the flow (it sets the height), the street map over it when ready. */
function MapFrame({ streets, container, drawing, label }: { streets: boolean; container: RefObject<HTMLDivElement | null>; drawing: ReactNode; label?: { role: string; name: string; describedBy?: string; onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void } }) {
  return (
    <div className={`kk-map__frame${streets ? ' kk-map__frame--streets' : ''}`} data-map-view={streets ? 'streets' : 'drawing'}>
      {drawing}
      <div
        ref={container}
        className="kk-street"
        aria-hidden={streets ? undefined : true}
        {...(streets && label ? { role: label.role, 'aria-label': label.name, 'aria-describedby': label.describedBy, tabIndex: label.onKeyDown ? 0 : undefined, onKeyDown: label.onKeyDown } : {})}
      />
    </div>
  );
}

export function RegionMap({ title, markers = [], geography, showKecamatan = true, caption, className, focus, streets = true }: RegionMapProps) {
  const { region } = useBootstrap();
  const regionGeography = useRegionGeography(!geography);
  const drawn = geography ?? regionGeography;
  const box = useMapBox(drawn, markers);
  const titleId = useId();
  const navigate = useNavigate();
  const markerKey = markers.map((marker) => `${marker.id}:${marker.lat},${marker.lng}`).join('|');
  const { container, showStreets } = useStreets(
    region.map,
    box,
    streets,
    () => ({
      focus: focus ?? null,
      markers: markers.map((marker) => ({
        id: marker.id,
        lat: marker.lat,
        lng: marker.lng,
        label: marker.label,
        symbol: marker.symbol,
        tone: marker.tone ?? 'primary',
        role: marker.href ? 'link' : marker.onSelect ? 'button' : 'img',
      })),
      onMarker: (id) => {
        const marker = markers.find((entry) => entry.id === id);
        if (marker?.href) void navigate(marker.href);
        else marker?.onSelect?.();
      },
    }),
    `${markerKey}|${focus ? `${focus.lat},${focus.lng}` : ''}`,
  );
  if (!box) return null;
  return (
    <figure className={className ? `kk-map ${className}` : 'kk-map'}>
      <MapFrame
        streets={showStreets}
        container={container}
        label={{ role: 'group', name: title }}
        drawing={
          <svg viewBox={`0 0 ${box.width} ${box.height}`} role="group" aria-labelledby={titleId} aria-hidden={showStreets ? true : undefined} className="kk-map__svg">
            <title id={titleId}>{title}</title>
            <Backdrop box={box} geography={drawn} showKecamatan={showKecamatan} />
            {markers.map((marker) => (
              <Marker key={marker.id} box={box} marker={marker} />
            ))}
          </svg>
        }
      />
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
  /** The street map when the region has tiles (default true); false keeps the plain drawing. */
  streets?: boolean;
  /** Announced under the map instead of the coordinates, e.g. "Titik di Kecamatan Cipondoh". */
  caption?: ReactNode;
}

/**
 * Picks a point inside the region: tap the map to drop the pin; the arrow keys move it (about 100 m a press),
 * Enter or Space drops it at the centre. The chosen coordinates are announced. On the street map (when the
 * region has tiles and the phone is online) the same taps and keys work; offline the drawing takes them.
 */
export function RegionPointPicker({ value, onChange, describedBy, geography, streets = true, caption }: RegionPointPickerProps) {
  const { t } = useTranslation('core');
  const { region } = useBootstrap();
  const regionGeography = useRegionGeography(!geography);
  const drawn = geography ?? regionGeography;
  const box = useMapBox(drawn, value ? [value] : []);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const valueRef = useRef(value);
  valueRef.current = value;
  const { container, handle, showStreets } = useStreets(region.map, box, streets, () => ({ focus: valueRef.current, onPick: (point) => onChangeRef.current(point) }), 'picker');
  // The pin on the street map follows the value; a point from GPS (far from the view) pans there.
  const lastPinned = useRef<LatLng | null>(null);
  useEffect(() => {
    if (!showStreets || !handle.current) return;
    const previous = lastPinned.current;
    const far = value && (!previous || Math.abs(previous.lat - value.lat) > 0.003 || Math.abs(previous.lng - value.lng) > 0.003);
    handle.current.setPin(value, Boolean(far));
    lastPinned.current = value;
  }, [showStreets, handle, value]);
  if (!box) return null;
  const pin = value ? project(box, value) : null;
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    onChange(unproject(box, ((event.clientX - rect.left) / rect.width) * box.width, ((event.clientY - rect.top) / rect.height) * box.height));
  };
  const keys = (event: KeyboardEvent<Element>) => {
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
      <MapFrame
        streets={showStreets}
        container={container}
        label={{ role: 'application', name: t('map.pick'), describedBy, onKeyDown: keys }}
        drawing={
          <svg
            viewBox={`0 0 ${box.width} ${box.height}`}
            className="kk-map__svg"
            role="application"
            tabIndex={showStreets ? -1 : 0}
            aria-label={t('map.pick')}
            aria-describedby={describedBy}
            aria-hidden={showStreets ? true : undefined}
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
        }
      />
      <p className="kk-map__caption" aria-live="polite">
        {caption ?? (value ? t('map.chosen', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) }) : t('map.none'))}
      </p>
    </div>
  );
}
