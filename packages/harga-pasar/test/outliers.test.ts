// Issue 13 #3: a publication must acknowledge the day's unusual changes at their current prices.
import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hargaPasarServer from '../src/server/index.js';
import { publishBody, testClock, testHost } from './fixture.js';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string; code?: string }[];
}
interface Outlier {
  commodity: string;
  name: string;
  previous: { date: string; price: number };
  price: number;
  percent: number;
}

describe.each(testDatabaseTargets())('harga-pasar outliers before publishing on %s', (database) => {
  let host: TestHost;
  let enumerator: TestClient;
  let supervisor: TestClient;
  const enter = (date: string, prices: Record<string, number>) =>
    enumerator.json('/api/harga-pasar/entry', {
      method: 'PUT',
      body: { market: 'pasar-a', date, prices: Object.entries(prices).map(([commodity, price]) => ({ commodity, price })), confirmLargeChanges: true },
    });
  const publish = (body: object) => supervisor.json<Problem & { published: number }>('/api/harga-pasar/publish', { method: 'POST', body });
  const outliers = async (date: string) => (await supervisor.json<{ outliers: Outlier[] }>(`/api/harga-pasar/entry?market=pasar-a&date=${date}`)).body.outliers;

  beforeAll(async () => {
    host = await startTestHost({ host: testHost(), serverModules: [hargaPasarServer], database, clock: testClock() });
    enumerator = host.client();
    await enumerator.login('enumerator@demo.kotakit.id', demoPassword);
    supervisor = host.client();
    await supervisor.login('supervisor@demo.kotakit.id', demoPassword);
    expect((await enter('2025-03-07', { 'beras-medium': 12_000, 'cabai-rawit-merah': 56_000, 'telur-ayam-ras': 28_000 })).status).toBe(200);
    // No previous day: nothing unusual, nothing to acknowledge (the field may be left out).
    expect((await publish({ market: 'pasar-a', date: '2025-03-07' })).status).toBe(200);
  });
  afterAll(async () => host?.close());

  it('lists the unusual changes with the previous price, and refuses a publication that does not acknowledge them', async () => {
    expect((await enter('2025-03-08', { 'beras-medium': 12_100, 'cabai-rawit-merah': 82_000, 'telur-ayam-ras': 21_000 })).status).toBe(200);
    const found = await outliers('2025-03-08');
    // Largest first; beras +0.8% is not unusual (threshold 20%).
    expect(found).toEqual([
      expect.objectContaining({ commodity: 'cabai-rawit-merah', name: 'Cabai rawit merah', previous: { date: '2025-03-07', price: 56_000 }, price: 82_000, percent: 46.4 }),
      expect.objectContaining({ commodity: 'telur-ayam-ras', previous: { date: '2025-03-07', price: 28_000 }, price: 21_000, percent: -25 }),
    ]);

    const unacknowledged = await publish({ market: 'pasar-a', date: '2025-03-08' });
    expect(unacknowledged.status).toBe(409);
    expect(unacknowledged.body.detail).toContain('2 unusual price changes must be checked before publishing');
    expect(unacknowledged.body.detail).toContain('Cabai rawit merah: 56000 on 2025-03-07 → 82000 (+46.4%)');
    expect(unacknowledged.body.errors?.map((error) => error.code)).toEqual(['unacknowledged_outlier', 'unacknowledged_outlier']);

    // Only one of two acknowledged: still refused, naming the other.
    const partly = await publish({ market: 'pasar-a', date: '2025-03-08', acknowledgedOutliers: [{ commodity: 'cabai-rawit-merah', price: 82_000 }] });
    expect(partly.status).toBe(409);
    expect(partly.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('Telur ayam ras') })]);

    // A stale page: the enumerator changed the chilli after the supervisor looked at it.
    const seen = (await outliers('2025-03-08')).map(({ commodity, price }) => ({ commodity, price }));
    expect((await enter('2025-03-08', { 'cabai-rawit-merah': 85_000 })).status).toBe(200);
    const stale = await publish({ market: 'pasar-a', date: '2025-03-08', acknowledgedOutliers: seen });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('→ 85000');
    const draft = await supervisor.json<{ status: string }>('/api/harga-pasar/entry?market=pasar-a&date=2025-03-08');
    expect(draft.body.status).toBe('draft'); // nothing published

    const published = await publish(await publishBody(supervisor, 'pasar-a', '2025-03-08'));
    expect(published.status).toBe(200);
    expect(published.body.published).toBe(3);
    expect(await outliers('2025-03-08')).toEqual([]); // published prices are no longer outliers to review
  });

  it("lists every market's progress of a day for the entry page", async () => {
    expect((await enter('2025-03-10', { 'beras-medium': 12_100 })).status).toBe(200);
    const days = await enumerator.json<{ date: string; markets: { market: string; status: string; filled: number; total: number; mine: boolean }[] }>(
      '/api/harga-pasar/entry/days?date=2025-03-10',
    );
    expect(days.status).toBe(200);
    expect(days.body.markets).toEqual([
      { market: 'pasar-a', name: 'Pasar Anyar', status: 'draft', filled: 1, total: 3, mine: true },
      { market: 'pasar-b', name: 'Pasar Bandeng', status: 'empty', filled: 0, total: 3, mine: true },
    ]);
    expect((await host.client().json('/api/harga-pasar/entry/days')).status).toBe(401);
    expect((await enumerator.json('/api/harga-pasar/entry/days?date=2025-03-11')).status).toBe(400);
  });
});
