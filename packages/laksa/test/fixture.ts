import { defineHost } from '@kota-kit/core';
import { TestClock, type TestClient } from '@kota-kit/core/testing';
import { laksa, tangerangCategories, type CreateReportInput, type LaksaOptionsInput } from '../src/index.js';

export const agencies = [
  { id: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo' },
  { id: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR' },
  { id: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH' },
  { id: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub' },
  { id: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' },
  { id: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil' },
  { id: 'disnaker', name: 'Dinas Ketenagakerjaan', shortName: 'Disnaker' },
  { id: 'disperindag', name: 'Dinas Perindustrian dan Perdagangan', shortName: 'Disperindag' },
];

/**
 * Kota Tangerang's geography as apps/tangerang-live gives it in its region config: the module itself holds no
 * city's coordinates, and takes its kecamatan list and map from here.
 */
export const tangerangGeography = {
  bounds: { south: -6.265, west: 106.55, north: -6.115, east: 106.765 },
  kecamatan: [
    { id: 'batuceper', name: 'Batuceper', centre: { lat: -6.163, lng: 106.655 } },
    { id: 'benda', name: 'Benda', centre: { lat: -6.13, lng: 106.685 } },
    { id: 'cibodas', name: 'Cibodas', centre: { lat: -6.21, lng: 106.6 } },
    { id: 'ciledug', name: 'Ciledug', centre: { lat: -6.232, lng: 106.715 } },
    { id: 'cipondoh', name: 'Cipondoh', centre: { lat: -6.18, lng: 106.69 } },
    { id: 'jatiuwung', name: 'Jatiuwung', centre: { lat: -6.2, lng: 106.572 } },
    { id: 'karangtengah', name: 'Karangtengah', centre: { lat: -6.208, lng: 106.728 } },
    { id: 'karawaci', name: 'Karawaci', centre: { lat: -6.188, lng: 106.612 } },
    { id: 'larangan', name: 'Larangan', centre: { lat: -6.245, lng: 106.742 } },
    { id: 'neglasari', name: 'Neglasari', centre: { lat: -6.143, lng: 106.625 } },
    { id: 'periuk', name: 'Periuk', centre: { lat: -6.17, lng: 106.578 } },
    { id: 'pinang', name: 'Pinang', centre: { lat: -6.222, lng: 106.68 } },
    { id: 'tangerang', name: 'Tangerang', centre: { lat: -6.178, lng: 106.638 } },
  ],
};

/** A second, made-up region's geography (with core's `testRegion`), far from Tangerang: see test/region.test.ts. */
export const contohGeography = {
  bounds: { south: -8.75, west: 115.15, north: -8.6, east: 115.3 },
  kecamatan: [
    { id: 'kota-lama', name: 'Kota Lama', centre: { lat: -8.66, lng: 115.2 } },
    { id: 'pesisir', name: 'Pesisir', centre: { lat: -8.72, lng: 115.26 } },
  ],
};

/** Kota Tangerang with its categories and geography; Friday 20 November 2026 is a (test) holiday. */
export function testHost(overrides: Partial<LaksaOptionsInput> = {}) {
  return defineHost({
    region: {
      name: 'Kota Tangerang',
      appName: 'Tangerang Live',
      code: '36.71',
      logo: '/logo.svg',
      colors: { primary: '#0f5c3a', accent: '#f2b705' },
      timeZone: 'Asia/Jakarta',
      holidays: [{ date: '2026-11-20', name: 'Libur uji' }],
      agencies,
      geography: tangerangGeography,
    },
    modules: [laksa.with({ categories: tangerangCategories, verifierAgency: 'diskominfo', open311: { jurisdictionId: 'tangerangkota.go.id', demoKey: true }, ...overrides })],
  });
}

/** Monday 16 November 2026, 10:00 in Jakarta. */
export const monday = '2026-11-16T03:00:00Z';
export const testClock = () => new TestClock(new Date(monday));

export const sampleReport = (overrides: Partial<CreateReportInput> = {}): CreateReportInput => ({
  type: 'complaint',
  category: 'jalan-rusak',
  title: 'Jalan berlubang di Jl. Imam Bonjol',
  description: 'Lubang besar di lajur kiri, sudah dua motor jatuh minggu ini.',
  location: { lat: -6.18, lng: 106.615, address: 'Jl. Imam Bonjol', kecamatan: 'Karawaci', kelurahan: 'Bugel' },
  contact: { name: 'Budi Santoso', email: 'budi.santoso@example.com', phone: '081234567890' },
  ...overrides,
});

export interface Created {
  ticket: string;
  trackingToken: string;
  trackingUrl: string;
}

export async function send(client: TestClient, overrides: Partial<CreateReportInput> = {}): Promise<Created> {
  const result = await client.json<Created>('/api/laksa/reports', { method: 'POST', body: sampleReport(overrides) });
  if (result.status !== 201) throw new Error(`report not created: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}
