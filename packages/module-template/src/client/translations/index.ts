import { defineTranslations } from '@kota-kit/core/client';
import { en } from './en.js';
import { id } from './id.js';

export const translations = defineTranslations('module-template', { id, en });
/** `const t = useT(); t('list.title')` — a key that does not exist is a compile error. */
export const useT = translations.useT;
