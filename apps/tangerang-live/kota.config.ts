/**
 * Tangerang Live: the whole host is this file. A region copies it, changes the region and picks modules.
 */
import { defineHost } from '@kota-kit/core';

export default defineHost({
  region: {
    name: 'Kota Tangerang',
    appName: 'Tangerang Live',
    code: '36.71',
    logo: '/logo.svg',
    colors: { primary: '#0f5c3a', onPrimary: '#ffffff', accent: '#f2b705' },
    defaultLanguage: 'id',
    timeZone: 'Asia/Jakarta',
    contacts: {
      phone: '112',
      email: 'diskominfo@tangerangkota.go.id',
      address: 'Jl. Satria Sudirman No. 1, Sukaasih, Kec. Tangerang, Kota Tangerang, Banten 15111',
      website: 'https://tangerangkota.go.id',
    },
    agencies: [
      { id: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo' },
      { id: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR' },
      { id: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH' },
      { id: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub' },
      { id: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' },
      { id: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil' },
      { id: 'disnaker', name: 'Dinas Ketenagakerjaan', shortName: 'Disnaker' },
      { id: 'disperindag', name: 'Dinas Perindustrian dan Perdagangan', shortName: 'Disperindag' },
    ],
  },
  modules: [],
});
