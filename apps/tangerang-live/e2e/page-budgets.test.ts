// The JavaScript budget of each module's first page (issue 12), in real Chromium on the built host: what a citizen's
// phone downloads to open /<module> may exceed the host's shell (what /login, a page of no module, downloads:
// the entry, core and the translation tables) by at most 35 kB gzip. Counted until the page is idle, lazy chunks
// included, so moving weight behind a lazy import that the page opens at once does not hide it.
import { launchChromium, phoneViewport } from '@kota-kit/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltHost, type BuiltHost } from './built-host.js';

const budgetPerModule = 35 * 1024;
const dist = fileURLToPath(new URL('../dist/client', import.meta.url));
let host: BuiltHost;
let browser: Browser;

beforeAll(async () => {
  host = await startBuiltHost();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const gzipped = new Map<string, number>();
function gzipBytes(file: string): number {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).byteLength);
  return gzipped.get(file)!;
}

/** The built scripts a fresh phone downloads to open `path`, until nothing more is in flight. */
async function scriptsOf(path: string): Promise<Set<string>> {
  const context = await browser.newContext({ ...phoneViewport, serviceWorkers: 'block' });
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const files = new Set<string>();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) files.add(pathname.slice(1));
  });
  await page.goto(`${host.url}${path}`, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return files;
}

const total = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipBytes(file), 0);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe("each module's first page", () => {
  it('adds at most 35 kB of JavaScript (gzip) to the host shell', async () => {
    const config = (await (await fetch(`${host.url}/api/config`)).json()) as { modules: { id: string }[] };
    expect(config.modules.map((module) => module.id).sort()).toEqual(['berita', 'harga-pasar', 'laksa', 'pencaker']);
    const shell = await scriptsOf('/login');
    expect(total(shell)).toBeGreaterThan(40_000); // React and core at least: a wrong count would pass anything
    const lines = [`shell (/login) ${kB(total(shell))}`];
    const added = new Map<string, { bytes: number; files: string[] }>();
    for (const { id } of config.modules) {
      const files = [...(await scriptsOf(`/${id}`))].filter((file) => !shell.has(file));
      const bytes = total(files);
      added.set(id, { bytes, files });
      lines.push(`/${id} +${kB(bytes)}`);
    }
    console.log(`page JavaScript (gzip): ${lines.join(', ')}`);
    for (const [id, { bytes, files }] of added) {
      expect(bytes, `/${id} adds ${kB(bytes)}: ${files.map((file) => `${file} ${kB(gzipBytes(file))}`).join(', ')}`).toBeLessThanOrEqual(budgetPerModule);
    }
  });
});
