/**
 * The newsroom's feeds at stable addresses — RSS 2.0, Atom 1.0, JSON Feed 1.1, all and per category, the newest
 * 50 — written by a kept library (feedsmith), and the Google News sitemap (the last 2 days, at most 1,000).
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import type { ArticleRow } from '../queries/articles.js';
import { imagesByKey } from '../queries/articles.js';
import { newestPublished } from '../queries/public.js';
import type { Ctx } from '../tables.js';
import { agencyName, categoryName, imageAt } from './views.js';

export type FeedFormat = 'rss' | 'atom' | 'json';
export const feedFiles: Record<FeedFormat, { file: string; type: string }> = {
  rss: { file: 'rss.xml', type: 'application/rss+xml; charset=utf-8' },
  atom: { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8' },
  json: { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
};

export interface FeedRequest {
  format: FeedFormat;
  category?: string;
  absolute: (path: string) => string;
}

/** The newest published articles the feed shows, and a validator that changes whenever any of them does. */
export async function feedRows(ctx: Ctx, category?: string) {
  const rows = await newestPublished(ctx.db, { limit: 50, category });
  const etag = `W/"${rows.length}-${Math.max(0, ...rows.map((row) => row.updated_at.getTime()))}-${rows[0]?.id ?? 0}"`;
  return { rows, etag };
}

export async function renderFeed(ctx: Ctx, request: FeedRequest, rows: ArticleRow[]): Promise<string> {
  const { absolute, format, category } = request;
  const base = category ? `/berita/kategori/${category}` : '/berita';
  const home = absolute(base);
  const self = absolute(`${base}/${feedFiles[format].file}`);
  const title = category ? `${ctx.region.appName} · Berita ${categoryName(ctx, category)}` : `${ctx.region.appName} · Berita`;
  const description = category ? `Berita ${categoryName(ctx, category)} dari ${ctx.region.name}` : `Berita resmi ${ctx.region.name}`;
  const updated = rows.length ? new Date(Math.max(...rows.map((row) => row.updated_at.getTime()))) : ctx.clock.now();
  const images = await imagesByKey(ctx.db, rows.map((row) => row.image_key));
  const entries = rows.map((row) => {
    const image = row.image_key ? images.get(row.image_key) : undefined;
    return { row, link: absolute(`/berita/${row.slug}`), image: image ? absolute(imageAt(image, 1200).url) : undefined };
  });

  if (format === 'rss') {
    return generateRssFeed({
      title,
      link: home,
      description,
      language: 'id',
      lastBuildDate: updated,
      generator: 'Kota Kit berita',
      atom: { links: [{ href: self, rel: 'self', type: 'application/rss+xml' }] },
      items: entries.map(({ row, link }) => ({
        title: row.title,
        link,
        description: row.summary,
        guid: { value: link, isPermaLink: true },
        pubDate: row.published_at!,
        categories: [{ name: categoryName(ctx, row.category) }, ...row.tags.map((tag) => ({ name: tag }))],
      })),
    });
  }
  if (format === 'atom') {
    return generateAtomFeed({
      id: self,
      title: { value: title },
      subtitle: { value: description },
      updated,
      authors: [{ name: ctx.region.name }],
      links: [
        { href: home, rel: 'alternate', type: 'text/html' },
        { href: self, rel: 'self', type: 'application/atom+xml' },
      ],
      entries: entries.map(({ row, link }) => ({
        id: link,
        title: { value: row.title },
        updated: row.updated_at,
        published: row.published_at!,
        links: [{ href: link, rel: 'alternate', type: 'text/html' }],
        summary: { value: row.summary },
        content: { value: row.body_html, type: 'html' },
        authors: [{ name: agencyName(ctx, row.agency_id) }],
        categories: [{ term: row.category, label: categoryName(ctx, row.category) }],
      })),
    });
  }
  const feed = generateJsonFeed({
    title,
    home_page_url: home,
    feed_url: self,
    description,
    language: 'id',
    authors: [{ name: ctx.region.name }],
    items: entries.map(({ row, link, image }) => ({
      id: link,
      url: link,
      title: row.title,
      summary: row.summary,
      content_html: row.body_html,
      ...(image ? { image } : {}),
      date_published: row.published_at!,
      date_modified: row.updated_at,
      tags: [categoryName(ctx, row.category), ...row.tags],
      authors: [{ name: agencyName(ctx, row.agency_id) }],
    })),
  });
  return JSON.stringify(feed);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Google News sitemap: articles published in the last 2 days, at most 1,000. */
export async function newsSitemap(ctx: Ctx, absolute: (path: string) => string): Promise<string> {
  const since = new Date(ctx.clock.now().getTime() - 2 * 86_400_000);
  const rows = await newestPublished(ctx.db, { limit: 1000, since });
  const urls = rows.map(
    (row) =>
      `<url><loc>${xml(absolute(`/berita/${row.slug}`))}</loc><news:news><news:publication><news:name>${xml(ctx.region.appName)}</news:name><news:language>id</news:language></news:publication><news:publication_date>${row.published_at!.toISOString()}</news:publication_date><news:title>${xml(row.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
