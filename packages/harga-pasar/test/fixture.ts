import { defineHost } from '@kota-kit/core';
import { TestClock, testRegion, type TestClient } from '@kota-kit/core/testing';
import { hargaPasar, type HargaPasarOptionsInput } from '../src/index.js';

export const disperindag = { id: 'disperindag', name: 'Dinas Perindustrian dan Perdagangan', shortName: 'Disperindag' };

/** Core's test region with the trade agency and a map (its bounds and two kecamatan, drawn by core's RegionMap). */
export const region = {
  ...testRegion,
  agencies: [disperindag, ...testRegion.agencies],
  geography: {
    bounds: { south: -6.2, west: 106.6, north: -6.16, east: 106.65 },
    kecamatan: [
      { id: 'tangerang', name: 'Tangerang', centre: { lat: -6.185, lng: 106.636 } },
      { id: 'karawaci', name: 'Karawaci', centre: { lat: -6.168, lng: 106.612 } },
    ],
  },
};

/** A small region: two markets, three commodities, no generated history (tests write their own prices). */
export function testHost(overrides: Partial<HargaPasarOptionsInput> = {}) {
  return defineHost({
    region,
    modules: [
      hargaPasar.with({
        agency: 'disperindag',
        demoSeedDays: 0,
        markets: [
          { id: 'pasar-a', name: 'Pasar Anyar', kecamatan: 'Tangerang', address: 'Jl. Ki Samaun', lat: -6.178, lng: 106.631 },
          { id: 'pasar-b', name: 'Pasar Bandeng', kecamatan: 'Karawaci', address: 'Jl. Bandeng', lat: -6.174, lng: 106.62 },
        ],
        commodities: [
          { id: 'beras-medium', name: 'Beras medium', group: 'Beras', variant: 'Medium', unit: 'kg' },
          { id: 'cabai-rawit-merah', name: 'Cabai rawit merah', group: 'Cabai', unit: 'kg' },
          { id: 'telur-ayam-ras', name: 'Telur ayam ras', group: 'Telur', unit: 'kg' },
        ],
        referencePrices: [
          { commodity: 'beras-medium', kind: 'HET', zone: '1', price: 10_900, effectiveFrom: '2023-03-31', legalBasis: 'Perbadan 7/2023' },
          { commodity: 'beras-medium', kind: 'HET', zone: '1', price: 12_500, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' },
          { commodity: 'beras-medium', kind: 'HET', zone: '2', price: 13_100, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' },
          { commodity: 'cabai-rawit-merah', kind: 'HAP', price: 57_000, effectiveFrom: '2022-10-01', legalBasis: 'Perbadan 11/2022' },
        ],
        ...overrides,
      }),
    ],
  });
}

/** Noon in Jakarta on 10 March 2025. */
export const testClock = () => new TestClock(new Date('2025-03-10T05:00:00Z'));

/**
 * The body of POST /publish as a supervisor's page sends it: the day's unusual changes (GET /entry's `outliers`)
 * acknowledged at the prices stored now.
 */
export async function publishBody(client: TestClient, market: string, date: string) {
  const entry = await client.json<{ outliers?: { commodity: string; price: number }[] }>(`/api/harga-pasar/entry?market=${market}&date=${date}`);
  return { market, date, acknowledgedOutliers: (entry.body.outliers ?? []).map(({ commodity, price }) => ({ commodity, price })) };
}
