import type { Context } from 'hono';
import type { Region } from '../region.js';
import type { ClientBootstrap } from '../types.js';
import type { AppEnv } from './http.js';

/**
 * The document head of one public page, as link previews (WhatsApp, Facebook) and search engines read it from the
 * server's HTML before any JavaScript runs. Every text is plain text: core escapes it.
 */
export interface PageHead {
  /** The page's own title; core appends " · <app name>". */
  title: string;
  /** One or two sentences (meta description and og:description); core trims it to 300 characters. */
  description?: string;
  /** Path of the page's one address ("/pencaker/lowongan/12"); core makes it absolute. Default: the request's path. */
  canonicalPath?: string;
  /** Language of the page's content; default the region's. */
  language?: 'id' | 'en';
  /** og:type; default "website". */
  type?: 'website' | 'article' | 'profile';
  /** The preview image: an absolute URL or a path on this host (made absolute); give width, height and alt. */
  image?: { url: string; width?: number; height?: number; alt: string; type?: string };
  /**
   * More Open Graph (or other `property=`) meta tags: `{ 'article:published_time': iso, 'article:tag': ['a', 'b'] }`.
   * A list gives one tag per value.
   */
  properties?: Record<string, string | number | readonly (string | number)[] | undefined>;
  /** schema.org objects, each written as one `<script type="application/ld+json">` data block. */
  jsonLd?: readonly Record<string, unknown>[];
  /** e.g. "noindex" for a page that exists but must not be listed (a closed vacancy). */
  robots?: string;
  /** Other representations: feeds (`{ rel: 'alternate', type: 'application/rss+xml', href, title }`). Paths made absolute. */
  links?: readonly { rel: string; href: string; type?: string; title?: string }[];
}

/** What a module's page answers: the head and the HTTP status (404 unknown, 410 gone: the page says so). */
export interface PageAnswer {
  status?: 200 | 404 | 410;
  head: PageHead;
}

/** What a page's head function is given. */
export interface PageRequest {
  /** The path's parameters (`/lowongan/:id` → `{ id }`), as sent (not validated: check them). */
  params: Record<string, string>;
  /** The page's absolute URL of `path` on this host (`KOTA_PUBLIC_URL`, else the request's origin). */
  absoluteUrl(path: string): string;
  /** The request, for its language and signed-in user; public heads should not depend on the user. */
  c: Context<AppEnv>;
}

/**
 * One public page of a module whose head the server writes. `path` is under the module's URL segment, in the
 * router's syntax: `/lowongan/:id` serves `/pencaker/lowongan/12`; `/` is the module's landing page.
 */
export interface ModulePage {
  path: string;
  /** The head, or null for the host's default head (an address the module does not know is still the app's). */
  head(request: PageRequest): Promise<PageAnswer | null>;
}

/** One address in the host's /sitemap.xml. */
export interface SitemapEntry {
  /** Path on this host ("/berita/banjir-surut"). */
  path: string;
  lastModified?: Date;
  changeFrequency?: 'always' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'never';
  /** 0.0–1.0. */
  priority?: number;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON safe inside <script>: no "</script>", no HTML comment openers, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The origin absolute links are made from: the configured public URL, else the request's own. */
export function absoluteUrlFor(publicUrl: string | undefined, requestUrl: string): (path: string) => string {
  const base = publicUrl ?? new URL(requestUrl).origin;
  return (path: string) => (/^https?:\/\//i.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`);
}

const ogLocales = { id: 'id_ID', en: 'en_US' } as const;

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** The head tags of a module's page: they replace the host's default title and description. */
export function pageHeadTags(head: PageHead, region: Region, absoluteUrl: (path: string) => string, requestPath: string): string[] {
  const language = head.language ?? region.defaultLanguage;
  const title = `${cut(head.title, 200)} · ${region.appName}`;
  const canonical = absoluteUrl(head.canonicalPath ?? requestPath);
  const meta = (property: string, content: string | number) => `<meta property="${escapeHtml(property)}" content="${escapeHtml(String(content))}">`;
  const tags = [`<title>${escapeHtml(title)}</title>`];
  if (head.description) tags.push(`<meta name="description" content="${escapeHtml(cut(head.description, 300))}">`);
  if (head.robots) tags.push(`<meta name="robots" content="${escapeHtml(head.robots)}">`);
  tags.push(`<link rel="canonical" href="${escapeHtml(canonical)}">`);
  tags.push(meta('og:site_name', region.appName), meta('og:title', cut(head.title, 200)), meta('og:type', head.type ?? 'website'), meta('og:url', canonical), meta('og:locale', ogLocales[language]));
  if (head.description) tags.push(meta('og:description', cut(head.description, 300)));
  if (head.image) {
    tags.push(meta('og:image', absoluteUrl(head.image.url)), meta('og:image:alt', head.image.alt));
    if (head.image.type) tags.push(meta('og:image:type', head.image.type));
    if (head.image.width) tags.push(meta('og:image:width', head.image.width));
    if (head.image.height) tags.push(meta('og:image:height', head.image.height));
    tags.push(`<meta name="twitter:card" content="summary_large_image">`);
  }
  for (const [property, value] of Object.entries(head.properties ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) tags.push(meta(property, item as string | number));
  }
  for (const link of head.links ?? []) {
    const attributes = [`rel="${escapeHtml(link.rel)}"`, `href="${escapeHtml(absoluteUrl(link.href))}"`];
    if (link.type) attributes.push(`type="${escapeHtml(link.type)}"`);
    if (link.title) attributes.push(`title="${escapeHtml(link.title)}"`);
    tags.push(`<link ${attributes.join(' ')}>`);
  }
  // Data blocks, not scripts: the browser never runs them, so the page's CSP needs no hash for them.
  for (const item of head.jsonLd ?? []) tags.push(`<script type="application/ld+json">${scriptJson(item)}</script>`);
  return tags;
}

/** The host's default head: title, description, theme colour, manifest, icon. */
export function defaultHeadTags(bootstrap: ClientBootstrap): string[] {
  const { region } = bootstrap;
  return [`<title>${escapeHtml(region.appName)} · ${escapeHtml(region.name)}</title>`, `<meta name="description" content="${escapeHtml(`${region.appName}: layanan publik ${region.name}`)}">`];
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The sitemaps.org document of `entries` (at most 50,000: the protocol's limit per file). */
export function sitemapXml(entries: readonly SitemapEntry[], absoluteUrl: (path: string) => string): string {
  const urls = entries.slice(0, 50_000).map((entry) => {
    const parts = [`<loc>${xmlEscape(absoluteUrl(entry.path))}</loc>`];
    if (entry.lastModified) parts.push(`<lastmod>${entry.lastModified.toISOString()}</lastmod>`);
    if (entry.changeFrequency) parts.push(`<changefreq>${entry.changeFrequency}</changefreq>`);
    if (entry.priority !== undefined) parts.push(`<priority>${Math.min(1, Math.max(0, entry.priority)).toFixed(1)}</priority>`);
    return `<url>${parts.join('')}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
