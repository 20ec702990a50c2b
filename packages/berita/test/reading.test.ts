// What readers, feed readers, link previews and crawlers get: the public list with search in Indonesian, an
// article with related ones, the feeds (read back by a different third-party parser than the module's), Open
// Graph and NewsArticle JSON-LD from the raw HTML, the sitemaps, and hostile input without a 5xx.
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { hostileRequests, sendHostileRequests, startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListItem, PublicArticle } from '../src/index.js';
import beritaServer from '../src/server/index.js';
import { act, createDraft, metaValues, signedIn, start } from './fixture.js';
import { accounts, host } from './host.js';

interface Page {
  items: ListItem[];
  page: number;
  pages: number;
}

describe.each(testDatabaseTargets())('berita for readers on %s', (database) => {
  let server: TestHost;
  let reader: TestClient;
  const clock = start();

  beforeAll(async () => {
    server = await startTestHost({ host, serverModules: [beritaServer], database, clock, extra: { publicUrl: 'https://live.contoh.go.id' } });
    reader = server.client();
  });
  afterAll(async () => server?.close());

  it('lists published articles and collected items, newest first, a page at a time; never a draft', async () => {
    const first = await reader.json<Page>('/api/berita/articles');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.body.items).toHaveLength(12);
    expect(first.body.pages).toBeGreaterThanOrEqual(3);
    const times = first.body.items.map((item) => item.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.body.items.some((item) => item.kind === 'collected' && item.href.startsWith('https://') && item.sourceName === 'Kecamatan Cipondoh')).toBe(true);
    const all: ListItem[] = [];
    for (let page = 1; page <= first.body.pages; page += 1) all.push(...(await reader.json<Page>(`/api/berita/articles?page=${page}`)).body.items);
    const titles = all.filter((item) => item.kind === 'article').map((item) => item.title);
    expect(titles).toHaveLength(33);
    expect(titles).not.toContain('Pemkot raih predikat WTP untuk laporan keuangan'); // a draft in the demo data
    const article = all.find((item) => item.kind === 'article')!;
    expect(article).toMatchObject({ href: expect.stringMatching(/^\/berita\/[a-z0-9-]+$/), readingMinutes: 1, image: { url: expect.stringMatching(/^\/api\/berita\/images\/[a-f0-9]{32}\/480\.jpg$/) } });
    // Collected items carry only title, summary, image and the link out: never a script from the feed.
    expect(JSON.stringify(all)).not.toContain('<script');
  });

  it('filters by category and tag, and searches Indonesian with stemming (pembangunan finds membangun)', async () => {
    const health = await reader.json<Page>('/api/berita/articles?category=kesehatan&collected=false');
    expect(health.body.items.length).toBeGreaterThan(3);
    expect(new Set(health.body.items.map((item) => item.category))).toEqual(new Set(['kesehatan']));
    const tagged = await reader.json<Page>('/api/berita/articles?tag=UMKM');
    expect(tagged.body.items.map((item) => item.title).sort()).toEqual(['Bazar UMKM di Taman Potret hadirkan 150 pelaku usaha', 'Izin usaha mikro kini terbit dalam satu hari', 'Pelatihan digital marketing untuk 200 pelaku UMKM'].sort());
    const search = await reader.json<Page>('/api/berita/articles?q=imunisasi%20anak');
    expect(search.body.items[0]?.title).toBe('Imunisasi campak dan rubela sasar 90 ribu anak');
    // "pepohonan"/"ditanam" → stem "tanam": the Indonesian stemmer finds "Sepuluh ribu pohon ditanam…".
    const stemmed = await reader.json<Page>('/api/berita/articles?q=penanaman');
    expect(stemmed.body.items.map((item) => item.title)).toContain('Sepuluh ribu pohon ditanam di bantaran Cisadane');
    const collected = await reader.json<Page>('/api/berita/articles?q=posyandu%20balita');
    expect(collected.body.items.some((item) => item.kind === 'collected')).toBe(true);
    expect((await reader.json<Page>('/api/berita/articles?q=%22%20%26%7C!(')).status).toBe(200);
  });

  it('serves an article with image srcset, agency, reading time, corrections and related articles', async () => {
    const { body } = await reader.json<PublicArticle>('/api/berita/articles/layanan-adminduk-kini-buka-hingga-sabtu');
    expect(body).toMatchObject({ title: 'Layanan adminduk kini buka hingga Sabtu', category: { slug: 'layanan-publik', name: 'Layanan publik' }, agency: { id: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' }, readingMinutes: 1 });
    expect(body.image).toMatchObject({ width: 1200, height: 675, credit: 'Dok. Diskominfo' });
    expect(body.image!.srcset.split(', ').map((part) => part.split(' ')[1])).toEqual(['480w', '800w', '1200w']);
    expect(body.corrections).toHaveLength(1);
    expect(body.related).toHaveLength(3);
    expect(body.related.every((item) => item.category === 'layanan-publik' || item.title)).toBe(true);
    expect((await reader.json('/api/berita/articles/pemkot-raih-predikat-wtp-untuk-laporan-keuangan')).status).toBe(404);
  });

  it('offers RSS 2.0, Atom 1.0 and JSON Feed 1.1 with the newest 50, read back by another parser', async () => {
    const rss = await reader.fetch('/berita/rss.xml');
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    const rssText = await rss.text();
    expect(rssText).toContain('<rss version="2.0"');
    const rssFeed = extractFromXml(rssText, { normalization: true, useISODateFormat: true });
    expect(rssFeed.title).toBe('Contoh Live · Berita');
    expect(rssFeed.entries!.length).toBe(33);
    expect(rssFeed.entries![0]).toMatchObject({ link: expect.stringMatching(/^https:\/\/live\.contoh\.go\.id\/berita\/[a-z0-9-]+$/), title: expect.any(String), published: expect.stringMatching(/^\d{4}-/) });
    expect(rssText).toContain('<atom:link href="https://live.contoh.go.id/berita/rss.xml" rel="self" type="application/rss+xml"');

    const atomText = await (await reader.fetch('/berita/atom.xml')).text();
    const atom = extractFromXml(atomText, { normalization: true });
    expect(atom.entries!.map((entry) => entry.title)).toEqual(rssFeed.entries!.map((entry) => entry.title));
    expect(atomText).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect(atomText).toMatch(/<entry>[^]*?<id>https:\/\/live\.contoh\.go\.id\/berita\/[a-z0-9-]+<\/id>/);

    const json = await reader.fetch('/berita/feed.json');
    expect(json.headers.get('content-type')).toContain('application/feed+json');
    const raw = (await json.json()) as { version: string; items: { id: string; content_html: string }[] };
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw.items.every((item) => item.id && item.content_html)).toBe(true);
    const jsonFeed = extractFromJson(raw as never, { normalization: true });
    expect(jsonFeed.entries!.length).toBe(33);

    const health = extractFromXml(await (await reader.fetch('/berita/kategori/kesehatan/atom.xml')).text());
    expect(health.entries!.length).toBeGreaterThan(3);
    expect(health.entries!.length).toBeLessThan(10);
    expect((await reader.fetch('/berita/kategori/gosip/rss.xml')).status).toBe(404);
    // An unchanged feed costs a feed reader a 304.
    const etag = rss.headers.get('etag')!;
    expect((await reader.fetch('/berita/rss.xml', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('writes Open Graph and NewsArticle JSON-LD into the raw HTML of an article page', async () => {
    const response = await reader.fetch('/berita/layanan-adminduk-kini-buka-hingga-sabtu');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Layanan adminduk kini buka hingga Sabtu · Contoh Live</title>');
    expect(html).toContain('<link rel="canonical" href="https://live.contoh.go.id/berita/layanan-adminduk-kini-buka-hingga-sabtu">');
    expect(metaValues(html, 'og:type')).toEqual(['article']);
    expect(metaValues(html, 'og:locale')).toEqual(['id_ID']);
    expect(metaValues(html, 'og:image')[0]).toMatch(/^https:\/\/live\.contoh\.go\.id\/api\/berita\/images\/[a-f0-9]{32}\/1200\.jpg$/);
    expect(metaValues(html, 'og:image:width')).toEqual(['1200']);
    expect(metaValues(html, 'og:image:height')).toEqual(['675']);
    expect(metaValues(html, 'og:image:alt')[0]).toContain('Ilustrasi berita');
    expect(metaValues(html, 'article:section')).toEqual(['Layanan publik']);
    expect(metaValues(html, 'article:tag')).toEqual(['disdukcapil', 'ktp-el']);
    expect(metaValues(html, 'article:published_time')[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(html).toContain('type="application/rss+xml"');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!));
    expect(blocks).toEqual([
      expect.objectContaining({
        '@type': 'NewsArticle',
        headline: 'Layanan adminduk kini buka hingga Sabtu',
        datePublished: metaValues(html, 'article:published_time')[0],
        image: [metaValues(html, 'og:image')[0]],
        publisher: expect.objectContaining({ '@type': 'Organization' }),
        mainEntityOfPage: expect.objectContaining({ '@id': 'https://live.contoh.go.id/berita/layanan-adminduk-kini-buka-hingga-sabtu' }),
      }),
    ]);
    // The module's own pages are not articles; a draft gets the app's default head.
    for (const path of ['/berita/redaksi', '/berita/kategori', '/berita/pemkot-raih-predikat-wtp-untuk-laporan-keuangan']) {
      const page = await (await reader.fetch(path)).text();
      expect(page).toContain('<title>Contoh Live · Kota Contoh</title>');
      expect(page).not.toContain('NewsArticle');
    }
  });

  it('lists articles in /sitemap.xml and the last two days in the Google News sitemap', async () => {
    const sitemap = await (await reader.fetch('/sitemap.xml')).text();
    expect(sitemap).toContain('<loc>https://live.contoh.go.id/berita/layanan-adminduk-kini-buka-hingga-sabtu</loc>');
    expect(sitemap).not.toContain('pemkot-raih-predikat-wtp');
    const news = await reader.fetch('/berita/sitemap-news.xml');
    expect(news.headers.get('content-type')).toContain('application/xml');
    const xml = await news.text();
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const dates = [...xml.matchAll(/<news:publication_date>([^<]+)</g)].map((match) => new Date(match[1]!).getTime());
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((time) => time >= clock.now().getTime() - 2 * 86_400_000)).toBe(true);
    expect(xml).toContain('<news:language>id</news:language>');
    // Crawlers find the news sitemap through robots.txt.
    expect(await (await reader.fetch('/robots.txt')).text()).toContain('Sitemap: https://live.contoh.go.id/berita/sitemap-news.xml');
  });

  it('lets article pages play the embeds the sanitiser keeps, and nothing else', async () => {
    const policy = (await reader.fetch('/berita/layanan-adminduk-kini-buka-hingga-sabtu')).headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/frame-src 'self'[^;]* https:\/\/www\.youtube-nocookie\.com/);
    expect(policy).toContain('https://player.vimeo.com');
    expect(policy).not.toMatch(/frame-src[^;]*\*/);
  });

  it('a newly published article appears at once in the list, the feeds and the news sitemap', async () => {
    const writer = await signedIn(server, accounts.writer);
    const editor = await signedIn(server, accounts.editor);
    const draft = await createDraft(writer, { title: 'Pembangunan jembatan penyeberangan di Jalan Sudirman' });
    await act(writer, draft.id, 'submit');
    await act(editor, draft.id, 'publish');
    expect((await reader.json<Page>('/api/berita/articles')).body.items[0]?.title).toBe('Pembangunan jembatan penyeberangan di Jalan Sudirman');
    expect(await (await reader.fetch('/berita/feed.json')).text()).toContain(draft.slug);
    expect(await (await reader.fetch('/berita/sitemap-news.xml')).text()).toContain(draft.slug);
    const stem = await reader.json<Page>('/api/berita/articles?q=membangun');
    expect(stem.body.items[0]?.title).toBe('Pembangunan jembatan penyeberangan di Jalan Sudirman');
  });

  it("never fetches a source on the server's own network unless the region allows it", async () => {
    const editor = await signedIn(server, accounts.editor);
    const source = await editor.json<{ id: number }>('/api/berita/newsroom/sources', { method: 'POST', body: { name: 'Intranet', url: `${server.url}/berita/rss.xml`, category: 'pemerintahan' } });
    const fetched = await editor.json<{ lastError: string; itemCount: number }>(`/api/berita/newsroom/sources/${source.body.id}/fetch`, { method: 'POST' });
    expect(fetched.body.lastError).toContain('private network');
    expect(fetched.body.itemCount).toBe(0);
  });

  // Hundreds of requests, twice: 20 s on a quiet 2-core machine, three times that with a build running beside it.
  it('answers hostile values in every field without a 5xx', { timeout: 300_000 }, async () => {
    const document = (await reader.json<Parameters<typeof hostileRequests>[0]>('/api/openapi.json')).body;
    const requests = hostileRequests(document).filter((request) => request.path.startsWith('/api/berita'));
    expect(requests.length).toBeGreaterThan(100);
    const editor = await signedIn(server, accounts.editor);
    expect([...(await sendHostileRequests(server.client(), requests)), ...(await sendHostileRequests(editor, requests))]).toEqual([]);
  });
});
