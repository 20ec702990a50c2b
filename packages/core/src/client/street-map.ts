/**
 * The street map under RegionMap and RegionPointPicker: Leaflet with the region's raster tiles. Loaded lazily (a
 * separate chunk with Leaflet and its CSS, never in the first page's JavaScript) and only on pages with a map.
 * It reports `onReady` when the first tile has arrived; until then (offline, tile server down, blocked) the
 * region's plain drawing stays in place. Plain DOM, no React, so the chunk is Leaflet plus a little.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Bounds } from '../region.js';
import type { LatLng } from './geo.js';

export interface StreetMarker extends LatLng {
  id: string;
  label: string;
  symbol?: string;
  tone: string;
  /** 'link' and 'button' markers are keyboard reachable; 'img' ones only named. */
  role: 'link' | 'button' | 'img';
}

export interface StreetMapOptions {
  tileUrl: string;
  attribution: string;
  maxZoom: number;
  bounds: Bounds;
  /** Opens on this point (the one report of a public page, the picker's point) instead of the whole region. */
  focus?: LatLng | null;
  zoom?: number;
  markers?: readonly StreetMarker[];
  onMarker?: (id: string) => void;
  /** The picker: a tap on the map chooses the point. */
  onPick?: (point: LatLng) => void;
  onReady: () => void;
  /** Tiles failing before any has loaded: the drawing stays. */
  onFail: () => void;
}

export interface StreetMap {
  setPin(point: LatLng | null, pan: boolean): void;
  destroy(): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (value: number) => Math.round(value * 100_000) / 100_000;

export function createStreetMap(container: HTMLElement, options: StreetMapOptions): StreetMap {
  const { bounds } = options;
  const region = L.latLngBounds([bounds.south, bounds.west], [bounds.north, bounds.east]);
  const map = L.map(container, {
    // The arrow keys move the picker's pin (handled by the React side), not the view.
    keyboard: false,
    attributionControl: false,
    zoomSnap: 0.5,
    maxBounds: region.pad(0.5),
    minZoom: 10,
    maxZoom: options.maxZoom,
  });
  L.control.attribution({ prefix: false }).addAttribution(escapeHtml(options.attribution)).addTo(map);
  if (options.focus) map.setView([options.focus.lat, options.focus.lng], options.zoom ?? 16);
  else map.fitBounds(region);

  let loaded = false;
  let failures = 0;
  const tiles = L.tileLayer(options.tileUrl, { maxZoom: options.maxZoom, crossOrigin: false, detectRetina: false });
  tiles.on('tileload', () => {
    if (loaded) return;
    loaded = true;
    options.onReady();
  });
  tiles.on('tileerror', () => {
    failures += 1;
    // Every tile of the first view failed: say so once (the drawing stays; a later success still turns it on).
    if (!loaded && failures === 1) options.onFail();
  });
  tiles.addTo(map);

  for (const marker of options.markers ?? []) {
    const icon = L.divIcon({
      className: `kk-street__marker kk-map__marker--${marker.tone}`,
      html: `<span class="kk-street__dot" aria-hidden="true">${marker.symbol ? escapeHtml(marker.symbol) : ''}</span>`,
      iconSize: [28, 28],
      iconAnchor: [14, 14],
    });
    const interactive = marker.role !== 'img';
    const layer = L.marker([marker.lat, marker.lng], { icon, keyboard: interactive, interactive, title: marker.label }).addTo(map);
    const element = layer.getElement();
    if (element) {
      element.setAttribute('role', marker.role);
      element.setAttribute('aria-label', marker.label);
      element.removeAttribute('title');
      if (interactive) {
        element.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            options.onMarker?.(marker.id);
          }
        });
      }
    }
    if (interactive) layer.on('click', () => options.onMarker?.(marker.id));
  }

  let pin: L.Marker | null = null;
  const pinIcon = L.divIcon({ className: 'kk-street__pin', html: '<span aria-hidden="true"></span>', iconSize: [28, 28], iconAnchor: [14, 26] });
  const setPin = (point: LatLng | null, pan: boolean) => {
    if (!point) {
      pin?.remove();
      pin = null;
      return;
    }
    if (pin) pin.setLatLng([point.lat, point.lng]);
    else pin = L.marker([point.lat, point.lng], { icon: pinIcon, interactive: false, keyboard: false }).addTo(map);
    if (pan) map.setView([point.lat, point.lng], Math.max(map.getZoom(), 16));
  };
  if (options.onPick) {
    const pick = options.onPick;
    map.on('click', (event: L.LeafletMouseEvent) => pick({ lat: round(event.latlng.lat), lng: round(event.latlng.lng) }));
  }

  return {
    setPin,
    destroy() {
      map.remove();
    },
  };
}
