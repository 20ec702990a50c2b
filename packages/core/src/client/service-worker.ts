/**
 * Source of `/sw.js`, emitted by the Vite plugin at build time. Node-safe (a string), so the
 * plugin can import it without pulling browser code into the build.
 */
export interface ServiceWorkerOptions {
  /** Changes with every build that changes any asset; part of the cache names. */
  version: string;
  /** Hashed build files (JS, CSS, images), cache-first. */
  assets: string[];
  /** Unhashed URLs to keep for offline use (the shell "/", the logo, the manifest), network-first. */
  shell: string[];
}

export function serviceWorkerSource({ version, assets, shell }: ServiceWorkerOptions): string {
  return `/* Kota Kit service worker, build ${version}. Generated; do not edit. */
const VERSION = ${JSON.stringify(version)};
const STATIC_CACHE = 'kk-static-' + VERSION;
const API_CACHE = 'kk-api-' + VERSION;
const ASSETS = ${JSON.stringify(assets)};
const SHELL = ${JSON.stringify(shell)};
const ASSET_SET = new Set(ASSETS);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE).then((cache) =>
      // One by one, so one missing file does not stop the worker from installing.
      Promise.all(ASSETS.concat(SHELL).map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined))),
    ).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('kk-') && key !== STATIC_CACHE && key !== API_CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

// A response the server marked private or no-store (personal data) is never kept.
function cacheable(response) {
  if (!response || !response.ok || response.type !== 'basic') return false;
  const control = response.headers.get('Cache-Control') || '';
  return !/no-store|private/i.test(control);
}

async function networkFirst(request, cacheName, fallbackUrl) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (cacheable(response)) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Offline, an answer kept under another language or cookie beats none (ignoreVary as the last resort).
    const cached = (await cache.match(request)) || (await cache.match(request, { ignoreVary: true })) || (fallbackUrl && (await cache.match(fallbackUrl)));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) await cache.put(request, response.clone());
  return response;
}

function offlineProblem() {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: 'Offline', status: 503, detail: 'offline' }),
    { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

// The app asks, once it is started, for the API answers its modules declared (\`precache\`), so a page that was
// never opened works offline on first use. Only same-origin /api/ GETs, only answers that may be kept.
async function warm(urls) {
  const cache = await caches.open(API_CACHE);
  await Promise.all(urls.map(async (url) => {
    try {
      const target = new URL(url, self.location.origin);
      if (target.origin !== self.location.origin || !target.pathname.startsWith('/api/') || target.pathname.startsWith('/api/auth/')) return;
      const response = await fetch(new Request(target.href, { credentials: 'same-origin', cache: 'no-cache' }));
      if (cacheable(response)) await cache.put(target.href, response);
    } catch (error) {
      // Offline now: the next start asks again.
    }
  }));
}

self.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'kk:precache' || !Array.isArray(message.urls)) return;
  const urls = message.urls.filter((url) => typeof url === 'string').slice(0, 50);
  event.waitUntil(warm(urls).then(() => {
    if (event.source && event.source.postMessage) event.source.postMessage({ type: 'kk:precached', urls });
  }));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (path === '/sw.js' || path.startsWith('/api/auth/')) return;
  if (path.startsWith('/api/')) {
    event.respondWith(networkFirst(request, API_CACHE).catch(offlineProblem));
    return;
  }
  if (request.mode === 'navigate') {
    // Any page of the app works offline with the cached shell; the router takes it from there.
    event.respondWith(networkFirst(request, STATIC_CACHE, '/'));
    return;
  }
  if (ASSET_SET.has(path)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (SHELL.includes(path)) event.respondWith(networkFirst(request, STATIC_CACHE));
});
`;
}
