// The region's kecamatan boundaries are not carried by every page: the bootstrap holds the outline and a versioned
// URL, and `GET /api/region/boundaries` answers them, kept by browsers for good when asked with that version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineHost, type ClientBootstrap, type RegionBoundaries } from '../src/index.js';
import { withBoundaries } from '../src/client/region-geography.js';
import { kecamatanAt } from '../src/client/geo.js';
import { startTestHost, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

const square: [number, number][] = [[106.6, -6.1], [106.7, -6.1], [106.7, -6.2], [106.6, -6.2], [106.6, -6.1]];
const geography = {
  bounds: { south: -6.3, west: 106.5, north: -6.0, east: 106.8 },
  kecamatan: [
    { id: 'utara', name: 'Utara', centre: { lat: -6.15, lng: 106.65 }, boundary: [square] },
    // No boundary: stays as it is, and the boundaries answer does not list it.
    { id: 'selatan', name: 'Selatan', centre: { lat: -6.22, lng: 106.65 } },
  ],
};

describe('region boundaries', () => {
  let host: TestHost;
  let plain: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ host: defineHost({ ...fixtureHost, region: { ...fixtureHost.region, geography } }), serverModules: [fixtureServer], database: 'pglite' });
    plain = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database: 'pglite' });
  });
  afterAll(async () => {
    await host?.close();
    await plain?.close();
  });

  it('leaves the boundaries out of the bootstrap and names where to fetch them, by version', async () => {
    const { body } = await host.client().json<ClientBootstrap>('/api/config');
    expect(body.region.geography?.kecamatan).toEqual([
      { id: 'utara', name: 'Utara', centre: { lat: -6.15, lng: 106.65 } },
      { id: 'selatan', name: 'Selatan', centre: { lat: -6.22, lng: 106.65 } },
    ]);
    expect(JSON.stringify(body)).not.toContain('boundary');
    expect(body.region.boundaries).toMatch(/^\/api\/region\/boundaries\?v=[\w-]{16}$/);
  });

  it('answers the boundaries, kept for good with the current version and checked again without it', async () => {
    const { body: config } = await host.client().json<ClientBootstrap>('/api/config');
    const versioned = await host.client().fetch(config.region.boundaries!);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('content-type')).toMatch(/^application\/json/);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const boundaries = (await versioned.json()) as RegionBoundaries;
    expect(boundaries).toEqual({ kecamatan: [{ id: 'utara', boundary: [square] }] });

    // Put back on the outline, the point's kecamatan comes from the boundary again.
    const outline = config.region.geography!;
    const full = withBoundaries(outline, boundaries);
    const nearerSelatan = { lat: -6.19, lng: 106.65 }; // inside Utara's square, but nearer Selatan's centre
    expect(kecamatanAt(outline, nearerSelatan)).toMatchObject({ kecamatan: { id: 'selatan' }, by: 'nearest' });
    expect(kecamatanAt(full, nearerSelatan)).toMatchObject({ kecamatan: { id: 'utara' }, by: 'boundary' });

    const stale = await host.client().fetch('/api/region/boundaries?v=old');
    expect(stale.headers.get('cache-control')).toBe('no-cache');
    const etag = stale.headers.get('etag')!;
    const again = await host.client().fetch('/api/region/boundaries', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('without boundaries: no URL in the bootstrap and 404', async () => {
    const { body } = await plain.client().json<ClientBootstrap>('/api/config');
    expect(body.region.boundaries).toBeUndefined();
    expect((await plain.client().fetch('/api/region/boundaries')).status).toBe(404);
  });
});
