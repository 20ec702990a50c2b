import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { tileOrigin, type Region } from '../region.js';
import { acceptsEncoding } from './compress.js';
import { contentSecurityPolicy } from './security.js';
import { absoluteUrlFor, defaultHeadTags, escapeHtml, pageHeadTags, scriptJson, sitemapXml, type ModulePage, type PageHead, type SitemapEntry } from './pages.js';
import type { Logger } from './services.js';
import type { ClientBootstrap, PageRenderer } from '../types.js';
import type { Language } from '../region.js';
import type { AppEnv } from './http.js';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The page's only inline style and script: the region's colours and the bootstrap data (allowed by hash in the CSP). */
export function inlineParts(bootstrap: ClientBootstrap): { style: string; script: string } {
  const colors = bootstrap.region.colors;
  return {
    style: `html:root{--kk-color-primary:${colors.primary};--kk-color-on-primary:${colors.onPrimary};--kk-color-accent:${colors.accent}}`,
    script: `window.__KOTA_KIT__=${scriptJson(bootstrap)}`,
  };
}

/** What replaces `<!--kota-kit:head-->` in the built index.html: title, theme, manifest and the bootstrap data. */
export function headHtml(bootstrap: ClientBootstrap, pageTags: string[] = defaultHeadTags(bootstrap)): string {
  const { region } = bootstrap;
  const inline = inlineParts(bootstrap);
  return [
    ...pageTags,
    `<meta name="theme-color" content="${region.colors.primary}">`,
    `<link rel="manifest" href="/manifest.webmanifest">`,
    `<link rel="icon" href="${escapeHtml(region.logo)}">`,
    `<style>${inline.style}</style>`,
    `<script>${inline.script}</script>`,
  ].join('\n    ');
}

/**
 * What a phone paints before the JavaScript has arrived: the header with the region's name and a loading line.
 * React replaces it on start.
 */
export function bootShellHtml(bootstrap: ClientBootstrap): string {
  const { region } = bootstrap;
  const loading = region.defaultLanguage === 'en' ? 'Loading…' : 'Memuat…';
  return `<header class="kk-header"><div class="kk-container kk-header__inner"><span class="kk-brand"><img class="kk-brand__logo" src="${escapeHtml(region.logo)}" alt="" width="36" height="36"><span class="kk-brand__name">${escapeHtml(region.appName)}</span></span></div></header><main class="kk-container"><p class="kk-boot" role="status">${loading}</p></main>`;
}

export function webManifest(region: Region) {
  return {
    name: `${region.appName} — ${region.name}`,
    short_name: region.appName,
    lang: region.defaultLanguage,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: region.colors.primary,
    icons: [{ src: region.logo, sizes: 'any', type: region.logo.endsWith('.svg') ? 'image/svg+xml' : 'image/png', purpose: 'any' }],
  };
}

/** The page every address gets when the host serves no built browser app (API-only hosts and module tests). */
const bareIndexHtml = '<!doctype html>\n<html lang="id">\n  <head>\n    <meta charset="utf-8">\n    <meta name="viewport" content="width=device-width, initial-scale=1">\n    <!--kota-kit:head-->\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

export interface WebAppOptions {
  /** The built browser app (Vite's output); without it, only module pages, the sitemap and robots.txt are served. */
  clientDir?: string;
  bootstrap: ClientBootstrap;
  region: Region;
  /** Module pages whose head the server writes, with their full path ("/pencaker/lowongan/:id"). */
  pages: readonly { moduleId: string; path: string; page: ModulePage }[];
  /** Every module's sitemap entries; a module whose entries fail is left out (and logged), not the whole sitemap. */
  sitemaps: readonly { moduleId: string; entries: () => Promise<readonly SitemapEntry[]> }[];
  publicUrl?: string;
  log: Logger;
  /** The modules' own sitemap files (paths), for robots.txt. */
  sitemapFiles?: readonly string[];
  /** Outside origins the modules' pages need (`ServerModule.contentSecurity`). */
  allow?: { frames: string[]; images: string[] };
  /** Renders a page's first view from the host's render entry (`@kota-kit/core/render`); without it, the boot shell. */
  render?: PageRenderer;
}

/**
 * Serves the host's built browser app: hashed assets with a long cache, index.html with the region's head
 * for every page route (a module's own head for its public pages), /sitemap.xml, robots.txt, the web app
 * manifest and the service worker.
 */
export function mountWebApp(app: Hono<AppEnv>, options: WebAppOptions): void {
  const { bootstrap, region, log } = options;
  const root = options.clientDir ? resolve(options.clientDir) : null;
  let template: { before: string; after: string } | null = null;
  const inline = inlineParts(bootstrap);
  // The region's tile host may serve the street map's images (core's RegionMap); nothing else from outside.
  const tiles = tileOrigin(region.map);
  const pagePolicy = contentSecurityPolicy(
    { scripts: [inline.script], styles: [inline.style] },
    { images: [...(tiles ? [tiles] : []), ...(options.allow?.images ?? [])], frames: options.allow?.frames ?? [], styleAttributes: true },
  );
  // Per language, the translation chunks the browser app loads before its first render (from the kit's Vite plugin).
  let preloads: Record<string, string[]> | null = null;
  const preloadTags = async (c: Context<AppEnv>) => {
    if (preloads === null) {
      const text = root ? await readFile(join(root, 'kota-kit-preload.json'), 'utf8').catch(() => '{}') : '{}';
      try {
        preloads = JSON.parse(text) as Record<string, string[]>;
      } catch {
        preloads = {};
      }
    }
    // A data block, not links: the entry fetches them once the page is painted (`afterFirstPaint`).
    return [`<script type="application/json" id="kk-preload">${scriptJson((preloads[pageLanguage(c)] ?? []).map((file) => `/${file}`))}</script>`];
  };
  const loadTemplate = async () => {
    if (template === null) {
      const raw = root ? await readFile(join(root, 'index.html'), 'utf8') : bareIndexHtml;
      const at = raw.indexOf('<!--kota-kit:head-->');
      if (at < 0) throw new Error(`${join(root ?? '', 'index.html')} lacks the <!--kota-kit:head--> placeholder.`);
      const after = raw.slice(at + '<!--kota-kit:head-->'.length);
      if (!after.includes('<div id="root"></div>')) throw new Error(`${join(root ?? '', 'index.html')} lacks <div id="root"></div>.`);
      template = { before: raw.slice(0, at), after };
    }
    return template;
  };
  // The language the app will show: the visitor's choice (the cookie it sets), else the region's. Not the browser's
  // Accept-Language: the browser app reads only the cookie, and its first render must match the server's.
  const pageLanguage = (c: Context<AppEnv>): Language => {
    const chosen = getCookie(c, 'kk_lang');
    return chosen && (bootstrap.languages as string[]).includes(chosen) ? (chosen as Language) : region.defaultLanguage;
  };
  /** The page's first view: rendered from the app's components when the host can, else the boot shell. */
  const rootHtml = async (c: Context<AppEnv>, language: Language): Promise<string> => {
    if (options.render) {
      const url = new URL(c.req.url);
      try {
        const cookie = c.req.header('cookie');
        const rendered = await options.render({
          url: url.pathname + url.search,
          bootstrap,
          language,
          user: c.get('user'),
          onPartError: (error) => log.warn('page part left to the browser', { path: url.pathname, error: String(error) }),
          // The page's queries, answered in-process by this host's API as the visitor (same cookie, same answers).
          fetch: (input, init) => {
            const headers = new Headers(init?.headers);
            if (cookie) headers.set('cookie', cookie);
            const target = input instanceof Request ? input.url : String(input);
            return Promise.resolve(app.request(target, { ...init, headers }));
          },
        });
        if (rendered !== null) {
          const state = scriptJson({ language, user: c.get('user'), path: url.pathname, queries: rendered.queries });
          return `<div id="root">${rendered.html}</div><script type="application/json" id="kk-rendered">${state}</script>`;
        }
      } catch (error) {
        log.error('page render failed', { path: url.pathname, error: String(error) });
      }
    }
    return `<div id="root">${bootShellHtml(bootstrap)}</div>`;
  };
  const htmlHeaders = { 'cache-control': 'no-cache', 'content-security-policy': pagePolicy };
  /** The page; `language` is its content's (a module page's head may say), default the app's. */
  const page = async (c: Context<AppEnv>, status: 200 | 404 | 410, tags?: string[], language?: string) => {
    const { before, after } = await loadTemplate();
    const appLanguage = pageLanguage(c);
    const head = [headHtml(bootstrap, tags), ...(await preloadTags(c))].join('\n    ');
    const body = after.replace('<div id="root"></div>', await rootHtml(c, appLanguage));
    const html = `${before.replace(/<html lang="[^"]*"/, `<html lang="${language ?? appLanguage}"`)}${head}${body}`;
    // A page that shows who is signed in is never kept by shared caches or the service worker (a shared phone).
    return c.html(html, status, c.get('user') ? { ...htmlHeaders, 'cache-control': 'private, no-cache' } : htmlHeaders);
  };

  app.get('/manifest.webmanifest', (c) => c.body(JSON.stringify(webManifest(region)), 200, { 'content-type': contentTypes['.webmanifest']! }));

  app.get('/sitemap.xml', async (c) => {
    const entries: SitemapEntry[] = [{ path: '/', changeFrequency: 'daily', priority: 1 }, ...bootstrap.modules.map((module) => ({ path: `/${module.id}`, changeFrequency: 'daily' as const, priority: 0.8 }))];
    for (const sitemap of options.sitemaps) {
      try {
        entries.push(...(await sitemap.entries()));
      } catch (error) {
        log.error('sitemap entries failed', { module: sitemap.moduleId, error: String(error) });
      }
    }
    return c.body(sitemapXml(entries, absoluteUrlFor(options.publicUrl, c.req.url)), 200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=900' });
  });

  app.get('/robots.txt', async (c, next) => {
    if (root && (await stat(join(root, 'robots.txt')).catch(() => null))?.isFile()) return next();
    const absolute = absoluteUrlFor(options.publicUrl, c.req.url);
    const sitemaps = ['/sitemap.xml', ...(options.sitemapFiles ?? [])].map((path) => `Sitemap: ${absolute(path)}`).join('\n');
    return c.body(`User-agent: *\nAllow: /\nDisallow: /api/\n\n${sitemaps}\n`, 200, { 'content-type': contentTypes['.txt']!, 'cache-control': 'public, max-age=3600' });
  });

  for (const { moduleId, path, page: modulePage } of options.pages) {
    app.get(path, async (c) => {
      const absoluteUrl = absoluteUrlFor(options.publicUrl, c.req.url);
      let answer: { status?: 200 | 404 | 410; head: PageHead } | null = null;
      try {
        answer = await modulePage.head({ params: c.req.param() as Record<string, string>, absoluteUrl, c });
      } catch (error) {
        // The page itself still loads (the browser app shows the content); only its preview is the default one.
        log.error('page head failed', { module: moduleId, path, error: String(error) });
      }
      if (!answer) return page(c, 200);
      const tags = pageHeadTags(answer.head, region, absoluteUrl, c.req.path);
      return page(c, answer.status ?? 200, tags, answer.head.language);
    });
  }

  // A page's form sent by the browser itself (before the app had started): show the page again, by GET.
  app.post('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    const url = new URL(c.req.url);
    return c.redirect(url.pathname + url.search, 303);
  });

  if (!root) return;
  // Which hashed assets have a .br / .gz copy written by the Vite plugin (asked once per file: the build does not change).
  const copies = new Map<string, Promise<boolean>>();
  const hasCopy = (file: string) => {
    let known = copies.get(file);
    if (!known) copies.set(file, (known = stat(file).then((info) => info.isFile(), () => false)));
    return known;
  };
  const precompressedCopy = async (file: string, acceptEncoding: string | undefined) => {
    for (const [coding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (acceptsEncoding(acceptEncoding, coding) && (await hasCopy(file + suffix))) return { coding, file: file + suffix };
    }
    return null;
  };
  app.get('*', async (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return next();
    const file = resolve(join(root, path));
    if (file.startsWith(root + sep) && extname(file)) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const immutable = path.startsWith('/assets/');
        const headers: Record<string, string> = {
          'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        };
        const precompressed = immutable ? await precompressedCopy(file, c.req.header('accept-encoding')) : null;
        if (precompressed) Object.assign(headers, { 'content-encoding': precompressed.coding, vary: 'Accept-Encoding' });
        return c.body(await readFile(precompressed?.file ?? file), 200, headers);
      }
      return c.notFound();
    }
    return page(c, 200);
  });
}
