/**
 * @kota-kit/berita — the module's table of contents: its id (URL /berita, API /api/berita, tables berita_…,
 * translation namespace berita), its options and its roles. Safe in the browser and on the server.
 */
import { defineModule, z, type OptionIssue } from '@kota-kit/core';

const slug = z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'must be a lowercase slug like "layanan-publik"');
const text = z.object({ id: z.string().min(1), en: z.string().min(1) });

/**
 * Words under /berita that are the module's own pages or feeds, never an article's slug (so /berita/redaksi is
 * the newsroom, not an article called "redaksi").
 */
export const reservedSlugs = ['kategori', 'tag', 'cari', 'redaksi', 'sumber', 'rss.xml', 'atom.xml', 'feed.json', 'sitemap-news.xml', 'gambar', 'api', 'tulis', 'baru'] as const;

export const categoryOptionSchema = z.object({ slug, name: text });

export const beritaOptionsSchema = z.object({
  /** The agency whose editors run the newsroom: they review every agency's articles and manage collected sources. */
  newsroomAgency: z.string().min(1),
  categories: z.array(categoryOptionSchema).min(1).max(40),
  /** Articles per page in the public list. */
  pageSize: z.number().int().min(5).max(50).default(12),
  /** Hosts an embed (iframe) in an article may come from; any other embed is removed when the article is saved. */
  embedHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).default(['www.youtube-nocookie.com', 'www.youtube.com', 'player.vimeo.com', 'www.google.com']),
  collector: z
    .object({
      /** How often the sources are fetched. */
      intervalMinutes: z.number().int().min(5).max(1440).default(30),
      /** A source that has not answered in this time is given up for this round. */
      timeoutSeconds: z.number().int().min(1).max(60).default(10),
      /** A feed larger than this is refused (bytes). */
      maxBytes: z.number().int().min(10_000).max(20_000_000).default(2_000_000),
      /** Items kept per source and fetch (newest first). */
      maxItems: z.number().int().min(1).max(200).default(30),
      /**
       * Demo mode only: sources whose URL starts with `demo:` are read from the fixture files shipped in the
       * package (no network), so the collection works offline.
       */
      demoSources: z.boolean().default(true),
      /**
       * Whether a source may live on a private, loopback or link-local address (an intranet feed). Off by default,
       * so an editor's account can never be used to read the server's own network.
       */
      allowPrivateHosts: z.boolean().default(false),
    })
    .default({ intervalMinutes: 30, timeoutSeconds: 10, maxBytes: 2_000_000, maxItems: 30, demoSources: true, allowPrivateHosts: false }),
});
export type BeritaOptionsInput = z.input<typeof beritaOptionsSchema>;
export type BeritaOptions = z.output<typeof beritaOptionsSchema>;

export const berita = defineModule({
  id: 'berita',
  package: '@kota-kit/berita',
  hasStyles: true,
  options: beritaOptionsSchema,
  roles: [
    { id: 'writer', description: "Writes the agency's articles and sends them for review", agencyScoped: true },
    {
      id: 'editor',
      description: "Reviews the agency's articles (requests changes, approves), schedules, publishes and corrects them; the newsroom agency's editors do so for every agency and manage the collected sources",
      agencyScoped: true,
    },
  ],
  checkOptions: (options, region) => {
    const issues: OptionIssue[] = [];
    if (!region.agencies.some((agency) => agency.id === options.newsroomAgency)) issues.push({ path: ['newsroomAgency'], message: `no agency "${options.newsroomAgency}" in the region` });
    const seen = new Set<string>();
    options.categories.forEach((category, index) => {
      if (seen.has(category.slug)) issues.push({ path: ['categories', index, 'slug'], message: `category "${category.slug}" is listed twice` });
      seen.add(category.slug);
    });
    return issues;
  },
});

/** City-news categories of Kota Tangerang (and a sensible default for any region). */
export const defaultCategories: z.input<typeof categoryOptionSchema>[] = [
  { slug: 'pemerintahan', name: { id: 'Pemerintahan', en: 'Government' } },
  { slug: 'layanan-publik', name: { id: 'Layanan publik', en: 'Public services' } },
  { slug: 'kesehatan', name: { id: 'Kesehatan', en: 'Health' } },
  { slug: 'pendidikan', name: { id: 'Pendidikan', en: 'Education' } },
  { slug: 'ekonomi', name: { id: 'Ekonomi', en: 'Economy' } },
  { slug: 'lingkungan', name: { id: 'Lingkungan', en: 'Environment' } },
];

export * from './schemas/articles.js';
export * from './schemas/collector.js';
