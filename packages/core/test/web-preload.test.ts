// The page lists the app's chunks and the translation tables of the language the app will show (from the Vite
// plugin's kota-kit-preload.json), for the entry to fetch together once the page is painted (`afterFirstPaint`).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

describe('translation preloads in the page', () => {
  let host: TestHost;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'kk-preload-'));
    await writeFile(join(clientDir, 'index.html'), '<!doctype html><html lang="id"><head><!--kota-kit:head--></head><body><div id="root"></div><script type="module" src="/assets/index-abc.js"></script></body></html>');
    await writeFile(join(clientDir, 'kota-kit-preload.json'), JSON.stringify({ id: ['assets/id-111.js', 'assets/shared-333.js'], en: ['assets/en-222.js'] }));
    host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database: 'pglite', clientDir });
  });
  afterAll(async () => {
    await host?.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  const links = (html: string) => JSON.parse(/<script type="application\/json" id="kk-preload">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null') as string[] | null;

  it("lists the region language's tables by default and the visitor's chosen language's after a choice", async () => {
    expect(links(await (await fetch(`${host.url}/`)).text())).toEqual(['/assets/id-111.js', '/assets/shared-333.js']);
    expect(links(await (await fetch(`${host.url}/fixture-notes`, { headers: { cookie: 'kk_lang=en' } })).text())).toEqual(['/assets/en-222.js']);
    // A cookie naming no language of the app changes nothing.
    expect(links(await (await fetch(`${host.url}/`, { headers: { cookie: 'kk_lang=constructor' } })).text())).toEqual(['/assets/id-111.js', '/assets/shared-333.js']);
  });
});
