// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from './translator.js';
import { MemoryRouter } from './router.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { ClientBootstrap } from '../types.js';
import { ApiError } from './api.js';
import { EmptyState, ErrorState, TextField } from './components.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { KotaKitContext } from './context.js';
import { DataTable } from './data-table.js';
import { DateText, dateText } from './date-text.js';
import { useApiForm } from './form.js';
import { createI18n } from './i18n.js';
import { Icon, iconNames } from './icons.js';
import { PagedList, Pager } from './paging.js';
import { moduleRoles } from './roles.js';
import { ScrollRow, SubNav } from './sub-nav.js';
import { bootstrap } from './test-fixtures.js';

const i18n = createI18n({ modules: [], defaultLanguage: 'id', language: 'id' });

function tree(node: ReactNode, { path = '/', boot = bootstrap }: { path?: string; boot?: ClientBootstrap } = {}) {
  return (
    <KotaKitContext.Provider value={{ bootstrap: boot, modules: [] }}>
      <I18nProvider i18n={i18n}>
        <MemoryRouter initialEntries={[path]}>{node}</MemoryRouter>
      </I18nProvider>
    </KotaKitContext.Provider>
  );
}
const wrap = (node: ReactNode, options?: { path?: string; boot?: ClientBootstrap }) => render(tree(node, options));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Icon', () => {
  it('has the icons a civic app needs, hidden from screen readers unless labelled', () => {
    for (const name of ['home', 'report', 'map', 'list', 'chart', 'tag', 'market', 'search', 'filter', 'camera', 'pin', 'check', 'close', 'arrow-up', 'arrow-down', 'arrow-left', 'arrow-right', 'download', 'share', 'warning', 'info', 'user', 'phone', 'whatsapp', 'clock']) {
      expect(iconNames).toContain(name);
    }
    const { container } = wrap(
      <>
        <Icon name="home" />
        <Icon name="warning" label="Peringatan" />
      </>,
    );
    const [decorative] = container.querySelectorAll('svg');
    expect(decorative!.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('img', { name: 'Peringatan' }).querySelector('path')!.getAttribute('d')).toBeTruthy();
  });

  it('draws core icons in empty and error states instead of emoji', () => {
    wrap(
      <>
        <EmptyState icon="search" title="Tidak ada hasil" />
        <ErrorState error={new Error('x')} />
      </>,
    );
    expect(screen.getByText('Tidak ada hasil').parentElement!.querySelector('svg.kk-icon')).toBeTruthy();
    expect(screen.getByRole('alert').querySelector('svg.kk-icon')).toBeTruthy();
  });
});

describe('ConfirmDialog', () => {
  it('starts on Cancel when destructive, and confirms with a spinner while the action runs', async () => {
    let finish: () => void = () => undefined;
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const onCancel = vi.fn();
    wrap(
      <ConfirmDialog open destructive title="Hapus kunci API?" confirmLabel="Hapus" onConfirm={onConfirm} onCancel={onCancel}>
        Aplikasi yang memakai kunci ini berhenti bekerja.
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: /Hapus kunci API\?/ });
    const cancel = within(dialog).getByRole('button', { name: 'Batal' });
    expect(document.activeElement).toBe(cancel);
    const confirm = within(dialog).getByRole('button', { name: 'Hapus' });
    expect(confirm.className).toContain('kk-button--danger');
    await act(async () => confirm.click());
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(confirm.getAttribute('aria-busy')).toBe('true');
    await act(async () => finish());
    expect(confirm.hasAttribute('aria-busy')).toBe(false);
    fireEvent.click(cancel);
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('focuses the confirm button when not destructive and shows a failure inside the dialog', async () => {
    wrap(
      <ConfirmDialog open title="Terbitkan harga?" onConfirm={() => Promise.reject(new Error('Sudah diterbitkan.'))} onCancel={() => undefined} />,
    );
    const confirm = screen.getByRole('button', { name: 'Ya, lanjutkan' });
    expect(document.activeElement).toBe(confirm);
    await act(async () => confirm.click());
    expect(screen.getByRole('alert').textContent).toBe('Sudah diterbitkan.');
  });
});

describe('Pager and PagedList', () => {
  it('pages by number with "Sebelumnya" / "Berikutnya" in a named navigation', () => {
    const onPage = vi.fn();
    wrap(<Pager page={1} totalPages={3} onPage={onPage} />);
    const nav = screen.getByRole('navigation', { name: 'Navigasi halaman' });
    expect(within(nav).getByText('Halaman 1 dari 3')).toBeTruthy();
    expect((within(nav).getByRole('button', { name: 'Sebelumnya' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(nav).getByRole('button', { name: 'Berikutnya' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('pages by cursor and renders nothing when everything fits', () => {
    const onPrevious = vi.fn();
    const { rerender } = wrap(<Pager hasPrevious hasNext={false} onPrevious={onPrevious} onNext={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sebelumnya' }));
    expect(onPrevious).toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Berikutnya' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(tree(<Pager page={1} totalPages={1} onPage={() => undefined} />));
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('lists items, moves focus to the list on a new page, and shows an empty state', () => {
    const props = { label: 'Laporan terbaru', itemKey: (item: string) => item, renderItem: (item: string) => <span>{item}</span>, totalPages: 2, onPage: () => undefined };
    const view = wrap(<PagedList {...props} items={['a', 'b']} page={1} pageKey={1} />);
    const list = screen.getByRole('list', { name: 'Laporan terbaru' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('navigation', { name: 'Halaman Laporan terbaru' })).toBeTruthy();
    expect(document.activeElement).not.toBe(list);
    view.rerender(tree(<PagedList {...props} items={['c']} page={2} pageKey={2} />));
    expect(document.activeElement).toBe(screen.getByRole('list', { name: 'Laporan terbaru' }));
    cleanup();
    wrap(<PagedList {...props} items={[]} page={1} />);
    expect(screen.getByText('Belum ada data.')).toBeTruthy();
  });
});

describe('DataTable', () => {
  const columns = [
    { key: 'name', header: 'Pasar' },
    { key: 'price', header: 'Harga', numeric: true },
  ];
  it('names each row by its row header and labels every cell for the phone cards', () => {
    wrap(<DataTable caption="Harga beras" columns={columns} rows={[{ name: 'Pasar Anyar', price: 'Rp 14.000' }]} rowKey={(row) => row.name} rowHeader="name" />);
    const table = screen.getByRole('table', { name: 'Harga beras' });
    expect(within(table).getByRole('rowheader', { name: 'Pasar Anyar' })).toBeTruthy();
    expect(within(table).getByText('Rp 14.000').getAttribute('data-label')).toBe('Harga');
    expect(table.closest('.kk-table-wrap--stack')).toBeTruthy();
  });

  it('says so when there are no rows', () => {
    wrap(<DataTable caption="Harga beras" columns={columns} rows={[]} rowKey={() => 0} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Harga beras')).toBeTruthy();
    expect(screen.getByText('Belum ada data.')).toBeTruthy();
  });
});

describe('SubNav', () => {
  it('marks the current page and leaves hidden links out', () => {
    wrap(
      <SubNav
        label="Menu LAKSA"
        links={[
          { to: '/laksa', label: 'Beranda', end: true, icon: 'home' },
          { to: '/laksa/statistik', label: 'Statistik', icon: 'chart' },
          { to: '/laksa/petugas', label: 'Kotak masuk', hidden: true },
        ]}
      />,
      { path: '/laksa/statistik' },
    );
    const nav = screen.getByRole('navigation', { name: 'Menu LAKSA' });
    expect(within(nav).getAllByRole('link')).toHaveLength(2);
    expect(within(nav).getByRole('link', { name: 'Statistik' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Beranda' }).hasAttribute('aria-current')).toBe(false);
  });

  it('marks the link its caller says is current when links differ only in their query', () => {
    wrap(
      <SubNav
        label="Status"
        links={[
          { to: '/berita/redaksi', label: 'Semua', current: false },
          { to: '/berita/redaksi?status=draft', label: 'Draf (2)', current: true },
          { to: '/berita/redaksi?status=review', label: 'Ditinjau (0)', current: false },
        ]}
      />,
      { path: '/berita/redaksi' },
    );
    const nav = screen.getByRole('navigation', { name: 'Status' });
    expect(within(nav).getByRole('link', { name: 'Draf (2)' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Semua' }).hasAttribute('aria-current')).toBe(false);
    expect(within(nav).getByRole('link', { name: 'Ditinjau (0)' }).hasAttribute('aria-current')).toBe(false);
  });

  it('lays any controls in a named row that shows its hidden end (ScrollRow)', async () => {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(328);
    const { container } = wrap(
      <ScrollRow label="Antrean">
        <button type="button" aria-pressed="true">Kartu (3)</button>
        <button type="button" aria-pressed="false">Perusahaan (1)</button>
      </ScrollRow>,
    );
    const group = screen.getByRole('group', { name: 'Antrean' });
    expect(within(group).getAllByRole('button')).toHaveLength(2);
    await waitFor(() => expect(container.querySelector('.kk-subnav--more-end .kk-subnav__more')).toBeTruthy());
  });

  it('shows a sign at the end when the chips overflow', async () => {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(328);
    const { container } = wrap(<SubNav label="Menu" links={[{ to: '/a', label: 'A' }]} />);
    // Measured at the next frame, not during the render.
    await waitFor(() => expect(container.querySelector('.kk-subnav--more-end')).toBeTruthy());
    expect(container.querySelector('.kk-subnav__more')!.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('DateText', () => {
  it('shows calendar dates without shifting, and instants in the region time zone', () => {
    expect(dateText('2026-11-30', { language: 'id', variant: 'long' })).toBe('Senin, 30 November 2026');
    expect(dateText('2026-11-29T20:00:00Z', { language: 'en' })).toBe('30 Nov 2026');
    wrap(<DateText value="2026-01-02" />);
    expect(screen.getByText('2 Jan 2026').getAttribute('datetime')).toBe('2026-01-02');
  });
});

describe('moduleRoles', () => {
  it('gives admins every role and officers their granted ones', () => {
    const officer = { kind: 'officer' as const, roles: [{ module: 'laksa', role: 'handler', agencyId: 'dpupr' }] };
    expect(moduleRoles(officer, 'laksa', ['verifier', 'handler'])).toEqual({ verifier: false, handler: true });
    expect(moduleRoles({ kind: 'admin', roles: [] }, 'laksa', ['verifier'])).toEqual({ verifier: true });
    expect(moduleRoles(null, 'laksa', ['verifier'])).toEqual({ verifier: false });
  });
});

describe('useApiForm', () => {
  const schema = z.object({ title: z.string().min(5, 'Judul minimal 5 huruf.'), kecamatan: z.string().min(1, 'Pilih kecamatan.') });

  function ReportForm({ submit }: { submit: (data: z.output<typeof schema>) => Promise<unknown> }) {
    const form = useApiForm({ initial: { title: '', kecamatan: '' }, schema, submit, fieldOf: (path) => (path.endsWith('kecamatan') ? 'kecamatan' : path.endsWith('title') ? 'title' : null) });
    return (
      <form onSubmit={(event) => void form.onSubmit(event)} noValidate>
        {form.formError && <p role="alert">{form.formError}</p>}
        <TextField label="Judul" {...form.field('title')} />
        <TextField label="Kecamatan" {...form.field('kecamatan')} />
        <button type="submit">Kirim</button>
      </form>
    );
  }

  it('checks with the schema before sending and focuses the first bad field', async () => {
    const submit = vi.fn(async () => undefined);
    wrap(<ReportForm submit={submit} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Judul' }), { target: { value: 'abc' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim' })));
    // The first check loads zod's Indonesian messages, so the errors may arrive a moment later.
    expect(await screen.findByText('Judul minimal 5 huruf.')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    const title = screen.getByRole('textbox', { name: 'Judul' });
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Judul minimal 5 huruf.')).toBeTruthy();
    expect(screen.getByText('Pilih kecamatan.')).toBeTruthy();
    expect(document.activeElement).toBe(title);
    expect(screen.getByRole('alert').textContent).toMatch(/Periksa/);
  });

  it('puts the server problem+json field errors on their fields and the detail on top', async () => {
    const submit = vi.fn(async () => {
      throw new ApiError({
        type: 'https://kota-kit.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'Ada isian yang tidak valid.',
        errors: [
          { field: 'body.report.location.kecamatan', message: 'Kecamatan tidak dikenal.' },
          { field: 'body.captcha', message: 'Captcha salah.' },
        ],
      });
    });
    wrap(<ReportForm submit={submit} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Judul' }), { target: { value: 'Jalan berlubang' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Kecamatan' }), { target: { value: 'Atlantis' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim' })));
    expect(submit).toHaveBeenCalledWith({ title: 'Jalan berlubang', kecamatan: 'Atlantis' }, expect.anything());
    expect(screen.getByText('Kecamatan tidak dikenal.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Ada isian yang tidak valid. Captcha salah.');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Kecamatan' }));
    // Typing clears the field's stale message.
    fireEvent.change(screen.getByRole('textbox', { name: 'Kecamatan' }), { target: { value: 'Cipondoh' } });
    expect(screen.queryByText('Kecamatan tidak dikenal.')).toBeNull();
  });

  it("shows zod's own messages in Bahasa Indonesia", async () => {
    function Plain() {
      const form = useApiForm({ initial: { email: 'x' }, schema: z.object({ email: z.email() }), submit: async () => undefined });
      return (
        <form onSubmit={(event) => void form.onSubmit(event)} noValidate>
          <TextField label="Email" {...form.field('email')} />
          <button type="submit">Kirim</button>
        </form>
      );
    }
    wrap(<Plain />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim' })));
    const input = screen.getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(input.getAttribute('aria-describedby')!)!.textContent!;
    expect(message).toMatch(/tidak valid/i);
  });
});
