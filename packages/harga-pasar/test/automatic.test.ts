import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardItem } from '../src/index.js';
import hargaPasarServer from '../src/server/index.js';
import { testClock, testHost } from './fixture.js';

interface Entry {
  /** The day's status; on an error response, the problem's detail instead. */
  status: string;
  detail?: string;
  items: { commodity: string; price: number | null; status: string | null }[];
}

// A region that publishes entries as they are saved, and limits the demo enumerator to one market.
describe.each(testDatabaseTargets())('harga-pasar automatic publishing, market restriction and reference history on %s', (database) => {
  let host: TestHost;
  let enumerator: TestClient;
  let admin: TestClient;
  const events: { commodity: string; date: string; reasons: string[] }[] = [];

  const enter = (client: TestClient, market: string, date: string, prices: Record<string, number>) =>
    client.json<Entry>('/api/harga-pasar/entry', {
      method: 'PUT',
      body: { market, date, prices: Object.entries(prices).map(([commodity, price]) => ({ commodity, price })), confirmLargeChanges: true },
    });
  const board = async (date: string) => (await host.client().json<Board>(`/api/harga-pasar/board?date=${date}`)).body;
  const item = (value: Board, commodity: string) => value.items.find((entry) => entry.commodity === commodity) as BoardItem;

  beforeAll(async () => {
    host = await startTestHost({
      host: {
        ...testHost({ publishMode: 'automatic', enumeratorMarkets: { 'enumerator@demo.kotakit.id': ['pasar-a'] } }),
        on: { 'harga-pasar.price.alert': (payload) => void events.push(payload as never) },
      },
      serverModules: [hargaPasarServer],
      database,
      clock: testClock(),
    });
    enumerator = host.client();
    await enumerator.login('enumerator@demo.kotakit.id', demoPassword);
    admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
  });
  afterAll(async () => host?.close());

  it('publishes an entry at once and emits the alert it causes', async () => {
    events.length = 0;
    const saved = await enter(enumerator, 'pasar-a', '2025-03-10', { 'beras-medium': 13_000, 'telur-ayam-ras': 28_000 });
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('partial'); // chilli not entered
    expect(saved.body.items.map((entry) => [entry.commodity, entry.price, entry.status])).toEqual([
      ['beras-medium', 13_000, 'published'],
      ['cabai-rawit-merah', null, null],
      ['telur-ayam-ras', 28_000, 'published'],
    ]);

    // Public straight away, with no supervisor involved.
    const today = (await host.client().json<Board>('/api/harga-pasar/board')).body;
    expect(today.date).toBe('2025-03-10');
    expect(item(today, 'beras-medium')).toMatchObject({ average: 13_000, marketCount: 1, aboveReference: true, reference: { price: 12_500 } });

    // Rice above its HET (12,500) is a new alert, emitted once as a core event.
    expect(events).toEqual([expect.objectContaining({ commodity: 'beras-medium', date: '2025-03-10', reasons: ['above-reference'] })]);

    // Nothing is left for a supervisor to publish, and a published price is not changed by a new entry.
    const supervisor = host.client();
    await supervisor.login('supervisor@demo.kotakit.id', demoPassword);
    expect((await supervisor.json('/api/harga-pasar/publish', { method: 'POST', body: { market: 'pasar-a', date: '2025-03-10' } })).status).toBe(409);
    expect((await enter(enumerator, 'pasar-a', '2025-03-10', { 'beras-medium': 12_000 })).status).toBe(409);

    // Entering the same prices again emits nothing new.
    events.length = 0;
    expect((await enter(enumerator, 'pasar-a', '2025-03-10', { 'cabai-rawit-merah': 40_000 })).status).toBe(200);
    expect(events).toEqual([]);

    const audit = await admin.json<{ entries: { action: string }[] }>('/api/admin/audit?module=harga-pasar&subjectId=pasar-a/2025-03-10');
    expect(audit.body.entries.map((entry) => entry.action)).toEqual(['prices.enter-publish', 'prices.enter-publish']);
  });

  it('limits an enumerator listed in enumeratorMarkets to those markets (403 elsewhere)', async () => {
    const refused = await enter(enumerator, 'pasar-b', '2025-03-10', { 'beras-medium': 12_000 });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('pasar-a');
    // Nothing was stored for pasar-b.
    const form = await enumerator.json<Entry>('/api/harga-pasar/entry?market=pasar-b&date=2025-03-10');
    expect(form.body.status).toBe('empty');
    expect((await board('2025-03-10')).items.every((entry) => entry.marketCount === 1)).toBe(true);

    // A region admin is not restricted.
    const byAdmin = await enter(admin, 'pasar-b', '2025-03-10', { 'beras-medium': 12_000 });
    expect(byAdmin.status).toBe(200);
    expect(item(await board('2025-03-10'), 'beras-medium')).toMatchObject({ average: 12_500, marketCount: 2 });
  });

  it('uses the reference price in force on the date of the prices (HET changed on 1 June 2024)', async () => {
    expect((await enter(enumerator, 'pasar-a', '2024-05-31', { 'beras-medium': 11_000 })).status).toBe(200);
    expect((await enter(enumerator, 'pasar-a', '2024-06-03', { 'beras-medium': 12_000 })).status).toBe(200);

    // 31 May: the old HET of 10,900 (Perbadan 7/2023) is in force, so 11,000 is above it.
    const before = item(await board('2024-05-31'), 'beras-medium');
    expect(before.reference).toEqual({ kind: 'HET', zone: '1', price: 10_900, effectiveFrom: '2023-03-31', legalBasis: 'Perbadan 7/2023' });
    expect(before.aboveReference).toBe(true);

    // 3 June: the new HET of 12,500 is in force, so a higher price (12,000) is below it.
    const after = item(await board('2024-06-03'), 'beras-medium');
    expect(after.reference).toMatchObject({ price: 12_500, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' });
    expect(after.aboveReference).toBe(false);
    expect(after.changeDay).toEqual({ date: '2024-05-31', amount: 1_000, percent: 9.1 });

    // 2 June has no prices: the board falls back to 31 May and keeps the reference of that date, not of 2 June.
    const fallback = await board('2024-06-02');
    expect(fallback.date).toBe('2024-05-31');
    expect(item(fallback, 'beras-medium').reference?.price).toBe(10_900);

    // The commodity list shows the reference in force today.
    const commodities = await host.client().json<{ commodities: { id: string; reference: { price: number } | null }[] }>('/api/harga-pasar/commodities');
    expect(commodities.body.commodities.find((commodity) => commodity.id === 'beras-medium')?.reference?.price).toBe(12_500);
  });
});
