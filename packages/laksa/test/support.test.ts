/**
 * "Me too" counts one person once (issue 8 #12): once per account when signed in, else once per client address
 * and day, whatever the browser says; the keys are stored hashed, and an address key only for its own day.
 */
import { demoPassword, sql } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox } from '../src/index.js';
import laksaServer from '../src/server/index.js';
import type { Ctx } from '../src/server/tables.js';
import { send, testClock, testHost } from './fixture.js';

type Supported = { supporters: number; alreadySupported: boolean };

describe.each(testDatabaseTargets())('laksa "me too" on %s', (database) => {
  let host: TestHost;
  let ctx: Ctx;
  const clock = testClock();
  let citizen: TestClient;
  let warga: TestClient;
  let ticket: string;
  let reportId: string;

  /** One proxy in front: the client address is the right-most X-Forwarded-For entry. */
  const support = (client: TestClient, address: string, userAgent = 'Mozilla/5.0 (Linux; Android 14) Chrome/131') =>
    client.json<Supported>(`/api/laksa/reports/${ticket}/support`, { method: 'POST', headers: { 'x-forwarded-for': address, 'user-agent': userAgent } });

  beforeAll(async () => {
    host = await startTestHost({ host: testHost({ rateLimitPerHour: 1000 }), serverModules: [laksaServer], database, clock, extra: { trustProxy: 1 } });
    ctx = host.server.moduleContext('laksa') as unknown as Ctx;
    citizen = host.client();
    warga = host.client();
    await warga.login('warga@demo.kotakit.id', demoPassword);
    const verifier = host.client();
    await verifier.login('verifier@demo.kotakit.id', demoPassword);
    ticket = (await send(citizen, { title: 'Saluran air tersumbat di Cibodas' })).ticket;
    reportId = (await verifier.json<Inbox>(`/api/laksa/inbox?all=true&q=${ticket}`)).body.items[0]!.id;
    expect((await verifier.json(`/api/laksa/inbox/${reportId}/verify`, { method: 'POST', body: {} })).status).toBe(200);
  });
  afterAll(async () => host?.close());

  const supporters = async () => (await ctx.db.selectFrom('laksa_reports').select('supporters').where('id', '=', reportId).executeTakeFirstOrThrow()).supporters;

  it('counts one per client address and day, not per User-Agent, and one per account', async () => {
    expect((await support(citizen, '203.0.113.5')).body).toEqual({ supporters: 1, alreadySupported: false });
    // Another browser, another client (no cookies), same address, same day: the same person as far as we can tell.
    expect((await support(host.client(), '203.0.113.5', 'curl/8.5.0')).body).toEqual({ supporters: 1, alreadySupported: true });
    expect((await support(citizen, '203.0.113.5', 'Mozilla/5.0 (iPhone) Safari/17')).body).toEqual({ supporters: 1, alreadySupported: true });
    expect((await support(citizen, '203.0.113.6')).body).toEqual({ supporters: 2, alreadySupported: false });
    // Signed in: once per account, from any address.
    expect((await support(warga, '203.0.113.5')).body).toEqual({ supporters: 3, alreadySupported: false });
    expect((await support(warga, '198.51.100.9', 'curl/8.5.0')).body).toEqual({ supporters: 3, alreadySupported: true });
    // Concurrent repeats of one person count once (one key, one row, in the unit of work).
    const burst = await Promise.all(Array.from({ length: 6 }, (_, index) => support(host.client(), '203.0.113.77', `agent-${index}`)));
    expect(burst.filter((answer) => answer.body.alreadySupported === false)).toHaveLength(1);
    expect(await supporters()).toBe(4);

    // The next day the address counts again; the account does not.
    clock.advance(24 * 3600 * 1000);
    expect((await support(citizen, '203.0.113.5')).body).toEqual({ supporters: 5, alreadySupported: false });
    expect((await support(host.client(), '203.0.113.5', 'curl/8.5.0')).body.alreadySupported).toBe(true);
    expect((await support(warga, '192.0.2.44')).body).toEqual({ supporters: 5, alreadySupported: true });
  });

  it('stores no address, account id or User-Agent, and keeps an address key only for its day', async () => {
    const { rows } = await sql<{ text: string }>`select t::text as text from laksa_supports t`.execute(host.server.database.db);
    const text = rows.map((row) => row.text).join('\n');
    for (const personal of ['203.0.113', '198.51.100', '192.0.2', 'Mozilla', 'curl', 'agent-']) expect(text).not.toContain(personal);
    const account = await host.server.database.db.selectFrom('core_users').select('id').where('email', '=', 'warga@demo.kotakit.id').executeTakeFirstOrThrow();
    expect(text).not.toContain(account.id);
    const keys = await ctx.db.selectFrom('laksa_supports').select('fingerprint').where('report_id', '=', reportId).execute();
    // Today's address key and the account's key; yesterday's three address keys are gone with their day.
    expect(keys.filter((key) => key.fingerprint.startsWith('day:'))).toHaveLength(1);
    expect(keys).toHaveLength(2);
    expect(await supporters()).toBe(5);
  });
});
