import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/index.js';
import { awayFromWindowEdge, startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

interface AccountData {
  exportedAt: string;
  account: { id: string; email: string; name: string; kind: string; createdAt: string };
  modules: Record<string, { notes: { text: string }[] }>;
}

describe.each(testDatabaseTargets())("a person's own account on %s: their data and deleting it (UU PDP)", (database) => {
  let host: TestHost;
  const events: [string, unknown][] = [];
  let emailCount = 0;

  beforeAll(async () => {
    host = await startTestHost({
      host: {
        ...fixtureHost,
        on: {
          'core.account.deleted': (payload) => void events.push(['core.account.deleted', payload]),
          'fixture-notes.account.forgotten': (payload) => void events.push(['fixture-notes.account.forgotten', payload]),
        },
      },
      serverModules: [fixtureServer],
      database,
    });
  });
  afterAll(async () => host?.close());

  const db = () => host.server.database.db;

  async function citizen(password = 'rahasia-warga'): Promise<{ client: TestClient; id: string; email: string }> {
    const email = `warga${++emailCount}.${database}@example.id`;
    expect((await host.client().json('/api/auth/register', { method: 'POST', body: { name: 'Sari Warga', email, password } })).status).toBe(202);
    const client = host.client();
    await client.login(email, password);
    const me = await client.json<{ user: { id: string } }>('/api/auth/me');
    return { client, id: me.body.user.id, email };
  }

  async function writeNote(userId: string | null, text: string): Promise<number> {
    const row = await db()
      .insertInto('fixture_notes_notes' as never)
      .values({ agency_id: 'dpupr', text, created_by: userId } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    return (row as { id: number }).id;
  }

  async function writerOf(noteId: number): Promise<string | null> {
    const row = await db()
      .selectFrom('fixture_notes_notes' as never)
      .select('created_by' as never)
      .where('id' as never, '=', noteId as never)
      .executeTakeFirstOrThrow();
    return (row as { created_by: string | null }).created_by;
  }

  it('gives the signed-in person everything kept about their account as a JSON file, and nobody else', async () => {
    const sari = await citizen();
    await writeNote(sari.id, 'Catatan Sari');
    await writeNote(null, 'Catatan orang lain');
    expect((await host.client().json('/api/auth/account/data')).status).toBe(401);

    const response = await sari.client.fetch('/api/auth/account/data');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="data-akun-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const data = (await response.json()) as AccountData;
    expect(data.account).toMatchObject({ id: sari.id, email: sari.email, name: 'Sari Warga', kind: 'citizen' });
    expect(Number.isNaN(Date.parse(data.account.createdAt))).toBe(false);
    expect(data.modules['fixture-notes']!.notes.map((note) => note.text)).toEqual(['Catatan Sari']);
    expect(JSON.stringify(data)).not.toContain('password');
  });

  it('refuses a wrong password, naming the field, and keeps the account', async () => {
    const sari = await citizen();
    const wrong = await sari.client.json<{ errors: { field: string; message: string }[] }>('/api/auth/account', {
      method: 'DELETE',
      body: { password: 'bukan-ini' },
      headers: { 'accept-language': 'id' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'body.password', message: 'Kata sandi salah.' }]);
    const empty = await sari.client.json<{ errors: { field: string }[] }>('/api/auth/account', { method: 'DELETE', body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((error) => error.field)).toEqual(['body.password']);
    expect((await sari.client.json<{ user: { id: string } | null }>('/api/auth/me')).body.user?.id).toBe(sari.id);
    expect((await host.client().json('/api/auth/account', { method: 'DELETE', body: { password: 'x' } })).status).toBe(401);
  });

  it("leaves officers' and admins' accounts to the region's admin", async () => {
    const editor = host.client();
    await editor.login('editor@demo.kotakit.id', demoPassword);
    const refused = await editor.json<{ detail: string }>('/api/auth/account', { method: 'DELETE', body: { password: demoPassword } });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/admin/);
    expect((await editor.json<{ user: unknown }>('/api/auth/me')).body.user).not.toBeNull();
  });

  it("deletes nothing anywhere when a module refuses, and everything in one go when none does", async () => {
    const sari = await citizen('kata-sandi-sari');
    const kept = await writeNote(sari.id, 'Lampu jalan mati');
    const held = await writeNote(sari.id, 'Tahan: sedang diperiksa');

    const refused = await sari.client.json<{ detail: string }>('/api/auth/account', { method: 'DELETE', body: { password: 'kata-sandi-sari' } });
    expect(refused.status).toBe(409);
    // The module had already unlinked the notes inside the transaction: rolled back with the rest.
    expect(await writerOf(kept)).toBe(sari.id);
    expect((await sari.client.json<{ user: { id: string } | null }>('/api/auth/me')).body.user?.id).toBe(sari.id);
    expect(events.filter(([, payload]) => JSON.stringify(payload).includes(sari.id))).toEqual([]);

    await db()
      .deleteFrom('fixture_notes_notes' as never)
      .where('id' as never, '=', held as never)
      .execute();
    const deleted = await sari.client.fetch('/api/auth/account', { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'kata-sandi-sari' }) });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.getSetCookie().join(';')).toMatch(/kk_session=;/);

    expect((await sari.client.json<{ user: unknown }>('/api/auth/me')).body.user).toBeNull();
    expect(await writerOf(kept)).toBeNull();
    expect(await db().selectFrom('core_users').select('id').where('id', '=', sari.id).executeTakeFirst()).toBeUndefined();
    expect(await db().selectFrom('core_sessions').select('id').where('user_id', '=', sari.id).executeTakeFirst()).toBeUndefined();
    const login = await host.client().json('/api/auth/login', { method: 'POST', body: { email: sari.email, password: 'kata-sandi-sari' } });
    expect(login.status).toBe(401);

    // The audit log says what happened and to which account, without the person's name.
    const audit = await db().selectFrom('core_audit_log').select(['module', 'action', 'actor_id', 'actor_name', 'before']).where('subject_id', '=', sari.id).orderBy('id').execute();
    expect(audit.map((entry) => [entry.module, entry.action, entry.actor_id, entry.actor_name])).toEqual([
      ['fixture-notes', 'account.forget', sari.id, null],
      ['core', 'account.delete', sari.id, null],
    ]);
    expect(audit[1]!.before).toEqual({ kind: 'citizen', modules: ['fixture-notes'] });
    // Events only after the commit: the module's, then core's.
    expect(events.slice(-2)).toEqual([
      ['fixture-notes.account.forgotten', { notes: 1 }],
      ['core.account.deleted', { userId: sari.id }],
    ]);

    // The email is free again.
    expect((await host.client().json('/api/auth/register', { method: 'POST', body: { name: 'Sari Baru', email: sari.email, password: 'sandi-baru-sari' } })).status).toBe(202);
    await host.client().login(sari.email, 'sandi-baru-sari');
  });

  it('stops guessing the password after five wrong tries', async () => {
    await awayFromWindowEdge(15 * 60);
    const sari = await citizen('sandi-yang-benar');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await sari.client.json('/api/auth/account', { method: 'DELETE', body: { password: `tebakan-${attempt}` } })).status).toBe(400);
    }
    const blocked = await sari.client.fetch('/api/auth/account', { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'sandi-yang-benar' }) });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await sari.client.json<{ user: { id: string } | null }>('/api/auth/me')).body.user?.id).toBe(sari.id);
  });
});
