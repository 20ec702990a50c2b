/**
 * @kota-kit/pencaker/client — the browser half: vacancy search and pages, the seeker's profile and AK/1 card,
 * applications, saved searches, the employer's dashboard, Disnaker's pages, job fairs and statistics; a home
 * widget and Disnaker's task count. Every page is loaded lazily.
 */
import { defineClientModule } from '@kota-kit/core/client';
import { translations } from './translations/index.js';

// Only the id: importing the module definition would put its zod schemas in the first page's JavaScript.
export default defineClientModule({ id: 'pencaker' }, {
  nav: { labelKey: 'nav.title', descriptionKey: 'nav.description', icon: 'search' },
  routes: [
    { path: '', page: () => import('./pages/search-page.js') },
    { path: 'lowongan/:id', page: () => import('./pages/vacancy-page.js') },
    { path: 'profil', page: () => import('./pages/profile-page.js') },
    { path: 'lamaran', page: () => import('./pages/applications-page.js') },
    { path: 'pencarian', page: () => import('./pages/searches-page.js') },
    { path: 'perusahaan', page: () => import('./pages/employer-page.js') },
    { path: 'perusahaan/lowongan/:id', page: () => import('./pages/applicants-page.js') },
    { path: 'petugas', page: () => import('./pages/officer-page.js') },
    { path: 'statistik', page: () => import('./pages/stats-page.js') },
    { path: 'bursa-kerja', page: () => import('./pages/fairs-page.js') },
    { path: 'bursa-kerja/:id', page: () => import('./pages/fair-page.js') },
  ],
  widgets: [{ id: 'latest', widget: () => import('./pages/latest-widget.js') }],
  precache: ['/api/pencaker/vacancies'],
  tasks: [{ path: 'petugas', labelKey: 'officer.tasks', roles: ['officer'], count: () => import('./task-count.js').then((module) => module.officerTodo()) }],
  translations,
});
