// Shared by the client tests only (not exported from the package).
import { defineModule } from '../contract.js';
import type { ClientBootstrap } from '../types.js';
import { defineClientModule } from './module.js';

export const parkir = defineModule({ id: 'parkir', package: '@kota-kit/parkir' });

export const parkirClient = defineClientModule(parkir, {
  nav: { labelKey: 'nav.title', descriptionKey: 'nav.description', icon: '🅿️' },
  routes: [{ path: '', page: async () => ({ default: () => <h1>Parkir page</h1> }) }],
  widgets: [
    { id: 'broken', widget: async () => ({ default: () => { throw new Error('widget boom'); } }) },
    { id: 'ok', widget: async () => ({ default: () => <p>Widget ok</p> }) },
  ],
  translations: {
    id: { nav: { title: 'Parkir', description: 'Cari tempat parkir' } },
    en: { nav: { title: 'Parking', description: 'Find a parking spot' } },
  },
});

export const bootstrap: ClientBootstrap = {
  region: {
    name: 'Kota Contoh',
    appName: 'Contoh Live',
    code: '36.99',
    logo: '/logo.svg',
    colors: { primary: '#0b5cad', onPrimary: '#ffffff', accent: '#f5a400' },
    defaultLanguage: 'id',
    timeZone: 'Asia/Jakarta',
    contacts: { email: 'halo@contoh.go.id', phone: '(021) 555-0101' },
    agencies: [],
  },
  modules: [{ id: 'parkir', options: {} }],
  demo: true,
  languages: ['id', 'en'],
};

/** A fetch stub answering /api/auth/me with no user. */
export function signedOutFetch(): typeof fetch {
  return async () =>
    new Response(JSON.stringify({ user: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
}
