import type { Language } from '../region.js';

/**
 * Plain (non-React) state that apiFetch and the formatters read, so they can be called
 * from anywhere (query functions, event handlers) without passing the language around.
 * Kept in sync by the i18n setup.
 */
export const runtime: { language: Language; timeZone: string; fetch?: typeof fetch } = {
  language: 'id',
  timeZone: 'Asia/Jakarta',
  // On the server (a page's first view): the host's own API, answered in-process. In the browser: unset (fetch).
  fetch: undefined,
};

/**
 * Same list as region.ts's `languages`, repeated so the browser bundle does not import region.ts
 * (and with it zod's schemas) just for two strings.
 */
export const clientLanguages: readonly Language[] = ['id', 'en'];
