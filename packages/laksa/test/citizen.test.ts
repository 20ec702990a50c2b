// Issue 13, LAKSA's citizen pages on a 360×740 phone in Chromium: "Laporan saya" (account and phone receipts),
// public cards with one plain status and a thumbnail, the tracking page with the answer first and the rating
// folded once sent, agency names explained on tap, and every control at least 24×24 px.
import { fileURLToPath } from 'node:url';
import { demoPassword } from '@kota-kit/core/server';
import { smallTargets, startBrowserHost, type BrowserTestHost } from '@kota-kit/core/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { sampleReport, testHost, type Created } from './fixture.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let web: BrowserTestHost;
let photo: Buffer;

beforeAll(async () => {
  web = await startBrowserHost({
    host: testHost({ rateLimitPerHour: 100 }),
    modules: { laksa: { server: laksaServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
  });
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 80, b: 70 } } }).jpeg().toBuffer();
});

afterAll(async () => {
  await web?.close();
});

async function officer(email: string) {
  const client = web.server.client();
  await client.login(email, demoPassword);
  return client;
}

async function act(ticket: string, steps: { who: string; action: string; body?: unknown }[]) {
  const verifier = await officer('verifier@demo.kotakit.id');
  const inbox = await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`);
  const id = inbox.body.items.find((item) => item.ticket === ticket)!.id;
  for (const step of steps) {
    const client = step.who === 'verifier' ? verifier : await officer(step.who);
    const result = await client.json(`/api/laksa/inbox/${id}/${step.action}`, { method: 'POST', body: step.body ?? {} });
    expect(result.status, `${step.action}: ${JSON.stringify(result.body)}`).toBe(200);
  }
}

const resolveSteps = (response: string) => [
  { who: 'verifier', action: 'verify' },
  { who: 'verifier', action: 'forward', body: { agency: 'dpupr' } },
  { who: 'dpupr@demo.kotakit.id', action: 'start' },
  { who: 'dpupr@demo.kotakit.id', action: 'respond', body: { response } },
];

async function sendWithPhoto(title: string): Promise<Created> {
  const form = new FormData();
  form.set('report', JSON.stringify(sampleReport({ title, contact: undefined })));
  form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'lubang.jpg');
  const response = await web.server.client().json<Created>('/api/laksa/reports', { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return response.body;
}


describe('laksa citizen pages on a phone', () => {
  it('lists the account\'s reports and the receipts on this phone under "Laporan saya"', async () => {
    const page = await web.phone();
    await web.signIn(page, 'warga@demo.kotakit.id', '/laksa');
    // Sent while signed in (same cookies as the page): linked to the account.
    const sent = await page.request.post('/api/laksa/reports', { data: sampleReport({ title: 'Lampu jalan mati di gang Melati' }) });
    expect(sent.status()).toBe(201);
    const own = (await sent.json()) as Created;
    // Sent without an account from this phone: only its receipt (as the form keeps it) finds it again.
    const other = await web.server.client().json<Created>('/api/laksa/reports', { method: 'POST', body: sampleReport({ title: 'Pohon tumbang menutup jalan', contact: undefined }) });
    await page.evaluate(
      ([key, receipts]) => localStorage.setItem(key, JSON.stringify(receipts)),
      [
        'laksa.receipts',
        [
          { ticket: other.body.ticket, title: 'Pohon tumbang menutup jalan', trackingUrl: other.body.trackingUrl, sentAt: '2026-11-16T03:05:00.000Z' },
          // The same report as the account's: listed once.
          { ticket: own.ticket, title: 'Lampu jalan mati di gang Melati', trackingUrl: own.trackingUrl, sentAt: '2026-11-16T03:00:00.000Z' },
          // Not receipts: left out without breaking the page.
          { ticket: 'LKS-X', title: 'Tautan asing', trackingUrl: 'https://evil.example/steal', sentAt: 'kemarin' },
          'rusak',
          null,
        ],
      ] as const,
    );

    await page.goto('/laksa');
    await page.getByRole('link', { name: /Laporan saya/ }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Laporan saya' }).waitFor();
    const account = page.locator('section', { has: page.getByRole('heading', { name: 'Dikirim dari akun Anda' }) });
    await account.getByRole('link', { name: 'Lampu jalan mati di gang Melati' }).waitFor();
    await account.getByText('Baru masuk, menunggu diperiksa').waitFor();
    await account.getByText(`Tiket ${own.ticket}`).waitFor();
    const phone = page.locator('section', { has: page.getByRole('heading', { name: 'Tersimpan di HP ini' }) });
    await phone.getByRole('link', { name: 'Pohon tumbang menutup jalan' }).waitFor();
    await expect(phone.getByText('Lampu jalan mati di gang Melati').count()).resolves.toBe(0);
    await expect(page.getByText('Tautan asing').count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/lk13-citizen-mine.png', fullPage: true });

    // The account's report opens without its tracking token; the phone's through the receipt's link.
    await account.getByRole('link', { name: 'Lihat perkembangan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lampu jalan mati di gang Melati' }).waitFor();
    await page.getByText('Laporan Anda sedang diperiksa tim verifikasi sebelum diteruskan ke dinas.').waitFor();
    await page.goBack();
    await phone.getByRole('link', { name: 'Lihat perkembangan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pohon tumbang menutup jalan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(other.body.trackingUrl, 'http://x').pathname);

    // Signed out: the phone's receipts stay, with a way to sign in for the account's.
    const fresh = await web.phone();
    await fresh.goto('/laksa/saya');
    await fresh.getByRole('link', { name: 'Masuk ke akun' }).waitFor();
    await fresh.getByText('Belum ada tanda terima di HP ini.', { exact: false }).waitFor();
    await fresh.context().close();
    await page.context().close();
  });

  it('shows public cards with the title first, one plain status, a thumbnail, a small ticket and no "0 warga mendukung"', async () => {
    const withPhoto = await sendWithPhoto('Trotoar amblas dekat halte Cikokol');
    await act(withPhoto.ticket, [{ who: 'verifier', action: 'verify' }]);
    const page = await web.phone();
    await page.goto('/laksa');
    const card = page.locator('article', { hasText: 'Trotoar amblas dekat halte Cikokol' });
    await card.waitFor();
    // The title is the card's first text and its largest.
    const texts = await card.evaluate((article) => {
      const title = article.querySelector('h3')!;
      const ticket = article.querySelector('.lk-ticket-small')!;
      return {
        first: (article.querySelector('.lk-public-card__body')!.firstElementChild as HTMLElement).tagName,
        titleSize: parseFloat(getComputedStyle(title).fontSize),
        ticketSize: parseFloat(getComputedStyle(ticket).fontSize),
        ticket: ticket.textContent,
        badges: article.querySelectorAll('.kk-badge').length,
      };
    });
    expect(texts.first).toBe('H3');
    expect(texts.ticketSize).toBeLessThan(texts.titleSize);
    expect(texts.ticket).toBe(withPhoto.ticket);
    expect(texts.badges).toBe(1);
    await card.getByText('Sudah diperiksa, segera diteruskan ke dinas').waitFor();
    await expect(card.getByText(/Merah|Terverifikasi/).count()).resolves.toBe(0);
    await expect(card.getByText('0 warga mendukung').count()).resolves.toBe(0);
    const thumb = card.locator('img.lk-public-card__thumb');
    await thumb.waitFor();
    await expect(thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await expect(page.getByText('0 warga mendukung').count()).resolves.toBe(0);
    await page.evaluate(() => document.querySelector('#lk-public-title')?.scrollIntoView());
    await page.screenshot({ path: '/tmp/lk13-citizen-home.png' });
    await page.context().close();
  });

  it('shows the agency\'s answer first, then the rating; once rated the form is gone, also after a reload', async () => {
    const created = await web.server.client().json<Created>('/api/laksa/reports', { method: 'POST', body: sampleReport({ title: 'Selokan mampet di Jl. Kenanga' }) });
    const { ticket, trackingUrl, trackingToken } = created.body;
    await act(ticket, resolveSteps('Selokan sudah dikeruk dan sampahnya diangkut tim DPUPR.'));
    const page = await web.phone();
    await page.goto(trackingUrl);
    await page.getByRole('heading', { level: 1, name: 'Selokan mampet di Jl. Kenanga' }).waitFor();
    await page.getByText('Selesai, dinas sudah menjawab').first().waitFor();
    const answer = page.locator('section', { has: page.getByRole('heading', { name: 'Jawaban dinas' }) });
    await answer.getByText('Selokan sudah dikeruk dan sampahnya diangkut tim DPUPR.').waitFor();
    // The answer comes first on the page: above the rating, the details and the history, within the first screen.
    const top = async (name: string) => (await page.getByRole('heading', { name, exact: true }).boundingBox())!.y;
    const answerTop = await top('Jawaban dinas');
    expect(answerTop).toBeLessThan(await top('Tanggapan Anda'));
    expect(answerTop).toBeLessThan(await top('Riwayat'));
    expect(answerTop).toBeLessThan(740);
    await page.screenshot({ path: '/tmp/lk13-citizen-track.png' });

    // "DPUPR" explained on tap with the region's full name.
    await page.getByRole('button', { name: /DPUPR/ }).click();
    await page.getByText('DPUPR: Dinas Pekerjaan Umum dan Penataan Ruang').waitFor();

    await page.locator('label', { hasText: '4 bintang' }).click();
    await page.getByLabel('Komentar (tidak wajib)').fill('Cepat, terima kasih.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByText('Terima kasih, penilaian Anda tersimpan.').waitFor();
    await page.getByText('Anda memberi 4 dari 5 bintang.').waitFor();
    await expect(page.getByRole('button', { name: 'Kirim penilaian' }).count()).resolves.toBe(0);
    await page.reload();
    await page.getByText('Anda memberi 4 dari 5 bintang.').waitFor();
    await page.getByText('“Cepat, terima kasih.”').waitFor();
    await expect(page.getByRole('button', { name: 'Kirim penilaian' }).count()).resolves.toBe(0);
    await expect(page.getByRole('radio').count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/lk13-citizen-track-rated.png' });
    const view = await web.server.client().json<TrackView>(`/api/laksa/track/${trackingToken}`);
    expect(view.body.report.rating).toBe(4);
    expect(view.body.report.timeline.filter((entry) => entry.kind === 'rating')).toHaveLength(1);
    await page.context().close();
  });

  it("fetches the map's code only when a visitor switches to the map, then shows the reports on it", async () => {
    const page = await web.phone();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/laksa');
    await page.locator('.lk-public-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((path) => /city-map|region-map/.test(path))).toEqual([]);
    await page.getByRole('button', { name: 'Peta' }).click();
    await page.locator('.kk-map__frame').waitFor();
    expect(scripts.some((path) => /city-map/.test(path))).toBe(true);
    await page.getByText(/laporan dengan titik lokasi/).waitFor();
    expect(new URL(page.url()).searchParams.get('tampilan')).toBe('peta');
    await page.context().close();
  });

  it('gives every control on the citizen pages a box of at least 24×24 px', async () => {
    const created = await web.server.client().json<Created>('/api/laksa/reports', { method: 'POST', body: sampleReport({ title: 'Genangan air di underpass Tangerang' }) });
    await act(created.body.ticket, resolveSteps('Pompa air diperbaiki; genangan surut dalam satu jam.'));
    const page = await web.phone();
    await web.signIn(page, 'warga@demo.kotakit.id', '/laksa');
    const pages: [string, string, (() => Promise<void>)?][] = [
      ['home', '/laksa'],
      ['list, filtered', '/laksa?stage=green'],
      ['map', '/laksa?tampilan=peta'],
      ['public report', `/laksa/laporan/${created.body.ticket}`],
      ['tracking', created.body.trackingUrl, async () => page.getByRole('button', { name: /DPUPR/ }).first().click()],
      ['statistics', '/laksa/statistik', async () => page.getByText('Tampilkan angka sebagai tabel').click()],
      ['Laporan saya', '/laksa/saya'],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, path, open] of pages) {
      await page.goto(path);
      await page.locator('.lk-page h1, .lk-page h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      await open?.();
      for (const details of await page.locator('details.lk-explain').all()) await details.locator('summary').click();
      const small = await smallTargets(page);
      if (small.length) found[name] = small;
    }
    expect(found).toEqual({});
    await page.context().close();
  });
});
