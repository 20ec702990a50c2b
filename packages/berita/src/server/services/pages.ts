/**
 * The document heads of berita's public pages, written by the server so link previews (WhatsApp, Facebook) and
 * search engines see them without running JavaScript: an article's title, description, canonical URL, Open
 * Graph (article, image 1200 px with width/height/alt, published time, section, tags, id_ID) and NewsArticle
 * JSON-LD; the landing and category pages with their feeds. Words the module uses for its own pages
 * (redaksi, kategori…) are never taken for an article's slug.
 */
import type { ModulePage, SitemapEntry } from '@kota-kit/core/server';
import { reservedSlugs } from '../../index.js';
import { findBySlug, imagesByKey } from '../queries/articles.js';
import type { Ctx } from '../tables.js';
import { agencyName, categoryName, toImage } from './views.js';

const feedLinks = (base: string, title: string) => [
  { rel: 'alternate', type: 'application/rss+xml', href: `${base}/rss.xml`, title },
  { rel: 'alternate', type: 'application/atom+xml', href: `${base}/atom.xml`, title },
  { rel: 'alternate', type: 'application/feed+json', href: `${base}/feed.json`, title },
];
const reserved = new Set<string>(reservedSlugs);

export function beritaPages(ctx: Ctx): ModulePage[] {
  return [
    {
      path: '/',
      head: async () => ({ head: { title: 'Berita', description: `Berita resmi ${ctx.region.name}: pemerintahan, layanan publik, kesehatan, pendidikan, ekonomi dan lingkungan.`, links: feedLinks('/berita', `Berita ${ctx.region.appName}`) } }),
    },
    {
      path: '/kategori/:slug',
      async head({ params }) {
        const category = ctx.options.categories.find((item) => item.slug === params.slug);
        if (!category) return null;
        return { head: { title: `Berita ${category.name.id}`, description: `Berita ${category.name.id} dari ${ctx.region.name}.`, links: feedLinks(`/berita/kategori/${category.slug}`, `Berita ${category.name.id}`) } };
      },
    },
    {
      path: '/:slug',
      async head({ params, absoluteUrl }) {
        const slug = params.slug ?? '';
        if (reserved.has(slug) || !/^[a-z][a-z0-9-]{0,119}$/.test(slug)) return null;
        const row = await findBySlug(ctx.db, slug);
        // A draft or a scheduled article is not public yet: the app's own page says it is not found.
        if (!row || row.status !== 'published' || !row.published_at) return null;
        const images = await imagesByKey(ctx.db, [row.image_key]);
        const image = toImage(row, row.image_key ? images.get(row.image_key) : undefined);
        const section = categoryName(ctx, row.category);
        const canonicalPath = `/berita/${row.slug}`;
        const publisher = { '@type': 'Organization', name: `Pemerintah ${ctx.region.name}`, logo: { '@type': 'ImageObject', url: absoluteUrl(ctx.region.logo) } };
        return {
          head: {
            title: row.title,
            description: row.summary,
            canonicalPath,
            language: 'id',
            type: 'article',
            ...(image ? { image: { url: image.url, width: image.width, height: image.height, alt: image.alt, type: 'image/jpeg' } } : {}),
            properties: {
              'article:published_time': row.published_at.toISOString(),
              'article:modified_time': row.updated_at.toISOString(),
              'article:section': section,
              'article:tag': row.tags,
            },
            links: feedLinks('/berita', `Berita ${ctx.region.appName}`),
            jsonLd: [
              {
                '@context': 'https://schema.org',
                '@type': 'NewsArticle',
                headline: row.title.length > 110 ? `${row.title.slice(0, 109)}…` : row.title,
                description: row.summary,
                ...(image ? { image: [absoluteUrl(image.url)] } : {}),
                datePublished: row.published_at.toISOString(),
                dateModified: row.updated_at.toISOString(),
                articleSection: section,
                keywords: row.tags,
                inLanguage: 'id',
                mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(canonicalPath) },
                author: [{ '@type': 'Organization', name: agencyName(ctx, row.agency_id) }],
                publisher,
              },
            ],
          },
        };
      },
    },
  ];
}

/** Published articles and the category pages for the host's /sitemap.xml. */
export async function beritaSitemap(ctx: Ctx): Promise<SitemapEntry[]> {
  const rows = await ctx.db.selectFrom('berita_articles').select(['slug', 'updated_at']).where('status', '=', 'published').orderBy('published_at', 'desc').limit(45_000).execute();
  return [
    ...ctx.options.categories.map((category) => ({ path: `/berita/kategori/${category.slug}`, changeFrequency: 'daily' as const, priority: 0.6 })),
    ...rows.map((row) => ({ path: `/berita/${row.slug}`, lastModified: row.updated_at, changeFrequency: 'weekly' as const, priority: 0.7 })),
  ];
}
