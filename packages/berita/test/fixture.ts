import { demoPassword } from '@kota-kit/core/server';
import { TestClock, type TestClient, type TestHost } from '@kota-kit/core/testing';
import type { NewsroomArticle } from '../src/index.js';

export const start = () => new TestClock(new Date('2026-11-30T03:00:00Z'));

export async function signedIn(host: TestHost, email: string): Promise<TestClient> {
  const client = host.client();
  await client.login(email, demoPassword);
  return client;
}

export const sampleArticle = (overrides: Record<string, unknown> = {}) => ({
  agencyId: 'diskominfo',
  category: 'layanan-publik',
  title: 'Pelayanan perpanjangan SIM keliling hadir di Cibodas',
  summary: 'Mobil SIM keliling melayani warga di halaman kantor Kecamatan Cibodas setiap Rabu pagi.',
  bodyHtml: '<p>Warga Cibodas dapat memperpanjang SIM A dan SIM C tanpa ke Satpas.</p><h2>Syarat</h2><ul><li>KTP-el asli</li><li>SIM lama</li></ul>',
  tags: ['sim', 'cibodas'],
  ...overrides,
});

export async function createDraft(client: TestClient, overrides: Record<string, unknown> = {}) {
  const created = await client.json<NewsroomArticle>('/api/berita/newsroom/articles', { method: 'POST', body: sampleArticle(overrides) });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

export const act = (client: TestClient, id: number, action: string, extra: Record<string, unknown> = {}) =>
  client.json<NewsroomArticle & { errors?: { field: string }[] }>(`/api/berita/newsroom/articles/${id}/actions`, { method: 'POST', body: { action, ...extra } });

/** The content of every `<meta property|name=key>` in `html`, in order. */
export function metaValues(html: string, key: string): string[] {
  const pattern = new RegExp(`<meta (?:property|name)="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)">`, 'g');
  return [...html.matchAll(pattern)].map((match) => match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}
