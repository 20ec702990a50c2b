// berita in a built host on a phone (360×740), through core's shared browser harness: a writer drafts with the
// rich-text editor, an editor requests changes with a comment, the writer fixes and resends, the editor
// publishes, and a citizen reads it — then reads it again offline. Every page passes axe (WCAG 2.2 AA) and has
// no control smaller than 24×24 px.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { smallTargets, startBrowserHost, type BrowserTestHost } from '@kota-kit/core/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import beritaServer from '../src/server/index.js';
import { accounts, host } from './host.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const shots = process.env.KK_SCREENSHOTS;
let web: BrowserTestHost;
const problems: Record<string, string[]> = {};

beforeAll(async () => {
  web = await startBrowserHost({ host, modules: { berita: { server: beritaServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } } });
  if (shots) await mkdir(shots, { recursive: true });
});
afterAll(async () => web?.close());

/** axe's serious and critical violations and the small targets of the page as it is now, kept under `name`. */
async function check(page: Page, name: string) {
  await page.locator('.kk-spinner, [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  problems[name] = [...serious, ...(await smallTargets(page, 'main'))];
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

it('goes from draft to review to changes to published to the public page on a phone, every page accessible', async () => {
  const writer = await web.phone();
  await web.signIn(writer, accounts.writer, '/berita/redaksi');
  await writer.getByRole('heading', { name: 'Redaksi', level: 1 }).waitFor();
  await check(writer, 'newsroom');
  await writer.getByRole('link', { name: 'Tulis berita' }).click();
  await writer.getByRole('textbox', { name: /^Judul/ }).fill('Festival kuliner Pasar Lama digelar akhir pekan');
  await writer.getByLabel('Ringkasan').fill('Lebih dari 80 pedagang kuliner khas Tangerang meramaikan Pasar Lama Sabtu dan Minggu malam.');
  const body = writer.getByRole('textbox', { name: 'Isi berita' });
  await body.click();
  await writer.keyboard.type('Festival dibuka Sabtu pukul 17.00 dengan pertunjukan musik gambang kromong.');
  await writer.keyboard.press('Enter');
  await writer.getByRole('button', { name: 'H2 Subjudul' }).click();
  await writer.keyboard.type('Lalu lintas');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('Jalur pejalan kaki ditutup untuk kendaraan selama festival.');
  await writer.getByLabel('Tag').fill('kuliner, pasar lama');
  // The main photo: re-encoded on the server, its alt text required.
  const sharp = (await import('sharp')).default;
  const photo = await sharp({ create: { width: 1400, height: 800, channels: 3, background: '#c0392b' } }).jpeg().toBuffer();
  await writer.getByLabel('Pilih foto').setInputFiles({ name: 'festival.jpg', mimeType: 'image/jpeg', buffer: photo });
  await writer.getByRole('textbox', { name: /^Teks alternatif foto/ }).fill('Pengunjung memadati lorong kuliner Pasar Lama pada malam hari');
  await check(writer, 'editor');
  await writer.getByRole('button', { name: 'Simpan draf' }).click();
  await writer.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
  await writer.getByText('Tersimpan: Menunggu tinjauan.').waitFor();
  const articleUrl = new URL(writer.url()).pathname;
  await check(writer, 'article-in-newsroom');

  const editor = await web.phone();
  await web.signIn(editor, accounts.editor, '/berita/redaksi?status=review');
  await editor.getByRole('link', { name: 'Festival kuliner Pasar Lama digelar akhir pekan' }).click();
  await editor.getByLabel('Catatan untuk penulis').fill('Sebutkan juga jam tutup festival.');
  await check(editor, 'review');
  await editor.getByRole('button', { name: 'Minta perbaikan' }).click();
  await editor.getByText('Tersimpan: Perlu perbaikan.').waitFor();

  await writer.goto(articleUrl);
  await writer.getByText('Sebutkan juga jam tutup festival.').waitFor();
  await writer.getByRole('link', { name: 'Ubah' }).click();
  await writer.getByLabel('Ringkasan').fill('Lebih dari 80 pedagang kuliner meramaikan Pasar Lama Sabtu dan Minggu pukul 17.00–23.00.');
  await writer.getByRole('button', { name: 'Simpan draf' }).click();
  await writer.getByRole('link', { name: 'Revisi (2)' }).click();
  await writer.locator('.bt-diff ins', { hasText: '23.00' }).waitFor();
  await check(writer, 'revisions');
  await writer.goto(articleUrl);
  await writer.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
  await writer.getByText('Tersimpan: Menunggu tinjauan.').waitFor();
  expect(await writer.getByRole('button', { name: 'Terbitkan sekarang' }).count()).toBe(0);

  await editor.reload();
  await editor.getByRole('button', { name: 'Terbitkan sekarang' }).click();
  await editor.getByText('Tersimpan: Terbit.').waitFor();
  await editor.getByRole('link', { name: 'Lihat di situs' }).click();

  const citizen = await web.phone();
  await citizen.goto('/berita');
  await citizen.getByRole('link', { name: 'Festival kuliner Pasar Lama digelar akhir pekan' }).click();
  await citizen.getByRole('heading', { name: 'Festival kuliner Pasar Lama digelar akhir pekan', level: 1 }).waitFor();
  await citizen.getByText('Jalur pejalan kaki ditutup untuk kendaraan selama festival.').waitFor();
  await citizen.getByRole('heading', { name: 'Lalu lintas', level: 2 }).waitFor();
  expect(await citizen.getByRole('link', { name: 'Bagikan lewat WhatsApp' }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/\?text=/);
  const photoInPage = citizen.getByRole('img', { name: 'Pengunjung memadati lorong kuliner Pasar Lama pada malam hari' });
  expect(await photoInPage.getAttribute('srcset')).toMatch(/480\.jpg 480w, .*800\.jpg 800w, .*1200\.jpg 1200w/);
  // The server's HTML of the page carries its preview for WhatsApp before any JavaScript runs.
  const html = await (await web.server.client().fetch(new URL(citizen.url()).pathname)).text();
  expect(html).toMatch(/<meta property="og:image" content="[^"]+\/1200\.jpg">/);
  await check(citizen, 'article');
  await citizen.goto('/berita');
  await citizen.getByRole('heading', { name: 'Berita kota', level: 1 }).waitFor();
  await check(citizen, 'list');
  // A search from the list's search row lands in the address and shows only what matches.
  const items = citizen.getByRole('list', { name: 'Daftar berita' }).getByRole('listitem');
  const before = await items.count();
  await citizen.getByRole('searchbox', { name: 'Cari berita' }).fill('kuliner');
  await citizen.getByRole('button', { name: 'Cari', exact: true }).click();
  await citizen.waitForURL(/\/berita\?q=kuliner$/);
  await citizen.getByRole('link', { name: 'Festival kuliner Pasar Lama digelar akhir pekan' }).waitFor();
  await expect.poll(() => items.count()).toBeLessThan(before);
  for (const text of await items.allTextContents()) expect(text.toLowerCase()).toContain('kuliner');
  await citizen.goto('/berita/kategori/kesehatan');
  await citizen.getByRole('heading', { name: 'Berita Kesehatan', level: 1 }).waitFor();
  await check(citizen, 'category');
  await citizen.goto('/berita/layanan-adminduk-kini-buka-hingga-sabtu');
  await citizen.getByRole('heading', { name: 'Koreksi' }).waitFor();
  await check(citizen, 'article-with-correction');
  await citizen.goto('/');
  await citizen.getByRole('heading', { name: 'Berita terbaru' }).waitFor();

  await editor.goto('/berita/redaksi/sumber');
  await editor.getByRole('heading', { name: 'Kecamatan Cipondoh' }).waitFor();
  await check(editor, 'sources');

  expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((name) => [name, []])));
}, 240_000);

it('reads an article opened before again without a connection', async () => {
  const citizen = await web.phone();
  await citizen.goto('/berita/imunisasi-campak-dan-rubela-sasar-90-ribu-anak');
  await citizen.getByRole('heading', { name: 'Imunisasi campak dan rubela sasar 90 ribu anak', level: 1 }).waitFor();
  // The service worker is in control once it has claimed the page; the article's API answer is then in its cache.
  await citizen.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await citizen.reload();
  await citizen.getByRole('heading', { name: 'Imunisasi campak dan rubela sasar 90 ribu anak', level: 1 }).waitFor();
  await citizen.context().setOffline(true);
  await citizen.reload();
  await citizen.getByRole('heading', { name: 'Imunisasi campak dan rubela sasar 90 ribu anak', level: 1 }).waitFor();
  await citizen.getByText('Dinkes membuka pos imunisasi di sekolah').first().waitFor();
});
