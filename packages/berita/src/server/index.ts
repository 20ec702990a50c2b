/**
 * @kota-kit/berita/server — the server half (Node only): migrations, the API, feeds, page heads and sitemap,
 * the scheduled-publication and collector jobs, demo data.
 */
import { defineServerModule } from '@kota-kit/core/server';
import { berita, type BeritaOptions } from '../index.js';
import { beritaApi } from './api.js';
import { migrations } from './migrations/index.js';
import { registerFeeds } from './routes/feeds.js';
import { seed } from './seed.js';
import { publishedEvent, publishScheduled, statusEvent } from './services/articles.js';
import { collectAll } from './services/collector.js';
import { liveUploads } from './services/images.js';
import { beritaPages, beritaSitemap } from './services/pages.js';
import type { BeritaTables } from './tables.js';

export type { BeritaApi } from './api.js';
export type { BeritaTables } from './tables.js';
export { sanitizeArticleHtml, plainText } from './services/sanitize.js';
export { readFeed } from './services/feed-reader.js';

/** What the browser may see of the options (never secrets): `PublicOptionsOf<typeof publicOptions>` in the client. */
export function publicOptions(options: BeritaOptions) {
  return { categories: options.categories, newsroomAgency: options.newsroomAgency, embedHosts: options.embedHosts };
}

export default defineServerModule<typeof berita, BeritaTables>(berita, {
  migrations,
  api: beritaApi,
  rootRoutes: registerFeeds,
  pages: beritaPages,
  sitemap: beritaSitemap,
  // The Google News sitemap, for crawlers reading robots.txt.
  sitemapFiles: ['/berita/sitemap-news.xml'],
  // The embeds the sanitiser keeps (its allow-list) may play on article pages.
  contentSecurity: (ctx) => ({ frames: ctx.options.embedHosts.map((host) => `https://${host}`) }),
  liveUploads,
  seed,
  events: [publishedEvent, statusEvent],
  publicOptions,
  jobs: [
    { name: 'publish-scheduled', everySeconds: 60, run: async (ctx) => void (await publishScheduled(ctx)) },
    // Runs often; each source is fetched only once its interval (the option) has passed.
    { name: 'collect', everySeconds: 300, run: async (ctx) => void (await collectAll(ctx)) },
  ],
});
