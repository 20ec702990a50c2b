import { defineTranslations } from '@kota-kit/core/client';
import type { id } from './id.js';

export const translations = defineTranslations<typeof id>('berita', {
  // One chunk per language: a visitor downloads only the language they read.
  id: () => import('./id.js').then((table) => table.id),
  en: () => import('./en.js').then((table) => table.en),
});
/** `const t = useT(); t('list.title')` — a key that does not exist is a compile error. */
export const useT = translations.useT;
