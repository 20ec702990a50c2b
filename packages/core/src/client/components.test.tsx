// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from './translator.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Button, Disclosure, SearchForm, Table, TextField } from './components.js';
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

describe('SearchForm', () => {
  it('names the field, searches on Enter or the button with what was typed, and keeps extra filters inside the form', () => {
    const searched: string[] = [];
    function Page() {
      const [text, setText] = useState('');
      return (
        <SearchForm label="Cari lowongan" button="Cari" placeholder="gudang, kasir" value={text} onChange={setText} onSubmit={() => searched.push(text)}>
          <details>
            <summary>Saringan lainnya</summary>
          </details>
        </SearchForm>
      );
    }
    wrap(<Page />);
    const form = screen.getByRole('search');
    const input = screen.getByRole('searchbox', { name: 'Cari lowongan' }) as HTMLInputElement;
    expect(input.name).toBe('q');
    expect(input.placeholder).toBe('gudang, kasir');
    expect(input.getAttribute('enterkeyhint')).toBe('search');
    fireEvent.change(input, { target: { value: 'kasir' } });
    fireEvent.submit(form);
    fireEvent.click(screen.getByRole('button', { name: 'Cari' }));
    expect(searched).toEqual(['kasir', 'kasir']);
    expect(form.contains(screen.getByText('Saringan lainnya'))).toBe(true);
  });
});

describe('Disclosure', () => {
  it('is a native details element, closed unless asked, with decorative icons', () => {
    wrap(
      <>
        <Disclosure summary="Saringan lainnya" icon="filter">
          <p>Kecamatan</p>
        </Disclosure>
        <Disclosure summary="Saringan lainnya (2 aktif)" open>
          <p>Sektor</p>
        </Disclosure>
      </>,
    );
    const [closed, open] = [...document.querySelectorAll('details')];
    expect(closed!.open).toBe(false);
    expect(open!.open).toBe(true);
    expect(closed!.querySelector('summary')!.textContent).toBe('Saringan lainnya');
    expect(closed!.querySelectorAll('summary svg[aria-hidden="true"]')).toHaveLength(2);
    expect(open!.querySelectorAll('summary svg')).toHaveLength(1);
    expect(closed!.textContent).toContain('Kecamatan');
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
