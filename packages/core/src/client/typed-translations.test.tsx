// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nProvider } from './translator.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from './i18n.js';
import { defineClientModule } from './module.js';
import { coreTranslations } from './translations.js';
import { defineTranslations, translationKeyDiff, translationKeys } from './typed-translations.js';

const parkirTranslations = defineTranslations('parkir', {
  id: {
    nav: { title: 'Parkir' },
    list: { pageOf: 'Halaman {{page}} dari {{total}}', spots_other: '{{count}} tempat' },
  },
  en: {
    nav: { title: 'Parking' },
    list: { pageOf: 'Page {{page}} of {{total}}', spots_other: '{{count}} spots' },
  },
});

const parkir = defineClientModule({ id: 'parkir' }, { routes: [], translations: parkirTranslations });

function Title() {
  const t = parkirTranslations.useT();
  return (
    <>
      <h1>{t('nav.title')}</h1>
      <p>{t('list.pageOf', { page: 2, total: 5 })}</p>
      <p>{t('list.spots', { count: 3 })}</p>
    </>
  );
}

/** Compile-time checks: each line marked @ts-expect-error must fail to type-check (tsc runs over tests). */
export function typeChecks(t: ReturnType<typeof parkirTranslations.useT>) {
  t('nav.title');
  // @ts-expect-error — an unknown key
  t('nav.nope');
  // @ts-expect-error — a key's interpolated values are required
  t('list.pageOf');
  // @ts-expect-error — and each of them
  t('list.pageOf', { page: 1 });
  defineTranslations('x', {
    id: { a: 'A', b: { c: 'C' } },
    // @ts-expect-error — English lacks a key Indonesian has
    en: { a: 'A', b: {} },
  });
}

afterEach(cleanup);

describe('defineTranslations', () => {
  it('gives a typed t bound to the module namespace, with values and plurals', () => {
    const i18n = createI18n({ modules: [parkir], defaultLanguage: 'id', language: 'en' });
    render(
      <I18nProvider i18n={i18n}>
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Parking' })).toBeTruthy();
    expect(screen.getByText('Page 2 of 5')).toBeTruthy();
    expect(screen.getByText('3 spots')).toBeTruthy();
  });
});

describe('translationKeyDiff', () => {
  it('lists keys present in one language only, folding plural forms', () => {
    expect(translationKeys({ a: 'x', b: { c: 'y', n_one: '1', n_other: 'n' } })).toEqual(['a', 'b.c', 'b.n']);
    const diff = translationKeyDiff({ a: 'x', b: { c: 'y', n_other: '{{count}}' } }, { a: 'x', b: { n_one: 'one', n_other: 'many', d: 'z' } });
    expect(diff).toEqual({ onlyInId: ['b.c'], onlyInEn: ['b.d'] });
  });

  it("finds no difference in core's own tables", () => {
    expect(translationKeyDiff(coreTranslations.id, coreTranslations.en)).toEqual({ onlyInId: [], onlyInEn: [] });
  });
});
