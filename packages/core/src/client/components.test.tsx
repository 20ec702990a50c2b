// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from './translator.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Button, Table, TextField } from './components.js';
import { createI18n } from './i18n.js';

const i18n = createI18n({ modules: [], defaultLanguage: 'id', language: 'id' });
const wrap = (node: ReactNode) => render(<I18nProvider i18n={i18n}>{node}</I18nProvider>);

afterEach(cleanup);

describe('TextField', () => {
  it('ties label, hint and error to the input', () => {
    wrap(<TextField label="Judul" hint="Singkat saja" error="Judul wajib diisi" required />);
    const input = screen.getByRole('textbox', { name: /Judul/ });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby')!.split(' ');
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['Singkat saja', 'Judul wajib diisi']);
    expect(screen.getByText('(wajib)', { exact: false })).toBeTruthy();
  });

  it('is not marked invalid without an error', () => {
    wrap(<TextField label="Nama" />);
    const input = screen.getByRole('textbox', { name: 'Nama' });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('Button and Table', () => {
  it('blocks a second submit while loading', () => {
    wrap(<Button loading>Kirim</Button>);
    const button = screen.getByRole('button', { name: 'Kirim' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
  });

  it('renders a captioned table with labels for phones', () => {
    wrap(
      <Table
        caption="Harga hari ini"
        columns={[{ key: 'name', header: 'Komoditas' }, { key: 'price', header: 'Harga', numeric: true }]}
        rows={[{ name: 'Beras', price: 'Rp 14.000' }]}
        rowKey={(row) => row.name}
      />,
    );
    expect(screen.getByRole('table', { name: 'Harga hari ini' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Harga hari ini' })).toBeTruthy();
    expect(screen.getByText('Rp 14.000').getAttribute('data-label')).toBe('Harga');
  });
});
