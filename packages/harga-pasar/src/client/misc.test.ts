// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, todayIn } from '@kota-kit/core';
import { dateText, loadTable, mapBox, moduleRoles, projectOnMap, translationKeyDiff, type SessionUser } from '@kota-kit/core/client';
import type { BoardItem } from '../index.js';
import { dayMonth } from './dates.js';
import { exportUrl, rangeProblem } from './download-panel.js';
import { marketMarkers } from './markets-page.js';
import { moduleId, officerRoleNames } from './shared.js';
import { translations } from './translations/index.js';
import { pickKeyItems } from './widget-today.js';

const officerRoles = (user: Pick<SessionUser, 'kind' | 'roles'> | null) => moduleRoles(user, moduleId, officerRoleNames);

describe('dates', () => {
  it('states the date of the data in words', () => {
    expect(dateText('2026-11-30', { variant: 'long', language: 'id' })).toBe('Senin, 30 November 2026');
    expect(dateText('2026-11-30', { variant: 'long', language: 'en' })).toBe('Monday, 30 November 2026');
    // The chart's short axis labels, which core has no form for.
    expect(dayMonth('2026-11-30', 'id')).toBe('30 Nov');
    expect(dayMonth('2026-11-30', 'en')).toBe('30 Nov');
  });
  it("knows today in the region's time zone", () => {
    // 18:00 UTC is already the next day in Jakarta.
    expect(todayIn('Asia/Jakarta', new Date('2025-03-09T18:00:00Z'))).toBe('2025-03-10');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(isIsoDate('2025-02-30')).toBe(false);
  });
});

describe('download panel', () => {
  it('links to the documented export addresses and checks the range first', () => {
    expect(exportUrl('csv', '2025-03-01', '2025-03-10')).toBe('/api/harga-pasar/export.csv?from=2025-03-01&to=2025-03-10');
    expect(rangeProblem('2025-03-10', '2025-03-01')).toBe('order');
    expect(rangeProblem('2024-01-01', '2025-03-01')).toBe('tooLong');
    expect(rangeProblem('', '2025-03-01')).toBe('invalid');
    // The server's date field: a year outside 1900–2100 is not a date it accepts.
    expect(rangeProblem('0024-01-01', '0024-01-02')).toBe('invalid');
    expect(rangeProblem('2025-01-01', '2025-12-31')).toBeNull();
  });
});

describe('roles', () => {
  it('shows officer pages by role; admins see all', () => {
    expect(officerRoles(null)).toEqual({ enumerator: false, supervisor: false });
    expect(officerRoles({ kind: 'officer', roles: [{ module: 'harga-pasar', role: 'enumerator', agencyId: 'disperindag' }] })).toEqual({ enumerator: true, supervisor: false });
    expect(officerRoles({ kind: 'officer', roles: [{ module: 'laksa', role: 'supervisor', agencyId: 'x' }] })).toEqual({ enumerator: false, supervisor: false });
    expect(officerRoles({ kind: 'admin', roles: [] })).toEqual({ enumerator: true, supervisor: true });
  });
});

describe('markets map', () => {
  const bounds = { south: -6.265, west: 106.55, north: -6.115, east: 106.765 };
  const market = (id: string, lat: number, lng: number) => ({ id, name: `Pasar ${id}`, kecamatan: 'Karawaci', address: 'Jl. Contoh', lat, lng });
  const markets = [market('north', -6.17, 106.6), market('south', -6.21, 106.62), market('east', -6.19, 106.68)];
  const t = ((key: string, values?: { name?: string }) => `${key}:${values?.name ?? ''}`) as Parameters<typeof marketMarkers>[1];

  it('numbers the markets as links to their pages, each with its name', () => {
    const markers = marketMarkers(markets, t);
    expect(markers.map((marker) => [marker.symbol, marker.href])).toEqual([
      ['1', '/harga-pasar/pasar/north'],
      ['2', '/harga-pasar/pasar/south'],
      ['3', '/harga-pasar/pasar/east'],
    ]);
    expect(markers[0]!.label).toBe('1. Pasar north, Jl. Contoh · markets.kecamatan:Karawaci');
  });

  it("keeps north up and every market inside the region's box", () => {
    const box = mapBox(bounds);
    const points = marketMarkers(markets, t).map((marker) => projectOnMap(box, marker));
    const [north, south, east] = points;
    expect(north!.y).toBeLessThan(south!.y);
    expect(east!.x).toBeGreaterThan(north!.x);
    for (const point of points) {
      expect(point.inside).toBe(true);
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(box.width);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(box.height);
    }
  });
});

describe('widget', () => {
  it('picks the key commodities first, then fills up with the rest', () => {
    const item = (commodity: string) => ({ commodity }) as BoardItem;
    const items = ['beras-premium', 'telur-ayam-ras', 'garam', 'beras-medium', 'gula'].map(item);
    expect(pickKeyItems(items, ['beras-medium', 'telur-ayam-ras', 'nope'], 3).map((i) => i.commodity)).toEqual(['beras-medium', 'telur-ayam-ras', 'beras-premium']);
  });
});

describe('translations', () => {
  it('has the same keys in Bahasa Indonesia and English', async () => {
    const [id, en] = await Promise.all([loadTable(translations.id), loadTable(translations.en)]);
    const keys = (table: object, prefix = ''): string[] =>
      Object.entries(table).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
    expect(keys(en).sort()).toEqual(keys(id).sort());
    expect(translationKeyDiff(id, en)).toEqual({ onlyInId: [], onlyInEn: [] });
  });
});
