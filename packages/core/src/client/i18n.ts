import { createInstance, type i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../region.js';
import type { ClientModule } from './module.js';
import { clientLanguages as languages, runtime } from './runtime.js';
import { coreTranslations } from './translations.js';

export const languageStorageKey = 'kk_lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language the visitor chose before (localStorage, then the cookie the server also reads). */
export function storedLanguage(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(languageStorageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode); the cookie still works.
  }
  if (typeof document === 'undefined') return undefined;
  const match = /(?:^|;\s*)kk_lang=([^;]+)/.exec(document.cookie);
  return isLanguage(match?.[1]) ? match[1] : undefined;
}

function persistLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(languageStorageKey, language);
  } catch {
    // Ignore: see storedLanguage.
  }
  if (typeof document === 'undefined') return;
  // The server reads the cookie to answer in the same language; one year, whole site.
  document.cookie = `${languageStorageKey}=${language}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = language;
}

export interface CreateI18nOptions {
  modules: ClientModule[];
  defaultLanguage: Language;
  /** Overrides the stored choice (tests, server-chosen language). */
  language?: Language;
}

/** One i18next instance per app: namespace `core` plus one namespace per module id. */
export function createI18n({ modules, defaultLanguage, language }: CreateI18nOptions): I18n {
  const initial = language ?? storedLanguage() ?? defaultLanguage;
  const resources: Record<string, Record<string, object>> = {};
  for (const lang of languages) {
    resources[lang] = { core: coreTranslations[lang] };
    for (const module of modules) resources[lang][module.definition.id] = module.translations[lang];
  }
  const i18n = createInstance();
  void i18n.init({
    resources,
    lng: initial,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    ns: ['core', ...modules.map((module) => module.definition.id)],
    defaultNS: 'core',
    // Resources are bundled, so init is synchronous and the first paint is already translated.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const sync = (lang: string) => {
    if (!isLanguage(lang)) return;
    runtime.language = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  };
  sync(i18n.language);
  i18n.on('languageChanged', sync);
  return i18n;
}

/** Switches the language and remembers the choice (localStorage + `kk_lang` cookie). */
export async function changeLanguage(i18n: I18n, language: Language): Promise<void> {
  persistLanguage(language);
  await i18n.changeLanguage(language);
}

/** i18next's `useTranslation` bound to a module's namespace: `t('nav.title')`. */
export function useModuleTranslation(moduleId: string) {
  return useTranslation(moduleId);
}

/** The current language as a typed value. */
export function useLanguage(): Language {
  const { i18n } = useTranslation('core');
  return isLanguage(i18n.language) ? i18n.language : 'id';
}
