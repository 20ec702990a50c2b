import { describe, expect, it } from 'vitest';
import { resolveHost } from './contract.js';
import { kecamatanNamesOf, kecamatanOfRegion, regionSchema, type GeographyInput } from './region.js';

const region = { name: 'Kota Contoh', appName: 'Contoh Live', code: '36.99', logo: '/logo.svg', colors: { primary: '#0b5cad', accent: '#f5a400' } };
const bounds = { south: -6.3, west: 106.5, north: -6.1, east: 106.8 };

describe('region.geography', () => {
  it('is optional, and accepted with bounds, kecamatan and kelurahan', () => {
    expect(regionSchema.parse(region).geography).toBeUndefined();
    const parsed = regionSchema.parse({
      ...region,
      geography: { bounds, kecamatan: [{ id: 'utara', name: 'Utara', centre: { lat: -6.15, lng: 106.6 }, kelurahan: [{ id: 'a', name: 'Kelurahan A' }] }] },
    });
    expect(parsed.geography?.kecamatan[0]?.kelurahan?.[0]?.name).toBe('Kelurahan A');
  });

  it('refuses points outside the bounds, duplicate ids and upside-down bounds, naming the field', () => {
    const host = (geography: GeographyInput) => () => resolveHost({ region: { ...region, geography }, modules: [] });
    expect(host({ bounds, kecamatan: [{ id: 'utara', name: 'Utara', centre: { lat: -7, lng: 106.6 } }] })).toThrow(
      /region\.geography\.kecamatan\[0\]\.centre: centre lies outside the region's bounds/,
    );
    expect(
      host({
        bounds,
        kecamatan: [
          { id: 'utara', name: 'Utara', centre: { lat: -6.15, lng: 106.6 } },
          { id: 'utara', name: 'Utara Lagi', centre: { lat: -6.16, lng: 106.6 }, kelurahan: [{ id: 'x', name: 'X', centre: { lat: 0, lng: 0 } }, { id: 'x', name: 'X2' }] },
        ],
      }),
    ).toThrow(/region\.geography\.kecamatan\[1\]\.id: duplicate kecamatan id "utara"[\s\S]*kecamatan\[1\]\.kelurahan\[0\]\.centre[\s\S]*kecamatan\[1\]\.kelurahan\[1\]\.id: duplicate kelurahan id "x"/);
    expect(host({ bounds: { ...bounds, north: -6.4 }, kecamatan: [] })).toThrow(/region\.geography\.bounds\.north: south must be less than north/);
  });
});

describe('kecamatanOfRegion', () => {
  const region = { geography: { kecamatan: [{ name: 'Karawaci' }, { name: 'Cipondoh' }] } };
  it("gives the region's spelling in any case, undefined for a name not in the region, and any name when none are listed", () => {
    expect(kecamatanNamesOf(region)).toEqual(['Karawaci', 'Cipondoh']);
    expect(kecamatanOfRegion(region, ' karawaci ')).toBe('Karawaci');
    expect(kecamatanOfRegion(region, 'Serpong')).toBeUndefined();
    expect(kecamatanOfRegion({}, 'Serpong')).toBe('Serpong');
    expect(kecamatanNamesOf({})).toEqual([]);
  });
});
