// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from './translator.js';
import { MemoryRouter } from './router.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Geography } from '../region.js';
import type { ClientBootstrap } from '../types.js';
import { KotaKitContext } from './context.js';
import { mapBox, project, unproject } from './geo.js';
import { createI18n } from './i18n.js';
import { RegionMap, RegionPointPicker } from './region-map.js';
import { bootstrap } from './test-fixtures.js';

const i18n = createI18n({ modules: [], defaultLanguage: 'id', language: 'id' });

/** Two made-up regions far apart, so a map drawn with the wrong one would put every point at its edge. */
const kotaContoh: Geography = {
  bounds: { south: -6.3, west: 106.5, north: -6.1, east: 106.8 },
  kecamatan: [
    { id: 'utara', name: 'Utara', centre: { lat: -6.15, lng: 106.65 } },
    { id: 'selatan', name: 'Selatan', centre: { lat: -6.25, lng: 106.65 } },
  ],
};
const kabupatenLain: Geography = {
  bounds: { south: -8.0, west: 110.0, north: -7.5, east: 110.6 },
  kecamatan: [
    { id: 'wetan', name: 'Wetan', centre: { lat: -7.7, lng: 110.5 } },
    { id: 'kulon', name: 'Kulon', centre: { lat: -7.7, lng: 110.1 }, kelurahan: [{ id: 'sidomulyo', name: 'Sidomulyo' }] },
    { id: 'tengah', name: 'Tengah', centre: { lat: -7.8, lng: 110.3 } },
  ],
};

function withRegion(geography: Geography | undefined, node: ReactNode) {
  const boot: ClientBootstrap = { ...bootstrap, region: { ...bootstrap.region, ...(geography ? { geography } : {}) } };
  return render(
    <KotaKitContext.Provider value={{ bootstrap: boot, modules: [] }}>
      <I18nProvider i18n={i18n}>
        <MemoryRouter>{node}</MemoryRouter>
      </I18nProvider>
    </KotaKitContext.Provider>,
  );
}

afterEach(cleanup);

describe('map geometry', () => {
  it('puts north up, keeps the edges padded and round-trips a point', () => {
    const box = mapBox(kotaContoh.bounds);
    const northWest = project(box, { lat: -6.1, lng: 106.5 });
    expect(northWest).toEqual({ x: box.pad, y: box.pad, inside: true });
    const southEast = project(box, { lat: -6.3, lng: 106.8 });
    expect(southEast.x).toBeCloseTo(box.width - box.pad);
    expect(southEast.y).toBeCloseTo(box.height - box.pad);
    expect(project(box, { lat: -7, lng: 106.6 }).inside).toBe(false);
    const { x, y } = project(box, { lat: -6.2, lng: 106.7 });
    expect(unproject(box, x, y)).toEqual({ lat: -6.2, lng: 106.7 });
  });
});

describe('RegionMap', () => {
  it("draws the host region's kecamatan and labelled markers of at least 24 px", () => {
    withRegion(
      kotaContoh,
      <RegionMap
        title="Peta 2 laporan"
        markers={[
          { id: 'a', lat: -6.15, lng: 106.6, label: 'Jalan berlubang — Belum ditangani', tone: 'danger', symbol: '!', href: '/laksa/laporan/A1' },
          { id: 'b', lat: -6.26, lng: 106.7, label: 'Pasar Anyar', symbol: '1' },
        ]}
        caption="Lokasi perkiraan"
      />,
    );
    const map = screen.getByRole('group', { name: 'Peta 2 laporan' });
    expect(map.querySelectorAll('[data-kecamatan]')).toHaveLength(2);
    expect(within(map).getByText('Utara')).toBeTruthy();
    const link = within(map).getByRole('link', { name: 'Jalan berlubang — Belum ditangani' });
    expect(link.getAttribute('href')).toBe('/laksa/laporan/A1');
    expect(within(map).getByRole('img', { name: 'Pasar Anyar' })).toBeTruthy();
    // The target ring is 28 of 340 units: ≥ 24 CSS px on a 360 px phone (the map is about 328 px wide there).
    const target = link.querySelector('.kk-map__target')!;
    expect((Number(target.getAttribute('r')) * 2 * 328) / 340).toBeGreaterThanOrEqual(24);
    expect(screen.getByText('Lokasi perkiraan')).toBeTruthy();
  });

  it('draws a second region with its own bounds and kecamatan, no Tangerang in sight', () => {
    withRegion(kabupatenLain, <RegionMap title="Peta pasar" markers={[{ id: 'p', lat: -7.7, lng: 110.5, label: 'Pasar Wetan', onSelect: () => undefined }]} />);
    const map = screen.getByRole('group', { name: 'Peta pasar' });
    const labels = [...map.querySelectorAll('[data-kecamatan]')].map((label) => label.textContent);
    expect(labels).toEqual(['Wetan', 'Kulon', 'Tengah']);
    expect(map.textContent).not.toMatch(/Tangerang|Cipondoh/);
    // The marker sits on its kecamatan's label (same point), not clamped to an edge.
    const wetan = map.querySelector('[data-kecamatan="wetan"]')!;
    const dot = within(map).getByRole('button', { name: 'Pasar Wetan' }).querySelector('.kk-map__dot')!;
    expect(dot.getAttribute('cx')).toBe(wetan.getAttribute('x'));
    expect(dot.getAttribute('cy')).toBe(wetan.getAttribute('y'));
    expect(dot.closest('.kk-map__marker--outside')).toBeNull();
    // The box follows the region's shape: this one is wider than tall.
    const [, , width, height] = map.getAttribute('viewBox')!.split(' ').map(Number);
    expect(height!).toBeLessThan(width!);
  });

  it('selects a button marker with the keyboard', () => {
    const onSelect = vi.fn();
    withRegion(kabupatenLain, <RegionMap title="Peta" markers={[{ id: 'p', lat: -7.7, lng: 110.2, label: 'Pasar Kulon', onSelect }]} />);
    const marker = screen.getByRole('button', { name: 'Pasar Kulon' });
    expect(marker.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(marker, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledOnce();
  });

  it('fits the markers when the region gives no geography, and draws nothing without either', () => {
    withRegion(undefined, <RegionMap title="Peta pasar" markers={[{ id: 'a', lat: -6.2, lng: 106.6, label: 'A' }, { id: 'b', lat: -6.1, lng: 106.7, label: 'B' }]} />);
    expect(screen.getByRole('group', { name: 'Peta pasar' }).querySelectorAll('.kk-map__marker--outside')).toHaveLength(0);
    cleanup();
    const { container } = withRegion(undefined, <RegionMap title="Kosong" />);
    expect(container.querySelector('svg')).toBeNull();
  });
});

describe('RegionPointPicker', () => {
  it('moves the pin with the arrow keys inside the region and announces the point', () => {
    const onChange = vi.fn();
    const view = withRegion(kabupatenLain, <RegionPointPicker value={null} onChange={onChange} />);
    const picker = screen.getByRole('application');
    expect(screen.getByText('Belum ada titik dipilih.')).toBeTruthy();
    fireEvent.keyDown(picker, { key: 'ArrowUp' });
    const point = onChange.mock.calls[0]![0] as { lat: number; lng: number };
    expect(point.lat).toBeCloseTo(-7.749, 3);
    expect(point.lng).toBeCloseTo(110.3, 3);
    view.rerender(
      <KotaKitContext.Provider value={{ bootstrap: { ...bootstrap, region: { ...bootstrap.region, geography: kabupatenLain } }, modules: [] }}>
        <I18nProvider i18n={i18n}>
          <MemoryRouter>
            <RegionPointPicker value={point} onChange={onChange} />
          </MemoryRouter>
        </I18nProvider>
      </KotaKitContext.Provider>,
    );
    expect(screen.getByText(/Titik dipilih: -7\.749/)).toBeTruthy();
  });
});

describe('boundaries and the picker caption', () => {
  it('draws kecamatan boundaries on the plain map and keeps it when the region has no tile server', () => {
    const withBoundary: Geography = { ...kotaContoh, kecamatan: [{ ...kotaContoh.kecamatan[0]!, boundary: [[[106.5, -6.1], [106.8, -6.1], [106.8, -6.2], [106.5, -6.2], [106.5, -6.1]]] }, kotaContoh.kecamatan[1]!] };
    const { container } = withRegion(withBoundary, <RegionMap title="Peta" />);
    expect(container.querySelectorAll('.kk-map__boundary')).toHaveLength(1);
    expect(container.querySelector('.kk-map__frame')!.getAttribute('data-map-view')).toBe('drawing');
  });

  it('fetches the boundaries the page does not carry, once for every map, and draws them when they arrive', async () => {
    const ring: [number, number][] = [[106.5, -6.1], [106.8, -6.1], [106.8, -6.2], [106.5, -6.2], [106.5, -6.1]];
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify({ kecamatan: [{ id: 'utara', boundary: [ring] }] }), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      const boot: ClientBootstrap = { ...bootstrap, region: { ...bootstrap.region, geography: kotaContoh, boundaries: '/api/region/boundaries?v=test1' } };
      const { container } = render(
        <KotaKitContext.Provider value={{ bootstrap: boot, modules: [] }}>
          <I18nProvider i18n={i18n}>
            <MemoryRouter>
              <RegionMap title="Peta satu" />
              <RegionPointPicker value={null} onChange={() => undefined} />
            </MemoryRouter>
          </I18nProvider>
        </KotaKitContext.Provider>,
      );
      // The first render is the outline the server sent; then each map draws the one fetched boundary.
      expect(container.querySelectorAll('.kk-map__boundary')).toHaveLength(0);
      await vi.waitFor(() => expect(container.querySelectorAll('.kk-map__boundary')).toHaveLength(2));
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      expect(fetchSpy.mock.calls[0]).toEqual(['/api/region/boundaries?v=test1', { credentials: 'same-origin' }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("announces the module's caption instead of raw coordinates", () => {
    withRegion(kotaContoh, <RegionPointPicker value={{ lat: -6.15, lng: 106.65 }} onChange={() => undefined} caption="Titik dipilih di Kecamatan Utara." />);
    expect(screen.getByText('Titik dipilih di Kecamatan Utara.')).toBeTruthy();
    expect(screen.queryByText(/-6\.15000/)).toBeNull();
  });
});

