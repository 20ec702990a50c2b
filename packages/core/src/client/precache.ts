/**
 * Warms the service worker's API cache with what the modules declared (`precache`), as soon as the worker is
 * active: the first visit online is enough for a module page (LAKSA's report form) to work offline later.
 */
import type { ClientModule } from './module.js';

/** The modules' `precache` URLs and core's own (`extra`: the region's boundaries, for the report form's point). */
export function precacheUrls(modules: readonly ClientModule[], extra: readonly string[] = []): string[] {
  return [...new Set([...modules.flatMap((module) => module.precache ?? []), ...extra].filter((url) => url.startsWith('/api/')))];
}

export function warmPrecache(modules: readonly ClientModule[], extra: readonly string[] = []): void {
  const urls = precacheUrls(modules, extra);
  if (urls.length === 0 || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => registration.active?.postMessage({ type: 'kk:precache', urls }))
    .catch(() => undefined);
}
