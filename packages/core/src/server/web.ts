import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import { tileOrigin, type Region } from '../region.js';
import { contentSecurityPolicy } from './security.js';
import type { ClientBootstrap } from '../types.js';
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

/** Makes JSON safe inside <script>: no "</script>", no HTML comment openers, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page's only inline style and script: the region's colours and the bootstrap data (allowed by hash in the CSP). */
export function inlineParts(bootstrap: ClientBootstrap): { style: string; script: string } {
  const colors = bootstrap.region.colors;
  return {
    style: `html:root{--kk-color-primary:${colors.primary};--kk-color-on-primary:${colors.onPrimary};--kk-color-accent:${colors.accent}}`,
    script: `window.__KOTA_KIT__=${scriptJson(bootstrap)}`,
  };
}

/** What replaces `<!--kota-kit:head-->` in the built index.html: title, theme, manifest and the bootstrap data. */
export function headHtml(bootstrap: ClientBootstrap): string {
  const { region } = bootstrap;
  const colors = region.colors;
  const inline = inlineParts(bootstrap);
  return [
    `<title>${escapeHtml(region.appName)} · ${escapeHtml(region.name)}</title>`,
    `<meta name="description" content="${escapeHtml(`${region.appName}: layanan publik ${region.name}`)}">`,
    `<meta name="theme-color" content="${colors.primary}">`,
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

/**
 * Serves the host's built browser app: hashed assets with a long cache, index.html with the region's head
 * for every page route, the web app manifest and the service worker.
 */
export function mountWebApp(app: Hono<AppEnv>, clientDir: string, bootstrap: ClientBootstrap, region: Region): void {
  const root = resolve(clientDir);
  let indexHtml: string | null = null;
  const inline = inlineParts(bootstrap);
  // The region's tile host may serve the street map's images (core's RegionMap); nothing else from outside.
  const tiles = tileOrigin(region.map);
  const pagePolicy = contentSecurityPolicy({ scripts: [inline.script], styles: [inline.style] }, { images: tiles ? [tiles] : [] });
  const loadIndex = async () => {
    if (indexHtml === null) {
      const raw = await readFile(join(root, 'index.html'), 'utf8');
      if (!raw.includes('<!--kota-kit:head-->')) throw new Error(`${join(root, 'index.html')} lacks the <!--kota-kit:head--> placeholder.`);
      indexHtml = raw.replace('<!--kota-kit:head-->', headHtml(bootstrap)).replace('<div id="root"></div>', `<div id="root">${bootShellHtml(bootstrap)}</div>`);
    }
    return indexHtml;
  };

  app.get('/manifest.webmanifest', (c) => c.body(JSON.stringify(webManifest(region)), 200, { 'content-type': contentTypes['.webmanifest']! }));

  app.get('*', async (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return next();
    const file = resolve(join(root, path));
    if (file.startsWith(root + sep) && extname(file)) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const immutable = path.startsWith('/assets/');
        return c.body(await readFile(file), 200, {
          'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
      return c.notFound();
    }
    return c.html(await loadIndex(), 200, { 'cache-control': 'no-cache', 'content-security-policy': pagePolicy });
  });
}
