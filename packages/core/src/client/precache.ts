/**
 * Warms the service worker's API cache with what the modules declared (`precache`), as soon as the worker is
 * active: the first visit online is enough for a module page (LAKSA's report form) to work offline later.
 */
import type { ClientModule } from './module.js';

export function precacheUrls(modules: readonly ClientModule[]): string[] {
  return [...new Set(modules.flatMap((module) => module.precache ?? []).filter((url) => url.startsWith('/api/')))];
}

export function warmPrecache(modules: readonly ClientModule[]): void {
  const urls = precacheUrls(modules);
  if (urls.length === 0 || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => registration.active?.postMessage({ type: 'kk:precache', urls }))
    .catch(() => undefined);
}
