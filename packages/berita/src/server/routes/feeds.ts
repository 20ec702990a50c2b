/** Feeds and the news sitemap at stable addresses outside /api (`rootRoutes`), as feed readers and crawlers expect. */
import { absoluteUrlFor, type AppEnv, type OpenAPIHono, type RequestContext } from '@kota-kit/core/server';
import { feedFiles, feedRows, newsSitemap, renderFeed, type FeedFormat } from '../services/feeds.js';
import type { Ctx } from '../tables.js';

const cache = 'public, max-age=300';

export function registerFeeds(app: OpenAPIHono<AppEnv>, ctx: Ctx): void {
  const serve = async (c: RequestContext, format: FeedFormat, category?: string) => {
    if (category !== undefined && !ctx.options.categories.some((item) => item.slug === category)) {
      return c.body('Kategori tidak ditemukan.\n', 404, { 'content-type': 'text/plain; charset=utf-8' });
    }
    const { rows, etag } = await feedRows(ctx, category);
    // Feed readers ask again and again: an unchanged feed costs them a 304, not the whole document.
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { etag, 'cache-control': cache });
    const body = await renderFeed(ctx, { format, category, absolute: absoluteUrlFor(ctx.publicUrl, c.req.url) }, rows);
    return c.body(body, 200, { 'content-type': feedFiles[format].type, etag, 'cache-control': cache });
  };
  for (const format of Object.keys(feedFiles) as FeedFormat[]) {
    app.get(`/berita/${feedFiles[format].file}`, (c) => serve(c, format));
    app.get(`/berita/kategori/:slug/${feedFiles[format].file}`, (c) => serve(c, format, c.req.param('slug')));
  }
  app.get('/berita/sitemap-news.xml', async (c) => c.body(await newsSitemap(ctx, absoluteUrlFor(ctx.publicUrl, c.req.url)), 200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': cache }));
}
