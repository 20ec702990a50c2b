/**
 * @kota-kit/module-template/client — the browser half: pages (each loaded lazily), the nav entry, a home widget,
 * the officer task and the translations.
 */
import { defineClientModule } from '@kota-kit/core/client';
import { translations } from './translations/index.js';

// Only the id: importing the module definition would put its options schema in the first page's JavaScript.
export default defineClientModule({ id: 'module-template' }, {
  nav: { labelKey: 'nav.title', descriptionKey: 'nav.description', icon: 'info' },
  routes: [{ path: '', page: () => import('./pages/notices-page.js') }],
  widgets: [{ id: 'latest', widget: () => import('./pages/latest-widget.js') }],
  tasks: [{ path: '', labelKey: 'list.write', roles: ['editor'] }],
  translations,
});
