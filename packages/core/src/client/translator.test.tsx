// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18n, I18nProvider, useTranslation } from './translator.js';

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
});
