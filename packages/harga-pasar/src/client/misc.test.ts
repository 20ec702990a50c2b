// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, todayIn } from '@kota-kit/core';
import type { BoardItem } from '../index.js';
import { longDate } from './dates.js';
import { exportUrl, rangeProblem } from './download-panel.js';
import { projectMarkets } from './market-map.js';
import { officerRoles } from './roles.js';
import { pickKeyItems } from './widget-today.js';

describe('dates', () => {
  it('states the date of the data in words', () => {
    expect(longDate('2026-11-30', 'id')).toBe('Senin, 30 November 2026');
    expect(longDate('2026-11-30', 'en')).toBe('Monday, 30 November 2026');
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

describe('map projection', () => {
  it('keeps north up and every market inside the box', () => {
    const points = projectMarkets(
      [
        { id: 'north', name: 'N', lat: -6.17, lng: 106.6 },
        { id: 'south', name: 'S', lat: -6.21, lng: 106.62 },
        { id: 'east', name: 'E', lat: -6.19, lng: 106.68 },
      ],
      340,
      240,
    );
    const [north, south, east] = points;
    expect(north!.y).toBeLessThan(south!.y);
    expect(east!.x).toBeGreaterThan(north!.x);
    for (const point of points) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(340);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(240);
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
    const { translations } = await import('./translations.js');
    const keys = (table: object, prefix = ''): string[] =>
      Object.entries(table).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
    expect(keys(translations.en).sort()).toEqual(keys(translations.id).sort());
  });
});
