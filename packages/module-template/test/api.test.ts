// The API on a real server and database (the embedded one, and PostgreSQL when the test run has one).
import { demoPassword } from '@kota-kit/core/server';
import { hostileRequests, sendHostileRequests, startTestHost, testDatabaseTargets, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import moduleTemplateServer from '../src/server/index.js';
import { host } from './host.js';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}
interface NoticePage {
  notices: { id: number; title: string; agencyId: string }[];
  page: number;
  pages: number;
}

describe.each(testDatabaseTargets())('module-template API on %s', (database) => {
  let server: TestHost;
  const published: unknown[] = [];

  beforeAll(async () => {
    server = await startTestHost({
      host: { ...host, on: { 'module-template.notice.published': (payload) => void published.push(payload) } },
      serverModules: [moduleTemplateServer],
      database,
    });
  });
  afterAll(async () => server?.close());

  const editor = async () => {
    const client = server.client();
    await client.login('editor@demo.kotakit.id', demoPassword);
    return client;
  };

  it('lists the demo notices for everyone, newest first', async () => {
    const { status, body } = await server.client().json<NoticePage>('/api/module-template/notices');
    expect(status).toBe(200);
    expect(body.notices.map((notice) => notice.title)).toEqual(['Jadwal pelayanan keliling', 'Pelayanan tutup saat libur nasional']);
    expect(body).toMatchObject({ page: 1, pages: 1 });
  });

  it("publishes a notice for the editor's own agency, audited, with its event after the commit", async () => {
    const client = await editor();
    const created = await client.json<{ id: number; title: string }>('/api/module-template/notices', {
      method: 'POST',
      body: { agencyId: 'diskominfo', title: 'Pemeliharaan server', body: 'Layanan daring berhenti sebentar Sabtu malam.' },
    });
    expect(created.status).toBe(201);
    expect(published).toContainEqual({ id: created.body.id, agencyId: 'diskominfo', title: 'Pemeliharaan server' });
    const admin = server.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
    const audit = await admin.json<{ entries: { action: string; actorName: string }[] }>(`/api/admin/audit?module=module-template&subjectId=${created.body.id}`);
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'notice.publish', actorName: 'Editor Demo' })]);
  });

  it('refuses another agency (403), no session (401) and bad fields (400 naming them)', async () => {
    const client = await editor();
    const other = await client.json<Problem>('/api/module-template/notices', { method: 'POST', body: { agencyId: 'dpupr', title: 'Bukan dinas saya', body: 'Tidak boleh menulis untuk dinas lain.' } });
    expect(other.status).toBe(403);
    const anonymous = await server.client().json<Problem>('/api/module-template/notices', { method: 'POST', body: { agencyId: 'diskominfo', title: 'Tanpa sesi', body: 'Tidak boleh tanpa masuk.' } });
    expect(anonymous.status).toBe(401);
    const bad = await client.json<Problem>('/api/module-template/notices', { method: 'POST', body: { agencyId: 'diskominfo', title: 'x', body: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual(['body.body', 'body.title']);
    expect(published.length).toBe(1); // nothing refused was announced
  });

  it('withdraws a notice once; a second withdrawal is 404 and the list no longer shows it', async () => {
    const client = await editor();
    const created = await client.json<{ id: number }>('/api/module-template/notices', {
      method: 'POST',
      body: { agencyId: 'diskominfo', title: 'Akan ditarik', body: 'Pengumuman ini akan ditarik kembali.' },
    });
    expect((await client.fetch(`/api/module-template/notices/${created.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await client.fetch(`/api/module-template/notices/${created.body.id}`, { method: 'DELETE' })).status).toBe(404);
    const list = await server.client().json<NoticePage>('/api/module-template/notices');
    expect(list.body.notices.some((notice) => notice.id === created.body.id)).toBe(false);
  });

  it('pages the list and refuses a page out of range', async () => {
    const client = await editor();
    for (let index = 0; index < 5; index += 1) {
      await client.json('/api/module-template/notices', { method: 'POST', body: { agencyId: 'diskominfo', title: `Pengumuman ke-${index}`, body: 'Isi pengumuman untuk menguji halaman.' } });
    }
    const second = await server.client().json<NoticePage>('/api/module-template/notices?page=2');
    expect(second.body.page).toBe(2);
    expect(second.body.pages).toBeGreaterThanOrEqual(2);
    expect((await server.client().json<Problem>('/api/module-template/notices?page=0')).status).toBe(400);
  });

  it('answers hostile values in every field without a 5xx', async () => {
    const document = (await server.client().json<Parameters<typeof hostileRequests>[0]>('/api/openapi.json')).body;
    const requests = hostileRequests(document).filter((request) => request.path.startsWith('/api/module-template'));
    expect(requests.length).toBeGreaterThan(50);
    expect([...(await sendHostileRequests(server.client(), requests)), ...(await sendHostileRequests(await editor(), requests))]).toEqual([]);
  });
});
