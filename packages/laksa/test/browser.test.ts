// The whole LAKSA journey in a built host on phones: a citizen sends a report with a photo, the central room
// verifies and forwards it to DPUPR, DPUPR starts and answers, the citizen opens the private tracking link, sees
// the answer and rates it. Plus the offline outbox: a report written offline is kept on the phone and sent
// when the phone is back online. The browser half is built with core's Vite plugin, served by core on PGlite.
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserTestHost } from '@kota-kit/core/testing';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackView } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import { testHost } from './fixture.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let web: BrowserTestHost;
let photo: Buffer;

beforeAll(async () => {
  // Core's harness: the browser half built with core's Vite plugin, served by core on PGlite, in Chromium.
  web = await startBrowserHost({
    host: testHost({ rateLimitPerHour: 100 }),
    modules: { laksa: { server: laksaServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
  });
  // A small pothole-coloured JPEG, as a phone camera would hand over.
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 80, b: 70 } } }).jpeg().toBuffer();
});

afterAll(async () => {
  await web?.close();
});

// The form starts with the place and the photo (issue 13), then the details.
async function fillReport(page: Page, title: string, beforeDetails?: () => Promise<void>) {
  await page.getByRole('heading', { name: 'Buat laporan' }).waitFor();
  await page.getByLabel(/^Kecamatan/).selectOption('Karawaci');
  await page.getByLabel(/^Kelurahan/).fill('Bugel');
  await page.getByLabel(/^Alamat/).fill('Jl. Imam Bonjol dekat halte');
  await beforeDetails?.();
  await page.getByRole('button', { name: 'Lanjut: isi laporan' }).click();
  await page.getByLabel(/^Kategori/).selectOption({ label: 'Jalan rusak / berlubang' });
  await page.getByLabel(/^Judul/).fill(title);
  await page.getByLabel(/^Uraian/).fill('Lubang besar di lajur kiri dekat halte, sudah dua motor jatuh minggu ini.');
}

/** Opens a report from the officer inbox by its ticket and runs one action through its dialog. */
async function act(page: Page, button: string, confirm: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function openInInbox(page: Page, ticket: string) {
  await page.getByRole('heading', { name: 'Kotak masuk LAKSA' }).waitFor();
  await page.getByRole('searchbox').fill(ticket);
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  const card = page.locator('article', { hasText: ticket });
  await card.getByRole('link').click();
  await page.getByText(ticket, { exact: true }).first().waitFor();
}

describe('laksa in a built host on a phone', () => {
  it('citizen reports with a photo → verified and forwarded → DPUPR answers → citizen sees it and rates', async () => {
    // Citizen, no account.
    const page = await web.phone();
    await page.goto('/laksa');
    await page.getByRole('link', { name: /Buat laporan/ }).first().click();
    await fillReport(page, 'Jalan berlubang di Jl. Imam Bonjol', async () => {
      await page.locator('#lk-photo-input').setInputFiles({ name: 'lubang.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByRole('img', { name: 'Pratinjau foto 1' }).waitFor();
    });
    // The defaults are safe and said plainly before sending.
    await expect(page.getByRole('radio', { name: /^Anonim/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Lanjut: periksa laporan' }).click();
    await page.getByRole('heading', { name: 'Yang terlihat publik' }).waitFor();
    await page.getByText('1 foto (data lokasi di dalam foto dihapus)').waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const ticket = (await page.locator('.lk-ticket').textContent())!.trim();
    expect(ticket).toMatch(/^LKS-\d{4}-[A-Z0-9]{4,}$/);
    const trackingLink = await page.getByLabel('Tautan lacak pribadi').inputValue();
    expect(trackingLink).toMatch(/\/laksa\/track\/[\w-]+$/);

    // Central room: verify, then forward to DPUPR.
    const rPage = await web.phone();
    await web.signIn(rPage, 'verifier@demo.kotakit.id', '/laksa/petugas');
    await openInInbox(rPage, ticket);
    await rPage.getByText('pelapor memilih identitasnya disembunyikan dari petugas.').waitFor();
    await act(rPage, 'Verifikasi', 'Verifikasi');
    await rPage.getByText(`Laporan ${ticket} terverifikasi.`).waitFor();
    await act(rPage, 'Teruskan ke dinas', 'Teruskan', async (dialog) => {
      await dialog.getByLabel(/^Dinas tujuan/).selectOption('dpupr');
    });
    await rPage.getByText(`Laporan ${ticket} diteruskan.`).waitFor();
    await rPage.context().close();

    // DPUPR: start, then the official response.
    const aPage = await web.phone();
    await web.signIn(aPage, 'dpupr@demo.kotakit.id', '/laksa/petugas');
    await openInInbox(aPage, ticket);
    await act(aPage, 'Mulai tindak lanjut', 'Mulai');
    await aPage.getByText(`Tindak lanjut ${ticket} dimulai.`).waitFor();
    await act(aPage, 'Kirim tanggapan', 'Kirim tanggapan', async (dialog) => {
      await dialog.getByLabel(/^Tanggapan resmi/).fill('Lubang sudah ditambal dengan aspal hotmix pada Selasa pagi.');
      await dialog.locator('input[type=file]').setInputFiles({ name: 'hasil.jpg', mimeType: 'image/jpeg', buffer: photo });
    });
    await aPage.getByText(`Tanggapan resmi ${ticket} terkirim.`).waitFor();
    await aPage.context().close();

    // Citizen: the private link shows the response; rate it.
    await page.goto(trackingLink);
    await page.getByRole('heading', { name: 'Jalan berlubang di Jl. Imam Bonjol' }).waitFor();
    await page.getByText('Lubang sudah ditambal dengan aspal hotmix pada Selasa pagi.').waitFor();
    // Issue 13 (#7/#8): one plain status instead of the colour word "Hijau — selesai".
    await page.getByText('Selesai, dinas sudah menjawab').first().waitFor();
    await page.getByRole('img', { name: 'Foto hasil pekerjaan 1' }).waitFor();
    await page.locator('label', { hasText: '4 bintang' }).click();
    await expect(page.getByRole('radio', { name: '4 bintang' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('Komentar (tidak wajib)').fill('Cepat, terima kasih.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByText('Terima kasih, penilaian Anda tersimpan.').waitFor();
    const token = trackingLink.split('/').pop()!;
    const view = await web.server.client().json<TrackView>(`/api/laksa/track/${token}`);
    expect(view.body.report.rating).toBe(4);
    expect(view.body.report.status).toBe('resolved');

    // Anyone: the public list, filtered from its "Saring laporan" disclosure; the filter lands in the address.
    await page.goto('/laksa');
    await page.getByText('Saring laporan', { exact: true }).click();
    await page.locator('details', { hasText: 'Saring laporan' }).getByLabel(/^Kecamatan/).selectOption('Karawaci');
    await page.waitForURL(/[?&]kecamatan=Karawaci/);
    await page.getByText('Saringan aktif', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Jalan berlubang di Jl. Imam Bonjol' }).waitFor();
    await page.context().close();
  });

  it('keeps a report written offline on the phone and sends it when back online', async () => {
    const page = await web.phone();
    const context = page.context();
    await page.goto('/laksa');
    await page.getByRole('heading', { name: 'Laporan warga' }).waitFor();
    await page.getByRole('link', { name: /Buat laporan/ }).first().click();
    await fillReport(page, 'Lubang di jalan saat sinyal hilang', async () => {
      await page.locator('#lk-photo-input').setInputFiles({ name: 'lubang.jpg', mimeType: 'image/jpeg', buffer: photo });
    });
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Lanjut: periksa laporan' }).click();
    await page.getByRole('button', { name: 'Simpan di HP, kirim nanti' }).click();
    await page.getByText('Laporan disimpan di HP dan akan dikirim saat online.').waitFor();
    await page.getByRole('link', { name: 'Kembali ke LAKSA' }).click();
    await page.getByRole('heading', { name: 'Laporan tertunda (1)' }).waitFor();
    await page.getByText('Lubang di jalan saat sinyal hilang').waitFor();

    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Terkirim dari HP' }).waitFor();
    await expect(page.getByRole('heading', { name: /Laporan tertunda/ }).count()).resolves.toBe(0);
    const ticket = (await page.locator('.lk-receipts .lk-ticket-inline').first().textContent())!.trim();
    expect(ticket).toMatch(/^LKS-/);
    // It reached the server with its photo: the tracking link from the receipt works.
    await page.getByRole('link', { name: 'Buka halaman lacak' }).click();
    await page.getByRole('heading', { name: 'Lubang di jalan saat sinyal hilang' }).waitFor();
    await page.getByRole('img', { name: 'Foto laporan 1' }).waitFor();
    await context.close();
  });
});
