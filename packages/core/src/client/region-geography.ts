/**
 * The region's geography with its kecamatan boundaries. Every page carries the outline (bounds, names, centres);
 * the boundaries, most of the bytes, are fetched once by the first map or point lookup that needs them, then kept
 * by the browser (the answer is versioned and cached for good) and by the service worker for offline use.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Geography } from '../region.js';
import type { RegionBoundaries } from '../types.js';
import { useBootstrap } from './context.js';

/** The outline with the fetched boundaries put back on their kecamatan (by id). */
export function withBoundaries(outline: Geography, boundaries: RegionBoundaries | undefined): Geography {
  if (!boundaries) return outline;
  const byId = new Map(boundaries.kecamatan.map((entry) => [entry.id, entry.boundary]));
  return { ...outline, kecamatan: outline.kecamatan.map((kecamatan) => (byId.has(kecamatan.id) ? { ...kecamatan, boundary: byId.get(kecamatan.id) } : kecamatan)) };
}

// Kept for the page's life: the answer is versioned by its URL, so it never changes under it.
const loaded = new Map<string, RegionBoundaries>();
const pending = new Map<string, Promise<RegionBoundaries>>();

/** Fetches the boundaries once per URL (every map and form shares the one request); a failure is asked again next time. */
export function loadBoundaries(url: string): Promise<RegionBoundaries> {
  let request = pending.get(url);
  if (!request) {
    request = fetchBoundaries(url).then(
      (boundaries) => {
        loaded.set(url, boundaries);
        return boundaries;
      },
      (error: unknown) => {
        pending.delete(url);
        throw error;
      },
    );
    pending.set(url, request);
  }
  return request;
}

async function fetchBoundaries(url: string): Promise<RegionBoundaries> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`region boundaries: HTTP ${response.status}`);
  const body = (await response.json()) as Partial<RegionBoundaries>;
  if (!Array.isArray(body.kecamatan)) throw new Error('region boundaries: no kecamatan list');
  return { kecamatan: body.kecamatan };
}

/**
 * The region's geography for a map or a point's kecamatan (`kecamatanAt`): the outline at first (a page's first
 * render in the browser matches what the server sent, which never carries the boundaries), then with the
 * boundaries once they have arrived. Until then, or when they cannot be fetched (offline before ever seeing them),
 * a point's kecamatan is the nearest centre's, as for a region that gives no boundaries. Undefined when the region
 * gives no geography. `needed` false asks for nothing (a map given its own geography).
 */
export function useRegionGeography(needed = true): Geography | undefined {
  const { region } = useBootstrap();
  const url = needed ? region.boundaries : undefined;
  // Not from `loaded` at first, even when kept: a part hydrated later must still match the server's markup.
  const [boundaries, setBoundaries] = useState<RegionBoundaries | undefined>(undefined);
  useEffect(() => {
    if (!url) return;
    const kept = loaded.get(url);
    if (kept) return setBoundaries(kept);
    let current = true;
    loadBoundaries(url).then(
      (answer) => current && setBoundaries(answer),
      (error: unknown) => console.warn('Kota Kit: the region boundaries could not be fetched; kecamatan by the nearest centre', error),
    );
    return () => {
      current = false;
    };
  }, [url]);
  const outline = region.geography;
  return useMemo(() => (outline ? withBoundaries(outline, url ? boundaries : undefined) : undefined), [outline, url, boundaries]);
}
