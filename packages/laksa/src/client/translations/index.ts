import { defineTranslations, type TypedT } from '@kota-kit/core/client';
import { en } from './en.js';
import { id } from './id.js';

/** LAKSA's texts, Bahasa Indonesia first; `useT()` knows every key and the values each text needs. */
export const translations = defineTranslations('laksa', { id, en });
export const useT = translations.useT;
export type T = TypedT<typeof id>;
