// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createPageRenderer } from './server-render.js';
import { bootstrap, parkirClient } from './test-fixtures.js';
import type { SessionUser } from '../types.js';

const render = createPageRenderer([parkirClient]);
const officer: SessionUser = { id: 'u1', name: 'Petugas Parkir', email: 'p@contoh.go.id', kind: 'officer', agencyId: null, roles: [] };

describe('createPageRenderer', () => {
  it("renders the home page's tiles and widgets in the visitor's language, leaving a failing widget to the browser", async () => {
    const failures: unknown[] = [];
    const html = await render({ url: '/', bootstrap, language: 'id', user: null, onPartError: (error) => failures.push(error) });
    expect(html).toMatch(/<h1[^>]*>Contoh Live<\/h1>/);
    expect(html).toContain('Cari tempat parkir');
    expect(html).toContain('Widget ok');
    expect(html).toContain('href="/login?next=%2F"');
    expect(failures.map(String)).toEqual(['Error: widget boom']);
    const english = await render({ url: '/', bootstrap, language: 'en', user: null });
    expect(english).toContain('Find a parking spot');
    expect(english).not.toContain('Cari tempat parkir');
  });

  it("renders a module's lazy page at its address, with the signed-in user in the header", async () => {
    const html = await render({ url: '/parkir?x=1', bootstrap, language: 'id', user: officer });
    expect(html).toContain('<h1>Parkir page</h1>');
    expect(html).toContain('Petugas Parkir');
    expect(html).toMatch(/aria-current="page" href="\/parkir"/);
    // Nothing but the page's markup: no document, no scripts.
    expect(html).not.toMatch(/<html|<script/);
  });

  it('answers an address no module has with the not-found page', async () => {
    const html = await render({ url: '/tidak-ada', bootstrap, language: 'id', user: null });
    expect(html).toContain('Halaman tidak ditemukan');
  });
});
