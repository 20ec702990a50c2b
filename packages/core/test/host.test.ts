import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/index.js';
import { awayFromWindowEdge, startTestHost, testDatabaseTargets, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

describe.each(testDatabaseTargets())('host with the fixture module on %s', (database) => {
  let host: TestHost;
  const events: unknown[] = [];
  const coreEvents: unknown[] = [];

  beforeAll(async () => {
    host = await startTestHost({
      host: {
        ...fixtureHost,
        on: {
          'fixture-notes.note.created': (payload) => void events.push(payload),
          'core.account.registration-for-existing-email': (payload) => void coreEvents.push(payload),
        },
      },
      serverModules: [fixtureServer],
      database,
    });
  });
  afterAll(async () => host?.close());

  it('reports health with the database state', async () => {
    const { status, body } = await host.client().json<{ status: string; database: { kind: string; status: string }; modules: string[] }>('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ kind: database, status: 'up' });
    expect(body.modules).toEqual(['fixture-notes']);
  });

  it("mounts the module's routes under /api/<id> and serves its seed data", async () => {
    const { status, body } = await host.client().json<{ greeting: string; notes: { text: string }[] }>('/api/fixture-notes/notes');
    expect(status).toBe(200);
    expect(body.greeting).toBe('Halo dari modul uji');
    expect(body.notes.map((note) => note.text)).toEqual(['Selamat datang di catatan demo.']);
  });

  it('builds an OpenAPI 3.1 document from the route schemas, with a docs page', async () => {
    const client = host.client();
    const { body } = await client.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/fixture-notes/notes', '/api/auth/login', '/api/admin/audit']));
    expect(Object.keys(body.paths['/api/fixture-notes/notes']!)).toEqual(expect.arrayContaining(['get', 'post']));
    // Large answers travel compressed for slow mobile data.
    const compressed = await client.fetch('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    const docs = await client.fetch('/api/docs');
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain('/api/fixture-notes/notes');
    expect(html).toContain('Write a note for an agency');
  });

  it('gives the browser only public options', async () => {
    const { body } = await host.client().json<{ region: { name: string }; modules: { id: string; options: unknown }[] }>('/api/config');
    expect(body.region.name).toBe('Kota Contoh');
    expect(body.modules).toEqual([{ id: 'fixture-notes', options: { greeting: 'Halo dari modul uji' } }]);
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const response = await host.client().fetch('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('rejects writing without a session (401), and for another agency (403)', async () => {
    const anonymous = await host.client().json<{ status: number }>('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dpupr', text: 'Jalan berlubang' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

    const editor = host.client();
    await editor.login('editor@demo.kotakit.id', demoPassword);
    const other = await editor.json<{ detail: string }>('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dlh', text: 'Sampah menumpuk' } });
    expect(other.status).toBe(403);
    expect(other.body.detail).toContain('fixture-notes:editor');

    const citizen = host.client();
    await citizen.login('warga@demo.kotakit.id', demoPassword);
    expect((await citizen.json('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dpupr', text: 'Halo' } })).status).toBe(403);
  });

  it('validates input with field errors in problem+json, in the request language', async () => {
    const editor = host.client();
    await editor.login('editor@demo.kotakit.id', demoPassword);
    const english = await editor.json<{ status: number; errors: { field: string; message: string }[] }>('/api/fixture-notes/notes', {
      method: 'POST',
      body: { agencyId: 'dpupr', text: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.status).toBe(400);
    expect(english.headers.get('content-type')).toContain('application/problem+json');
    expect(english.body.errors).toEqual([expect.objectContaining({ field: 'body.text', message: expect.stringMatching(/too small|at least|>=3/i) })]);

    const indonesian = await editor.json<{ errors: { field: string; message: string }[]; detail: string }>('/api/fixture-notes/notes', {
      method: 'POST',
      body: { text: 'Jalan rusak' },
      headers: { 'accept-language': 'id-ID,id;q=0.9' },
    });
    expect(indonesian.body.detail).toBe('Ada isian yang tidak valid.');
    expect(indonesian.body.errors[0]?.field).toBe('body.agencyId');
    expect(indonesian.body.errors[0]?.message).not.toMatch(/expected|invalid input/i);

    const unknownAgency = await host.client().json<{ errors: { field: string }[] }>('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: '', text: 'abc' } });
    expect(unknownAgency.status).toBe(400);
  });

  it('records who changed what in the audit log, readable by admins only, and emits the event', async () => {
    const editor = host.client();
    await editor.login('editor@demo.kotakit.id', demoPassword);
    const created = await editor.json<{ id: number; text: string }>('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dpupr', text: 'Perbaikan jalan Jumat' } });
    expect(created.status).toBe(201);
    expect(events).toContainEqual(expect.objectContaining({ id: created.body.id, text: 'Perbaikan jalan Jumat' }));

    expect((await editor.json('/api/admin/audit')).status).toBe(403);
    const admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
    const audit = await admin.json<{ entries: { actorName: string; action: string; subjectId: string; after: { text: string } }[] }>(
      `/api/admin/audit?module=fixture-notes&subjectId=${created.body.id}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toEqual([expect.objectContaining({ actorName: 'Editor Demo', action: 'note.create', after: expect.objectContaining({ text: 'Perbaikan jalan Jumat' }) })]);
  });

  it('lets an admin grant module roles, checked against the module definitions, and audits it', async () => {
    const admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
    const created = await admin.json<{ user: { id: string } }>('/api/admin/users', {
      method: 'POST',
      body: { name: 'Siti Petugas', email: `siti.${database}@dlh.example.id`, password: 'kata-sandi-panjang', kind: 'officer', agencyId: 'dlh' },
    });
    expect(created.status).toBe(201);
    const badRole = await admin.json<{ errors: { field: string }[] }>(`/api/admin/users/${created.body.user.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ module: 'fixture-notes', role: 'editor' }] },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0]?.field).toBe('body.roles.0.agencyId');
    const granted = await admin.json(`/api/admin/users/${created.body.user.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ module: 'fixture-notes', role: 'editor', agencyId: 'dlh' }] },
    });
    expect(granted.status).toBe(200);

    const siti = host.client();
    await siti.login(`siti.${database}@dlh.example.id`, 'kata-sandi-panjang');
    expect((await siti.json('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dlh', text: 'Jadwal angkut sampah' } })).status).toBe(201);
    expect((await siti.json('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dpupr', text: 'Bukan dinas saya' } })).status).toBe(403);

    const audit = await admin.json<{ entries: { action: string; before: unknown; after: unknown }[] }>(`/api/admin/audit?module=core&subjectId=${created.body.user.id}`);
    expect(audit.body.entries.map((entry) => entry.action)).toEqual(['user.roles', 'user.create']);
    expect(audit.body.entries[0]?.before).toEqual([]);
  });

  it('signs in with an HTTP-only session cookie stored in the database, and signs out', async () => {
    const client = host.client();
    const wrong = await client.json<{ detail: string }>('/api/auth/login', { method: 'POST', body: { email: 'warga@demo.kotakit.id', password: 'salah' }, headers: { 'accept-language': 'id' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('Email atau kata sandi salah.');

    const response = await client.fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'WARGA@demo.kotakit.id', password: demoPassword }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/kk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.json<{ user: { email: string; kind: string } }>('/api/auth/me');
    expect(me.body.user).toMatchObject({ email: 'warga@demo.kotakit.id', kind: 'citizen' });
    const sessions = await host.server.database.db.selectFrom('core_sessions').select('id').execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((row) => !cookie.includes(row.id))).toBe(true); // only a hash of the token is stored

    expect((await client.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await client.json<{ user: unknown }>('/api/auth/me')).body.user).toBeNull();
  });

  it('lets citizens register without telling anyone whether an email already has an account', async () => {
    const client = host.client();
    const email = `budi.${database}@example.id`;
    const created = await client.json<{ status: string }>('/api/auth/register', { method: 'POST', body: { name: 'Budi', email, password: 'rahasia-budi' } });
    expect(created.status).toBe(202);
    expect(created.headers.get('set-cookie')).toBeNull();
    await client.login(email, 'rahasia-budi');
    expect((await client.json<{ user: { kind: string } }>('/api/auth/me')).body.user.kind).toBe('citizen');
    // A taken email: the very same answer; the original password still works and the owner is told by event.
    const again = await host.client().json<{ status: string }>('/api/auth/register', { method: 'POST', body: { name: 'Orang lain', email: email.toUpperCase(), password: 'tebakan-orang' } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(created.body);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(coreEvents).toContainEqual(expect.objectContaining({ email: email.toUpperCase() }));
    await host.client().login(email, 'rahasia-budi');
  });

  it('keeps answers for a signed-in user out of shared caches', async () => {
    const citizen = host.client();
    expect((await citizen.fetch('/api/auth/me')).headers.get('cache-control')).toBe('no-cache');
    await citizen.login('warga@demo.kotakit.id', demoPassword);
    expect((await citizen.fetch('/api/auth/me')).headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses cross-site form posts', async () => {
    const response = await host.client().fetch('/api/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'x=1',
    });
    expect(response.status).toBe(403);
  });

  it('rate-limits repeated failed logins', async () => {
    await awayFromWindowEdge(5 * 60);
    const client = host.client();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await client.json('/api/auth/login', { method: 'POST', body: { email: 'target@example.id', password: 'tebak' } })).status);
    }
    // Eight failures per account in five minutes, then 429 until the window ends.
    expect(statuses.slice(0, 8).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
  });
});
