/**
 * The plain map's geometry: a region's bounds drawn as a box, north up, longitude squeezed by cos(latitude)
 * (exact enough inside one city or regency). No tiles and no network, so it works offline and on slow data.
 */
import type { Bounds, Geography } from '../region.js';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface MapBox {
  bounds: Bounds;
  width: number;
  height: number;
  /** Kept free around the bounds so markers at the edge stay whole. */
  pad: number;
}

/** A box of `width` units whose height follows the region's shape (between half and 1.4 times the width). */
export function mapBox(bounds: Bounds, width = 340, pad = 14): MapBox {
  const k = Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
  const ratio = (bounds.north - bounds.south) / Math.max((bounds.east - bounds.west) * k, 1e-9);
  const height = Math.round(Math.min(1.4, Math.max(0.5, ratio)) * width);
  return { bounds, width, height, pad };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Where a point is drawn; points outside the bounds are drawn at the edge (`inside` says so). */
export function project(box: MapBox, point: LatLng): { x: number; y: number; inside: boolean } {
  const { bounds, width, height, pad } = box;
  const fx = (point.lng - bounds.west) / (bounds.east - bounds.west);
  const fy = (bounds.north - point.lat) / (bounds.north - bounds.south);
  return {
    x: pad + clamp(fx, 0, 1) * (width - 2 * pad),
    y: pad + clamp(fy, 0, 1) * (height - 2 * pad),
    inside: fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1,
  };
}

/** The point under (x, y) of the box, rounded to about 1 m. */
export function unproject(box: MapBox, x: number, y: number): LatLng {
  const { bounds, width, height, pad } = box;
  const fx = clamp((x - pad) / (width - 2 * pad), 0, 1);
  const fy = clamp((y - pad) / (height - 2 * pad), 0, 1);
  const round = (value: number) => Math.round(value * 100_000) / 100_000;
  return { lat: round(bounds.north - fy * (bounds.north - bounds.south)), lng: round(bounds.west + fx * (bounds.east - bounds.west)) };
}

export function insideBounds(point: LatLng, bounds: Bounds): boolean {
  return point.lat >= bounds.south && point.lat <= bounds.north && point.lng >= bounds.west && point.lng <= bounds.east;
}

/** Bounds around some points, padded by a tenth (at least ~500 m): for a region that gives no geography. */
export function boundsAround(points: readonly LatLng[]): Bounds | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const west = Math.min(...lngs);
  const east = Math.max(...lngs);
  const padLat = Math.max((north - south) * 0.1, 0.005);
  const padLng = Math.max((east - west) * 0.1, 0.005);
  return { south: south - padLat, north: north + padLat, west: west - padLng, east: east + padLng };
}

// ---------------------------------------------------------------- which kecamatan a point is in

/** Whether `point` lies inside one ring of [lng, lat] pairs (ray casting; a point on an edge may go either way). */
export function insideRing(point: LatLng, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a boundary of rings (even–odd: holes and separate parts both work). */
export function insideBoundary(point: LatLng, rings: readonly (readonly (readonly [number, number])[])[]): boolean {
  return rings.reduce((inside, ring) => (insideRing(point, ring) ? !inside : inside), false);
}

/** Distance in metres between two points (equirectangular: exact enough inside one city or regency). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const k = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const dLat = a.lat - b.lat;
  const dLng = (a.lng - b.lng) * k;
  return Math.sqrt(dLat * dLat + dLng * dLng) * 111_320;
}

type Kecamatan = Geography['kecamatan'][number];

export interface KecamatanMatch {
  kecamatan: Kecamatan;
  /** 'boundary' when the point lies inside the kecamatan's configured boundary, 'nearest' for the nearest centre. */
  by: 'boundary' | 'nearest';
}

/**
 * The kecamatan a point lies in: the one whose `boundary` holds it when the region gives boundaries, else (no
 * boundaries, or a point in a gap between simplified ones) the nearest centre among the kecamatan without a
 * boundary (all of them when every one has a boundary). Null outside the region's bounds or without kecamatan.
 */
export function kecamatanAt(geography: Pick<Geography, 'bounds' | 'kecamatan'> | undefined, point: LatLng): KecamatanMatch | null {
  if (!geography || geography.kecamatan.length === 0 || !insideBounds(point, geography.bounds)) return null;
  const all = geography.kecamatan;
  const byBoundary = all.find((kecamatan) => (kecamatan.boundary ? insideBoundary(point, kecamatan.boundary) : false));
  if (byBoundary) return { kecamatan: byBoundary, by: 'boundary' };
  const withoutBoundary = all.filter((kecamatan) => !kecamatan.boundary);
  const pool = withoutBoundary.length > 0 ? withoutBoundary : all;
  let best = pool[0]!;
  let bestDistance = Infinity;
  for (const kecamatan of pool) {
    const distance = distanceMetres(point, kecamatan.centre);
    if (distance < bestDistance) {
      best = kecamatan;
      bestDistance = distance;
    }
  }
  return { kecamatan: best, by: 'nearest' };
}
