import { applyMigrations, demoPassword, openDatabase, sql, type Database, type Kysely } from '@kota-kit/core/server';
import { createPostgresTestDatabase, startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../src/index.js';
import hargaPasarServer, { migrations } from '../src/server/index.js';
import { publishBody, testClock, testHost } from './fixture.js';

type Prices = Record<string, number>;

// The day summaries (migration 0004) that the board reads must always equal an aggregate over the published
// prices, whatever wrote them: entry, publish, correction, automatic publication, plain SQL, the migration itself.
const fresh = `
  SELECT date::text AS date, commodity_id, count(*)::int AS markets, round(avg(price))::int AS average, min(price) AS lowest, max(price) AS highest,
    (array_agg(market_id ORDER BY price, market_id))[1] AS lowest_market, (array_agg(market_id ORDER BY price DESC, market_id))[1] AS highest_market
  FROM harga_pasar_prices WHERE status = 'published' GROUP BY date, commodity_id`;
const stored = `
  SELECT date::text AS date, commodity_id, markets, average, lowest, highest, lowest_market, highest_market FROM harga_pasar_day_summaries`;

async function summaries(db: Kysely<unknown>) {
  const rows = (await sql.raw<Record<string, unknown>>(`${stored} ORDER BY date, commodity_id`).execute(db)).rows;
  const expected = (await sql.raw<Record<string, unknown>>(`${fresh} ORDER BY date, commodity_id`).execute(db)).rows;
  return { rows, expected };
}

async function expectExact(db: Kysely<unknown>) {
  const { rows, expected } = await summaries(db);
  expect(rows).toEqual(expected);
  return rows;
}

describe.each(testDatabaseTargets())('harga-pasar day summaries on %s', (database) => {
  let host: TestHost;
  let enumerator: TestClient;
  let supervisor: TestClient;
  let db: Kysely<unknown>;

  const enter = (market: string, date: string, prices: Prices) =>
    enumerator.json('/api/harga-pasar/entry', {
      method: 'PUT',
      body: { market, date, prices: Object.entries(prices).map(([commodity, price]) => ({ commodity, price })), confirmLargeChanges: true },
    });
  const publish = async (market: string, date: string) =>
    supervisor.json('/api/harga-pasar/publish', { method: 'POST', body: await publishBody(supervisor, market, date) });
  const correct = (date: string, market: string, commodity: string, price: number) =>
    supervisor.json(`/api/harga-pasar/prices/${date}/${market}/${commodity}`, { method: 'PATCH', body: { price, reason: 'Salah ketik' } });
  const board = async (date: string) => (await host.client().json<Board>(`/api/harga-pasar/board?date=${date}`)).body;
  const summaryOf = async (date: string, commodity: string) =>
    (await sql<{ markets: number; average: number; lowest_market: string; highest_market: string }>`
      SELECT markets, average, lowest_market, highest_market FROM harga_pasar_day_summaries WHERE date = ${date}::date AND commodity_id = ${commodity}
    `.execute(db)).rows[0];

  beforeAll(async () => {
    host = await startTestHost({ host: testHost(), serverModules: [hargaPasarServer], database, clock: testClock() });
    db = host.server.database.db as unknown as Kysely<unknown>;
    enumerator = host.client();
    await enumerator.login('enumerator@demo.kotakit.id', demoPassword);
    supervisor = host.client();
    await supervisor.login('supervisor@demo.kotakit.id', demoPassword);
  });
  afterAll(async () => host?.close());

  it('follows entry (drafts do not count), publication and corrections of published and draft prices', async () => {
    expect((await enter('pasar-a', '2025-03-07', { 'beras-medium': 12_000, 'cabai-rawit-merah': 40_000 })).status).toBe(200);
    expect(await expectExact(db)).toEqual([]); // drafts only

    expect((await publish('pasar-a', '2025-03-07')).status).toBe(200);
    expect(await summaryOf('2025-03-07', 'beras-medium')).toEqual({ markets: 1, average: 12_000, lowest_market: 'pasar-a', highest_market: 'pasar-a' });
    expect((await enter('pasar-b', '2025-03-07', { 'beras-medium': 12_401, 'cabai-rawit-merah': 40_000 })).status).toBe(200);
    expect((await summaryOf('2025-03-07', 'beras-medium'))?.markets).toBe(1); // pasar-b still a draft
    expect((await publish('pasar-b', '2025-03-07')).status).toBe(200);
    // 12,200.5 rounds half up; equal chilli prices name the first market by id at both ends.
    expect(await summaryOf('2025-03-07', 'beras-medium')).toEqual({ markets: 2, average: 12_201, lowest_market: 'pasar-a', highest_market: 'pasar-b' });
    expect(await summaryOf('2025-03-07', 'cabai-rawit-merah')).toEqual({ markets: 2, average: 40_000, lowest_market: 'pasar-a', highest_market: 'pasar-a' });
    await expectExact(db);

    // A correction of a published price moves the average and the cheapest market.
    expect((await correct('2025-03-07', 'pasar-a', 'beras-medium', 12_600)).status).toBe(200);
    expect(await summaryOf('2025-03-07', 'beras-medium')).toEqual({ markets: 2, average: 12_501, lowest_market: 'pasar-b', highest_market: 'pasar-a' });
    const item = (await board('2025-03-07')).items.find((entry) => entry.commodity === 'beras-medium');
    expect(item).toMatchObject({ average: 12_501, marketCount: 2, lowest: { market: 'pasar-b', price: 12_401 }, highest: { market: 'pasar-a', price: 12_600 } });

    // A draft's correction counts only once published.
    expect((await enter('pasar-a', '2025-03-08', { 'beras-medium': 12_000 })).status).toBe(200);
    expect((await correct('2025-03-08', 'pasar-a', 'beras-medium', 12_100)).status).toBe(200);
    expect(await summaryOf('2025-03-08', 'beras-medium')).toBeUndefined();
    expect((await publish('pasar-a', '2025-03-08')).status).toBe(200);
    expect((await summaryOf('2025-03-08', 'beras-medium'))?.average).toBe(12_100);
    await expectExact(db);
  });

  it('follows writes outside the API: unpublishing, deleting, bulk inserts and truncation', async () => {
    // Back to draft (no route does this; an operator's SQL might): the day loses that market.
    await sql`UPDATE harga_pasar_prices SET status = 'draft' WHERE date = '2025-03-07' AND market_id = 'pasar-b'`.execute(db);
    expect(await summaryOf('2025-03-07', 'beras-medium')).toEqual({ markets: 1, average: 12_600, lowest_market: 'pasar-a', highest_market: 'pasar-a' });
    await expectExact(db);
    // Deleting the last published price of a day removes its summary, so the board falls back to the day before.
    await sql`DELETE FROM harga_pasar_prices WHERE date = '2025-03-08'`.execute(db);
    expect(await summaryOf('2025-03-08', 'beras-medium')).toBeUndefined();
    expect((await board('2025-03-10')).date).toBe('2025-03-07');
    await expectExact(db);

    // One statement over many days and markets (an import): every day summarised once, exactly.
    await sql`
      INSERT INTO harga_pasar_prices (date, market_id, commodity_id, price, status)
      SELECT d::date, m, c, 10000 + (d::date - '2025-01-01'::date) * 7 + length(m) * 13 + length(c), CASE WHEN m = 'pasar-b' AND c = 'telur-ayam-ras' THEN 'draft' ELSE 'published' END
      FROM generate_series('2025-01-01'::date, '2025-02-28'::date, interval '1 day') AS d, unnest(ARRAY['pasar-a', 'pasar-b']) AS m, unnest(ARRAY['beras-medium', 'telur-ayam-ras']) AS c
    `.execute(db);
    const rows = await expectExact(db);
    expect(rows.filter((row) => String(row.date) < '2025-03-01')).toHaveLength(59 * 2);

    await sql`TRUNCATE harga_pasar_prices`.execute(db);
    expect(await expectExact(db)).toEqual([]);
  });

  it('counts two markets published at the same moment', async () => {
    // Two transactions write the same day; the second waits for the first to commit, then sees its prices.
    // (The embedded database runs one transaction at a time, so there the second simply queues.)
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstWrote = () => {};
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    const insert = (market: string, price: number) => sql`
      INSERT INTO harga_pasar_prices (date, market_id, commodity_id, price, status) VALUES ('2025-03-09', ${market}, 'beras-medium', ${price}, 'published')`;
    const first = db.transaction().execute(async (trx) => {
      await insert('pasar-a', 12_000).execute(trx);
      firstWrote();
      await gate;
    });
    await wrote;
    const second = db.transaction().execute(async (trx) => insert('pasar-b', 13_000).execute(trx));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    expect(await summaryOf('2025-03-09', 'beras-medium')).toEqual({ markets: 2, average: 12_500, lowest_market: 'pasar-a', highest_market: 'pasar-b' });
    await expectExact(db);
  });
});

describe.each(testDatabaseTargets())('harga-pasar migration 0004 on %s', (target) => {
  let database: Database;
  let drop = async () => {};

  beforeAll(async () => {
    if (target === 'postgres') {
      const created = await createPostgresTestDatabase();
      drop = created.drop;
      database = await openDatabase({ url: created.url });
    } else {
      database = await openDatabase({});
    }
  });
  afterAll(async () => {
    await database?.close();
    await drop();
  });

  it('summarises the prices stored before it', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await applyMigrations(database, 'harga-pasar', migrations.filter((migration) => migration.name < '0004'));
    await sql`
      INSERT INTO harga_pasar_prices (date, market_id, commodity_id, price, status)
      SELECT d::date, 'pasar-' || m, 'komoditas-' || c, 5000 + ((m * 37 + c * 11 + (d::date - '2024-01-01'::date)) % 23) * 50, CASE WHEN (m + c) % 5 = 0 THEN 'draft' ELSE 'published' END
      FROM generate_series('2024-01-01'::date, '2024-03-31'::date, interval '1 day') AS d, generate_series(1, 6) AS m, generate_series(1, 4) AS c
    `.execute(db);
    expect(await applyMigrations(database, 'harga-pasar', migrations.filter((migration) => migration.name < '0005'))).toEqual(['0004_day_summaries']);
    expect(await expectExact(db)).toHaveLength(91 * 4);
  });
});
