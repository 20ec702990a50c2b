import type { IconName } from './icons.js';
import type { ComponentType } from 'react';

/** A nested translation table: { nav: { title: 'LAKSA' } } → t('nav.title'). */
export interface TranslationTable {
  [key: string]: string | TranslationTable;
}

export interface ClientRoute {
  /** Relative to the module's segment: '' is /<module>, 'reports/:id' is /<module>/reports/:id. */
  path: string;
  /** Loaded on first visit, so a region ships no page code until it is opened. */
  page: () => Promise<{ default: ComponentType }>;
}

export interface HomeWidget {
  id: string;
  /** Loaded lazily after the home screen paints. */
  widget: () => Promise<{ default: ComponentType }>;
}

export interface NavEntry {
  /** Translation key in the module's namespace. */
  labelKey: string;
  /** Short description for the home tile, translation key. */
  descriptionKey?: string;
  /** The name of one of core's SVG icons (`IconName`: 'report', 'market', 'info', …); other text is shown as it is. */
  icon: IconName | (string & {});
}

/** A page of officer work, listed under "Tugas saya" on home for users holding one of `roles`. */
export interface OfficerTask {
  /** Relative to the module's segment, like a route path. */
  path: string;
  /** Translation key in the module's namespace. */
  labelKey: string;
  /** The module's role ids that may open it; region admins see every task. */
  roles: string[];
  /**
   * Optional: how many items wait there for the signed-in officer, shown beside the link ("Kotak masuk (3)").
   * Called after the home screen paints (load its code lazily); a failure or a rejected promise shows no count.
   */
  count?: () => Promise<number>;
}

/**
 * What the browser needs of a module's definition: its id. A client entry passes `{ id: 'laksa' }` rather than
 * importing the definition object, so the options schema (zod) stays out of the first page's JavaScript.
 */
export interface ClientModuleRef {
  id: string;
}

export interface ClientModule {
  definition: ClientModuleRef;
  nav?: NavEntry;
  tasks?: OfficerTask[];
  routes: ClientRoute[];
  widgets?: HomeWidget[];
  /**
   * Same-origin API GETs the module's pages need offline on first use (e.g. `['/api/laksa/categories']`): the
   * service worker fetches and keeps them as soon as the app is installed or opened, so a page never opened
   * before still works offline. Public answers only: the worker never keeps a private or no-store answer.
   */
  precache?: string[];
  /**
   * Both languages are required: Bahasa Indonesia first, English for visitors. Give loaders
   * (`() => import('./translations/id.js').then((m) => m.id)`) so a visitor downloads only the language they read.
   */
  translations: { id: TranslationSource; en: TranslationSource };
}

/** A translation table, or a loader of it (its own small chunk, fetched only for the language in use). */
export type TranslationSource = TranslationTable | (() => Promise<TranslationTable>);

/** The table of a source: `await loadTable(module.translations.en)`. */
export async function loadTable(source: TranslationSource): Promise<TranslationTable> {
  return typeof source === 'function' ? source() : source;
}

/** The browser half of a module. */
export function defineClientModule(definition: ClientModuleRef, parts: Omit<ClientModule, 'definition'>): ClientModule {
  return { definition: { id: definition.id }, ...parts };
}
