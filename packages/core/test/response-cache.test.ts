// Core's response cache (ctx.publicAnswer): public answers kept until a write changes them, with ETag and 304,
// on a real server and database with the fixture module (its public note list is wrapped).
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type ModuleContext } from '../src/server/index.js';
import { trackDataVersions } from '../src/server/response-cache.js';
import { startTestHost, TestClock, testDatabaseTargets, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer, { type FixtureTables } from './fixture/server.js';

const list = '/api/fixture-notes/notes';

describe.each(testDatabaseTargets())('response cache on %s', (database) => {
  let host: TestHost;
  const clock = new TestClock(new Date('2026-11-30T03:00:00Z'));
  // Counts the list's queries: a kept answer runs none.
  let listQueries = 0;
  let versionReads = 0;

  beforeAll(async () => {
    host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database, clock });
    const db = host.server.database.db;
    const execute = db.getExecutor().executeQuery.bind(db.getExecutor());
    db.getExecutor().executeQuery = ((query: Parameters<typeof execute>[0], ...rest: unknown[]) => {
      if (/from "fixture_notes_notes"/.test(query.sql)) listQueries++;
      if (/from "core_data_versions"/.test(query.sql)) versionReads++;
      return (execute as (...args: unknown[]) => ReturnType<typeof execute>)(query, ...rest);
    }) as typeof execute;
  });
  afterAll(async () => host?.close());

  const ctx = () => host.server.moduleContext('fixture-notes') as unknown as ModuleContext<unknown, FixtureTables>;
  const get = (headers: Record<string, string> = {}) => fetch(`${host.url}${list}`, { headers });
  const texts = async (response: Response) => ((await response.json()) as { notes: { text: string }[] }).notes.map((note) => note.text);
  const version = async (scope: string) =>
    Number((await host.server.database.db.selectFrom('core_data_versions').select('version').where('scope', '=', scope).executeTakeFirst())?.version ?? 0);

  it('answers again from memory, with an ETag, until a write through unitOfWork changes the data', async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const before = await texts(first);

    const queries = listQueries;
    const again = await get();
    expect(again.headers.get('etag')).toBe(etag);
    expect(await texts(again)).toEqual(before);
    expect(listQueries).toBe(queries); // served from memory

    await ctx().unitOfWork({ actor: null }, (work) => work.db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'Catatan baru' }).execute());
    const after = await get({ 'if-none-match': etag });
    expect(after.status).toBe(200); // the old tag no longer holds
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await texts(after)).toEqual([...before, 'Catatan baru']);
  });

  it('reads the data versions once for requests that arrive together, each still seeing the writes made before it', async () => {
    const app = host.server.app;
    const together = () => Promise.all(Array.from({ length: 12 }, () => app.request(list)));
    await together();
    const reads = versionReads;
    const answers = await together();
    expect(versionReads - reads).toBe(1);
    const etags = new Set(answers.map((answer) => answer.headers.get('etag')));
    expect(etags.size).toBe(1);
    // A write committed just before: every request that comes after it gets the new answer.
    await ctx().unitOfWork({ actor: null }, (work) => work.db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'Catatan bersama' }).execute());
    const after = await together();
    for (const answer of after) {
      expect(etags.has(answer.headers.get('etag'))).toBe(false);
      expect(await texts(answer)).toContain('Catatan bersama');
    }
  });

  it('answers 304 without running the queries when the browser already holds the answer', async () => {
    const etag = (await get()).headers.get('etag')!;
    const queries = listQueries;
    const revalidated = await get({ 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(await revalidated.text()).toBe('');
    expect(listQueries).toBe(queries);
    expect((await get({ 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('counts writes that bypass unitOfWork (jobs, raw SQL) through the trigger on every module table', async () => {
    const etag = (await get()).headers.get('etag')!;
    const before = await version('fixture-notes');
    await sql`update fixture_notes_notes set text = 'Diubah langsung' where id = (select min(id) from fixture_notes_notes)`.execute(host.server.database.db);
    expect(await version('fixture-notes')).toBe(before + 1);
    const changed = await get({ 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await texts(changed)).toContain('Diubah langsung');
    // The attachments table (a second migration) is tracked too, and a rolled-back write changes nothing.
    const tracked = await sql<{ relname: string }>`select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'core_data_version' order by 1`.execute(host.server.database.db);
    expect(tracked.rows.map((row) => row.relname)).toEqual(['core_agencies', 'fixture_notes_attachments', 'fixture_notes_notes']);
    const atVersion = await version('fixture-notes');
    await expect(
      ctx().unitOfWork({ actor: null }, async (work) => {
        await work.db.insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'never stored' }).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version('fixture-notes')).toBe(atVersion);
  });

  it("leaves a module's cache tables untracked: writing them changes no answer, and an old trigger there is taken off", async () => {
    const db = host.server.database.db;
    const etag = (await get()).headers.get('etag')!;
    const before = await version('fixture-notes');
    await sql`insert into fixture_notes_counts (agency_id, notes) values ('dpupr', 3) on conflict (agency_id) do update set notes = 3`.execute(db);
    expect(await version('fixture-notes')).toBe(before);
    expect((await get({ 'if-none-match': etag })).status).toBe(304);

    // A trigger an earlier start put there (before the module listed the table) goes at the next start.
    await sql`create trigger core_data_version after insert or update or delete or truncate on fixture_notes_counts
      for each statement execute function core_bump_data_version('fixture-notes')`.execute(db);
    await trackDataVersions(db, [{ id: 'fixture-notes', cacheTables: fixtureServer.cacheTables }]);
    const triggers = await sql<{ n: number }>`select count(*)::int as n from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relname = 'fixture_notes_counts' and t.tgname = 'core_data_version'`.execute(db);
    expect(triggers.rows[0]!.n).toBe(0);
    await sql`update fixture_notes_counts set notes = 4`.execute(db);
    expect(await version('fixture-notes')).toBe(before);
  });

  it('keeps an answer per query and language, and makes it again after its time or at the region\'s midnight', async () => {
    const plain = await get();
    const english = await fetch(`${host.url}${list}?lang=en`);
    expect(english.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const etag = plain.headers.get('etag')!;
    clock.advance(30_000);
    const inMinute = await get({ 'if-none-match': etag });
    // 60 s buckets: either still the same tag, or the bucket turned; never a stale tag after it.
    clock.advance(61_000);
    const later = await get({ 'if-none-match': etag });
    expect(later.status).toBe(200);
    expect(later.headers.get('etag')).not.toBe(etag);
    expect([200, 304]).toContain(inMinute.status);
  });

  it('serves the kept gzip to clients that take it, and plain bytes to the others', async () => {
    for (let index = 0; index < 40; index++) await ctx().unitOfWork({ actor: null }, (work) => work.db.insertInto('fixture_notes_notes').values({ agency_id: 'dlh', text: `Catatan panjang nomor ${index} untuk uji kompresi` }).execute());
    const raw = await fetch(`${host.url}${list}`, { headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    const plainText = await raw.text();
    // node's fetch decodes gzip itself; read the bytes with a raw request instead.
    const { request } = await import('node:http');
    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${host.url}${list}`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gzipped.encoding).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(plainText);
    expect(gzipped.body.byteLength).toBeLessThan(plainText.length);
  });

  it('does not keep errors, and answers the same to a signed-in visitor without a cookie', async () => {
    const bad = await fetch(`${host.url}${list}?%zz`);
    expect(bad.status).toBe(400);
    const client = host.client();
    await client.login('editor@demo.kotakit.id', 'demo1234');
    const signedIn = await client.fetch(list);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('set-cookie')).toBeNull();
    expect(signedIn.headers.get('etag')).toBe((await get()).headers.get('etag'));
  });
});

describe('response cache switched off', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database: 'pglite', extra: { responseCache: false } });
  });
  afterAll(async () => host?.close());

  it('runs the handler every time and sends no ETag', async () => {
    const response = await fetch(`${host.url}${list}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
  });
});
