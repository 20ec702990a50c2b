// Module pages' document heads and the host's sitemap, read from the raw HTML as a link preview or crawler does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, testDatabaseTargets, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

/** The content of every `<meta property|name=key>` in `html`, in order. */
function metaValues(html: string, key: string): string[] {
  const pattern = new RegExp(`<meta (?:property|name)="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)">`, 'g');
  return [...html.matchAll(pattern)].map((match) => match[1]!);
}

describe.each(testDatabaseTargets())('module pages and sitemap on %s', (database) => {
  let host: TestHost;
  let noteId: number;
  let archivedId: number;

  beforeAll(async () => {
    host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database, extra: { publicUrl: 'https://live.contoh.go.id' } });
    const db = host.server.database.db as never as import('../src/server/index.js').Kysely<import('./fixture/server.js').FixtureTables>;
    noteId = (await db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'Jalan <Sudirman> & "banjir" surut' }).returning('id').executeTakeFirstOrThrow()).id;
    archivedId = (await db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'Arsip lama' }).returning('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => host?.close());

  it("writes the module's head into the server's HTML: escaped title, description, canonical URL, Open Graph, JSON-LD", async () => {
    const response = await host.client().fetch(`/fixture-notes/notes/${noteId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<title>Jalan &lt;Sudirman&gt; &amp; &quot;banjir&quot; surut · Contoh Live</title>');
    expect(html).not.toContain('<Sudirman>');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain(`<link rel="canonical" href="https://live.contoh.go.id/fixture-notes/notes/${noteId}">`);
    expect(metaValues(html, 'og:url')).toEqual([`https://live.contoh.go.id/fixture-notes/notes/${noteId}`]);
    expect(metaValues(html, 'og:type')).toEqual(['article']);
    expect(metaValues(html, 'og:locale')).toEqual(['id_ID']);
    expect(metaValues(html, 'og:image')).toEqual(['https://live.contoh.go.id/logo.svg']);
    expect(metaValues(html, 'og:image:width')).toEqual(['512']);
    expect(metaValues(html, 'article:tag')).toEqual(['catatan', 'dpupr']);
    expect(metaValues(html, 'description')[0]).toContain('Catatan dpupr');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!));
    expect(blocks).toEqual([expect.objectContaining({ '@type': 'Article', headline: 'Jalan <Sudirman> & "banjir" surut' })]);
    // The JSON-LD is escaped so that no text of the data can close the script element.
    expect(html).not.toMatch(/application\/ld\+json">[^<]*<Sudirman/);
    // The app still starts: the bootstrap script and the root element are there.
    expect(html).toContain('window.__KOTA_KIT__=');
    expect(html).toContain('<div id="root">');
  });

  it('answers 410 for a page that is gone and 404 for one that never existed, each saying so and not indexed', async () => {
    const gone = await host.client().fetch(`/fixture-notes/notes/${archivedId}`);
    expect(gone.status).toBe(410);
    const goneHtml = await gone.text();
    expect(goneHtml).toContain('<title>Catatan diarsipkan · Contoh Live</title>');
    expect(metaValues(goneHtml, 'robots')).toEqual(['noindex']);
    expect(goneHtml).not.toContain('application/ld+json');
    const missing = await host.client().fetch('/fixture-notes/notes/999999');
    expect(missing.status).toBe(404);
    // An address the module does not recognise gets the host's default head.
    const odd = await host.client().fetch('/fixture-notes/notes/abc');
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('<title>Contoh Live · Kota Contoh</title>');
  });

  it('lists the home page, every module landing page and the modules\' public pages in /sitemap.xml, not the gone ones', async () => {
    const response = await host.client().fetch('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locations).toContain('https://live.contoh.go.id/');
    expect(locations).toContain('https://live.contoh.go.id/fixture-notes');
    expect(locations).toContain(`https://live.contoh.go.id/fixture-notes/notes/${noteId}`);
    expect(locations).not.toContain(`https://live.contoh.go.id/fixture-notes/notes/${archivedId}`);
    expect(xml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
  });

  it('points crawlers to the sitemap in robots.txt and keeps them out of the API', async () => {
    const response = await host.client().fetch('/robots.txt');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('Disallow: /api/');
    expect(text).toContain('Sitemap: https://live.contoh.go.id/sitemap.xml');
    // A module's own sitemap file (a news sitemap) is listed too.
    expect(text).toContain('Sitemap: https://live.contoh.go.id/fixture-notes/sitemap-notes.xml');
  });

  it("lets pages frame the origins a module allows, and only plain origins", async () => {
    const policy = (await host.client().fetch(`/fixture-notes/notes/${noteId}`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-src 'self' https://www.youtube-nocookie.com");
    expect(policy).not.toContain('evil.example');
    expect(policy.match(/script-src/g)).toHaveLength(1);
    // The markup the server renders keeps its style attributes; scripts and <style> elements stay by hash only.
    expect(policy).toContain("style-src-attr 'unsafe-inline'");
    expect(policy.replace("style-src-attr 'unsafe-inline'", '')).not.toContain('unsafe-inline');
    // API answers keep the strict default.
    const api = (await host.client().fetch('/api/health')).headers.get('content-security-policy') ?? '';
    expect(api).not.toContain('frame-src');
    expect(api).not.toContain('unsafe-inline');
  });

  it("sends a page's form posted by the browser itself (before the app started) back to the page, never elsewhere", async () => {
    const form = { method: 'POST', headers: { accept: 'text/html,application/xhtml+xml', 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.id&password=rahasia' };
    const page = await host.client().fetch('/fixture-notes/notes?tab=2', form);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/fixture-notes/notes?tab=2');
    expect(page.headers.get('location')).not.toContain('rahasia');
    // The API and requests that do not ask for a page are not redirected.
    expect((await host.client().fetch('/api/fixture-notes/no-such-route', form)).status).toBe(404);
    expect((await host.client().fetch('/fixture-notes/notes', { ...form, headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});
