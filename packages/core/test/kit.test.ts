// The module kit's guarantees, proven on a real server and database with the fixture module.
import { utimes } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem as CoreProblem } from '../src/index.js';
import { createServer, demoPassword, ProblemError, runJanitor, type ModuleContext, type OpenAPIHono, type AppEnv, type RequestContext } from '../src/server/index.js';
import { awayFromWindowEdge, checkGeneratedTables, hostileRequests, sendHostileRequests, startTestHost, testDatabaseTargets, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer, { type FixtureTables } from './fixture/server.js';

interface Problem {
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string; code?: string }[];
}

describe.each(testDatabaseTargets())('module kit on %s', (database) => {
  let host: TestHost;
  const events: unknown[] = [];

  beforeAll(async () => {
    host = await startTestHost({
      host: { ...fixtureHost, on: { 'fixture-notes.note.created': (payload) => void events.push(payload) } },
      serverModules: [fixtureServer],
      database,
    });
  });
  afterAll(async () => host?.close());

  const ctx = () => host.server.moduleContext('fixture-notes') as unknown as ModuleContext<unknown, FixtureTables>; // the host holds contexts untyped
  const auditCount = async () => Number((await host.server.database.db.selectFrom('core_audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('commits a unit of work with its audit entry, and emits its events only after the commit', async () => {
    const before = await auditCount();
    const seenDuring: number[] = [];
    const id = await ctx().unitOfWork({ actor: null }, async (work) => {
      const row = await work.db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'unit of work' }).returning('id').executeTakeFirstOrThrow();
      await work.audit({ action: 'note.create', subjectType: 'note', subjectId: String(row.id) });
      work.emit('note.created', { id: row.id, text: 'unit of work' });
      seenDuring.push(events.length);
      return row.id;
    });
    expect(await auditCount()).toBe(before + 1);
    expect(events.at(-1)).toEqual({ id, text: 'unit of work' });
    expect(seenDuring[0]).toBe(events.length - 1); // not emitted while the transaction was open
  });

  it('rolls back the write, its audit entry and its events together when the work fails', async () => {
    const before = await auditCount();
    const eventsBefore = events.length;
    await expect(
      ctx().unitOfWork({ actor: null }, async (work) => {
        await work.db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'never stored' }).execute();
        await work.audit({ action: 'note.create', subjectType: 'note', subjectId: 'x' });
        work.emit('note.created', { text: 'never stored' });
        throw new Error('conflict found late');
      }),
    ).rejects.toThrow('conflict found late');
    expect(await auditCount()).toBe(before);
    expect(events.length).toBe(eventsBefore);
    const stored = await ctx().db.selectFrom('fixture_notes_notes').select('id').where('text', '=', 'never stored').execute();
    expect(stored).toEqual([]);
  });

  it('has table types that match the migrated database', async () => {
    const file = fileURLToPath(new URL('./fixture/tables.generated.ts', import.meta.url));
    const { expected, actual } = await checkGeneratedTables(host.server, 'fixture-notes', file, 'GeneratedFixtureTables');
    expect(actual).toBe(expected);
  });

  it('janitor deletes expired sessions, old rate-limit windows and uploads no row refers to', async () => {
    const { db } = host.server.database;
    const user = await db.selectFrom('core_users').select('id').where('email', '=', 'warga@demo.kotakit.id').executeTakeFirstOrThrow();
    const longAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    await db.insertInto('core_sessions').values({ id: `expired-${database}`, user_id: user.id, expires_at: longAgo, created_at: longAgo }).execute();
    await db.insertInto('core_rate_limits').values({ key: `old-${database}`, window_start: longAgo, hits: 3 }).execute();
    const fresh = host.client();
    await fresh.login('warga@demo.kotakit.id', demoPassword);

    const note = await ctx().db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'with attachment' }).returning('id').executeTakeFirstOrThrow();
    const storage = ctx().storage;
    await storage.put('fixture-notes/kept.txt', new TextEncoder().encode('kept'), 'text/plain');
    await storage.put('fixture-notes/orphan.txt', new TextEncoder().encode('orphan'), 'text/plain');
    await storage.put('fixture-notes/new-orphan.txt', new TextEncoder().encode('still on its way'), 'text/plain');
    await ctx().db.insertInto('fixture_notes_attachments').values({ storage_key: 'fixture-notes/kept.txt', note_id: note.id }).execute();
    const stale = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const root = (storage as unknown as { root: string }).root; // LocalFileStorage's private folder, to age two files
    await utimes(`${root}/fixture-notes/kept.txt`, stale, stale);
    await utimes(`${root}/fixture-notes/orphan.txt`, stale, stale);

    await host.server.runJob('core', 'janitor');
    expect(await db.selectFrom('core_sessions').select('id').where('id', '=', `expired-${database}`).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('core_rate_limits').select('key').where('key', '=', `old-${database}`).executeTakeFirst()).toBeUndefined();
    expect((await fresh.json('/api/auth/me')).status).toBe(200); // live sessions stay
    expect(await storage.get('fixture-notes/kept.txt')).not.toBeNull();
    expect(await storage.get('fixture-notes/orphan.txt')).toBeNull();
    expect(await storage.get('fixture-notes/new-orphan.txt')).not.toBeNull(); // too young: its row may be on the way

    const report = await runJanitor({
      database: host.server.database,
      clock: { now: () => new Date() },
      storage,
      log: ctx().log,
      modules: new Map([['fixture-notes', fixtureServer]]),
      contexts: new Map([['fixture-notes', ctx() as unknown as ModuleContext]]), // the janitor takes untyped contexts like the host
    });
    expect(report).toEqual({ sessions: 0, rateLimits: 0, uploads: 0 });
  });

  it('refuses NUL bytes, broken Unicode, out-of-range dates and malformed encoding with 400 naming the field', async () => {
    const client = host.client();
    const nul = await client.json<Problem>('/api/admin/audit?module=%00');
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'query.module', code: 'boundary.nul' })]);

    const date = await client.json<Problem>('/api/fixture-notes/notes?from=0024-01-01');
    expect(date.status).toBe(400);
    expect(date.body.errors?.[0]).toMatchObject({ field: 'query.from', code: 'boundary.date' });

    const encoding = await client.json<Problem>('/api/fixture-notes/no%E0%A4%Ates');
    expect(encoding.status).toBe(400);
    expect(encoding.body.errors?.[0]).toMatchObject({ field: 'path', code: 'boundary.encoding' });
    expect(encoding.body.instance).toBeUndefined();

    const editor = host.client();
    await editor.login('editor@demo.kotakit.id', demoPassword);
    const body = await editor.json<Problem>('/api/fixture-notes/notes', {
      method: 'POST',
      body: { agencyId: 'dpupr', text: 'Jalan \uD800 rusak' },
      headers: { 'accept-language': 'en' },
    });
    expect(body.status).toBe(400);
    expect(body.body.errors).toEqual([{ field: 'body.text', message: expect.stringMatching(/unpaired surrogate/), code: 'boundary.surrogate' }]);

    const huge = await editor.json<Problem>('/api/fixture-notes/notes', { method: 'POST', body: { agencyId: 'dpupr', text: 'ok text', extra: 1e300 } });
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.[0]?.field).toBe('body.extra');
  });

  it('answers a known path with another method 405 and Allow, and a form post from another site 403 saying why', async () => {
    const client = host.client();
    const wrong = await client.fetch('/api/fixture-notes/notes', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');

    const form = new URLSearchParams({ email: 'a@b.id', password: 'x' });
    const missing = await fetch(`${host.url}/api/auth/login`, { method: 'POST', body: form, headers: { 'accept-language': 'en' } });
    expect(missing.status).toBe(403);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(((await missing.json()) as Problem).detail).toMatch(/Origin header/);
    const foreign = await fetch(`${host.url}/api/auth/login`, { method: 'POST', body: form, headers: { origin: 'https://evil.example', 'accept-language': 'en' } });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as Problem).detail).toMatch(/another site/);
  });

  it('sends Retry-After with every 429', async () => {
    await awayFromWindowEdge(5 * 60);
    const client = host.client();
    let last: Response | undefined;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      last = await client.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `nobody-${database}@x.id`, password: 'wrong-password' }) });
      if (last.status === 429) break;
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('describes every core answer and the security schemes in the OpenAPI document', async () => {
    const { body } = await host.client().json<{ components: { securitySchemes: Record<string, { in: string; name: string }> }; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>('/api/openapi.json');
    expect(body.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'kk_session' });
    expect(body.components.securitySchemes.sameOrigin).toMatchObject({ in: 'header', name: 'Origin' });
    const post = body.paths['/api/fixture-notes/notes']!.post!;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '405', '413', '429']));
  });

  it('answers hostile values in every parameter and body field of every operation without a 5xx, anonymous and signed in', async () => {
    const document = (await host.client().json<Parameters<typeof hostileRequests>[0]>('/api/openapi.json')).body;
    // Signing out or changing one's own password would end the session under test; they are covered anonymously.
    const requests = hostileRequests(document);
    expect(requests.length).toBeGreaterThan(200);
    const anonymous = await sendHostileRequests(host.client(), requests);
    const admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
    const signedIn = await sendHostileRequests(admin, requests.filter((request) => !request.path.startsWith('/api/auth/')));
    expect([...anonymous, ...signedIn]).toEqual([]);
  });
});

describe.each(testDatabaseTargets())('a module with its own root paths and error format, behind a public URL, on %s', (database) => {
  let host: TestHost;
  // A standard's own paths (like Open311's /open311/v2) that answer errors as a plain list, not problem+json.
  const withRootPaths = {
    ...fixtureServer,
    rootRoutes: (app: OpenAPIHono<AppEnv>, ctx: ModuleContext) => {
      app.get('/standard/v1/link', (c) => c.json({ link: `${ctx.publicUrl ?? ''}/fixture-notes/1` }));
      app.get('/standard/v1/limited', () => {
        throw new ProblemError(429, 'Too many requests', { detail: 'Slow down.', headers: { 'retry-after': '30' } });
      });
    },
    rootErrors: {
      prefix: '/standard/v1',
      format: (c: RequestContext, problem: CoreProblem) =>
        c.body(JSON.stringify((problem.errors ?? [{ field: '', message: problem.detail ?? problem.title }]).map((error) => ({ code: problem.status, description: `${error.field} ${error.message}`.trim() }))), problem.status as 400, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        }),
    },
  };

  beforeAll(async () => {
    host = await startTestHost({ host: fixtureHost, serverModules: [withRootPaths], database, extra: { publicUrl: 'https://kota.example.go.id/' } });
  });
  afterAll(async () => host?.close());

  it('gives modules the configured public URL, never the Host header', async () => {
    expect(host.server.moduleContext('fixture-notes').publicUrl).toBe('https://kota.example.go.id');
    const answer = await host.client().json<{ link: string }>('/standard/v1/link', { headers: { 'x-forwarded-host': 'evil.example', host: 'evil.example' } });
    expect(answer.body.link).toBe('https://kota.example.go.id/fixture-notes/1');
  });

  it("answers core's refusals and the module's problems under its root paths in the module's error format, keeping their headers", async () => {
    const nul = await host.client().fetch('/standard/v1/link?q=%00');
    expect(nul.status).toBe(400);
    expect(nul.headers.get('content-type')).toContain('application/json');
    expect(nul.headers.get('cache-control')).toBe('no-store');
    expect(await nul.json()).toEqual([{ code: 400, description: expect.stringContaining('query.q') }]);
    const encoding = await host.client().fetch('/standard/v1/link?q=%E0%A4%A');
    expect(encoding.status).toBe(400);
    expect(((await encoding.json()) as { code: number }[])[0]!.code).toBe(400);
    const missing = await host.client().fetch('/standard/v1/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: 'Not found' }]);
    const limited = await host.client().fetch('/standard/v1/limited');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(((await limited.json()) as { code: number }[])[0]!.code).toBe(429);
    // Everywhere else: problem+json as before.
    const api = await host.client().fetch('/api/fixture-notes/notes?q=%00');
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    const elsewhere = await host.client().fetch('/standardized?q=%00');
    expect(elsewhere.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a public URL that is not an http(s) origin at start', async () => {
    await expect(createServer({ host: fixtureHost, serverModules: [fixtureServer], publicUrl: 'ftp://kota.example.go.id', jobs: false })).rejects.toThrow(/publicUrl \(KOTA_PUBLIC_URL\)/);
    await expect(createServer({ host: fixtureHost, serverModules: [fixtureServer], publicUrl: 'kota.example.go.id', jobs: false })).rejects.toThrow(/not a URL/);
  });
});
