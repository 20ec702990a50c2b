import { demoPassword } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardItem } from '../src/index.js';
import hargaPasarServer from '../src/server/index.js';
import { publishBody, testClock, testHost } from './fixture.js';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string; code?: string }[];
}

type Prices = Record<string, number>;

describe.each(testDatabaseTargets())('harga-pasar API on %s', (database) => {
  let host: TestHost;
  let enumerator: TestClient;
  let supervisor: TestClient;
  const events: { commodity: string; reasons: string[] }[] = [];

  const enter = (client: TestClient, market: string, date: string, prices: Prices, confirmLargeChanges = true) =>
    client.json<Problem & { status: string; items: { commodity: string; price: number | null; status: string | null; previous: { price: number } | null }[] }>(
      '/api/harga-pasar/entry',
      { method: 'PUT', body: { market, date, prices: Object.entries(prices).map(([commodity, price]) => ({ commodity, price })), confirmLargeChanges } },
    );
  // Acknowledging the day's unusual changes as the supervisor's page does (issue 13 #3).
  const publish = async (client: TestClient, market: string, date: string) =>
    client.json<Problem & { published: number; newAlerts: { commodity: string }[] }>('/api/harga-pasar/publish', { method: 'POST', body: await publishBody(client, market, date) });
  const item = (board: Board, commodity: string) => board.items.find((entry) => entry.commodity === commodity) as BoardItem;

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
    // A week ago and the market day before today; 9 March is a missing day.
    for (const [date, a, b] of [
      ['2025-03-03', { 'beras-medium': 12_000, 'cabai-rawit-merah': 40_000, 'telur-ayam-ras': 28_000 }, { 'beras-medium': 12_400, 'cabai-rawit-merah': 44_000, 'telur-ayam-ras': 28_000 }],
      ['2025-03-08', { 'beras-medium': 12_600, 'cabai-rawit-merah': 50_000, 'telur-ayam-ras': 28_000 }, { 'beras-medium': 12_800, 'cabai-rawit-merah': 52_000, 'telur-ayam-ras': 28_000 }],
    ] as const) {
      expect((await enter(enumerator, 'pasar-a', date, a)).status).toBe(200);
      expect((await enter(enumerator, 'pasar-b', date, b)).status).toBe(200);
      expect((await publish(supervisor, 'pasar-a', date)).status).toBe(200);
      expect((await publish(supervisor, 'pasar-b', date)).status).toBe(200);
    }
  });
  afterAll(async () => host?.close());

  it('refuses officer routes to anonymous users (401), citizens (403) and officers of another agency (403)', async () => {
    const anonymous = host.client();
    const put = await enter(anonymous, 'pasar-a', '2025-03-10', { 'beras-medium': 12_000 });
    expect(put.status).toBe(401);
    expect(put.headers.get('content-type')).toContain('application/problem+json');
    expect((await anonymous.json('/api/harga-pasar/alerts')).status).toBe(401);
    expect((await anonymous.json('/api/harga-pasar/entry?market=pasar-a')).status).toBe(401);

    const citizen = host.client();
    await citizen.login('warga@demo.kotakit.id', demoPassword);
    expect((await enter(citizen, 'pasar-a', '2025-03-10', { 'beras-medium': 12_000 })).status).toBe(403);
    expect((await publish(citizen, 'pasar-a', '2025-03-08')).status).toBe(403);
    expect((await citizen.json('/api/harga-pasar/alerts')).status).toBe(403);

    // An enumerator of another agency (DLH) may not enter the trade agency's prices.
    const admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
    const email = `enum.${database}@dlh.example.id`;
    const created = await admin.json<{ user: { id: string } }>('/api/admin/users', {
      method: 'POST',
      body: { name: 'Enumerator DLH', email, password: 'kata-sandi-panjang', kind: 'officer', agencyId: 'dlh' },
    });
    expect(created.status).toBe(201);
    const granted = await admin.json(`/api/admin/users/${created.body.user.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ module: 'harga-pasar', role: 'enumerator', agencyId: 'dlh' }] },
    });
    expect(granted.status).toBe(200);
    const other = host.client();
    await other.login(email, 'kata-sandi-panjang');
    const refused = await enter(other, 'pasar-a', '2025-03-10', { 'beras-medium': 12_000 });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('harga-pasar:enumerator');

    // Roles do not stand in for one another.
    expect((await publish(enumerator, 'pasar-a', '2025-03-08')).status).toBe(403);
    expect((await enter(supervisor, 'pasar-a', '2025-03-10', { 'beras-medium': 12_000 })).status).toBe(403);
    expect(
      (await enumerator.json('/api/harga-pasar/prices/2025-03-08/pasar-a/beras-medium', { method: 'PATCH', body: { price: 12_700, reason: 'salah ketik' } })).status,
    ).toBe(403);
  });

  it('validates entries: positive integer prices, known market and commodity, no future date', async () => {
    const bad = await enumerator.json<Problem>('/api/harga-pasar/entry', {
      method: 'PUT',
      body: { market: 'pasar-a', date: '2025-03-10', prices: [{ commodity: 'beras-medium', price: -5 }, { commodity: 'telur-ayam-ras', price: 1.5 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((error) => error.field)).toEqual(['body.prices.0.price', 'body.prices.1.price']);
    const unknown = await enter(enumerator, 'pasar-a', '2025-03-10', { 'beras-medium': 12_000, durian: 50_000 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'body.prices.1.commodity' })]);
    expect((await enter(enumerator, 'pasar-z', '2025-03-10', { 'beras-medium': 12_000 })).body.errors?.[0]?.field).toBe('body.market');
    const future = await enter(enumerator, 'pasar-a', '2025-03-11', { 'beras-medium': 12_000 });
    expect(future.status).toBe(400);
    expect(future.body.errors?.[0]?.field).toBe('body.date');
  });

  it('shows the entry form with the previous price beside each commodity', async () => {
    const form = await enumerator.json<{ status: string; items: { commodity: string; previous: { date: string; price: number } | null; price: number | null }[] }>(
      '/api/harga-pasar/entry?market=pasar-a&date=2025-03-10',
    );
    expect(form.status).toBe(200);
    expect(form.body.status).toBe('empty');
    expect(form.body.items.map((entry) => [entry.commodity, entry.previous, entry.price])).toEqual([
      ['beras-medium', { date: '2025-03-08', price: 12_600 }, null],
      ['cabai-rawit-merah', { date: '2025-03-08', price: 50_000 }, null],
      ['telur-ayam-ras', { date: '2025-03-08', price: 28_000 }, null],
    ]);
  });

  it('asks to confirm a change beyond the warning percent, listing the fields', async () => {
    const unconfirmed = await enter(enumerator, 'pasar-b', '2025-03-10', { 'beras-medium': 13_000, 'cabai-rawit-merah': 90_000 }, false);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.errors).toEqual([expect.objectContaining({ field: 'body.prices.1.price', code: 'large_change' })]);
    const stored = await enumerator.json<{ status: string }>('/api/harga-pasar/entry?market=pasar-b&date=2025-03-10');
    expect(stored.body.status).toBe('empty'); // nothing saved
  });

  it('enters a day, keeps it a draft until a supervisor publishes, then shows it on the board', async () => {
    // Drafts can be overwritten until published.
    expect((await enter(enumerator, 'pasar-a', '2025-03-10', { 'beras-medium': 12_700 }, false)).status).toBe(200);
    const saved = await enter(enumerator, 'pasar-a', '2025-03-10', { 'beras-medium': 12_850, 'cabai-rawit-merah': 56_000, 'telur-ayam-ras': 28_500 }, false);
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('draft');
    // 9 March is missing for pasar-b, telur missing today: a partial day.
    expect((await enter(enumerator, 'pasar-b', '2025-03-10', { 'beras-medium': 13_000, 'cabai-rawit-merah': 59_001 }, false)).status).toBe(200);

    const before = await host.client().json<Board>('/api/harga-pasar/board');
    expect(before.body.date).toBe('2025-03-08'); // drafts are not public

    events.length = 0;
    const published = await publish(supervisor, 'pasar-a', '2025-03-10');
    expect(published.status).toBe(200);
    expect(published.body.published).toBe(3);
    expect((await publish(supervisor, 'pasar-b', '2025-03-10')).body.published).toBe(2);
    expect((await publish(supervisor, 'pasar-b', '2025-03-10')).status).toBe(409); // nothing left

    const after = await host.client().json<Board>('/api/harga-pasar/board');
    expect(after.status).toBe(200);
    expect(after.body.date).toBe('2025-03-10');

    // A published price is not changed by a new entry.
    const overwrite = await enter(enumerator, 'pasar-a', '2025-03-10', { 'beras-medium': 12_000 });
    expect(overwrite.status).toBe(409);
    expect(overwrite.body.errors?.[0]).toMatchObject({ field: 'body.prices.0.price', code: 'published' });
  });

  it('computes the board: average, lowest and highest market, changes, reference and missing days', async () => {
    const { body } = await host.client().json<Board>('/api/harga-pasar/board?date=2025-03-10');
    expect(body.items.map((entry) => entry.commodity)).toEqual(['beras-medium', 'cabai-rawit-merah', 'telur-ayam-ras']);

    const rice = item(body, 'beras-medium');
    expect(rice).toMatchObject({
      unit: 'kg',
      date: '2025-03-10',
      average: 12_925,
      marketCount: 2,
      lowest: { market: 'pasar-a', name: 'Pasar Anyar', price: 12_850 },
      highest: { market: 'pasar-b', name: 'Pasar Bandeng', price: 13_000 },
      // vs 8 March (9 March is missing): 12,700 → 12,925
      changeDay: { date: '2025-03-08', amount: 225, percent: 1.8 },
      // vs 3 March: 12,200 → 12,925
      changeWeek: { date: '2025-03-03', amount: 725, percent: 5.9 },
      // zone 1, the newest rule in force; zone 2 is ignored
      reference: { kind: 'HET', zone: '1', price: 12_500, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' },
      aboveReference: true,
    });

    const chilli = item(body, 'cabai-rawit-merah');
    expect(chilli.average).toBe(57_501); // (56,000 + 59,001) / 2 rounded half up
    expect(chilli.changeWeek).toEqual({ date: '2025-03-03', amount: 15_501, percent: 36.9 });
    expect(chilli.aboveReference).toBe(true);

    const eggs = item(body, 'telur-ayam-ras');
    expect(eggs).toMatchObject({ average: 28_500, marketCount: 1, lowest: { market: 'pasar-a' }, highest: { market: 'pasar-a' }, reference: null, aboveReference: false });

    // A day without prices falls back to the latest earlier day, and says so.
    const missing = await host.client().json<Board>('/api/harga-pasar/board?date=2025-03-09');
    expect(missing.body).toMatchObject({ date: '2025-03-08', requestedDate: '2025-03-09' });
    const olderRice = item(missing.body, 'beras-medium');
    expect(olderRice.changeDay).toEqual({ date: '2025-03-03', amount: 500, percent: 4.1 });
    expect(olderRice.changeWeek).toBeNull(); // nothing on or before 1 March

    // Before anything was published there is no board.
    expect((await host.client().json<Board>('/api/harga-pasar/board?date=2025-01-01')).body).toEqual({ date: null, requestedDate: '2025-01-01', items: [] });
    expect((await host.client().json<Problem>('/api/harga-pasar/board?date=2025-13-01')).status).toBe(400);
    // Dates outside 1900–2100 are refused at the boundary, naming the field (a year 0 once answered 500).
    for (const date of ['0000-01-01', '0024-01-02', '9999-12-31']) {
      const far = await host.client().json<Problem>(`/api/harga-pasar/board?date=${date}`);
      expect(far.status, date).toBe(400);
      expect(far.body.errors?.map((error) => error.field)).toEqual(['query.date']);
    }
  });

  it('lists alerts for officers and emitted them as events when publishing created them', async () => {
    const { status, body } = await supervisor.json<{ date: string; alerts: { commodity: string; reasons: string[] }[] }>('/api/harga-pasar/alerts');
    expect(status).toBe(200);
    expect(body.date).toBe('2025-03-10');
    expect(body.alerts.map((alert) => [alert.commodity, alert.reasons])).toEqual([
      ['beras-medium', ['above-reference']],
      ['cabai-rawit-merah', ['above-reference', 'week-rise']],
    ]);
    expect((await enumerator.json('/api/harga-pasar/alerts')).status).toBe(200);
    // Rice was already above HET on 8 March, so publishing 10 March raised no new rice alert. Chilli: pasar-a's
    // publication made it rise 33% in a week; pasar-b's then took the average above HAP — each emitted once.
    expect(events.map((event) => [event.commodity, event.reasons])).toEqual([
      ['cabai-rawit-merah', ['week-rise']],
      ['cabai-rawit-merah', ['above-reference', 'week-rise']],
    ]);
  });

  it('corrects a published price, keeping the previous value as a revision, and audits it', async () => {
    const path = '/api/harga-pasar/prices/2025-03-10/pasar-a/telur-ayam-ras';
    const corrected = await supervisor.json<{ price: number; revisions: { previousPrice: number; newPrice: number; reason: string; changedBy: string }[] }>(path, {
      method: 'PATCH',
      body: { price: 29_000, reason: 'Salah ketik dari petugas' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.price).toBe(29_000);
    expect(corrected.body.revisions).toEqual([
      expect.objectContaining({ previousPrice: 28_500, newPrice: 29_000, reason: 'Salah ketik dari petugas', changedBy: 'Supervisor Demo' }),
    ]);
    expect(item((await host.client().json<Board>('/api/harga-pasar/board')).body, 'telur-ayam-ras').average).toBe(29_000);
    expect((await supervisor.json(path, { method: 'PATCH', body: { price: 29_000, reason: 'sama' } })).status).toBe(400);
    expect((await supervisor.json('/api/harga-pasar/prices/2025-03-09/pasar-a/telur-ayam-ras', { method: 'PATCH', body: { price: 1, reason: 'tidak ada' } })).status).toBe(404);

    const admin = host.client();
    await admin.login('admin@demo.kotakit.id', demoPassword);
    const audit = await admin.json<{ entries: { action: string; actorName: string; before: unknown; after: unknown }[] }>(
      '/api/admin/audit?module=harga-pasar&subjectId=2025-03-10/pasar-a/telur-ayam-ras',
    );
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'price.correct', actorName: 'Supervisor Demo', before: { price: 28_500 } })]);
    const entries = await admin.json<{ entries: { action: string }[] }>('/api/admin/audit?module=harga-pasar&subjectId=pasar-a/2025-03-10');
    expect(entries.body.entries.map((entry) => entry.action)).toEqual(['prices.publish', 'prices.enter', 'prices.enter']);
  });

  it('serves series, markets and the market comparison', async () => {
    const series = await host.client().json<{ from: string; to: string; average: { date: string; price: number }[]; markets: { market: string; points: unknown[] }[] }>(
      '/api/harga-pasar/commodities/beras-medium/series?range=30d',
    );
    expect(series.status).toBe(200);
    expect(series.body).toMatchObject({ from: '2025-02-09', to: '2025-03-10' });
    expect(series.body.average).toEqual([
      { date: '2025-03-03', price: 12_200 },
      { date: '2025-03-08', price: 12_700 },
      { date: '2025-03-10', price: 12_925 },
    ]);
    expect(series.body.markets.map((market) => [market.market, market.points.length])).toEqual([
      ['pasar-a', 3],
      ['pasar-b', 3],
    ]);
    expect((await host.client().json('/api/harga-pasar/commodities/durian/series')).status).toBe(404);
    expect((await host.client().json('/api/harga-pasar/commodities/beras-medium/series?range=2y')).status).toBe(400);

    const markets = await host.client().json<{ markets: { id: string; lat: number }[] }>('/api/harga-pasar/markets');
    expect(markets.body.markets.map((market) => market.id)).toEqual(['pasar-a', 'pasar-b']);
    const market = await host.client().json<{ date: string; items: { commodity: string; price: number; changeDay: { amount: number } | null }[] }>(
      '/api/harga-pasar/markets/pasar-b',
    );
    expect(market.body.date).toBe('2025-03-10');
    expect(market.body.items.map((entry) => [entry.commodity, entry.price, entry.changeDay?.amount])).toEqual([
      ['beras-medium', 13_000, 200],
      ['cabai-rawit-merah', 59_001, 7_001],
    ]);
    expect((await host.client().json('/api/harga-pasar/markets/nowhere')).status).toBe(404);

    const compare = await host.client().json<{ date: string; average: number; markets: { market: string; price: number | null; differenceFromAverage: number | null }[] }>(
      '/api/harga-pasar/commodities/telur-ayam-ras/compare?date=2025-03-10',
    );
    expect(compare.body).toMatchObject({ date: '2025-03-10', average: 29_000 });
    expect(compare.body.markets.map((entry) => [entry.market, entry.price, entry.differenceFromAverage])).toEqual([
      ['pasar-a', 29_000, 0],
      ['pasar-b', null, null],
    ]);
  });

  it('exports published prices in long format as CSV and JSON', async () => {
    const csv = await host.client().fetch('/api/harga-pasar/export.csv?from=2025-03-01&to=2025-03-10');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('date,market,market_name,commodity,commodity_name,unit,price');
    expect(lines).toHaveLength(1 + 6 + 6 + 5);
    expect(lines[1]).toBe('2025-03-03,pasar-a,Pasar Anyar,beras-medium,Beras medium,kg,12000');
    expect(lines.at(-1)).toBe('2025-03-10,pasar-b,Pasar Bandeng,cabai-rawit-merah,Cabai rawit merah,kg,59001');

    const json = await host.client().json<{ rows: { date: string; market: string; commodity: string; unit: string; price: number }[] }>(
      '/api/harga-pasar/export.json?from=2025-03-08&to=2025-03-08',
    );
    expect(json.status).toBe(200);
    expect(json.body.rows).toHaveLength(6);
    expect(json.body.rows[0]).toEqual({ date: '2025-03-08', market: 'pasar-a', marketName: 'Pasar Anyar', commodity: 'beras-medium', commodityName: 'Beras medium', unit: 'kg', price: 12_600 });
  });

  it('answers bad export ranges with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['from=2025-02-30&to=2025-03-10', 'query.from'],
      ['from=03/01/2025&to=2025-03-10', 'query.from'],
      ['from=2025-03-01', 'query.to'],
      ['from=2025-03-10&to=2025-03-01', 'query.to'],
      ['from=2024-01-01&to=2025-03-10', 'query.to'],
    ];
    for (const [query, field] of cases) {
      const response = await host.client().json<Problem>(`/api/harga-pasar/export.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors?.map((error) => error.field)).toContain(field);
      expect((await host.client().json<Problem>(`/api/harga-pasar/export.json?${query}`)).status).toBe(400);
    }
    // Exactly 366 days is allowed.
    expect((await host.client().fetch('/api/harga-pasar/export.csv?from=2024-03-10&to=2025-03-10')).status).toBe(200);
  });

  it('documents every route in the OpenAPI document', async () => {
    const { body } = await host.client().json<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/harga-pasar/board',
        '/api/harga-pasar/export.csv',
        '/api/harga-pasar/export.json',
        '/api/harga-pasar/commodities/{id}/series',
        '/api/harga-pasar/entry',
        '/api/harga-pasar/publish',
        '/api/harga-pasar/alerts',
      ]),
    );
  });
});
