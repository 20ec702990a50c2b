import { describe, expect, it } from 'vitest';
import { geographySchema, regionSchema, tileOrigin, type Geography } from '../region.js';
import { contentSecurityPolicy } from '../server/security.js';
import { defineClientModule } from './module.js';
import { precacheUrls } from './precache.js';
import { serviceWorkerSource } from './service-worker.js';
import { distanceMetres, insideBoundary, kecamatanAt } from './geo.js';

/** Two made-up kecamatan: "utara" reaches south past the midpoint between the centres. */
const ring = (west: number, south: number, east: number, north: number): [number, number][] => [[west, north], [east, north], [east, south], [west, south], [west, north]];
const withBoundaries: Geography = geographySchema.parse({
  bounds: { south: -6.3, west: 106.5, north: -6.1, east: 106.8 },
  kecamatan: [
    { id: 'utara', name: 'Utara', centre: { lat: -6.13, lng: 106.65 }, boundary: [ring(106.5, -6.22, 106.8, -6.1)] },
    { id: 'selatan', name: 'Selatan', centre: { lat: -6.25, lng: 106.65 }, boundary: [ring(106.5, -6.3, 106.8, -6.22)] },
  ],
});

describe('which kecamatan a point is in', () => {
  it('takes the boundary that holds the point, even when another centre is nearer', () => {
    const point = { lat: -6.21, lng: 106.65 };
    expect(distanceMetres(point, { lat: -6.25, lng: 106.65 })).toBeLessThan(distanceMetres(point, { lat: -6.13, lng: 106.65 }));
    expect(kecamatanAt(withBoundaries, point)).toMatchObject({ kecamatan: { id: 'utara' }, by: 'boundary' });
    expect(kecamatanAt(withBoundaries, { lat: -6.25, lng: 106.7 })).toMatchObject({ kecamatan: { id: 'selatan' }, by: 'boundary' });
  });

  it('falls back to the nearest centre without boundaries, and gives none outside the region', () => {
    const plain: Geography = { ...withBoundaries, kecamatan: withBoundaries.kecamatan.map(({ boundary: _boundary, ...rest }) => rest) };
    expect(kecamatanAt(plain, { lat: -6.21, lng: 106.65 })).toMatchObject({ kecamatan: { id: 'selatan' }, by: 'nearest' });
    expect(kecamatanAt(plain, { lat: -7, lng: 106.65 })).toBeNull();
    expect(kecamatanAt(undefined, { lat: -6.2, lng: 106.65 })).toBeNull();
  });

  it('treats rings even–odd, so a hole is outside', () => {
    const outer = ring(0, 0, 10, 10);
    const hole = ring(4, 4, 6, 6);
    expect(insideBoundary({ lat: 2, lng: 2 }, [outer, hole])).toBe(true);
    expect(insideBoundary({ lat: 5, lng: 5 }, [outer, hole])).toBe(false);
  });

  it('refuses a boundary ring that is not a ring', () => {
    const bad = geographySchema.safeParse({ bounds: withBoundaries.bounds, kecamatan: [{ id: 'a', name: 'Aa', centre: { lat: -6.2, lng: 106.6 }, boundary: [[[106.6, -6.2], [106.7, -6.2]]] }] });
    expect(bad.success).toBe(false);
  });
});

describe('the street map settings', () => {
  const region = { name: 'Kota Contoh', appName: 'Contoh Live', code: '36.99', logo: '/logo.svg', colors: { primary: '#0b5cad', accent: '#f5a400' } };

  it("defaults to OpenStreetMap's tiles with its attribution, and checks a configured URL", () => {
    const parsed = regionSchema.parse(region);
    expect(parsed.map).toEqual({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', maxZoom: 19 });
    expect(regionSchema.safeParse({ ...region, map: { tileUrl: 'https://tiles.example.go.id/{z}/{x}.png' } }).success).toBe(false);
    expect(regionSchema.safeParse({ ...region, map: { tileUrl: 'javascript:alert(1)//{z}/{x}/{y}' } }).success).toBe(false);
    expect(regionSchema.parse({ ...region, map: { tileUrl: false } }).map.tileUrl).toBe(false);
  });

  it('allows exactly the tile host in the Content-Security-Policy', () => {
    expect(tileOrigin({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' })).toBe('https://tile.openstreetmap.org');
    expect(tileOrigin({ tileUrl: 'https://{s}.tiles.example.go.id/peta/{z}/{x}/{y}.png' })).toBe('https://*.tiles.example.go.id');
    expect(tileOrigin({ tileUrl: 'http://127.0.0.1:8080/{z}/{x}/{y}.png' })).toBe('http://127.0.0.1:8080');
    expect(tileOrigin({ tileUrl: false })).toBeNull();
    const policy = contentSecurityPolicy({}, { images: ['https://tile.openstreetmap.org', "https://evil.example'; script-src *"] });
    expect(policy).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org;");
    expect(policy).not.toContain('evil');
    expect(contentSecurityPolicy()).toContain("img-src 'self' data: blob:;");
  });
});

describe('precache', () => {
  it("collects the modules' declared API GETs, and the worker keeps them on request", () => {
    const a = defineClientModule({ id: 'a' }, { routes: [], precache: ['/api/a/categories', 'https://elsewhere.example/x'], translations: { id: {}, en: {} } });
    const b = defineClientModule({ id: 'b' }, { routes: [], precache: ['/api/a/categories', '/api/b/list'], translations: { id: {}, en: {} } });
    expect(precacheUrls([a, b])).toEqual(['/api/a/categories', '/api/b/list']);
    const source = serviceWorkerSource({ version: 'v1', assets: [], shell: ['/'] });
    expect(source).toContain("message.type !== 'kk:precache'");
    expect(source).toContain("startsWith('/api/auth/')");
    // Kept only when cacheable (never a private or no-store answer).
    expect(source).toMatch(/if \(cacheable\(response\)\) await cache\.put\(target\.href, response\)/);
    expect(() => new Function(source)).not.toThrow();
  });
});
