import { describe, expect, it } from 'vitest';
import { provinces, regencies, wilayahSource } from './data/wilayah.js';
import { findRegion, findRegionsByName, shortRegionName } from './regions.js';

describe('the Kemendagri list', () => {
  it('holds the 38 provinces and their 514 kabupaten/kota, nothing below', () => {
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(regencies.every(([code]) => /^\d{2}\.\d{2}$/.test(code))).toBe(true);
    expect(regencies.every(([, name]) => /^(Kabupaten|Kota) /.test(name))).toBe(true);
    // every kabupaten/kota belongs to a listed province
    const provinceCodes = new Set(provinces.map(([code]) => code));
    expect(regencies.filter(([code]) => !provinceCodes.has(code.slice(0, 2)))).toEqual([]);
    expect(wilayahSource.fetched).toBe('2026-11-30');
  });

  it('fills in the name and province from the code', () => {
    expect(findRegion('36.01')).toEqual({ code: '36.01', name: 'Kabupaten Pandeglang', province: { code: '36', name: 'Banten' } });
    expect(findRegion('36.71')?.name).toBe('Kota Tangerang');
    expect(findRegion('31.71')?.province.name).toBe('Daerah Khusus Ibukota Jakarta');
    expect(findRegion('36.99')).toBeUndefined();
  });

  it('finds regions by name, with or without Kabupaten/Kota', () => {
    expect(findRegionsByName('Kabupaten Pandeglang').map((region) => region.code)).toEqual(['36.01']);
    expect(findRegionsByName('pandeglang').map((region) => region.code)).toEqual(['36.01']);
    expect(findRegionsByName('Serang').map((region) => region.code)).toEqual(['36.04', '36.73']);
    expect(findRegionsByName('Kota Serang').map((region) => region.code)).toEqual(['36.73']);
    expect(findRegionsByName('Atlantis')).toEqual([]);
    expect(shortRegionName('Kabupaten Pandeglang')).toBe('Pandeglang');
  });
});
