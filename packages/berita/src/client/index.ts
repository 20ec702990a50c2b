/**
 * @kota-kit/berita/client — the browser half: the readers' pages (list with search, categories, tags, an
 * article), the newsroom's pages (articles through their workflow, editor, revisions, sources), a home widget,
 * officer tasks with counts and the translations. Every page is loaded lazily.
 */
import { defineClientModule } from '@kota-kit/core/client';
import { translations } from './translations/index.js';

// Only the id: importing the module definition would put its zod schemas in the first page's JavaScript.
export default defineClientModule({ id: 'berita' }, {
  nav: { labelKey: 'nav.title', descriptionKey: 'nav.description', icon: 'info' },
  routes: [
    { path: '', page: () => import('./pages/list-page.js') },
    { path: 'kategori/:category', page: () => import('./pages/list-page.js') },
    { path: 'tag/:tag', page: () => import('./pages/list-page.js') },
    { path: 'redaksi', page: () => import('./pages/newsroom-page.js') },
    { path: 'redaksi/tulis', page: () => import('./pages/editor-page.js') },
    { path: 'redaksi/artikel/:id', page: () => import('./pages/newsroom-article-page.js') },
    { path: 'redaksi/artikel/:id/ubah', page: () => import('./pages/editor-page.js') },
    { path: 'redaksi/artikel/:id/revisi', page: () => import('./pages/revisions-page.js') },
    { path: 'redaksi/sumber', page: () => import('./pages/sources-page.js') },
    { path: ':slug', page: () => import('./pages/article-page.js') },
  ],
  widgets: [{ id: 'headlines', widget: () => import('./pages/headlines-widget.js') }],
  tasks: [
    { path: 'redaksi', labelKey: 'tasks.newsroom', roles: ['writer', 'editor'], count: () => import('./task-count.js').then((module) => module.newsroomTodo()) },
  ],
  translations,
});
