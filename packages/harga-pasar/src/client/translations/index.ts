import { defineTranslations, type TypedT } from '@kota-kit/core/client';
import type { id } from './id.js';

/** Harga pasar's texts, Bahasa Indonesia first; `useT()` knows every key and the values each text needs. */
export const translations = defineTranslations<typeof id>('harga-pasar', {
  // One chunk per language: a visitor downloads only the language they read.
  id: () => import('./id.js').then((table) => table.id),
  en: () => import('./en.js').then((table) => table.en),
});
export const useT = translations.useT;
export type T = TypedT<typeof id>;
