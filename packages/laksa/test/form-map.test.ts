// The report form on a phone (issue 13): it loads offline on first use (the service worker keeps the form's code
// and its categories from the first visit), starts with location and photo on a real street map whose tiles come
// from the region's configured server (here a local one; tests never reach the internet), fills the kecamatan
// from the point with the region's boundaries, keeps a receipt of every report sent and offers WhatsApp, prefills
// a signed-in citizen's contact, falls back to the region drawing offline, and shows a public report's point.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserTestHost } from '@kota-kit/core/testing';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { tangerangGeography, testHost } from './fixture.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Made-up test boundaries (not the real ones): Cipondoh reaches north to -6.145, so the point below lies in
 * Cipondoh although Benda's centre is nearer to it — nearest-centre alone would file it under Benda.
 */
const cipondohRing: [number, number][] = [[106.665, -6.145], [106.72, -6.145], [106.72, -6.21], [106.665, -6.21], [106.665, -6.145]];
const bendaRing: [number, number][] = [[106.665, -6.118], [106.72, -6.118], [106.72, -6.145], [106.665, -6.145], [106.665, -6.118]];
const northCipondoh = { latitude: -6.15, longitude: 106.69 };

let web: BrowserTestHost;
let tiles: Server;
let tileOrigin: string;
let tileRequests = 0;

beforeAll(async () => {
  // A local tile server: a plain 256 px tile with a "road" across it for every {z}/{x}/{y}.
  const road = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#eef0e6"/><path d="M0 128H256M128 0V256" stroke="#ffffff" stroke-width="14"/><path d="M0 128H256M128 0V256" stroke="#d8d2c0" stroke-width="2"/></svg>');
  const tile = await sharp(road).png().toBuffer();
  tiles = createServer((request, response) => {
    tileRequests += 1;
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=60' }).end(tile);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
  const base = testHost({ rateLimitPerHour: 100 });
  const geography = {
    ...tangerangGeography,
    kecamatan: tangerangGeography.kecamatan.map((kecamatan) =>
      kecamatan.id === 'cipondoh' ? { ...kecamatan, boundary: [cipondohRing] } : kecamatan.id === 'benda' ? { ...kecamatan, boundary: [bendaRing] } : kecamatan,
    ),
  };
  web = await startBrowserHost({
    host: { ...base, region: { ...base.region, geography, map: { tileUrl: `${tileOrigin}/{z}/{x}/{y}.png`, attribution: '© Peta uji' } } },
    modules: { laksa: { server: laksaServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
  });
});

afterAll(async () => {
  await web?.close();
  await new Promise((resolve) => tiles?.close(resolve));
});

async function writeDetails(page: Page, title: string) {
  await page.getByText('Langkah 2 dari 3').waitFor();
  await page.getByLabel(/^Kategori/).selectOption({ label: 'Jalan rusak / berlubang' });
  await page.getByLabel(/^Judul/).fill(title);
  await page.getByLabel(/^Uraian/).fill('Lubang besar di lajur kiri dekat halte, sudah dua motor jatuh minggu ini.');
  await page.getByRole('button', { name: 'Lanjut: periksa laporan' }).click();
}

const receipts = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('laksa.receipts') ?? '[]') as { ticket: string; title: string; trackingUrl: string; sentAt: string }[]);

describe('the report form on a phone', () => {
  it('loads offline on first use: home visited online once, then the form is written offline and sent when back online', async () => {
    const page = await web.phone();
    const context = page.context();
    // First visit online: the home page only. The form's page was never opened.
    await page.goto('/');
    await page.locator('header').getByText('Tangerang Live').first().waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker keeps what LAKSA declared (`precache`), without the form ever being opened.
    await page.waitForFunction(async () => Boolean(await caches.match('/api/laksa/categories')), undefined, { timeout: 20_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.evaluate(() => localStorage.getItem('laksa.categories'))).toBeNull();

    await context.setOffline(true);
    await page.goto('/laksa/lapor');
    await page.getByRole('heading', { name: 'Buat laporan' }).waitFor();
    await expect(page.getByText('Menyiapkan formulir…').count()).resolves.toBe(0);
    // Offline: the region's drawing, not a blank map.
    const frame = page.locator('.kk-map__frame');
    await expect(frame.getAttribute('data-map-view')).resolves.toBe('drawing');
    await page.locator('.kk-map__svg [data-kecamatan="karawaci"]').waitFor();
    // Tap the drawing: the point is chosen and the kecamatan filled from it.
    const svg = page.getByRole('application', { name: /Peta untuk memilih lokasi/ });
    await svg.click({ position: { x: 60, y: 100 } });
    await page.getByText(/^Titik dipilih di Kecamatan /).waitFor();
    await page.getByLabel(/^Alamat/).fill('Jl. Imam Bonjol dekat halte');
    await page.getByRole('button', { name: 'Lanjut: isi laporan' }).click();
    await writeDetails(page, 'Lubang di jalan, formulir dibuka pertama kali tanpa sinyal');
    await page.getByRole('button', { name: 'Simpan di HP, kirim nanti' }).click();
    await page.getByText('Laporan disimpan di HP dan akan dikirim saat online.').waitFor();

    // Back online: the outbox sends it, and its receipt is kept for "Laporan saya".
    await context.setOffline(false);
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem('laksa.receipts') ?? '[]') as { title: string }[]).some((r) => r.title.includes('tanpa sinyal')), undefined, { timeout: 20_000 });
    const [receipt] = await receipts(page);
    expect(receipt!.ticket).toMatch(/^LKS-/);
    const token = receipt!.trackingUrl.split('/').pop()!;
    const view = await web.server.client().json<TrackView>(`/api/laksa/track/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.report.title).toBe('Lubang di jalan, formulir dibuka pertama kali tanpa sinyal');
    await context.close();
  });

  it('starts with location and photo on the street map, fills the kecamatan from the boundaries, keeps a receipt and offers WhatsApp', async () => {
    const page = await web.phone();
    const context = page.context();
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(northCipondoh);
    // Leaflet is not in the first page's JavaScript.
    await page.goto('/');
    await page.locator('header').getByText('Tangerang Live').first().waitFor();
    const firstScripts = await page.evaluate(async () => {
      const urls = performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js'));
      return Promise.all(urls.map(async (url) => (await fetch(url)).text()));
    });
    expect(firstScripts.length).toBeGreaterThan(0);
    expect(firstScripts.some((source) => source.includes('leaflet-container'))).toBe(false);

    await web.signIn(page, 'warga@demo.kotakit.id', '/laksa/lapor');
    const response = await page.reload();
    // The page's policy lets the region's tile server serve images, and nothing else from outside.
    expect(response!.headers()['content-security-policy']).toContain(`img-src 'self' data: blob: ${tileOrigin}`);
    await page.getByRole('heading', { name: 'Buat laporan' }).waitFor();
    await page.getByText('Langkah 1 dari 3').waitFor();
    // The street map replaces the drawing once its tiles arrive from the region's server.
    await page.locator('.kk-map__frame[data-map-view="streets"]').waitFor({ timeout: 20_000 });
    expect(tileRequests).toBeGreaterThan(0);
    await page.getByText('© Peta uji').waitFor();
    const map = page.getByRole('application', { name: /Peta untuk memilih lokasi/ });
    await expect(map.evaluate((element) => element.classList.contains('kk-street'))).resolves.toBe(true);

    // A tap on the street map chooses a point, and the kecamatan follows it.
    await map.click({ position: { x: 120, y: 90 } });
    await page.locator('.kk-street__pin').waitFor();
    await page.getByText(/^Titik dipilih di Kecamatan /).waitFor();

    // GPS: a point in (test) Cipondoh nearer to Benda's centre is filed under Cipondoh, from the boundary.
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByText('Titik dipilih di Kecamatan Cipondoh.').waitFor();
    await page.getByText(/Kecamatan Cipondoh, ditentukan dari titik di peta/).waitFor();
    await expect(page.getByLabel(/^Kecamatan/).count()).resolves.toBe(0);
    await page.locator('#lk-photo-input').setInputFiles({ name: 'lubang.jpg', mimeType: 'image/jpeg', buffer: await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 80, b: 70 } } }).jpeg().toBuffer() });
    await page.getByRole('img', { name: 'Pratinjau foto 1' }).waitFor();
    await page.locator('#lk-f-point').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: '/tmp/lk13-form-location.png', fullPage: false });

    await page.getByRole('button', { name: 'Lanjut: isi laporan' }).click();
    // Signed in: the contact starts with the account's name and email.
    await page.getByText('Langkah 2 dari 3').waitFor();
    await expect(page.getByLabel('Nama', { exact: true }).inputValue()).resolves.toBe('Warga Demo');
    await expect(page.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe('warga@demo.kotakit.id');
    await writeDetails(page, 'Jalan berlubang di utara Cipondoh');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const ticket = (await page.locator('.lk-ticket').textContent())!.trim();
    const link = await page.getByLabel('Tautan lacak pribadi').inputValue();

    // "Kirim ke WhatsApp" beside "Salin", with the tracking link.
    const whatsapp = page.getByRole('link', { name: 'Kirim ke WhatsApp' });
    const href = (await whatsapp.getAttribute('href'))!;
    expect(href.startsWith('https://wa.me/?text=')).toBe(true);
    expect(decodeURIComponent(href.slice('https://wa.me/?text='.length))).toContain(link);
    await page.getByRole('button', { name: 'Salin' }).waitFor();

    // The receipt on the phone, newest first.
    const [receipt] = await receipts(page);
    expect(receipt).toMatchObject({ ticket, title: 'Jalan berlubang di utara Cipondoh' });
    expect(link.endsWith(receipt!.trackingUrl.replace(/^https?:\/\/[^/]+/, ''))).toBe(true);
    expect(Number.isNaN(Date.parse(receipt!.sentAt))).toBe(false);

    const view = await web.server.client().json<TrackView>(`/api/laksa/track/${link.split('/').pop()}`);
    expect(view.body.report.kecamatan).toBe('Cipondoh');
    expect(view.body.report.lat).toBeCloseTo(northCipondoh.latitude, 4);

    // Offline, the street map gives way to the region's drawing.
    await page.goto('/laksa/lapor');
    await page.locator('.kk-map__frame[data-map-view="streets"]').waitFor({ timeout: 20_000 });
    await context.setOffline(true);
    await page.locator('.kk-map__frame[data-map-view="drawing"]').waitFor();
    await expect(page.locator('.kk-map__svg').isVisible()).resolves.toBe(true);
    await page.getByRole('application', { name: /Peta untuk memilih lokasi/ }).click({ position: { x: 200, y: 120 } });
    await page.getByText(/^Titik dipilih/).waitFor();
    await context.setOffline(false);
    await context.close();
  });

  it('keeps at most 50 receipts, newest first, one per ticket', async () => {
    const { addReceipt } = await import('../src/client/receipts.js');
    let list: ReturnType<typeof addReceipt> = [];
    for (let i = 0; i < 55; i += 1) list = addReceipt(list, { ticket: `LKS-2026-${i}`, title: `Laporan ${i}`, trackingUrl: `/laksa/track/t${i}`, sentAt: new Date(0).toISOString() });
    list = addReceipt(list, { ticket: 'LKS-2026-54', title: 'Laporan 54 lagi', trackingUrl: '/laksa/track/t54', sentAt: new Date(1).toISOString() });
    expect(list).toHaveLength(50);
    expect(list[0]!.title).toBe('Laporan 54 lagi');
    expect(list.filter((entry) => entry.ticket === 'LKS-2026-54')).toHaveLength(1);
    expect(list.at(-1)!.ticket).toBe('LKS-2026-5');
  });

  it("shows a public report's point on its public page, and none for a report the public view gives no position", async () => {
    const points = await web.server.client().json<{ points: { ticket: string; lat: number; lng: number }[] }>('/api/laksa/map');
    const [point] = points.body.points;
    expect(point).toBeDefined();
    const page = await web.phone();
    await page.goto(`/laksa/laporan/${point!.ticket}`);
    await page.getByText(point!.ticket).first().waitFor();
    await page.locator('.lk-point-map .kk-map__frame[data-map-view="streets"]').waitFor({ timeout: 20_000 });
    const map = page.getByRole('group', { name: `Lokasi laporan ${point!.ticket} di peta` });
    await map.waitFor();
    await map.getByRole('img', { name: /—/ }).waitFor();
    await page.locator('.lk-point-map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/lk13-form-public-point.png', fullPage: false });

    // The same page offline: the point on the region's drawing.
    await page.context().setOffline(true);
    await page.locator('.lk-point-map .kk-map__frame[data-map-view="drawing"]').waitFor();
    await page.getByRole('group', { name: `Lokasi laporan ${point!.ticket} di peta` }).getByRole('img').first().waitFor();
    await page.context().setOffline(false);

    // A report without a public position (the public answer has lat null) draws no map.
    const list = await web.server.client().json<{ items: { ticket: string; lat: number | null }[] }>('/api/laksa/reports?limit=50');
    const without = list.body.items?.find((item) => item.lat === null);
    if (without) {
      await page.goto(`/laksa/laporan/${without.ticket}`);
      await page.getByText(without.ticket).first().waitFor();
      await expect(page.locator('.lk-point-map').count()).resolves.toBe(0);
    }
    await page.context().close();
  });
});
