// A second region, with nothing of Kota Tangerang: LAKSA takes its kecamatan list from the region's geography
// (or takes any kecamatan when the region gives none), and its demo points lie inside that region, without
// touching module code.
import { defineHost } from '@kota-kit/core';
import { startTestHost, testRegion, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laksa, tangerangCategories, type MapPoint, type ReportList } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { contohGeography, sampleReport } from './fixture.js';

const agencyIds = new Set(testRegion.agencies.map((agency) => agency.id));
const categories = tangerangCategories.filter((category) => agencyIds.has(category.agency));

function contohHost(geography?: typeof contohGeography) {
  return defineHost({ region: { ...testRegion, ...(geography ? { geography } : {}) }, modules: [laksa.with({ categories, verifierAgency: 'diskominfo' })] });
}

const inside = (point: { lat: number; lng: number }) => {
  const { bounds } = contohGeography;
  return point.lat >= bounds.south && point.lat <= bounds.north && point.lng >= bounds.west && point.lng <= bounds.east;
};

describe('laksa in a second region with its own geography', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: contohHost(contohGeography), serverModules: [laksaServer], database: 'pglite' });
  });
  afterAll(async () => {
    await host?.close();
  });

  it("lists the region's own kecamatan, not Tangerang's", async () => {
    const { body } = await host.client().json<{ kecamatan: string[] }>('/api/laksa/categories');
    expect(body.kecamatan).toEqual(['Kota Lama', 'Pesisir']);
  });

  it("places the demo reports inside the region's bounds, in its kecamatan", async () => {
    const map = await host.client().json<{ points: MapPoint[] }>('/api/laksa/map');
    expect(map.body.points.length).toBeGreaterThan(5);
    for (const point of map.body.points) expect(inside(point), `${point.ticket} at ${point.lat},${point.lng}`).toBe(true);
    const list = await host.client().json<ReportList>('/api/laksa/reports?pageSize=50');
    expect(new Set(list.body.items.map((report) => report.kecamatan))).toEqual(new Set(['Kota Lama', 'Pesisir']));
  });

  it("accepts the region's kecamatan in any case and refuses another region's", async () => {
    const citizen = host.client();
    const foreign = await citizen.json<{ errors: { field: string; message: string }[] }>('/api/laksa/reports', { method: 'POST', body: sampleReport({ location: { kecamatan: 'Karawaci' } }) });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'body.location.kecamatan', message: 'Unknown kecamatan "Karawaci". One of: Kota Lama, Pesisir.' });
    const own = await citizen.json<{ ticket: string }>('/api/laksa/reports', { method: 'POST', body: sampleReport({ location: { kecamatan: 'pesisir', lat: -8.72, lng: 115.26 } }) });
    expect(own.status).toBe(201);
  });
});

describe('laksa in a region that gives no geography', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: contohHost(), serverModules: [laksaServer], database: 'pglite' });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('lists no kecamatan, takes any as written, and puts no demo report on a made-up point', async () => {
    const citizen = host.client();
    const { body } = await citizen.json<{ kecamatan: string[] }>('/api/laksa/categories');
    expect(body.kecamatan).toEqual([]);
    const sent = await citizen.json<{ ticket: string }>('/api/laksa/reports', { method: 'POST', body: sampleReport({ location: { kecamatan: 'Kecamatan Mana Saja', address: 'Jl. Contoh 1' } }) });
    expect(sent.status).toBe(201);
    const map = await citizen.json<{ points: MapPoint[] }>('/api/laksa/map');
    expect(map.body.points).toEqual([]);
    const list = await citizen.json<ReportList>('/api/laksa/reports?pageSize=50');
    expect(list.body.items.length).toBeGreaterThan(5);
    expect(list.body.items.every((report) => report.kecamatan === null)).toBe(true);
  });
});
