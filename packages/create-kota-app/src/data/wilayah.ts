/**
 * Indonesia's provinces and kabupaten/kota with their Kemendagri codes (kode wilayah), levels 1 and 2 only.
 *
 * Source: Kepmendagri No 300.2.2-2138 Tahun 2025, as published in the repository cahyadsn/wilayah (MIT License),
 * file db/wilayah.sql at commit b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7 (file last edited 2026-02-13).
 * Fetched into this repository on 2026-11-30. 38 provinces, 514 kabupaten/kota.
 * Update it from the newest Kepmendagri decree when one replaces this one, and keep this header current.
 */
import { regenciesEast } from './regencies-east.js';
import { regenciesWest } from './regencies-west.js';

export const wilayahSource = { decree: 'Kepmendagri No 300.2.2-2138 Tahun 2025', via: 'github.com/cahyadsn/wilayah db/wilayah.sql', fetched: '2026-11-30' } as const;

/** [code, name] of each province, e.g. ['36', 'Banten']. */
export const provinces: readonly (readonly [string, string])[] = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'Daerah Khusus Ibukota Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'Daerah Istimewa Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
  ['93', 'Papua Selatan'],
  ['94', 'Papua Tengah'],
  ['95', 'Papua Pegunungan'],
  ['96', 'Papua Barat Daya'],
];

/** [code, name] of each kabupaten and kota, e.g. ['36.01', 'Kabupaten Pandeglang'] (two files, for their length). */
export const regencies: readonly (readonly [string, string])[] = [...regenciesWest, ...regenciesEast];
