import { defineHost } from '@kota-kit/core';
import { TestClock, testRegion } from '@kota-kit/core/testing';
import { pencaker, type PencakerOptionsInput } from '../src/index.js';

/** Core's shared test region with a manpower agency (Disnaker) and Kota Tangerang's kecamatan names. */
export const region = {
  ...testRegion,
  name: 'Kota Tangerang',
  appName: 'Tangerang Live',
  agencies: [...testRegion.agencies, { id: 'disnaker', name: 'Dinas Ketenagakerjaan', shortName: 'Disnaker' }],
  geography: {
    bounds: { south: -6.265, west: 106.55, north: -6.115, east: 106.765 },
    kecamatan: [
      ['batuceper', 'Batuceper', -6.163, 106.655],
      ['benda', 'Benda', -6.13, 106.685],
      ['cibodas', 'Cibodas', -6.21, 106.6],
      ['ciledug', 'Ciledug', -6.232, 106.715],
      ['cipondoh', 'Cipondoh', -6.18, 106.69],
      ['jatiuwung', 'Jatiuwung', -6.2, 106.572],
      ['karangtengah', 'Karangtengah', -6.208, 106.728],
      ['karawaci', 'Karawaci', -6.188, 106.612],
      ['larangan', 'Larangan', -6.245, 106.742],
      ['neglasari', 'Neglasari', -6.143, 106.625],
      ['periuk', 'Periuk', -6.17, 106.578],
      ['pinang', 'Pinang', -6.222, 106.68],
      ['tangerang', 'Tangerang', -6.178, 106.638],
    ].map(([id, name, lat, lng]) => ({ id: id as string, name: name as string, centre: { lat: lat as number, lng: lng as number } })),
  },
};

export const testHost = (options: PencakerOptionsInput = {}) => defineHost({ region, modules: [pencaker.with({ agencyId: 'disnaker', ...options })] });
export const host = testHost();

/** Monday 16 November 2026, 10:00 in Jakarta: the demo data is written relative to the clock. */
export const monday = '2026-11-16T03:00:00Z';
export const testClock = () => new TestClock(new Date(monday));
