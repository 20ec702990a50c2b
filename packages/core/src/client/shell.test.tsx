// @vitest-environment happy-dom
import { configure, act, cleanup, render, screen, within } from '@testing-library/react';

// Lazy pages are compiled on first import; on a busy 2-core CI machine that can take longer than the default 1 s.
configure({ asyncUtilTimeout: 15_000 });
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app.js';
import { bootstrap, parkirClient, signedOutFetch } from './test-fixtures.js';

beforeEach(() => {
  localStorage.clear();
  document.cookie = 'kk_lang=; max-age=0; path=/';
  vi.stubGlobal('fetch', vi.fn(signedOutFetch()));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('app shell', () => {
  it('renders the region, a tile per module, contacts and a sign-in link', async () => {
    const app = createApp({ bootstrap, modules: [parkirClient], initialEntries: ['/'] });
    render(app.element);
    expect(screen.getByRole('heading', { level: 1, name: 'Contoh Live' })).toBeTruthy();
    expect(screen.getAllByText('Kota Contoh').length).toBeGreaterThan(0);
    const services = screen.getByRole('region', { name: 'Layanan' });
    const tile = within(services).getByRole('link', { name: /Parkir/ });
    expect(tile.getAttribute('href')).toBe('/parkir');
    expect(within(services).getByText('Cari tempat parkir')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Menu utama' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Langsung ke konten utama' }).getAttribute('href')).toBe('#kk-main');
    expect(screen.getByRole('link', { name: '(021) 555-0101' }).getAttribute('href')).toBe('tel:0215550101');
    expect(await screen.findByRole('link', { name: 'Masuk' })).toBeTruthy();
  });

  it('keeps home working when one widget fails', async () => {
    const app = createApp({ bootstrap, modules: [parkirClient], initialEntries: ['/'] });
    render(app.element);
    expect(await screen.findByText('Widget ok')).toBeTruthy();
    expect(await screen.findByText('Bagian ini gagal dimuat.')).toBeTruthy();
  });

  it('switches the visible text to English and back, and remembers the choice', async () => {
    const app = createApp({ bootstrap, modules: [parkirClient], initialEntries: ['/'] });
    render(app.element);
    expect(document.documentElement.lang).toBe('id');
    await act(async () => screen.getByRole('button', { name: /^EN/ }).click());
    expect(screen.getByRole('heading', { name: 'Services' })).toBeTruthy();
    expect(screen.getAllByText('Parking').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(document.cookie).toContain('kk_lang=en');
    await act(async () => screen.getByRole('button', { name: /^ID/ }).click());
    expect(screen.getByRole('heading', { name: 'Layanan' })).toBeTruthy();
    expect(screen.queryByText('Services')).toBeNull();
  });

  it('loads a module page lazily and shows a 404 page for unknown paths', async () => {
    const modulePage = createApp({ bootstrap, modules: [parkirClient], initialEntries: ['/parkir'] });
    render(modulePage.element);
    expect(await screen.findByRole('heading', { name: 'Parkir page' })).toBeTruthy();
    cleanup();
    const missing = createApp({ bootstrap, modules: [parkirClient], initialEntries: ['/nope'] });
    render(missing.element);
    expect(await screen.findByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeTruthy();
  });
});
