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

/** Kota Tangerang with its categories; Friday 20 November 2026 is a (test) holiday. */
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
