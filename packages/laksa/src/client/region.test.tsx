// @vitest-environment happy-dom
// A second region in the browser: the map, the point picker and the kecamatan lists come from its own
// geography (core's test region with a small geography), with no change to LAKSA's code.
import { createApp, loadTranslations, type ClientBootstrap } from '@kota-kit/core/client';
import { testRegion } from '@kota-kit/core/testing';
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { contohGeography } from '../../test/fixture.js';
import type { CategoriesResponse, MapPoint } from '../schemas.js';
import laksaClient from './index.js';

configure({ asyncUtilTimeout: 15_000 });

const category = { id: 'sampah', name: { id: 'Sampah tidak terangkut', en: 'Uncollected rubbish' }, types: ['complaint' as const], deadlineWorkingDays: 3 };
const points: MapPoint[] = [
  { ticket: 'LKS-2611-AAAA', lat: -8.66, lng: 115.2, status: 'in_progress', stage: 'yellow', category: 'sampah', title: 'Sampah di pasar lama' },
  { ticket: 'LKS-2611-BBBB', lat: -8.72, lng: 115.26, status: 'submitted', stage: 'red', category: 'sampah', title: 'Sampah di pantai' },
];

function bootstrapOf(geography?: typeof contohGeography): ClientBootstrap {
  return {
    region: { ...testRegion, defaultLanguage: 'id', contacts: {}, colors: { ...testRegion.colors, onPrimary: '#ffffff' }, ...(geography ? { geography } : {}) },
    // No `kecamatan` option: the region's geography gives the list.
    modules: [{ id: 'laksa', options: { categories: [{ ...category, agency: 'dlh' }], verifierAgency: 'diskominfo', verifyWithinWorkingDays: 3, reopenWithinWorkingDays: 10, autoCloseAfterWorkingDays: 10, maxPhotos: 3, maxPhotoBytes: 5_000_000, askNik: false } }],
    demo: true,
    languages: ['id', 'en'],
  };
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const categories = (kecamatan: string[]): CategoriesResponse => ({ categories: [{ ...category, agency: { id: 'dlh', shortName: 'DLH', name: 'Dinas Lingkungan Hidup' } }], kecamatan, maxPhotos: 3, maxPhotoBytes: 5_000_000, askNik: false });

let kecamatanFromServer: string[] = [];
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input).replace(location.origin, '');
      if (url.startsWith('/api/auth/me')) return json({ user: null });
      if (url.startsWith('/api/laksa/categories')) return json(categories(kecamatanFromServer));
      if (url.startsWith('/api/laksa/map')) return json({ points });
      return json({ items: [], total: 0, page: 1, pageSize: 10 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderAt = async (path: string, geography?: typeof contohGeography) => {
  const app = createApp({ bootstrap: bootstrapOf(geography), modules: [laksaClient], language: 'id', initialEntries: [path] });
  await loadTranslations(app.i18n, 'id');
  return render(app.element);
};

describe('laksa in a second region', () => {
  it("draws the region's own map: its kecamatan, and the reports as named links to their pages", async () => {
    await renderAt('/laksa?tampilan=peta', contohGeography);
    const map = await screen.findByRole('group', { name: 'Peta 2 laporan di Kota Contoh' });
    const labels = [...map.querySelectorAll('[data-kecamatan]')].map((label) => label.textContent);
    expect(labels).toEqual(['Kota Lama', 'Pesisir']);
    expect(map.textContent).not.toContain('Karawaci');
    const marker = within(map).getByRole('link', { name: 'Sampah di pasar lama — Kuning — diproses — Sampah tidak terangkut' });
    expect(marker.getAttribute('href')).toBe('/laksa/laporan/LKS-2611-AAAA');
    expect(map.querySelector('.kk-map__marker--warning')).not.toBeNull();
    expect(map.querySelector('.kk-map__marker--danger')).not.toBeNull();
    // The list's kecamatan filter offers the region's kecamatan.
    const filter = screen.getByLabelText('Kecamatan') as HTMLSelectElement;
    expect([...filter.options].map((option) => option.value)).toEqual(['', 'Kota Lama', 'Pesisir']);
  });

  it("picks the report's point on the region's map and lists its kecamatan in the form", async () => {
    kecamatanFromServer = ['Kota Lama', 'Pesisir'];
    await renderAt('/laksa/lapor', contohGeography);
    await screen.findByRole('heading', { name: 'Buat laporan' });
    const picker = screen.getByRole('application');
    expect([...picker.querySelectorAll('[data-kecamatan]')].map((label) => label.textContent)).toEqual(['Kota Lama', 'Pesisir']);
    const select = screen.getByLabelText(/^Kecamatan/) as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['', 'Kota Lama', 'Pesisir']);
  });

  it('without a geography: no map to pick on, and the kecamatan is typed', async () => {
    kecamatanFromServer = [];
    await renderAt('/laksa/lapor');
    await screen.findByRole('heading', { name: 'Buat laporan' });
    expect(screen.queryByRole('application')).toBeNull();
    expect((screen.getByLabelText(/^Kecamatan/) as HTMLElement).tagName).toBe('INPUT');
  });

  it("says a phone's location is outside the region only when the region gives its bounds", async () => {
    // Kota Tangerang's position, seen from the second region.
    const position = { coords: { latitude: -6.18, longitude: 106.63 } };
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition: (ok: (p: typeof position) => void) => ok(position) } });
    onTestFinished(() => void Reflect.deleteProperty(navigator, 'geolocation'));
    kecamatanFromServer = ['Kota Lama', 'Pesisir'];
    await renderAt('/laksa/lapor', contohGeography);
    await screen.findByRole('heading', { name: 'Buat laporan' });
    fireEvent.click(screen.getByRole('button', { name: 'Gunakan lokasi saya' }));
    expect((await screen.findByRole('status')).textContent).toBe('Lokasi Anda di luar peta kota. Periksa titiknya atau ketuk peta.');
    cleanup();
    kecamatanFromServer = [];
    await renderAt('/laksa/lapor');
    await screen.findByRole('heading', { name: 'Buat laporan' });
    fireEvent.click(screen.getByRole('button', { name: 'Gunakan lokasi saya' }));
    expect((await screen.findByRole('status')).textContent).toBe('Lokasi HP Anda dipakai sebagai titik.');
  });
});
