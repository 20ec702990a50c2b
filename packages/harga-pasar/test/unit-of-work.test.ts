import { demoPassword, sql } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hargaPasarServer from '../src/server/index.js';
import { publishBody, testClock, testHost } from './fixture.js';

type Prices = Record<string, number>;

// Every write of harga pasar is one unit of work: its rows, its audit entry and its alert events stand or fall
// together. A constraint trigger deferred to COMMIT makes the very last step fail, after the handler wrote its
// rows and audit entry and queued its events: nothing of it may remain, and no region hook may hear of it.
describe.each(testDatabaseTargets())('harga-pasar writes as units of work on %s', (database) => {
  let host: TestHost;
  let enumerator: TestClient;
  let supervisor: TestClient;
  let admin: TestClient;
  const events: { commodity: string; reasons: string[] }[] = [];

  const enter = (market: string, date: string, prices: Prices) =>
    enumerator.json('/api/harga-pasar/entry', {
      method: 'PUT',
      body: { market, date, prices: Object.entries(prices).map(([commodity, price]) => ({ commodity, price })), confirmLargeChanges: true },
    });
  const publish = async (market: string, date: string) =>
    supervisor.json<{ newAlerts: unknown[] }>('/api/harga-pasar/publish', { method: 'POST', body: await publishBody(supervisor, market, date) });
  const audit = async (subjectId: string) =>
    (await admin.json<{ entries: { action: string }[] }>(`/api/admin/audit?module=harga-pasar&subjectId=${encodeURIComponent(subjectId)}`)).body.entries.map((entry) => entry.action);
  const failCommits = async (table: string) => {
    const { db } = host.server.database;
    await sql.raw(`CREATE OR REPLACE FUNCTION harga_pasar_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit (test)'; END $$`).execute(db);
    await sql.raw(`CREATE CONSTRAINT TRIGGER harga_pasar_test_refuse AFTER INSERT OR UPDATE ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION harga_pasar_test_refuse()`).execute(db);
  };
  const allowCommits = async (table: string) => {
    await sql.raw(`DROP TRIGGER harga_pasar_test_refuse ON ${table}`).execute(host.server.database.db);
  };

  beforeAll(async () => {
    host = await startTestHost({
      host: { ...testHost(), on: { 'harga-pasar.price.alert': (payload) => void events.push(payload as never) } },
      serverModules: [hargaPasarServer],
      database,
      clock: testClock(),
    });
    enumerator = host.client();
    await enumerator.login('enumerator@demo.kotakit.id', demoPassword);
    supervisor = host.client();
    await supervisor.login('supervisor@demo.kotakit.id', demoPassword);
    admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
    // A week ago chilli cost 40,000; today's drafts at 60,000 rise 50% in a week and pass its HAP (57,000).
    for (const market of ['pasar-a', 'pasar-b']) {
      expect((await enter(market, '2025-03-03', { 'beras-medium': 12_000, 'cabai-rawit-merah': 40_000 })).status).toBe(200);
      expect((await publish(market, '2025-03-03')).status).toBe(200);
    }
    expect((await enter('pasar-a', '2025-03-10', { 'beras-medium': 12_000, 'cabai-rawit-merah': 60_000 })).status).toBe(200);
  });
  afterAll(async () => host?.close());

  it('publishing that fails at commit leaves the drafts, no audit entry and no alert event', async () => {
    await failCommits('harga_pasar_prices');
    events.length = 0;
    const failed = await publish('pasar-a', '2025-03-10');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(events).toEqual([]);
    expect(await audit('pasar-a/2025-03-10')).toEqual(['prices.enter']);
    const form = await enumerator.json<{ status: string }>('/api/harga-pasar/entry?market=pasar-a&date=2025-03-10');
    expect(form.body.status).toBe('draft');

    // The same write once commits are allowed: stored, audited and announced (so the test above can see them).
    await allowCommits('harga_pasar_prices');
    const published = await publish('pasar-a', '2025-03-10');
    expect(published.status).toBe(200);
    expect(published.body.newAlerts).toHaveLength(1);
    expect(events).toEqual([expect.objectContaining({ commodity: 'cabai-rawit-merah', reasons: ['above-reference', 'week-rise'] })]);
    expect(await audit('pasar-a/2025-03-10')).toEqual(['prices.publish', 'prices.enter']);
  });

  it('a correction and an entry that fail at commit leave no revision, no audit entry and no event', async () => {
    await failCommits('harga_pasar_prices');
    events.length = 0;
    const path = '/api/harga-pasar/prices/2025-03-03/pasar-b/cabai-rawit-merah';
    const corrected = await supervisor.json(path, { method: 'PATCH', body: { price: 70_000, reason: 'Salah ketik' } });
    expect(corrected.status).toBeGreaterThanOrEqual(500);
    const entered = await enter('pasar-b', '2025-03-10', { 'beras-medium': 12_100 });
    expect(entered.status).toBeGreaterThanOrEqual(500);
    await allowCommits('harga_pasar_prices');

    expect(events).toEqual([]);
    expect(await audit('2025-03-03/pasar-b/cabai-rawit-merah')).toEqual([]);
    expect(await audit('pasar-b/2025-03-10')).toEqual([]);
    const stored = await supervisor.json<{ price: number; revisions: unknown[] }>(path);
    expect(stored.body).toMatchObject({ price: 40_000, revisions: [] });
    expect((await enumerator.json<{ status: string }>('/api/harga-pasar/entry?market=pasar-b&date=2025-03-10')).body.status).toBe('empty');
  });

  it('a reference price that fails at commit is not stored, audited or announced', async () => {
    await failCommits('harga_pasar_reference_prices');
    events.length = 0;
    const added = await supervisor.json('/api/harga-pasar/reference-prices', {
      method: 'POST',
      body: { commodity: 'beras-medium', kind: 'HET', zone: '1', price: 11_000, effectiveFrom: '2025-03-01', legalBasis: 'Peraturan uji coba' },
    });
    expect(added.status).toBeGreaterThanOrEqual(500);
    await allowCommits('harga_pasar_reference_prices');
    expect(events).toEqual([]);
    const list = await host.client().json<{ referencePrices: { source: string }[] }>('/api/harga-pasar/reference-prices');
    expect(list.body.referencePrices.filter((entry) => entry.source === 'admin')).toEqual([]);
    const log = await admin.json<{ entries: { action: string }[] }>('/api/admin/audit?module=harga-pasar');
    expect(log.body.entries.map((entry) => entry.action)).not.toContain('reference-price.add');
  });
});
