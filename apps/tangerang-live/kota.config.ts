/**
 * Tangerang Live: the whole host is this file. A region copies it, changes the region and picks modules.
 */
import { berita, defaultCategories as beritaCategories } from '@kota-kit/berita';
import { defineHost } from '@kota-kit/core';
import { hargaPasar, tangerangDefaults as hargaPasarTangerang } from '@kota-kit/harga-pasar';
import { laksa, tangerangCategories } from '@kota-kit/laksa';
import { pencaker } from '@kota-kit/pencaker';
import { kecamatanBoundaries } from './kecamatan-boundaries.js';

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
    // National holidays and cuti bersama 2026 (SKB 3 Menteri; check against the decree each year) — deadlines skip them.
    holidays: [
      { date: '2026-01-01', name: 'Tahun Baru Masehi' },
      { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW' },
      { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
      { date: '2026-02-17', name: 'Tahun Baru Imlek' },
      { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
      { date: '2026-03-19', name: 'Hari Suci Nyepi' },
      { date: '2026-03-20', name: 'Idul Fitri 1447 H' },
      { date: '2026-03-21', name: 'Idul Fitri 1447 H' },
      { date: '2026-03-23', name: 'Cuti bersama Idul Fitri' },
      { date: '2026-03-24', name: 'Cuti bersama Idul Fitri' },
      { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
      { date: '2026-05-01', name: 'Hari Buruh Internasional' },
      { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
      { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2026-05-27', name: 'Idul Adha 1447 H' },
      { date: '2026-05-28', name: 'Cuti bersama Idul Adha' },
      { date: '2026-05-31', name: 'Hari Raya Waisak' },
      { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2026-06-16', name: 'Tahun Baru Islam 1448 H' },
      { date: '2026-08-17', name: 'Hari Kemerdekaan RI' },
      { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal' },
      { date: '2026-12-25', name: 'Hari Raya Natal' },
    ],
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
    // The street map's tiles. OpenStreetMap's serve the demo; for real traffic the city must use its own tile server
    // (or a provider's), as OpenStreetMap's tile usage policy asks: set tileUrl and attribution here.
    map: { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
    // Drawn by core's map (RegionMap) under LAKSA's reports and harga pasar's markets. The bounds are the city's
    // extent, a little padded (north to -6.09 for the airport's side of Benda and Neglasari); the centres are
    // approximate, only to place the names, each inside its own kecamatan.
    // Kecamatan boundaries ([lng, lat] rings, kecamatan-boundaries.ts): LAKSA's report form files a point under the
    // kecamatan whose boundary holds it. From the kelurahan boundaries of github.com/cahyadsn/wilayah_boundaries
    // (MIT, 2026-08-20), dissolved per kecamatan and simplified (70 m); not the legally binding lines — replace
    // them with BIG / Kemendagri's when the city has those. test/geography.test.ts checks them.
    geography: {
      bounds: { south: -6.265, west: 106.55, north: -6.09, east: 106.765 },
      kecamatan: [
        { id: 'batuceper', name: 'Batuceper', centre: { lat: -6.16, lng: 106.655 }, boundary: kecamatanBoundaries.batuceper },
        { id: 'benda', name: 'Benda', centre: { lat: -6.132, lng: 106.682 }, boundary: kecamatanBoundaries.benda },
        { id: 'cibodas', name: 'Cibodas', centre: { lat: -6.198, lng: 106.601 }, boundary: kecamatanBoundaries.cibodas },
        { id: 'ciledug', name: 'Ciledug', centre: { lat: -6.232, lng: 106.715 }, boundary: kecamatanBoundaries.ciledug },
        { id: 'cipondoh', name: 'Cipondoh', centre: { lat: -6.18, lng: 106.69 }, boundary: kecamatanBoundaries.cipondoh },
        { id: 'jatiuwung', name: 'Jatiuwung', centre: { lat: -6.2, lng: 106.572 }, boundary: kecamatanBoundaries.jatiuwung },
        { id: 'karangtengah', name: 'Karangtengah', centre: { lat: -6.21, lng: 106.709 }, boundary: kecamatanBoundaries.karangtengah },
        { id: 'karawaci', name: 'Karawaci', centre: { lat: -6.188, lng: 106.612 }, boundary: kecamatanBoundaries.karawaci },
        { id: 'larangan', name: 'Larangan', centre: { lat: -6.245, lng: 106.742 }, boundary: kecamatanBoundaries.larangan },
        { id: 'neglasari', name: 'Neglasari', centre: { lat: -6.143, lng: 106.625 }, boundary: kecamatanBoundaries.neglasari },
        { id: 'periuk', name: 'Periuk', centre: { lat: -6.168, lng: 106.594 }, boundary: kecamatanBoundaries.periuk },
        { id: 'pinang', name: 'Pinang', centre: { lat: -6.222, lng: 106.68 }, boundary: kecamatanBoundaries.pinang },
        { id: 'tangerang', name: 'Tangerang', centre: { lat: -6.178, lng: 106.638 }, boundary: kecamatanBoundaries.tangerang },
      ],
    },
  },
  modules: [
    laksa.with({
      categories: tangerangCategories,
      // The Tangerang LIVE Room at Diskominfo verifies reports and forwards them to the agencies.
      verifierAgency: 'diskominfo',
      open311: { jurisdictionId: 'tangerangkota.go.id', contact: 'diskominfo@tangerangkota.go.id' },
    }),
    hargaPasar.with(hargaPasarTangerang),
    // Disnaker keeps the register of job seekers (AK/1) and verifies employers and vacancies.
    pencaker.with({ agencyId: 'disnaker' }),
    // Diskominfo's newsroom edits the city's news and collects the agencies' and local media's feeds.
    berita.with({ newsroomAgency: 'diskominfo', categories: beritaCategories }),
  ],
});
