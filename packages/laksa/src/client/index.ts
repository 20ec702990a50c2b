/**
 * @kota-kit/laksa/client — the browser half: the public LAKSA home with list and map, the report form (with an
 * offline outbox), the private tracking page, the public report page, statistics, the home widget and the
 * officers' inbox and report pages. Every page is loaded lazily.
 */
import { defineClientModule } from '@kota-kit/core/client';
import { translations } from './translations/index.js';

// Reports written offline are sent when the app starts online and whenever the phone comes back online.
// The outbox code is loaded only then, so the start bundle stays small.
if (typeof window !== 'undefined' && typeof indexedDB !== 'undefined') {
  const start = () => void import('./outbox.js').then((outbox) => outbox.startOutbox()).catch(() => undefined);
  if (navigator.onLine !== false) setTimeout(start, 1500);
  else window.addEventListener('online', start, { once: true });
}

// Only the id: importing the module definition would put its zod schemas in the first page's JavaScript.
export default defineClientModule({ id: 'laksa' }, {
  nav: { labelKey: 'nav.title', descriptionKey: 'nav.description', icon: 'report' },
  routes: [
    { path: '', page: () => import('./home-page.js') },
    { path: 'lapor', page: () => import('./report-page.js') },
    { path: 'lacak/:token', page: () => import('./track-page.js') },
    // The server's `trackingUrl` is /laksa/track/<token>: the same page.
    { path: 'track/:token', page: () => import('./track-page.js') },
    { path: 'laporan/:ticket', page: () => import('./detail-page.js') },
    { path: 'saya', page: () => import('./mine-page.js') },
    { path: 'saya/:ticket', page: () => import('./track-page.js') },
    { path: 'statistik', page: () => import('./stats-page.js') },
    { path: 'petugas', page: () => import('./inbox-page.js') },
    { path: 'petugas/:id', page: () => import('./officer-report-page.js') },
  ],
  widgets: [{ id: 'latest', widget: () => import('./widget-latest.js') }],
  // Kept by the service worker from the first start, so the report form works offline on first use.
  precache: ['/api/laksa/categories'],
  // Listed under "Tugas saya" on the home screen for officers holding the role, with what waits for them.
  tasks: [{ path: 'petugas', labelKey: 'inbox.title', roles: ['verifier', 'handler'], count: () => import('./task-count.js').then((module) => module.inboxTodo()) }],
  translations,
});
