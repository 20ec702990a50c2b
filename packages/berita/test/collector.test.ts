// The collector against feed servers the test starts on loopback: a good feed (RSS, Atom, JSON Feed), a
// conditional 304, broken XML, a huge body, a slow server and HTML with scripts. One bad source never stops
// the others; each source's last success, last error and item count are kept for the editors.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../src/index.js';
import beritaServer from '../src/server/index.js';
import { signedIn, start } from './fixture.js';
import { accounts, host as baseHost } from './host.js';
import { berita, defaultCategories } from '../src/index.js';
import { defineHost } from '@kota-kit/core';
import { testRegion } from '@kota-kit/core/testing';

const host = defineHost({ region: testRegion, modules: [berita.with({ newsroomAgency: 'diskominfo', categories: defaultCategories, collector: { timeoutSeconds: 1, maxBytes: 50_000, intervalMinutes: 30, maxItems: 30, demoSources: true, allowPrivateHosts: true } })] });
void baseHost;

const rss = (items: { guid: string; title: string; link: string; description?: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sumber uji</title><link>https://sumber.contoh.id/</link><description>Uji</description>
${items.map((item) => `<item><title>${item.title}</title><link>${item.link}</link><guid isPermaLink="false">${item.guid}</guid><pubDate>Mon, 30 Nov 2026 01:00:00 GMT</pubDate><description><![CDATA[${item.description ?? 'Ringkasan.'}]]></description></item>`).join('\n')}
</channel></rss>`;

describe.each(testDatabaseTargets())('berita collector on %s', (database) => {
  let server: TestHost;
  let editor: TestClient;
  let feeds: ReturnType<typeof createServer>;
  let base = '';
  const requests: Record<string, IncomingMessage[]> = {};

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
    '/good.xml': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 01:00:00 GMT' });
      response.end(rss([
        { guid: 'a-1', title: 'Jalan baru diresmikan', link: 'https://sumber.contoh.id/jalan-baru' },
        { guid: 'a-2', title: 'Lomba kebersihan RW', link: 'https://sumber.contoh.id/lomba-rw?utm=x#top' },
      ]));
    },
    '/atom.xml': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' });
      response.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uji</id><title>Atom uji</title><updated>2026-11-30T01:00:00Z</updated>
<entry><id>urn:uji:1</id><title>Lomba kebersihan RW</title><link rel="alternate" href="https://sumber.contoh.id/lomba-rw?utm=x"/><updated>2026-11-30T01:00:00Z</updated><summary>Sama dengan RSS.</summary></entry>
<entry><id>urn:uji:2</id><title>Festival budaya Cisadane</title><link rel="alternate" href="https://atom.contoh.id/festival"/><updated>2026-11-30T02:00:00Z</updated><summary type="html">&lt;b&gt;Meriah&lt;/b&gt;</summary></entry></feed>`);
    },
    '/feed.json': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/feed+json' });
      response.end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JSON uji', items: [{ id: 'j1', url: 'https://json.contoh.id/1', title: 'Donor darah massal', content_text: 'PMI membuka donor darah.', image: `${base}/photo.jpg`, date_published: '2026-11-29T10:00:00Z' }] }));
    },
    '/photo.jpg': (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      response.end(photo);
    },
    '/broken.xml': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Rusak</title><item><title>Tanpa penutup');
    },
    '/huge.xml': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      // No content-length: the limit must hold while reading.
      const chunk = `<item><title>${'x'.repeat(1000)}</title></item>`;
      let sent = 0;
      const write = () => {
        while (sent < 2_000_000) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', write);
        }
        response.end();
      };
      response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Besar</title>');
      write();
    },
    '/moved.xml': (_request, response) => void response.writeHead(301, { location: '/feed.json' }).end(),
    '/slow.xml': (_request, response) => {
      const timer = setTimeout(() => response.writeHead(200).end(rss([])), 5000);
      response.on('close', () => clearTimeout(timer));
    },
    '/scripts.xml': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(rss([
        { guid: 's-1', title: 'Judul <script>alert(1)</script>bersih', link: 'https://jahat.contoh.id/1', description: '<p onclick="x()">Isi <img src=x onerror=alert(1)><script>document.cookie</script><iframe src="https://jahat.contoh.id"></iframe></p>' },
        { guid: 's-2', title: 'Tautan skrip', link: 'javascript:alert(1)' },
      ]));
    },
  };

  let photo: Buffer;

  beforeAll(async () => {
    const sharp = (await import('sharp')).default;
    photo = await sharp({ create: { width: 900, height: 500, channels: 3, background: '#2e7d32' } }).jpeg().withExif({ IFD0: { Make: 'KameraSumber' } }).toBuffer();
    feeds = createServer((request, response) => {
      const path = request.url ?? '/';
      (requests[path] ??= []).push(request);
      (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(request, response);
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
    server = await startTestHost({ host, serverModules: [beritaServer], database, clock: start() });
    editor = await signedIn(server, accounts.editor);
  });
  afterAll(async () => {
    await server?.close();
    feeds?.closeAllConnections();
    await new Promise((resolve) => feeds?.close(resolve));
  });

  const add = async (name: string, path: string) => {
    const created = await editor.json<Source>('/api/berita/newsroom/sources', { method: 'POST', body: { name, url: `${base}${path}`, category: 'pemerintahan' } });
    expect(created.status).toBe(201);
    return created.body;
  };
  const sources = async () => Object.fromEntries((await editor.json<{ sources: Source[] }>('/api/berita/newsroom/sources')).body.sources.map((source) => [source.name, source]));
  const items = async () => (await editor.json<{ items: { id: number; title: string; summary: string; url: string; sourceName: string; imageUrl: string | null }[] }>('/api/berita/newsroom/items')).body.items;

  it('reads the demo sources from fixture files (no network)', async () => {
    const demo = await sources();
    expect(demo['Kecamatan Cipondoh']).toMatchObject({ itemCount: 4, lastError: null, lastSuccessAt: expect.any(String) });
    expect(demo['Warta Tangerang']).toMatchObject({ itemCount: 3, lastError: null });
    // Read again (a fixture has no validators): the same GUIDs are not stored twice.
    const again = await editor.json<Source>(`/api/berita/newsroom/sources/${demo['Kecamatan Cipondoh']!.id}/fetch`, { method: 'POST' });
    expect(again.body).toMatchObject({ itemCount: 4, lastError: null });
  });

  it('collects every source in one run; the broken, huge, slow and hostile ones only record their own error', async () => {
    for (const [name, path] of [['Baik', '/good.xml'], ['Atom', '/atom.xml'], ['JSON', '/feed.json'], ['Rusak', '/broken.xml'], ['Besar', '/huge.xml'], ['Lambat', '/slow.xml'], ['Skrip', '/scripts.xml']] as const) await add(name, path);
    const started = Date.now();
    await server.server.runJob('berita', 'collect');
    expect(Date.now() - started).toBeLessThan(4500); // the slow server was given up after the 1 s timeout
    const state = await sources();
    // The RSS and the Atom feed carry the same story (same canonical URL): fetched at the same time, whichever
    // commits first keeps it, and it is stored once.
    expect(state.Baik).toMatchObject({ lastError: null });
    expect(state.Atom).toMatchObject({ lastError: null });
    expect(state.Baik!.itemCount + state.Atom!.itemCount).toBe(3);
    expect(state.JSON).toMatchObject({ itemCount: 1, lastError: null });
    expect(state.Rusak).toMatchObject({ itemCount: 0, lastSuccessAt: null, lastError: expect.any(String) });
    expect(state.Besar!.lastError).toContain('50000 bytes');
    expect(state.Lambat!.lastError).toContain('1 s');
    expect(state.Skrip).toMatchObject({ itemCount: 1, lastError: null });
    const all = await items();
    expect(all.filter((item) => item.url === 'https://sumber.contoh.id/lomba-rw?utm=x')).toHaveLength(1);
    const hostile = all.find((item) => item.sourceName === 'Skrip')!;
    expect(hostile.title).toBe('Judul bersih');
    expect(hostile.summary).toBe('Isi');
    expect(JSON.stringify(all)).not.toMatch(/script|onerror|onclick|javascript:|iframe/i);
    expect(all.find((item) => item.sourceName === 'JSON')).toMatchObject({ title: 'Donor darah massal', summary: 'PMI membuka donor darah.', imageUrl: `${base}/photo.jpg` });
    // Its picture was downloaded once and re-encoded here: readers load it from this host, without the source's EXIF.
    const listed = (await server.client().json<{ items: { title: string; image: { url: string; srcset: string } | null }[] }>('/api/berita/articles?q=donor%20darah')).body.items[0]!;
    expect(listed.image!.url).toMatch(/^\/api\/berita\/images\/[a-f0-9]{32}\/480\.jpg$/);
    expect(listed.image!.srcset).toContain('900w');
    const stored = Buffer.from(await (await server.client().fetch(listed.image!.url)).arrayBuffer());
    expect(stored.includes(Buffer.from('KameraSumber'))).toBe(false);
    expect(requests['/photo.jpg']).toHaveLength(1);
    expect(all.find((item) => item.title === 'Festival budaya Cisadane')).toMatchObject({ sourceName: 'Atom', summary: 'Meriah' });
  });

  it('asks again with If-None-Match / If-Modified-Since and keeps the items on 304', async () => {
    const before = (await sources()).Baik!;
    const fetched = await editor.json<Source>(`/api/berita/newsroom/sources/${before.id}/fetch`, { method: 'POST' });
    expect(fetched.body).toMatchObject({ itemCount: before.itemCount, lastError: null });
    const last = requests['/good.xml']!.at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 01:00:00 GMT');
    // The job skips sources fetched within the interval.
    const count = requests['/good.xml']!.length;
    await server.server.runJob('berita', 'collect');
    expect(requests['/good.xml']!.length).toBe(count);
  });

  it('lets the newsroom editor hide or pin an item; readers see pinned first and never hidden ones', async () => {
    const all = await items();
    const festival = all.find((item) => item.title === 'Festival budaya Cisadane')!;
    const donor = all.find((item) => item.title === 'Donor darah massal')!;
    expect((await editor.json(`/api/berita/newsroom/items/${festival.id}`, { method: 'PATCH', body: { hidden: true } })).status).toBe(200);
    expect((await editor.json(`/api/berita/newsroom/items/${donor.id}`, { method: 'PATCH', body: { pinned: true } })).status).toBe(200);
    const list = await server.client().json<{ items: { title: string; pinned: boolean }[] }>('/api/berita/articles');
    expect(list.body.items[0]).toMatchObject({ title: 'Donor darah massal', pinned: true });
    expect(list.body.items.some((item) => item.title === 'Festival budaya Cisadane')).toBe(false);
    const writer = await signedIn(server, accounts.writer);
    expect((await writer.json(`/api/berita/newsroom/items/${donor.id}`, { method: 'PATCH', body: { pinned: false } })).status).toBe(403);
    expect((await writer.json('/api/berita/newsroom/sources')).status).toBe(403);
  });

  it('follows a redirect to the feed', async () => {
    const moved = await add('Pindah', '/moved.xml');
    const fetched = await editor.json<Source>(`/api/berita/newsroom/sources/${moved.id}/fetch`, { method: 'POST' });
    // The JSON feed's only item is already kept from its own source: the same URL is never stored twice.
    expect(fetched.body).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String), itemCount: 0 });
    expect(requests['/feed.json']!.length).toBe(2);
  });

  it('turns a source off and refuses a second source with the same URL', async () => {
    const good = (await sources()).Baik!;
    const off = await editor.json<Source>(`/api/berita/newsroom/sources/${good.id}`, { method: 'PUT', body: { name: 'Baik', url: good.url, category: 'pemerintahan', enabled: false } });
    expect(off.body.enabled).toBe(false);
    const list = await server.client().json<{ items: { title: string }[] }>('/api/berita/articles?page=1');
    expect(list.body.items.some((item) => item.title === 'Jalan baru diresmikan')).toBe(false);
    expect((await editor.json('/api/berita/newsroom/sources', { method: 'POST', body: { name: 'Lagi', url: good.url, category: 'pemerintahan' } })).status).toBe(409);
    expect((await editor.json('/api/berita/newsroom/sources', { method: 'POST', body: { name: 'Berkas', url: 'file:///etc/passwd', category: 'pemerintahan' } })).status).toBe(400);
  });
});
