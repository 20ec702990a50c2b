// The enumerator enters a market day on a phone, a supervisor publishes it, and the public board and chart
// show the new prices: harga-pasar's browser half, built with core's Vite plugin, served by core's server on
// PGlite, through core's shared browser harness.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost, TestClock, type BrowserTestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hargaPasarServer from '../src/server/index.js';
import { testHost } from './fixture.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const day = 86_400_000;
let web: BrowserTestHost;

beforeAll(async () => {
  // Seed the demo prices up to yesterday, then move to today: today is the empty day the enumerator fills.
  const clock = new TestClock(new Date(Date.now() - day));
  web = await startBrowserHost({
    host: testHost({ demoSeedDays: 8 }),
    modules: { 'harga-pasar': { server: hargaPasarServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
    clock,
    afterStart: () => clock.advance(day),
  });
});

afterAll(async () => web?.close());

/** With KK_SCREENSHOT_DIR set, a full-page picture of the phone's screen. */
async function screenshot(page: { screenshot(options: { path: string; fullPage: boolean }): Promise<unknown> }, name: string) {
  if (process.env.KK_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.KK_SCREENSHOT_DIR, `harga-pasar-${name}.png`), fullPage: true });
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('harga-pasar in a built host on a phone', () => {
  it('enters a day with one large change confirmed, publishes it, and shows it on the board and the chart', async () => {
    // Enumerator: the form of today for the first market.
    const page = await web.phone();
    await web.signIn(page, 'enumerator@demo.kotakit.id', '/harga-pasar/entri');
    await page.getByRole('heading', { name: 'Entri harga' }).waitFor();
    await expect(page.getByRole('link', { name: 'Publikasi' }).count()).resolves.toBe(0);
    const cabai = page.getByLabel(/^Cabai rawit merah/);
    await cabai.waitFor();
    expect(await cabai.getAttribute('inputmode')).toBe('numeric');

    // One tap keeps yesterday's prices in every row, then chilli jumps by half.
    // Issue 13 #9: "kemarin" became "hari pasar sebelumnya" (the previous market day).
    await page.getByRole('button', { name: /Sama dengan hari pasar sebelumnya untuk 3 baris/ }).click();
    const yesterday = digits(await cabai.inputValue());
    expect(yesterday).toBeGreaterThan(0);
    const jumped = Math.round((yesterday * 1.5) / 100) * 100;
    await cabai.fill(String(jumped));
    // The draft is on the phone before anything is sent.
    const draft = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kk-harga-pasar:entry:')));
    expect(draft).toHaveLength(1);

    await page.getByRole('button', { name: 'Simpan harga' }).click();
    await page.getByText(/1 harga berubah lebih dari 20%/).waitFor();
    await page.getByText('Perubahan besar; perlu dikonfirmasi.').or(page.getByText(/Berubah \+50/)).first().waitFor();
    await page.getByRole('button', { name: 'Harga sudah benar, simpan' }).click();
    await page.getByText(/3 harga tersimpan dan menunggu publikasi/).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kk-harga-pasar:entry:')).length)).toBe(0);
    await page.context().close();

    // Supervisor publishes the market day.
    const sPage = await web.phone();
    await web.signIn(sPage, 'supervisor@demo.kotakit.id', '/harga-pasar/publikasi');
    await sPage.getByRole('heading', { name: 'Publikasi harga' }).waitFor();
    // Issue 13 #3: the +50% chilli is listed as an unusual change and must be checked before publishing.
    const publishButton = sPage.getByRole('button', { name: 'Terbitkan 3 harga' });
    expect(await publishButton.isDisabled()).toBe(true);
    await sPage.getByRole('checkbox', { name: /Sudah dicek.*Cabai rawit merah/ }).check();
    await publishButton.click();
    await sPage.getByText('3 harga diterbitkan.').waitFor();
    await sPage.context().close();

    // Anyone: the board has today's chilli price (only this market reported today, so it is the average).
    const cPage = await web.phone();
    await cPage.goto('/harga-pasar');
    await cPage.getByRole('heading', { name: 'Harga bahan pokok' }).waitFor();
    await cPage.getByText('Harga per').waitFor();
    // Issue 13 #6: a compact row, the whole row a button opening the details.
    const card = cPage.locator('li.hp-item', { has: cPage.getByRole('button', { name: /Cabai rawit merah/ }) });
    await expect(card.locator('.hp-price').textContent().then(digits)).resolves.toBe(jumped);
    await expect(card.getByText('▲').count()).resolves.toBeGreaterThan(0);
    await screenshot(cPage, 'board');

    // The commodity page's chart ends at the new price, and its table says the same.
    await card.getByRole('button', { name: /Cabai rawit merah/ }).click();
    await card.getByRole('link', { name: /Cabai rawit merah/ }).click();
    await cPage.getByRole('img', { name: /Grafik harga Cabai rawit merah/ }).waitFor();
    await cPage.getByText('Tampilkan angka sebagai tabel').click();
    const firstRow = cPage.getByRole('table', { name: /Harga Cabai rawit merah per tanggal/ }).getByRole('row').nth(1);
    await expect(firstRow.getByRole('cell').first().textContent().then(digits)).resolves.toBe(jumped);
    await screenshot(cPage, 'commodity');
    await cPage.context().close();
  });

  it('lets a supervisor add a reference price on the settings page, with field errors first', async () => {
    const page = await web.phone();
    await web.signIn(page, 'supervisor@demo.kotakit.id', '/harga-pasar/pengaturan');
    await page.getByRole('heading', { name: 'Pengaturan harga pasar', level: 1 }).waitFor();
    // Markets and commodities are read-only here, with the reason given.
    await page.getByRole('table', { name: '2 pasar yang harganya dicatat' }).waitFor();
    await page.getByText(/diatur dalam konfigurasi wilayah \(berkas kota\.config\.ts\)/).first().waitFor();
    await page.getByRole('table', { name: 'Petugas harga pasar dan pasar yang boleh mereka isi' }).getByText('Enumerator Demo').waitFor();

    await page.getByRole('combobox', { name: /^Komoditas/ }).selectOption('telur-ayam-ras');
    await page.getByRole('textbox', { name: /^Harga \(Rp per satuan\)/ }).fill('27000');
    await page.getByLabel(/^Berlaku mulai/).fill('2020-01-01');
    await page.getByRole('textbox', { name: /^Dasar hukum/ }).fill('Per');
    await page.getByRole('button', { name: 'Simpan harga acuan' }).click();
    await page.getByText('Tulis dasar hukum minimal 5 huruf.').waitFor();
    expect(await page.getByRole('textbox', { name: /^Dasar hukum/ }).getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('textbox', { name: /^Dasar hukum/ }).fill('Peraturan Badan Pangan Nasional No. 6 Tahun 2024');
    await page.getByRole('button', { name: 'Simpan harga acuan' }).click();
    await page.getByText(/Harga acuan HET Telur ayam ras Rp\s?27\.000 mulai .* tersimpan\./).waitFor();
    const history = page.getByRole('table', { name: 'Riwayat harga acuan Telur ayam ras' });
    await history.getByText('Ditambahkan dinas').waitFor();
    await history.getByText('Berlaku', { exact: true }).waitFor();
    await screenshot(page, 'settings');

    // Retire it again through the confirmation dialog.
    await history.getByRole('button', { name: /^Tarik harga acuan HET Telur ayam ras/ }).click();
    await page.getByRole('dialog', { name: 'Tarik harga acuan ini?' }).getByRole('button', { name: 'Ya, tarik' }).click();
    await page.getByText('Harga acuan ditarik.').waitFor();
    await history.getByText('Ditarik', { exact: true }).waitFor();
    await page.context().close();
  });

  it("shows the markets on the region's map as numbered links to their pages", async () => {
    const page = await web.phone();
    await page.goto('/harga-pasar/pasar');
    const map = page.getByRole('group', { name: /Peta sederhana lokasi 2 pasar/ });
    await map.waitFor();
    // The region's own geography (its kecamatan from the host config), not the markets' bounding box.
    await map.getByText('Karawaci', { exact: true }).waitFor();
    await expect(map.getByRole('link').count()).resolves.toBe(2);
    await screenshot(page, 'markets');
    await map.getByRole('link', { name: /^1\. Pasar Anyar/ }).click();
    await page.waitForURL('**/harga-pasar/pasar/pasar-a');
    await page.getByRole('heading', { name: 'Pasar Anyar', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Harga semua komoditas di Pasar Anyar' }).waitFor();
    await page.context().close();
  });
});
