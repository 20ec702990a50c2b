// @vitest-environment happy-dom
import { createApp, loadTranslations, type ClientBootstrap, type ClientModule } from '@kota-kit/core/client';
import { configure, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

// Lazy pages are compiled on first import; on a busy 2-core CI machine that can take longer than the default 1 s.
configure({ asyncUtilTimeout: 15_000 });
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CategoriesResponse } from '../schemas.js';
import laksaClient from './index.js';
import { StageBadge } from './shared.js';

const categories: CategoriesResponse = {
  categories: [
    { id: 'jalan-rusak', name: { id: 'Jalan rusak / berlubang', en: 'Damaged road / pothole' }, types: ['complaint'], agency: { id: 'dpupr', shortName: 'DPUPR', name: 'Dinas PUPR' }, deadlineWorkingDays: 5 },
  ],
  kecamatan: ['Karawaci', 'Cipondoh'],
  maxPhotos: 3,
  maxPhotoBytes: 5_000_000,
  askNik: false,
};

const bootstrap: ClientBootstrap = {
  region: {
    name: 'Kota Tangerang',
    appName: 'Tangerang Live',
    code: '36.71',
    logo: '/logo.svg',
    colors: { primary: '#0f5c3a', onPrimary: '#ffffff', accent: '#f2b705' },
    defaultLanguage: 'id',
    timeZone: 'Asia/Jakarta',
    contacts: {},
    agencies: [{ id: 'dpupr', name: 'Dinas PUPR', shortName: 'DPUPR' }],
  } as ClientBootstrap['region'],
  modules: [{ id: 'laksa', options: { ...categories, categories: [{ ...categories.categories[0], agency: 'dpupr' }], verifierAgency: 'diskominfo', verifyWithinWorkingDays: 3, reopenWithinWorkingDays: 10, autoCloseAfterWorkingDays: 10 } }],
  demo: true,
  languages: ['id', 'en'],
};

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

async function renderAt(path: string, module: ClientModule = laksaClient) {
  const app = createApp({ bootstrap, modules: [module], language: 'id', initialEntries: [path] });
  await loadTranslations(app.i18n, 'id');
  return render(app.element);
}

let posted: unknown[] = [];
beforeEach(() => {
  posted = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      // The typed client calls absolute URLs of this origin.
      const url = String(input instanceof Request ? input.url : input).replace(location.origin, '');
      if (url.startsWith('/api/auth/me')) return json({ user: null });
      if (url.startsWith('/api/laksa/categories')) return json(categories);
      if (url.startsWith('/api/laksa/reports') && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json(
          {
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            errors: [
              { field: 'body.title', message: 'Judul ditolak server.' },
              { field: 'body.location.kecamatan', message: 'Kecamatan tidak dikenal.' },
            ],
          },
          422,
          'application/problem+json',
        );
      }
      return json({ items: [], total: 0, page: 1, pageSize: 10 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('stage badge', () => {
  const badgePage: ClientModule = {
    ...laksaClient,
    routes: [
      {
        path: '',
        page: async () => ({
          default: () => (
            <ul>
              {(['red', 'yellow', 'green', 'rejected', 'duplicate'] as const).map((stage) => (
                <li key={stage} data-testid={stage}>
                  <StageBadge stage={stage} />
                </li>
              ))}
            </ul>
          ),
        }),
      },
    ],
  };

  it('names the stage in words with a symbol, not colour alone', async () => {
    await renderAt('/laksa', badgePage);
    const red = await screen.findByTestId('red');
    expect(red.textContent).toContain('Merah — baru');
    expect(screen.getByTestId('yellow').textContent).toContain('Kuning — diproses');
    expect(screen.getByTestId('green').textContent).toContain('Hijau — selesai');
    expect(screen.getByTestId('rejected').textContent).toContain('Ditolak');
    expect(red.querySelector('.kk-badge--danger')).not.toBeNull();
    expect(screen.getByTestId('green').querySelector('.kk-badge--success')).not.toBeNull();
    // The symbol is decoration for sighted users; screen readers get the words.
    expect(red.querySelector('[aria-hidden="true"]')?.textContent).toBe('●');
  });
});

describe('report form', () => {
  // The form starts with the place and the photo (issue 13), then the details.
  async function toDetails() {
    await screen.findByRole('heading', { name: 'Buat laporan' });
    fireEvent.change(screen.getByLabelText(/^Kecamatan/), { target: { value: 'Karawaci' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut: isi laporan' }));
    await screen.findByText(/Langkah 2 dari 3/);
  }

  async function fillValidForm() {
    await toDetails();
    fireEvent.change(screen.getByLabelText(/^Kategori/), { target: { value: 'jalan-rusak' } });
    fireEvent.change(screen.getByLabelText(/^Judul/), { target: { value: 'Jalan berlubang besar' } });
    fireEvent.change(screen.getByLabelText(/^Uraian/), { target: { value: 'Lubang besar di lajur kiri, motor jatuh.' } });
  }

  it('has safe visibility defaults: public report, anonymous reporter', async () => {
    await renderAt('/laksa/lapor');
    await toDetails();
    expect((screen.getByRole('radio', { name: /^Anonim/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^Publik/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^Rahasia/ }) as HTMLInputElement).checked).toBe(false);
  });

  it('checks fields before sending and shows the errors next to them', async () => {
    await renderAt('/laksa/lapor');
    await screen.findByRole('heading', { name: 'Buat laporan' });
    // The first step needs a place: a point, an address or a kecamatan.
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut: isi laporan' }));
    expect(await screen.findByText('Pilih kecamatan, isi alamat, atau tandai titik di peta.', { selector: '.kk-field__error' })).toBeTruthy();
    await toDetails();
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut: periksa laporan' }));
    expect(await screen.findByText('Judul minimal 5 karakter.', { selector: '.kk-field__error' })).toBeTruthy();
    expect(screen.getByLabelText(/^Judul/).getAttribute('aria-invalid')).toBe('true');
    expect(posted).toHaveLength(0);
  });

  it('shows what will be public in the review step, then maps the server field errors onto the fields', async () => {
    await renderAt('/laksa/lapor');
    await fillValidForm();
    fireEvent.click(screen.getByRole('radio', { name: /^Rahasia/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut: periksa laporan' }));
    await screen.findByRole('heading', { name: 'Periksa sebelum mengirim' });
    expect(screen.getByRole('heading', { name: /Tidak ada yang terlihat publik/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ubah laporan' }));
    await screen.findByRole('heading', { name: 'Buat laporan' });
    fireEvent.click(screen.getByRole('radio', { name: /^Publik/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut: periksa laporan' }));
    const publicBox = (await screen.findByRole('heading', { name: 'Yang terlihat publik' })).closest('section')!;
    expect(within(publicBox).getByText('Jalan berlubang besar')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' }));

    // Back on the form at the first step with a refused field, each message next to its field, and a summary
    // of all of them (the title's is on the next step).
    expect(await screen.findByText('Kecamatan tidak dikenal.', { selector: '.kk-field__error' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Ada 2 isian yang perlu diperbaiki');
    expect(screen.getByRole('alert').textContent).toContain('Judul ditolak server.');
    fireEvent.click(screen.getByRole('button', { name: 'Lanjut: isi laporan' }));
    const titleError = await screen.findByText('Judul ditolak server.', { selector: '.kk-field__error' });
    expect(titleError.id).toBe(screen.getByLabelText(/^Judul/).getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ title: 'Jalan berlubang besar', confidential: false, anonymous: true, location: { kecamatan: 'Karawaci' } });
    expect(posted[0]).not.toHaveProperty('contact');
  });
});
