/**
 * The texts of the app in the visitor's language: one table per namespace (`core`, each module id) and language,
 * looked up by dotted key, with `{{name}}` values and plural forms by `count` (`key_one` / `key_other`, chosen by
 * the language's own rules through Intl.PluralRules). This is all Kota Kit needs of an i18n library; it costs
 * well under 1 kB on a citizen's first page where i18next with its React binding cost about 16 kB.
 */
import { createContext, createElement, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { TranslationTable } from './module.js';

export interface TranslateOptions {
  /** Chooses the plural form and is available as {{count}}. */
  count?: number;
  /** Shown when the key has no text in the language or its fallback. */
  defaultValue?: string;
  /** Another language than the current one. */
  lng?: string;
  /** Another namespace than the hook's (a module's nav label in the shell). */
  ns?: string;
  [name: string]: unknown;
}

type Listener = (language: string) => void;

/** One app's texts and current language. */
export class I18n {
  language: string;
  /** Grows with every language change and every table of the current language that arrives. */
  revision = 0;
  private readonly fallbackLanguage: string;
  private readonly tables = new Map<string, TranslationTable>();
  private readonly listeners = new Set<Listener>();
  private readonly pluralRules = new Map<string, Intl.PluralRules>();

  constructor(options: { language: string; fallbackLanguage: string; resources?: Record<string, Record<string, TranslationTable>> }) {
    this.language = options.language;
    this.fallbackLanguage = options.fallbackLanguage;
    for (const [language, namespaces] of Object.entries(options.resources ?? {})) {
      for (const [namespace, table] of Object.entries(namespaces)) this.addResourceBundle(language, namespace, table);
    }
  }

  addResourceBundle(language: string, namespace: string, table: TranslationTable): void {
    this.tables.set(`${language}\u0000${namespace}`, table);
    // Texts that arrived late (a language loaded on demand) must show: listeners re-render.
    if (language === this.language) this.notify();
  }

  /**
   * Tables that came with a page's own code, added without telling listeners: nothing on screen shows them yet,
   * and the page adds them while it renders.
   */
  provide(namespace: string, tables: Record<string, TranslationTable>): void {
    for (const [language, table] of Object.entries(tables)) {
      if (!this.hasResourceBundle(language, namespace)) this.tables.set(`${language}\u0000${namespace}`, table);
    }
  }

  hasResourceBundle(language: string, namespace: string): boolean {
    return this.tables.has(`${language}\u0000${namespace}`);
  }

  async changeLanguage(language: string): Promise<void> {
    if (language === this.language) return;
    this.language = language;
    this.notify();
  }

  private notify(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener(this.language);
  }

  /** Calls `listener` after every language change (and when texts of the current language arrive). */
  on(event: 'languageChanged', listener: Listener): () => void {
    if (event !== 'languageChanged') throw new Error(`Unknown event ${String(event)}`);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The text of `key` in `namespace`; the key itself when no language has it (visible, so it gets fixed). */
  t(namespace: string, key: string, options: TranslateOptions = {}): string {
    const languages = [options.lng ?? this.language, this.fallbackLanguage];
    for (const language of languages) {
      const text = this.lookup(language, namespace, key, options.count);
      if (text !== undefined) return interpolate(text, options);
    }
    return options.defaultValue !== undefined ? interpolate(options.defaultValue, options) : key;
  }

  private lookup(language: string, namespace: string, key: string, count: number | undefined): string | undefined {
    const table = this.tables.get(`${language}\u0000${namespace}`);
    if (!table) return undefined;
    const parts = key.split('.');
    const last = parts.pop()!;
    let node: TranslationTable | string | undefined = table;
    for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'object') return undefined;
    if (typeof count === 'number') {
      const form = this.pluralRule(language).select(count);
      for (const suffix of [form, 'other']) {
        const text = node[`${last}_${suffix}`];
        if (typeof text === 'string') return text;
      }
    }
    const text = node[last];
    if (typeof text === 'string') return text;
    // A plural key asked for without a count: its "other" form.
    const other = node[`${last}_other`];
    return typeof other === 'string' ? other : undefined;
  }

  private pluralRule(language: string): Intl.PluralRules {
    let rule = this.pluralRules.get(language);
    if (!rule) {
      rule = new Intl.PluralRules(language);
      this.pluralRules.set(language, rule);
    }
    return rule;
  }
}

/** Replaces `{{name}}` (and `{{name, format}}`, format ignored) with the option's value; unknown names stay empty. */
function interpolate(text: string, values: TranslateOptions): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g, (_match, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

const I18nContext = createContext<I18n | null>(null);

/** Gives the app's texts to every component below. */
export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return createElement(I18nContext.Provider, { value: i18n }, children);
}

export type TFunction = (key: string, options?: TranslateOptions) => string;

/** `t` of a namespace (the first, when given several; `{ ns }` picks another), re-rendering when the language changes or texts arrive. */
export function useTranslation(namespaces: string | readonly string[] = 'core'): { t: TFunction; i18n: I18n } {
  const namespace = (typeof namespaces === 'string' ? namespaces : namespaces[0]) ?? 'core';
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('Kota Kit: useTranslation outside the app (no I18nProvider).');
  // The revision changes with the language and with texts arriving, so `t` (and memos depending on it) renew.
  const revision = useSyncExternalStore(
    useCallback((notify: () => void) => i18n.on('languageChanged', notify), [i18n]),
    () => i18n.revision,
    () => i18n.revision,
  );
  const t = useCallback<TFunction>((key, options) => i18n.t(options?.ns ?? namespace, key, options), [i18n, namespace, revision]); // eslint-disable-line react-hooks/exhaustive-deps -- the revision renews t
  return { t, i18n };
}

/**
 * `t` of texts that travel with a lazily loaded page (`namespace`, both languages) rather than in every visitor's
 * first script; a key the page's tables lack is looked up in `core` (shared words such as "Keluar").
 */
export function usePageTranslations(namespace: string, tables: Record<string, TranslationTable>): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext);
  i18n?.provide(namespace, tables);
  const { t: own, i18n: instance } = useTranslation(namespace);
  const { t: core } = useTranslation('core');
  const t = useCallback<TFunction>((key, options) => own(key, { ...options, defaultValue: core(key, options) }), [own, core]);
  return { t, i18n: instance };
}
