// The module contract end to end: the fixture module's migration, route, seed and page, in a host built
// with core's Vite plugin, served by core's server, driven in headless Chromium on a phone viewport.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/index.js';
import { launchChromium, phoneViewport, startTestHost, type TestHost } from '../src/testing.js';
import { kotaKit } from '../src/vite.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let outDir: string;
let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kk-fixture-web-'));
  await build({
    root: here('./fixture/web'),
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    plugins: [react(), kotaKit({ host: fixtureHost, clientEntries: { 'fixture-notes': here('./fixture/client.tsx') } })],
    resolve: { alias: { '@kota-kit/core/style.css': here('../src/style.css') } },
    build: { outDir, emptyOutDir: true },
  });
  host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database: 'pglite', clientDir: outDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('fixture module in a built host', () => {
  it('shows its tile on home, loads its page lazily with data from its route, in both languages', async () => {
    const context = await browser.newContext({ ...phoneViewport, baseURL: host.url });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto('/');
    await page.getByRole('link', { name: /Catatan/ }).first().waitFor();
    const scriptsOnHome = scripts.length;

    await page.getByRole('link', { name: /Catatan/ }).first().click();
    await page.waitForURL(/\/fixture-notes$/);
    await page.getByRole('heading', { name: 'Catatan dinas' }).waitFor();
    await page.getByText('Selamat datang di catatan demo.').waitFor();
    await page.getByText('Halo dari modul uji').waitFor();
    // The page's code arrived only when the page was opened.
    expect(scripts.length).toBeGreaterThan(scriptsOnHome);

    await page.getByRole('button', { name: /^EN\b/ }).click();
    await page.getByRole('heading', { name: 'Agency notes' }).waitFor();
    await context.close();
  });

  it("shows a note written through the module's API by an editor", async () => {
    const editor = host.client();
    await editor.login('editor@demo.kotakit.id', demoPassword);
    expect((await editor.json('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dpupr', text: 'Penambalan jalan besok pagi' } })).status).toBe(201);
    const context = await browser.newContext({ ...phoneViewport, baseURL: host.url });
    const page = await context.newPage();
    await page.goto('/fixture-notes');
    await page.getByText('Penambalan jalan besok pagi').waitFor();
    await context.close();
  });
});
