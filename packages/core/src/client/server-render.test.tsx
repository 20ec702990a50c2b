// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createPageRenderer } from './server-render.js';
import { bootstrap, parkirClient } from './test-fixtures.js';
import type { SessionUser } from '../types.js';
import { defineModule } from '../contract.js';
import { defineClientModule } from './module.js';
import { useQuery } from './query.js';
import { apiFetch } from './api.js';

const render = createPageRenderer([parkirClient]);
const officer: SessionUser = { id: 'u1', name: 'Petugas Parkir', email: 'p@contoh.go.id', kind: 'officer', agencyId: null, roles: [] };

const notes = defineModule({ id: 'catatan', package: '@kota-kit/catatan' });
function NotesPage() {
  const list = useQuery({ queryKey: ['catatan', 'list'], queryFn: () => apiFetch<{ items: string[] }>('/api/catatan/items') });
  const hidden = useQuery({ queryKey: ['catatan', 'hidden'], queryFn: () => apiFetch<string>('/api/catatan/hidden'), enabled: false });
  const broken = useQuery({ queryKey: ['catatan', 'broken'], queryFn: () => apiFetch<string>('/api/catatan/broken') });
  return (
    <>
      <h1>Catatan</h1>
      {list.isPending ? <p>Memuat catatan…</p> : <ul>{list.data?.items.map((item) => <li key={item}>{item}</li>)}</ul>}
      <p>{hidden.isPending ? 'hidden pending' : 'hidden fetched'}</p>
      <p>{broken.isPending ? 'broken pending' : 'broken done'}</p>
    </>
  );
}
const notesClient = defineClientModule(notes, {
  routes: [{ path: '', page: async () => ({ default: NotesPage }) }],
  translations: { id: {}, en: {} },
});

describe('createPageRenderer', () => {
  it("renders a page with the answers of the queries it asks for, fetched with the host's API, and hands them over", async () => {
    const asked: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      asked.push(`${path} ${new Headers(init?.headers).get('accept-language')}`);
      if (path === '/api/catatan/items') return Response.json({ items: ['Jalan berlubang', 'Lampu mati'] });
      return Response.json({ type: 'about:blank', title: 'Boom', status: 500 }, { status: 500, headers: { 'content-type': 'application/problem+json' } });
    }) as typeof globalThis.fetch;
    const withNotes = createPageRenderer([notesClient]);
    const page = (await withNotes({ url: '/catatan', bootstrap: { ...bootstrap, modules: [{ id: 'catatan', options: {} }] }, language: 'id', user: null, fetch }))!;
    expect(page.html).toContain('<li>Jalan berlubang</li><li>Lampu mati</li>');
    // A query switched off is not fetched; one that fails renders its loading state (the browser asks again).
    expect(page.html).toContain('hidden pending');
    expect(page.html).toContain('broken pending');
    expect(asked.sort()).toEqual(['/api/catatan/broken id', '/api/catatan/items id']);
    const handed = page.queries as { queries: { queryKey: unknown[]; state: { data: unknown } }[] };
    expect(handed.queries.map((query) => query.queryKey)).toEqual(expect.arrayContaining([['catatan', 'list']]));
    expect(handed.queries.some((query) => JSON.stringify(query.queryKey).includes('broken'))).toBe(false);
    // Without a fetch (no host API), the page renders its loading state and hands nothing over.
    const bare = (await withNotes({ url: '/catatan', bootstrap: { ...bootstrap, modules: [{ id: 'catatan', options: {} }] }, language: 'id', user: null }))!;
    expect(bare.html).toContain('Memuat catatan…');
    expect(bare.queries).toBeUndefined();
  });

  it("renders the home page's tiles and widgets in the visitor's language, leaving a failing widget to the browser", async () => {
    const failures: unknown[] = [];
    const html = (await render({ url: '/', bootstrap, language: 'id', user: null, onPartError: (error) => failures.push(error) }))!.html;
    expect(html).toMatch(/<h1[^>]*>Contoh Live<\/h1>/);
    expect(html).toContain('Cari tempat parkir');
    expect(html).toContain('Widget ok');
    expect(html).toContain('href="/login?next=%2F"');
    expect(failures.map(String)).toEqual(['Error: widget boom']);
    const english = (await render({ url: '/', bootstrap, language: 'en', user: null }))!.html;
    expect(english).toContain('Find a parking spot');
    expect(english).not.toContain('Cari tempat parkir');
  });

  it("renders a module's lazy page at its address, with the signed-in user in the header", async () => {
    const html = (await render({ url: '/parkir?x=1', bootstrap, language: 'id', user: officer }))!.html;
    expect(html).toContain('<h1>Parkir page</h1>');
    expect(html).toContain('Petugas Parkir');
    expect(html).toMatch(/aria-current="page" href="\/parkir"/);
    // Nothing but the page's markup: no document, no scripts.
    expect(html).not.toMatch(/<html|<script/);
  });

  it('answers an address no module has with the not-found page', async () => {
    const html = (await render({ url: '/tidak-ada', bootstrap, language: 'id', user: null }))!.html;
    expect(html).toContain('Halaman tidak ditemukan');
  });
});
