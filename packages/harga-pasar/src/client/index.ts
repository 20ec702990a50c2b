/**
 * @kota-kit/harga-pasar/client — the browser half: translations and a lazily loaded board page.
 */
import { defineClientModule } from '@kota-kit/core/client';
import { hargaPasar } from '../index.js';
import { translations } from './translations.js';

export default defineClientModule(hargaPasar, {
  nav: { labelKey: 'nav.title', descriptionKey: 'nav.description', icon: '🛒' },
  routes: [{ path: '', page: () => import('./board-page.js') }],
  translations,
});
