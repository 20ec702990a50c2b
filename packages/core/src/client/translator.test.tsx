// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18n, I18nProvider, usePageTranslations, useTranslation } from './translator.js';

const tables = {
  id: { core: { greeting: 'Halo {{name}}', reports: { count_other: '{{count}} laporan' }, onlyId: 'Hanya di sini' } },
  en: { core: { greeting: 'Hello {{ name }}', reports: { count_one: '{{count}} report', count_other: '{{count}} reports' } } },
};

describe('I18n', () => {
  it('interpolates values, chooses plural forms by the language and falls back to the default language', () => {
    const i18n = new I18n({ language: 'en', fallbackLanguage: 'id', resources: tables });
    expect(i18n.t('core', 'greeting', { name: 'Sari' })).toBe('Hello Sari');
    expect(i18n.t('core', 'reports.count', { count: 1 })).toBe('1 report');
    expect(i18n.t('core', 'reports.count', { count: 3 })).toBe('3 reports');
    expect(i18n.t('core', 'reports.count', { count: 1, lng: 'id' })).toBe('1 laporan');
    expect(i18n.t('core', 'onlyId')).toBe('Hanya di sini');
    expect(i18n.t('core', 'nope.key')).toBe('nope.key');
    expect(i18n.t('core', 'nope', { defaultValue: 'Lain {{x}}', x: 1 })).toBe('Lain 1');
    expect(i18n.t('core', 'greeting')).toBe('Hello ');
  });

  it('re-renders users when the language changes and when texts of the language arrive late', async () => {
    const i18n = new I18n({ language: 'id', fallbackLanguage: 'id', resources: { id: tables.id } });
    function Greeting() {
      const { t } = useTranslation('late');
      return <p>{t('hello', { defaultValue: '…' })}</p>;
    }
    render(
      <I18nProvider i18n={i18n}>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('…')).toBeTruthy();
    act(() => i18n.addResourceBundle('id', 'late', { hello: 'Selamat datang' }));
    expect(screen.getByText('Selamat datang')).toBeTruthy();
    i18n.addResourceBundle('en', 'late', { hello: 'Welcome' });
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByText('Welcome')).toBeTruthy();
  });

  it("gives a lazily loaded page its own texts (both languages, added without a re-render), falling back to core's", async () => {
    const i18n = new I18n({ language: 'id', fallbackLanguage: 'id', resources: tables });
    let listened = 0;
    i18n.on('languageChanged', () => void (listened += 1));
    const page = { id: { title: 'Akun saya', onlyId: 'Milik halaman' }, en: { title: 'My account' } };
    function Page() {
      const { t } = usePageTranslations('page', page);
      return (
        <p>
          {t('title')} · {t('onlyId')} · {t('greeting', { name: 'Sari' })} · {t('missing.key')}
        </p>
      );
    }
    render(
      <I18nProvider i18n={i18n}>
        <Page />
      </I18nProvider>,
    );
    expect(screen.getByText('Akun saya · Milik halaman · Halo Sari · missing.key')).toBeTruthy();
    expect(listened).toBe(0);
    expect(i18n.hasResourceBundle('en', 'page')).toBe(true);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByText('My account · Milik halaman · Hello Sari · missing.key')).toBeTruthy();
  });
});
