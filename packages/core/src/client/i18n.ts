import { I18n, useTranslation } from './translator.js';
import type { Language } from '../region.js';
import type { ClientModule, TranslationTable } from './module.js';
import { clientLanguages as languages, runtime } from './runtime.js';
import { coreTranslations } from './translations.js';

export const languageStorageKey = 'kk_lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language the visitor chose before: the cookie the server also reads. Not localStorage, whose first read
 * opens the browser's storage (tens of milliseconds on a cheap phone, before the first render).
 */
export function storedLanguage(): Language | undefined {
  if (typeof document === 'undefined') return undefined;
  const match = /(?:^|;\s*)kk_lang=([^;]+)/.exec(document.cookie);
  return isLanguage(match?.[1]) ? match[1] : undefined;
}

function persistLanguage(language: Language): void {
  if (typeof document === 'undefined') return;
  // The server reads the cookie to answer in the same language; one year, whole site.
  document.cookie = `${languageStorageKey}=${language}; path=/; max-age=31536000; samesite=lax`;
  setPageLanguage(language);
}

/**
 * `<html lang>`, written only when it changes: writing it, even with the same value, makes the browser check the
 * style of every element of the page again (`:lang()`), measured at 25 ms on /laksa (100 ms on a cheap phone)
 * right when the app takes over the server's page.
 */
function setPageLanguage(language: Language): void {
  if (document.documentElement.lang !== language) document.documentElement.lang = language;
}

export interface CreateI18nOptions {
  modules: ClientModule[];
  defaultLanguage: Language;
  /** Overrides the stored choice (tests, server-chosen language). */
  language?: Language;
}

/** The modules of each app's translator, so a language change can load their tables first. */
const modulesOf = new WeakMap<I18n, ClientModule[]>();

/**
 * One i18next instance per app: namespace `core` plus one namespace per module id. Tables given as objects are
 * there at once; tables given as loaders arrive with `loadTranslations` (startClient awaits it before the first
 * paint, `changeLanguage` before switching).
 */
export function createI18n({ modules, defaultLanguage, language }: CreateI18nOptions): I18n {
  const initial = language ?? storedLanguage() ?? defaultLanguage;
  const resources: Record<string, Record<string, TranslationTable>> = {};
  for (const lang of languages) {
    resources[lang] = { core: coreTranslations[lang] };
    for (const module of modules) {
      const source = module.translations[lang];
      if (typeof source !== 'function') resources[lang][module.definition.id] = source;
    }
  }
  const i18n = new I18n({ language: initial, fallbackLanguage: defaultLanguage, resources });
  const sync = (lang: string) => {
    if (!isLanguage(lang)) return;
    runtime.language = lang;
    if (typeof document !== 'undefined') setPageLanguage(lang);
  };
  sync(i18n.language);
  i18n.on('languageChanged', sync);
  modulesOf.set(i18n, modules);
  return i18n;
}

/** Fetches the modules' tables of `language` that are loaders and not loaded yet (in parallel). */
export async function loadTranslations(i18n: I18n, language: Language): Promise<void> {
  const modules = modulesOf.get(i18n) ?? [];
  await Promise.all(
    modules.map(async (module) => {
      const source = module.translations[language];
      if (typeof source !== 'function' || i18n.hasResourceBundle(language, module.definition.id)) return;
      i18n.addResourceBundle(language, module.definition.id, await source());
    }),
  );
}

/** Switches the language and remembers the choice (localStorage + `kk_lang` cookie). */
export async function changeLanguage(i18n: I18n, language: Language): Promise<void> {
  await loadTranslations(i18n, language);
  persistLanguage(language);
  await i18n.changeLanguage(language);
}

/** `useTranslation` bound to a module's namespace: `t('nav.title')`. */
export function useModuleTranslation(moduleId: string) {
  return useTranslation(moduleId);
}

/** The current language as a typed value. */
export function useLanguage(): Language {
  const { i18n } = useTranslation('core');
  return isLanguage(i18n.language) ? i18n.language : 'id';
}
