// The built Tangerang Live host, started as `pnpm start` does, driven in headless Chromium on a phone viewport.
import { launchChromium, phoneViewport, recordBrowser, waitForApp } from '@kota-kit/core/testing';
import { startBuiltHost, type BuiltHost } from './built-host.js';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';

let host: BuiltHost;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  host = await startBuiltHost(43000);
  baseUrl = host.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function phone(): Promise<BrowserContext> {
  const context = await browser.newContext({ ...phoneViewport, baseURL: baseUrl });
  // A failure seen only on a busy CI machine then says what the page went through and what the server logged.
  const journal = recordBrowser(context);
  onTestFailed(() => {
    const serverLog = host.output().trim().split('\n').slice(-30).join('\n');
    console.error(`What the browser went through:\n${journal.report()}\n\nThe server's last log lines:\n${serverLog}`);
  });
  // Never the internet (the street map's default tiles are OpenStreetMap's): the map keeps its offline drawing.
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort('internetdisconnected'));
  return context;
}

describe('Tangerang Live in a phone browser', () => {
  it('serves the API and the health check from the same process', async () => {
    const health = await (await fetch(`${baseUrl}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'pglite', status: 'up' } });
    const manifest = await (await fetch(`${baseUrl}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: 'Tangerang Live', display: 'standalone', theme_color: '#0f5c3a' });
    const sw = await fetch(`${baseUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');
  });

  it('shows the shell in Bahasa Indonesia with the region branding, and switches to English', async () => {
    const context = await phone();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/');
    await waitForApp(page);
    await expect(page.title()).resolves.toContain('Tangerang Live');
    const header = page.locator('header');
    await header.getByText('Tangerang Live').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--kk-color-primary').trim());
    expect(primary).toBe('#0f5c3a');
    await page.getByRole('link', { name: 'Masuk' }).first().waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).waitFor();

    await page.getByRole('button', { name: /^EN\b/ }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // The choice survives a reload.
    await page.reload();
    await waitForApp(page);
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.getByRole('button', { name: /^ID\b/ }).click();
    await page.getByRole('link', { name: 'Masuk' }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends every public page with its first view rendered, and the browser takes that markup over as it is', async () => {
    const pages = [
      { path: '/', heading: 'Tangerang Live', text: 'Harga Pasar' },
      { path: '/laksa', heading: 'LAKSA', text: 'laporkan masalah di kota' },
      { path: '/harga-pasar', heading: 'Harga bahan pokok', text: 'Unduh data' },
      { path: '/pencaker', heading: 'Lowongan kerja', text: 'diverifikasi Disnaker' },
      { path: '/berita', heading: 'Berita kota', text: 'Berita' },
      { path: '/login', heading: 'Masuk', text: 'Kata sandi' },
      { path: '/harga-pasar/pasar', heading: 'Pasar', text: 'pasar tradisional' },
    ];
    const context = await phone();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // The markets page's street map asks for tiles on the internet, which these tests cut off.
      if (message.type() === 'error' && !message.text().includes('ERR_INTERNET_DISCONNECTED')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // Before any script runs, keep the server's heading element: after hydration it must be the same node.
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { serverHeading?: Element | null }).serverHeading = document.querySelector('#root h1');
      });
    });
    for (const { path, heading, text } of pages) {
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      const root = html.slice(html.indexOf('<div id="root">'));
      // The heading and the page's own text are in the HTML itself, in the visitor's language, not a loading line.
      expect(root, path).toContain('id="kk-rendered"');
      expect(root, path).toMatch(new RegExp(`<h1[^>]*>${heading}`));
      expect(root, path).toContain(text);
      expect(root, path).not.toContain('kk-boot');
      // Every part in place: no inline script (the page's policy would block it) to move a part in later.
      expect(root, path).not.toMatch(/<script(?![^>]*type="application\/json")/);
      // A form sent by the browser itself, before the app has started, never puts a password in the address.
      for (const form of root.match(/<form[^>]*>/g) ?? []) expect(form, path).toContain('method="post"');
      if (path === '/login') expect(root).toContain('<form method="post"');

      await page.goto(path);

      await waitForApp(page);
      // Hydrated: the language buttons answer (they do nothing before React has taken the page over).
      await page.waitForFunction(() => Object.keys(document.querySelector('.kk-lang__button') ?? {}).some((key) => key.startsWith('__reactProps')));
      expect(await page.evaluate(() => (window as unknown as { serverHeading?: Element | null }).serverHeading === document.querySelector('#root h1')), path).toBe(true);
    }
    expect(problems).toEqual([]);
    expect(host.output()).not.toContain('page render failed');
    await context.close();
  });

  it('renders the first view in English for a visitor who chose it, and names the signed-in officer', async () => {
    const english = await (await fetch(`${baseUrl}/harga-pasar`, { headers: { cookie: 'kk_lang=en' } })).text();
    expect(english).toContain('<html lang="en"');
    expect(english).toMatch(/<h1[^>]*>Food prices/);
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email: 'petugas@demo.kotakit.id', password: 'demo1234' }),
    });
    const session = login.headers.getSetCookie().find((cookie) => cookie.startsWith('kk_session='))!.split(';')[0]!;
    const signedIn = await fetch(`${baseUrl}/`, { headers: { cookie: session } });
    const html = await signedIn.text();
    expect(html).toContain('Petugas Demo');
    // A page that names who is signed in is never kept by a shared cache or the service worker.
    expect(signedIn.headers.get('cache-control')).toBe('private, no-cache');
    expect((await fetch(`${baseUrl}/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('navigates to a page that does not exist and back home', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/tidak-ada');
    await waitForApp(page);
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await context.close();
  });

  it('signs in an officer with a wrong then a right password, and signs out', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    await page.getByRole('link', { name: 'Masuk' }).first().click();
    await page.waitForURL(/\/login/);
    await page.getByLabel(/email|surel/i).fill('petugas@demo.kotakit.id');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Email atau kata sandi salah.').waitFor();

    await page.getByLabel('Kata sandi').fill('demo1234');
    await page.getByRole('button', { name: 'Masuk' }).click();
    // On a phone the header keeps room for the region's name: the account link is an icon (the name in its
    // title), and signing out is on the account page.
    const account = page.getByRole('link', { name: /Akun saya/ });
    await account.waitFor();
    expect(await account.getAttribute('title')).toBe('Masuk sebagai Petugas Demo');
    expect(await page.locator('header').getByRole('button', { name: 'Keluar' }).isVisible()).toBe(false);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'kk_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await account.click();
    await page.getByText('Akun petugas dan admin ditutup oleh admin wilayah.', { exact: false }).waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('link', { name: 'Masuk' }).first().waitFor();
    await context.close();
  });

  it('lets the region admin create an officer with a module role, and shows it in the audit log', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/login');
    await waitForApp(page);
    await page.getByLabel(/email/i).fill('admin@demo.kotakit.id');
    await page.getByLabel('Kata sandi').fill('demo1234');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Tugas saya' }).waitFor();
    await page.getByRole('link', { name: 'Admin wilayah' }).click();
    await page.getByRole('heading', { name: 'Petugas dan admin' }).waitFor();

    await page.getByRole('button', { name: 'Tambah akun' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama').fill('Rina Pencatat');
    await dialog.getByLabel('Email').fill('rina@disperindag.example.id');
    await dialog.getByLabel('Kata sandi awal').fill('pendek');
    await dialog.getByLabel('Dinas').selectOption('disperindag');
    await dialog.getByLabel(/harga-pasar: enumerator/).check();
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    // The server's field error appears beside the field; nothing is created.
    await dialog.getByText(/10/).first().waitFor();
    await dialog.getByLabel('Kata sandi awal').fill('kata-sandi-yang-panjang');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'rina@disperindag.example.id' }).getByText('harga-pasar:enumerator (Disperindag)').waitFor();
    await page.getByText('core · user.create').first().waitFor();
    await context.close();

    // The new officer can sign in.
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email: 'rina@disperindag.example.id', password: 'kata-sandi-yang-panjang' }),
    });
    expect((await login.json()).user).toMatchObject({ kind: 'officer', agencyId: 'disperindag', roles: [{ module: 'harga-pasar', role: 'enumerator', agencyId: 'disperindag' }] });
  });

  it("lets a citizen download their data and delete their account from \"Akun saya\"", async () => {
    const email = 'akun.dihapus@contoh.id';
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/register');
    await waitForApp(page);
    await page.getByLabel('Nama lengkap').fill('Yuni Warga');
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel('Kata sandi').fill('sandi-yuni-123');
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Kata sandi').fill('sandi-yuni-123');
    await page.getByRole('button', { name: 'Masuk' }).click();

    await page.getByRole('link', { name: /Akun saya/ }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole('heading', { name: 'Akun saya', level: 1 }).waitFor();
    await page.getByText(email).waitFor();

    // "Unduh data saya" is a plain download of everything kept, from core and every module.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh data saya' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^data-akun-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data.account).toMatchObject({ email, name: 'Yuni Warga', kind: 'citizen' });
    expect(Object.keys(data.modules).sort()).toEqual(['laksa', 'pencaker']);

    // A wrong password is said beside its field, after the confirmation; the account stays.
    await page.getByLabel('Kata sandi Anda').fill('bukan-sandinya');
    await page.getByRole('button', { name: 'Hapus akun saya' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus akun' }).click();
    await page.getByText('Kata sandi salah.').first().waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByLabel('Kata sandi Anda').fill('sandi-yuni-123');
    await page.getByRole('button', { name: 'Hapus akun saya' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus akun' }).click();
    await page.getByRole('heading', { name: 'Akun Anda sudah dihapus' }).waitFor();
    await page.getByRole('link', { name: 'Masuk' }).first().waitFor();
    await context.close();

    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email, password: 'sandi-yuni-123' }),
    });
    expect(login.status).toBe(401);
  });

  it('installs a service worker that keeps the app and what was read available offline', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Load once under the worker's control, so the shell and the API answers are cached.
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('header').getByText('Tangerang Live').first().waitFor();
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await page.locator('header').getByText('Tangerang Live').first().waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).waitFor();
    await context.setOffline(false);
    await context.close();
  });

  it('fits a 360 px phone screen without sideways scrolling', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    await page.locator('header').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
