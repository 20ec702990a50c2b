// WCAG 2.2 AA check of every page of the built Tangerang Live host with axe-core, on a 360×740 phone viewport.
// Serious and critical violations fail the test; moderate and minor ones are printed. Every control must also be
// at least 24×24 px (measured). Each page also runs under the
// host's strict Content-Security-Policy, and a violation fails it.
import AxeBuilder from '@axe-core/playwright';
import { launchChromium, phoneViewport, smallTargets, waitForApp } from '@kota-kit/core/testing';
import { startBuiltHost, type BuiltHost } from './built-host.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let host: BuiltHost;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  host = await startBuiltHost(45000);
  baseUrl = host.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** A phone browser, signed in as `email` when given (the session cookie is shared with the context's pages). */
async function phone(email?: string): Promise<BrowserContext> {
  // No service worker: every check sees the live server, not a cached answer.
  const context = await browser.newContext({ ...phoneViewport, baseURL: baseUrl, serviceWorkers: 'block' });
  // Never the internet (the street map's default tiles are OpenStreetMap's): the map keeps its offline drawing.
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort('internetdisconnected'));
  if (email) {
    const response = await context.request.post('/api/auth/login', { data: { email, password: 'demo1234' }, headers: { origin: baseUrl } });
    expect(response.status(), `sign in as ${email}`).toBe(200);
  }
  return context;
}

/** Waits until the page has settled: its main heading shows, no request is in flight and no loading indicator is left. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .kk-loading'), undefined, { timeout: 10_000 }).catch(() => undefined);
}

/** Runs axe on the page; prints moderate and minor findings and returns the serious and critical ones as readable lines. */
async function audit(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const lines = (impacts: string[]) =>
    results.violations
      .filter((violation) => impacts.includes(violation.impact ?? ''))
      .flatMap((violation) =>
        violation.nodes.map((node) => `[${violation.impact}] ${violation.id} at ${node.target.join(' ')}: ${(node.failureSummary ?? violation.help).replace(/\s+/g, ' ').trim()}`),
      );
  const mild = lines(['moderate', 'minor']);
  if (mild.length) console.log(`axe, ${name} (moderate/minor):\n  ${mild.join('\n  ')}`);
  return lines(['serious', 'critical']);
}

/** Opens `path`, optionally acts on it, and adds every serious or critical violation (and page error) to `found`. */
async function check(found: string[], context: BrowserContext, path: string, name: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  // The header itself: the page's policy allows no inline code but core's own, by hash.
  const policy = (await context.request.get(path)).headers()['content-security-policy'] ?? '';
  // Style attributes are allowed (the server-rendered markup has them); nothing else inline but core's own, by hash.
  if (!/script-src 'self' 'sha256-/.test(policy) || policy.replace("style-src-attr 'unsafe-inline'", '').includes('unsafe-inline')) found.push(`${name}: weak or missing CSP "${policy}"`);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Every page must work under the host's strict Content-Security-Policy: any blocked script, style or image fails.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(`CSP violation: ${message.text()}`);
  });
  await page.goto(path);
  await waitForApp(page);
  await settle(page);
  if (prepare) {
    await prepare(page);
    await page.waitForLoadState('networkidle');
  }
  found.push(
    ...(await audit(page, name)).map((line) => `${name}: ${line}`),
    ...errors.map((error) => `${name}: page error ${error}`),
    // WCAG 2.2 target size, measured: every control but links in running text is at least 24×24 px.
    ...(await smallTargets(page)).map((target) => `${name}: target smaller than 24×24 px: ${target}`),
  );
  await page.close();
}

describe('accessibility (WCAG 2.2 AA, axe) on a phone', () => {
  it('core pages: home signed out and as admin, sign-in, region admin, home in English, account page', async () => {
    const found: string[] = [];
    const guest = await phone();
    await check(found, guest, '/', 'home, signed out');
    await check(found, guest, '/login', 'sign-in page');
    await check(found, guest, '/', 'home in English', async (page) => {
      await page.getByRole('button', { name: /^EN\b/ }).click();
      await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    });
    await guest.close();

    const admin = await phone('admin@demo.kotakit.id');
    await check(found, admin, '/', 'home, signed in as admin');
    await check(found, admin, '/admin', 'region admin');
    await check(found, admin, '/account', 'account page, admin');
    await admin.close();
    const citizen = await phone('warga@demo.kotakit.id');
    await check(found, citizen, '/account', 'account page, citizen (data download, deletion form)');
    await citizen.close();
    expect(found).toEqual([]);
  });

  it('LAKSA pages: list, report form and its review step, statistics, a public report, officer inbox', async () => {
    const found: string[] = [];
    const guest = await phone();
    await check(found, guest, '/laksa', 'LAKSA home');
    await check(found, guest, '/laksa/lapor', 'LAKSA report form');
    await check(found, guest, '/laksa/lapor', 'LAKSA report form, review step', async (page) => {
      // The form starts with the place (issue 13), then the details.
      await page.locator('#lk-f-kecamatan').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Lanjut: isi laporan' }).click();
      await page.locator('#lk-f-category').selectOption({ index: 1 });
      await page.locator('#lk-f-title').fill('Lampu jalan mati di depan sekolah');
      await page.locator('#lk-f-description').fill('Lampu jalan di depan SD Negeri 1 mati sejak seminggu, jalan gelap di malam hari.');
      await page.getByRole('button', { name: 'Lanjut: periksa laporan' }).click();
      await page.getByRole('heading', { name: 'Periksa sebelum mengirim' }).waitFor();
    });
    await check(found, guest, '/laksa/statistik', 'LAKSA statistics');
    const reports = (await (await fetch(`${baseUrl}/api/laksa/reports`)).json()) as { items?: { ticket: string }[] } | { ticket: string }[];
    const list = Array.isArray(reports) ? reports : (reports.items ?? []);
    expect(list.length).toBeGreaterThan(0);
    await check(found, guest, `/laksa/laporan/${list[0]!.ticket}`, 'LAKSA public report');
    await guest.close();

    const verifier = await phone('verifier@demo.kotakit.id');
    await check(found, verifier, '/laksa/petugas', 'LAKSA officer inbox');
    await verifier.close();
    expect(found).toEqual([]);
  });

  it('harga pasar pages: board, a commodity, markets, price entry', async () => {
    const found: string[] = [];
    const guest = await phone();
    await check(found, guest, '/harga-pasar', 'harga pasar board');
    await check(found, guest, '/harga-pasar/komoditas/beras-medium', 'harga pasar commodity');
    await check(found, guest, '/harga-pasar/pasar', 'harga pasar markets');
    await guest.close();

    const enumerator = await phone('enumerator@demo.kotakit.id');
    await check(found, enumerator, '/harga-pasar/entri', 'harga pasar price entry');
    await enumerator.close();
    expect(found).toEqual([]);
  });

  it('rendered every page it opened on the server, signed in or not, without a part left to the browser', () => {
    // Runs after the pages above: the server logs a page (or part) it could not render from the components.
    const failures = host
      .output()
      .split('\n')
      .filter((line) => line.includes('page render failed') || line.includes('page part left to the browser'));
    expect(failures).toEqual([]);
  });
});
