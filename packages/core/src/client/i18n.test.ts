// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { changeLanguage, createI18n } from './i18n.js';

/** Attribute writes on <html> while `run` runs (the page's style is checked again after each). */
async function htmlWrites(run: () => unknown): Promise<string[]> {
  const writes: string[] = [];
  const observer = new MutationObserver((records) => writes.push(...records.map((record) => record.attributeName ?? '')));
  observer.observe(document.documentElement, { attributes: true });
  await run();
  await new Promise((resolve) => setTimeout(resolve, 0));
  writes.push(...observer.takeRecords().map((record) => record.attributeName ?? ''));
  observer.disconnect();
  return writes;
}

describe('the page language', () => {
  it('is left alone when the server already wrote it, and written when it changes', async () => {
    document.documentElement.lang = 'id';
    let i18n = createI18n({ modules: [], defaultLanguage: 'id', language: 'en' });
    expect(document.documentElement.lang).toBe('en');
    // The app taking over a page the server rendered in Indonesian: no write, so no style check of every element.
    expect(await htmlWrites(() => (i18n = createI18n({ modules: [], defaultLanguage: 'id', language: 'en' })))).toEqual([]);
    expect(await htmlWrites(() => changeLanguage(i18n, 'id'))).toEqual(['lang']);
    expect(document.documentElement.lang).toBe('id');
  });
});
