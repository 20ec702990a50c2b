// The module's small pure rules: slugs, plain text, reading time, embed addresses, feed links, private addresses.
import { describe, expect, it } from 'vitest';
import { embedUrl } from '../src/client/embed.js';
import { isPrivateAddress } from '../src/server/services/collector.js';
import { readFeed, safeUrl } from '../src/server/services/feed-reader.js';
import { plainText, readingMinutes, slugify } from '../src/server/services/sanitize.js';

describe('berita rules', () => {
  it('makes slugs from Indonesian titles', () => {
    expect(slugify('Banjir di Cipondoh surut, warga kembali!')).toBe('banjir-di-cipondoh-surut-warga-kembali');
    expect(slugify('2026: Tahun pelayanan')).toBe('berita-2026-tahun-pelayanan');
    expect(slugify('Café Ñusantara')).toBe('cafe-nusantara');
    expect(slugify('!!!')).toBe('berita-tanpa-judul');
  });

  it('reduces HTML to plain text without scripts and counts reading time', () => {
    expect(plainText('<p>Satu &amp; dua</p><script>alert(1)</script><p>tiga</p>')).toBe('Satu & dua tiga');
    expect(plainText('a'.repeat(50), 20)).toHaveLength(20);
    expect(readingMinutes('kata '.repeat(450))).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });

  it('turns video pages into embed addresses only for allowed hosts', () => {
    const hosts = ['www.youtube-nocookie.com', 'player.vimeo.com'];
    expect(embedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ', hosts)).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(embedUrl('https://youtu.be/dQw4w9WgXcQ', hosts)).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(embedUrl('https://vimeo.com/12345', hosts)).toBe('https://player.vimeo.com/video/12345');
    expect(embedUrl('https://evil.example/embed', hosts)).toBeNull();
    expect(embedUrl('javascript:alert(1)', hosts)).toBeNull();
  });

  it('keeps only http(s) links from feeds, resolved against the feed', () => {
    expect(safeUrl('/a?b=1#top', 'https://contoh.id/feed.xml')).toBe('https://contoh.id/a?b=1');
    expect(safeUrl('javascript:alert(1)', 'https://contoh.id/')).toBeNull();
    expect(safeUrl('data:text/html,x', 'https://contoh.id/')).toBeNull();
  });

  it('reads a JSON Feed and drops items without a safe link or a title', () => {
    const items = readFeed(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', url: 'https://a.id/1', title: '<b>Satu</b>', content_html: '<p>Isi</p>' }, { id: '2', url: 'javascript:x', title: 'Dua' }, { id: '3', url: 'https://a.id/3' }] }),
      'https://a.id/feed.json',
      10,
    );
    expect(items).toEqual([{ guid: '1', url: 'https://a.id/1', title: 'Satu', summary: 'Isi', imageUrl: null, publishedAt: null }]);
    expect(() => readFeed('<html><body>not a feed</body></html>', 'https://a.id/', 10)).toThrow();
  });

  it('knows private, loopback and link-local addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888']) expect(isPrivateAddress(address), address).toBe(false);
  });
});
