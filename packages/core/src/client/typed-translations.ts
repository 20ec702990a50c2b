/**
 * Translations whose keys the compiler checks. A module declares its tables once:
 *
 *   export const translations = defineTranslations('laksa', { id: { list: { pageOf: 'Halaman {{page}} dari {{total}}' } }, en: { … } });
 *   export const useT = translations.useT;
 *   // in a page: const t = useT(); t('list.pageOf', { page: 2, total: 5 });   t('list.nope') → compile error
 *
 * `en` must have exactly the shape of `id` (same nested keys, strings), so a key missing in one language is a
 * compile error as well; `translationKeyDiff` finds the same at run time for tables typed loosely.
 */
import type { TranslateOptions as TOptions } from './translator.js';
import { useCallback } from 'react';
import { useTranslation } from './translator.js';
import type { TranslationTable } from './module.js';

/** Plural suffixes (by Intl.PluralRules): `count_one` / `count_other` are both reached through the key `count`. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every leaf of a nested table as a dotted path: { a: { b: 'x' } } → 'a.b'. */
export type TranslationKey<T> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPlural<K> : `${K}.${TranslationKey<T[K]>}`;
}[keyof T & string];

/** The text (or texts, for plural forms) behind a dotted key. */
type LeafAt<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? LeafAt<T[Head], Rest>
    : never
  : Path extends keyof T
    ? T[Path]
    : T[`${Path}_${PluralSuffix}` & keyof T];

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
/** The names inside `{{…}}` of a text, without a format ("{{value, number}}" → "value"). */
type Variables<S> = S extends `${string}{{${infer Inner}}}${infer Rest}`
  ? (Inner extends `${infer Name},${string}` ? Trim<Name> : Trim<Inner>) | Variables<Rest>
  : never;

/** Keys that are leaves as written (a key reached only through plural suffixes is not one). */
type ExactKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${ExactKey<T[K]>}`;
}[keyof T & string];

/** The names a key's text interpolates; `count` too when the key has plural forms. */
export type TranslationValueNames<T, K extends string> = Variables<LeafAt<T, K>> | (K extends ExactKey<T> ? never : 'count');

/** The values `t(key, values)` needs for a key. */
export type TranslationValues<T, K extends string> = Record<TranslationValueNames<T, K>, string | number>;

/** Options `t` understands besides the interpolated values. */
export interface TranslateOptions {
  defaultValue?: string;
  lng?: string;
}

/** `t` of a typed table: known keys only; the interpolated values are required when the text has any. */
export type TypedT<T> = <K extends TranslationKey<T>>(
  key: K,
  ...values: [TranslationValueNames<T, K>] extends [never] ? [options?: TranslateOptions] : [values: TranslationValues<T, K> & TranslateOptions]
) => string;

/** A table with the same keys as `T`, any strings as values: the shape `en` must have. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/** A table, or a loader of it: loaders keep each language in its own chunk, fetched only when in use. */
export type TableOrLoader<T> = T | (() => Promise<T>);

export interface TypedTranslations<T extends TranslationTable> {
  /** The namespace (the module id). */
  namespace: string;
  id: TableOrLoader<T>;
  en: TableOrLoader<SameShape<T>>;
  /** The typed `t` of the namespace, re-rendering on a language change. */
  useT: () => TypedT<T>;
}

/**
 * Declares a module's translation tables (Bahasa Indonesia first) and gives a typed `useT` bound to its namespace.
 * Pass the result as `translations` to `defineClientModule`. Give loaders so that each language is its own
 * chunk and a visitor downloads only theirs:
 *
 *   import type { id } from './id.js';
 *   defineTranslations<typeof id>('laksa', { id: () => import('./id.js').then((m) => m.id), en: () => import('./en.js').then((m) => m.en) });
 */
export function defineTranslations<const T extends TranslationTable>(namespace: string, tables: { id: TableOrLoader<T>; en: TableOrLoader<SameShape<T>> }): TypedTranslations<T> {
  function useT(): TypedT<T> {
    const { t } = useTranslation(namespace);
    // The keys and their options are checked by the typed signature above; the translator sees plain strings and options.
    return useCallback((key: string, options?: TOptions) => t(key, options), [t]) as TypedT<T>;
  }
  return { namespace, id: tables.id, en: tables.en, useT };
}

/** Every leaf of a table as a dotted key, plural forms folded into their base key ("count_one" → "count"). */
export function translationKeys(table: TranslationTable, prefix = ''): string[] {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') keys.add(prefix + key.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const nested of translationKeys(value, `${prefix}${key}.`)) keys.add(nested);
  }
  return [...keys].sort();
}

export interface TranslationKeyDiff {
  /** Keys only the Indonesian table has. */
  onlyInId: string[];
  /** Keys only the English table has. */
  onlyInEn: string[];
}

/**
 * The keys present in one language only. Plural forms count as their base key, since Indonesian has one form
 * ("{{count}} laporan") where English has two ("1 report", "2 reports").
 */
export function translationKeyDiff(id: TranslationTable, en: TranslationTable): TranslationKeyDiff {
  const idKeys = new Set(translationKeys(id));
  const enKeys = new Set(translationKeys(en));
  return {
    onlyInId: [...idKeys].filter((key) => !enKeys.has(key)),
    onlyInEn: [...enKeys].filter((key) => !idKeys.has(key)),
  };
}
