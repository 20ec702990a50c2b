import type { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { Geography } from '../region.js';
import type { RegionBoundaries } from '../types.js';
import type { AppEnv } from './http.js';

/** Where the browser fetches the kecamatan boundaries; `?v=` names their version, so the answer can be kept for good. */
export const boundariesPath = '/api/region/boundaries';

export interface GeographyParts {
  /** Bounds, kecamatan names and centres (and kelurahan): small, carried by every page. */
  outline: Geography;
  /** The boundaries apart (most of a region's geography: Tangerang's are 21 kB), when the region gives any. */
  boundaries: { json: string; version: string } | null;
}

/**
 * Splits the region's geography: every page carries the outline (the map's frame and labels), while the boundaries
 * are fetched only where a map or a point's kecamatan needs them (core's `useRegionGeography`), and kept by the
 * browser's cache and the service worker.
 */
export function splitGeography(geography: Geography): GeographyParts {
  const outline: Geography = { ...geography, kecamatan: geography.kecamatan.map(({ boundary: _boundary, ...kecamatan }) => kecamatan) };
  const kecamatan = geography.kecamatan.flatMap(({ id, boundary }) => (boundary ? [{ id, boundary }] : []));
  if (kecamatan.length === 0) return { outline, boundaries: null };
  const json = JSON.stringify({ kecamatan } satisfies RegionBoundaries);
  return { outline, boundaries: { json, version: createHash('sha256').update(json).digest('base64url').slice(0, 16) } };
}

/** The URL of the boundaries in the page's bootstrap: their version in the query, so a change is fetched anew. */
export const boundariesUrl = (version: string) => `${boundariesPath}?v=${version}`;

/**
 * `GET /api/region/boundaries`: kept for a year when asked with the current version (`?v=`), otherwise checked
 * each time (ETag, 304). A region without boundaries answers 404.
 */
export function boundariesRoute(app: Hono<AppEnv>, boundaries: GeographyParts['boundaries']): void {
  app.get(boundariesPath, (c) => {
    if (!boundaries) return c.notFound();
    const etag = `"${boundaries.version}"`;
    const cacheControl = c.req.query('v') === boundaries.version ? 'public, max-age=31536000, immutable' : 'no-cache';
    // Weak comparison: gzip on the way out marks the tag weak (W/"…").
    const asked = (c.req.header('if-none-match') ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (asked.includes(etag) || asked.includes('*')) return c.body(null, 304, { etag, 'cache-control': cacheControl });
    return c.body(boundaries.json, 200, { 'content-type': 'application/json; charset=utf-8', etag, 'cache-control': cacheControl });
  });
}
