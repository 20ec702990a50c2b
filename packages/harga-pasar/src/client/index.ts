/**
 * @kota-kit/harga-pasar/client — the browser half: the public board, commodity and market pages, the
 * home widget, and the officers' entry, publication, alert and settings pages. Every page is loaded lazily.
 */
import { defineClientModule } from '@kota-kit/core/client';
import { translations } from './translations/index.js';

// Only the id: importing the module definition would put its zod options schema in the first page's JavaScript.
export default defineClientModule({ id: 'harga-pasar' }, {
  nav: { labelKey: 'nav.title', descriptionKey: 'nav.description', icon: 'market' },
  routes: [
    { path: '', page: () => import('./board-page.js') },
    { path: 'komoditas/:id', page: () => import('./commodity-page.js') },
    { path: 'pasar', page: () => import('./markets-page.js') },
    { path: 'pasar/:id', page: () => import('./market-page.js') },
    { path: 'entri', page: () => import('./entry-page.js') },
    { path: 'publikasi', page: () => import('./publish-page.js') },
    { path: 'peringatan', page: () => import('./alerts-page.js') },
    { path: 'pengaturan', page: () => import('./settings-page.js') },
  ],
  widgets: [{ id: 'today', widget: () => import('./widget-today.js') }],
  // Listed under "Tugas saya" on the home screen for officers holding the role.
  tasks: [
    { path: 'entri', labelKey: 'entry.title', roles: ['enumerator'] },
    { path: 'publikasi', labelKey: 'publish.title', roles: ['supervisor'] },
    { path: 'peringatan', labelKey: 'alerts.title', roles: ['enumerator', 'supervisor'] },
    { path: 'pengaturan', labelKey: 'settings.title', roles: ['supervisor'] },
  ],
  translations,
});
