/**
 * Kota Tangerang's kecamatan boundaries (kecamatan-boundaries.ts, issue 13): LAKSA's report form files a point
 * under the kecamatan whose boundary holds it (core's kecamatanAt), so the boundaries must be sound — each
 * kecamatan's centre inside its own boundary and no other, the boundaries inside the region's bounds and not
 * overlapping — and a point near a border must land on the right side of it.
 */
import { geographySchema, type Geography } from '@kota-kit/core';
import { insideBoundary, kecamatanAt } from '@kota-kit/core/client';
import { describe, expect, it } from 'vitest';
import host from '../kota.config.js';

const geography: Geography = geographySchema.parse(host.region.geography);
const kecamatan = geography.kecamatan;
const point = (lat: number, lng: number) => ({ lat, lng });
/** Metres from a point to the nearest edge of the rings (equirectangular, exact enough inside one city). */
function distanceToBoundary(at: { lat: number; lng: number }, rings: [number, number][][]): number {
  const k = Math.cos((at.lat * Math.PI) / 180);
  let nearest = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i += 1) {
      const [ax, ay] = [(ring[i - 1]![0] - at.lng) * k, ring[i - 1]![1] - at.lat];
      const [bx, by] = [(ring[i]![0] - at.lng) * k, ring[i]![1] - at.lat];
      const [dx, dy] = [bx - ax, by - ay];
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
      nearest = Math.min(nearest, Math.hypot(ax + t * dx, ay + t * dy) * 111_320);
    }
  }
  return nearest;
}
const nearestCentre = (at: { lat: number; lng: number }) => kecamatanAt({ ...geography, kecamatan: kecamatan.map(({ boundary: _boundary, ...rest }) => rest) }, at);

describe('Kota Tangerang kecamatan boundaries', () => {
  it('gives all 13 kecamatan a boundary with closed rings of a modest size', () => {
    expect(kecamatan.map((k) => k.id).sort()).toEqual(['batuceper', 'benda', 'cibodas', 'ciledug', 'cipondoh', 'jatiuwung', 'karangtengah', 'karawaci', 'larangan', 'neglasari', 'periuk', 'pinang', 'tangerang']);
    for (const k of kecamatan) {
      expect(k.boundary, k.id).toBeDefined();
      for (const ring of k.boundary!) {
        expect(ring[0], `${k.id}: a ring ends where it starts`).toEqual(ring.at(-1));
        expect(ring.length, k.id).toBeGreaterThanOrEqual(20);
        expect(ring.length, k.id).toBeLessThanOrEqual(150);
      }
    }
  });

  it('puts every kecamatan centre inside its own boundary and inside no other', () => {
    for (const k of kecamatan) {
      const holders = kecamatan.filter((other) => insideBoundary(k.centre, other.boundary!)).map((other) => other.id);
      expect(holders, k.id).toEqual([k.id]);
      expect(kecamatanAt(geography, k.centre)).toMatchObject({ kecamatan: { id: k.id }, by: 'boundary' });
      // Well inside, not on a border: the map's label and the demo reports around the centre stay in the kecamatan.
      expect(distanceToBoundary(k.centre, k.boundary!), k.id).toBeGreaterThan(400);
    }
  });

  it('keeps every ring inside the region bounds', () => {
    const { south, west, north, east } = geography.bounds;
    for (const k of kecamatan) {
      for (const [lng, lat] of k.boundary!.flat()) {
        expect(lat >= south && lat <= north && lng >= west && lng <= east, `${k.id} [${lng}, ${lat}]`).toBe(true);
      }
    }
  });

  it('does not let boundaries overlap, and covers the city with few gaps (a grid of points about 110 m apart)', () => {
    let inside = 0;
    let overlapping = 0;
    let gaps = 0;
    const { south, west, north, east } = geography.bounds;
    for (let lat = south; lat <= north; lat += 0.001) {
      for (let lng = west; lng <= east; lng += 0.001) {
        const holders = kecamatan.filter((k) => insideBoundary(point(lat, lng), k.boundary!)).length;
        if (holders >= 1) inside += 1;
        if (holders > 1) overlapping += 1;
        // A gap: a point in no kecamatan with kecamatan on all four sides 300 m away.
        if (holders === 0 && [[0.003, 0], [-0.003, 0], [0, 0.003], [0, -0.003]].every(([dLat, dLng]) => kecamatan.some((k) => insideBoundary(point(lat + dLat!, lng + dLng!), k.boundary!)))) gaps += 1;
      }
    }
    // Kota Tangerang is about 178 km²: some 14,000 points of 0.001° × 0.001° (about 1.2 ha each).
    expect(inside).toBeGreaterThan(12_000);
    expect(inside).toBeLessThan(16_000);
    expect(overlapping).toBe(0);
    expect(gaps / inside).toBeLessThan(0.001);
  });

  it('files a point in Cipondoh near its northern border (towards Benda) under Cipondoh, where the nearest centre would say Batuceper', () => {
    // Poris Plawad, in Cipondoh, 150 m south of the border with Batuceper.
    const northCipondoh = point(-6.165, 106.668);
    expect(kecamatanAt(geography, northCipondoh)).toMatchObject({ kecamatan: { id: 'cipondoh' }, by: 'boundary' });
    expect(nearestCentre(northCipondoh)?.kecamatan.id).toBe('batuceper');
    // 280 m further north, across the border: Batuceper.
    expect(kecamatanAt(geography, point(-6.1625, 106.668))).toMatchObject({ kecamatan: { id: 'batuceper' }, by: 'boundary' });
    // Gondrong, in southern Cipondoh: the nearest centre would say Karangtengah.
    const southCipondoh = point(-6.199, 106.696);
    expect(kecamatanAt(geography, southCipondoh)).toMatchObject({ kecamatan: { id: 'cipondoh' }, by: 'boundary' });
    expect(nearestCentre(southCipondoh)?.kecamatan.id).toBe('karangtengah');
  });

  it('files the airport side of Benda under Benda, inside the region bounds', () => {
    // Soekarno-Hatta's terminals lie in Benda, north of the old bounds (-6.115).
    expect(kecamatanAt(geography, point(-6.1256, 106.6559))).toMatchObject({ kecamatan: { id: 'benda' }, by: 'boundary' });
    expect(kecamatanAt(geography, point(-6.105, 106.68))).toMatchObject({ kecamatan: { id: 'benda' }, by: 'boundary' });
  });
});
