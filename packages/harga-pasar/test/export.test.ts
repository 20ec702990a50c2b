import { addDays } from '@kota-kit/core';
import { sql } from '@kota-kit/core/server';
import { startTestHost, testDatabaseTargets, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hargaPasarServer from '../src/server/index.js';
import { exportChunkRows } from '../src/server/queries/export.js';
import { testClock, testHost } from './fixture.js';

interface Row {
  date: string;
  market: string;
  marketName: string;
  commodity: string;
  commodityName: string;
  unit: string;
  price: number;
}

const header = 'date,market,market_name,commodity,commodity_name,unit,price';
// Eight markets × four commodities × 366 days is more rows than one page of the streamed export.
const markets = Array.from({ length: 8 }, (_, index) => ({
  id: `pasar-0${index + 1}`,
  // The first name needs CSV quoting and JSON escaping; the second would run as a formula in a spreadsheet.
  name: index === 0 ? 'Pasar "Lama", Kota' : index === 1 ? '=Pasar 2' : `Pasar ${index + 1}`,
  kecamatan: 'Tangerang',
  address: 'Jl. Pasar',
  lat: -6.2,
  lng: 106.6,
}));
const commodities = [
  { id: 'beras-medium', name: 'Beras medium', group: 'Beras', variant: 'Medium', unit: 'kg' as const },
  { id: 'minyakita', name: 'Minyakita', group: 'Minyak goreng', unit: 'liter' as const },
  { id: 'telur-ayam-ras', name: 'Telur ayam ras', group: 'Telur', unit: 'kg' as const },
  { id: 'tepung-terigu', name: 'Tepung terigu', group: 'Tepung', unit: 'kg' as const },
];
const from = '2024-03-10';
const to = '2025-03-10';
// pasar-03 did not collect on 1 July 2024; pasar-08's prices of the last day are still drafts (never exported).
const expectedRows = 366 * 8 * 4 - 4 - 4;
const priceOf = (date: string, market: number, commodity: number) =>
  10_000 + market * 1_000 + commodity * 100 + (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

describe.each(testDatabaseTargets())('harga-pasar streamed export on %s', (database) => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost({
      host: testHost({ markets, commodities, referencePrices: [] }),
      serverModules: [hargaPasarServer],
      database,
      clock: testClock(),
    });
    await sql`
      INSERT INTO harga_pasar_prices (date, market_id, commodity_id, price, status)
      SELECT d::date, m.id, c.id, 10000 + m.n * 1000 + c.n * 100 + (d::date - ${from}::date),
        CASE WHEN d::date = ${to}::date AND m.id = 'pasar-08' THEN 'draft' ELSE 'published' END
      FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d
      CROSS JOIN unnest(${`{${markets.map((market) => market.id).join(',')}}`}::text[]) WITH ORDINALITY AS m(id, n)
      CROSS JOIN unnest(${`{${commodities.map((commodity) => commodity.id).join(',')}}`}::text[]) WITH ORDINALITY AS c(id, n)
      WHERE NOT (d::date = '2024-07-01' AND m.id = 'pasar-03')
    `.execute(host.server.database.db);
  });
  afterAll(async () => host?.close());

  it('streams a year as JSON: every published row once, in date, market, commodity order', async () => {
    const response = await host.client().fetch(`/api/harga-pasar/export.json?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { from: string; to: string; rows: Row[] };
    expect(Object.keys(body)).toEqual(['from', 'to', 'rows']);
    expect(body).toMatchObject({ from, to });
    const { rows } = body;
    expect(rows).toHaveLength(expectedRows);
    expect(rows.length).toBeGreaterThan(exportChunkRows); // more than one page

    expect(rows[0]).toEqual({
      date: from,
      market: 'pasar-01',
      marketName: 'Pasar "Lama", Kota',
      commodity: 'beras-medium',
      commodityName: 'Beras medium',
      unit: 'kg',
      price: 11_100,
    });
    expect(Object.keys(rows[0]!)).toEqual(['date', 'market', 'marketName', 'commodity', 'commodityName', 'unit', 'price']);
    expect(rows.at(-1)).toEqual({
      date: to,
      market: 'pasar-07',
      marketName: 'Pasar 7',
      commodity: 'tepung-terigu',
      commodityName: 'Tepung terigu',
      unit: 'kg',
      price: 10_000 + 7_000 + 400 + 365,
    });

    // Strictly increasing keys: sorted, and no row twice across page boundaries.
    const keys = rows.map((row) => `${row.date}|${row.market}|${row.commodity}`);
    for (let index = 1; index < keys.length; index++) expect(keys[index]! > keys[index - 1]!, `row ${index}`).toBe(true);
    // Every price is the one stored (checks the rows around the page boundary too).
    const wrong = rows.filter((row) => row.price !== priceOf(row.date, Number(row.market.slice(-1)), commodities.findIndex((item) => item.id === row.commodity) + 1));
    expect(wrong).toEqual([]);
    expect(rows.filter((row) => row.date === '2024-07-01' && row.market === 'pasar-03')).toEqual([]);
    expect(rows.filter((row) => row.date === to && row.market === 'pasar-08')).toEqual([]);
  });

  it('streams the same rows as CSV with the header and quoting', async () => {
    const response = await host.client().fetch(`/api/harga-pasar/export.csv?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="harga-pasar_${from}_${to}.csv"`);
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength(1 + expectedRows);
    expect(lines[1]).toBe(`${from},pasar-01,"Pasar ""Lama"", Kota",beras-medium,Beras medium,kg,11100`);
    expect(lines.at(-1)).toBe(`${to},pasar-07,Pasar 7,tepung-terigu,Tepung terigu,kg,${10_000 + 7_000 + 400 + 365}`);
    // A name a spreadsheet would run as a formula is defused with an apostrophe (the JSON keeps it as it is).
    expect(lines[5]).toBe(`${from},pasar-02,'=Pasar 2,beras-medium,Beras medium,kg,12100`);

    // Line for line the JSON export.
    const json = (await (await host.client().fetch(`/api/harga-pasar/export.json?from=${from}&to=${to}`)).json()) as { rows: Row[] };
    const guard = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    const quote = (value: string) => (/[",\n\r]/.test(guard(value)) ? `"${guard(value).replaceAll('"', '""')}"` : guard(value));
    const expected = json.rows.map((row) => [row.date, row.market, quote(row.marketName), row.commodity, quote(row.commodityName), row.unit, row.price].join(','));
    expect(lines.slice(1)).toEqual(expected);
  });

  it('streams a short range and an empty one in the same format', async () => {
    const day = await host.client().fetch('/api/harga-pasar/export.csv?from=2024-07-01&to=2024-07-01');
    expect((await day.text()).split('\r\n')).toHaveLength(1 + 28 + 1); // header, 7 markets × 4, final line end
    const empty = await host.client().fetch('/api/harga-pasar/export.csv?from=2023-01-01&to=2023-01-31');
    expect(await empty.text()).toBe(`${header}\r\n`);
    const emptyJson = await host.client().fetch('/api/harga-pasar/export.json?from=2023-01-01&to=2023-01-31');
    expect(await emptyJson.text()).toBe('{"from":"2023-01-01","to":"2023-01-31","rows":[]}');
  });

  it('compresses the kept text with lz4 on PostgreSQL (the embedded database has only pglz)', async () => {
    const column = await sql<{ compression: string }>`
      SELECT attcompression AS compression FROM pg_attribute WHERE attrelid = 'harga_pasar_export_days'::regclass AND attname = 'body'`.execute(host.server.database.db);
    // Debian's PostgreSQL (CI's) is built with lz4; a server without it keeps the default, which the migration allows.
    expect(column.rows[0]!.compression).toBe(database === 'postgres' ? 'l' : '');
  });

  it('never keeps a day made while a write to its prices was still open', async () => {
    // A correction is written and not yet committed when an export needs that (not yet kept) day. The export must
    // wait for it or leave the day unkept: a day kept with the old price would be exported for good.
    // (The embedded database runs one transaction at a time, so there the export simply queues.)
    const db = host.server.database.db;
    const day = '2024-10-10';
    await sql`DELETE FROM harga_pasar_export_days WHERE date = ${day}::date`.execute(db);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let corrected = () => {};
    const wrote = new Promise<void>((resolve) => (corrected = resolve));
    const correction = db.transaction().execute(async (trx) => {
      await sql`UPDATE harga_pasar_prices SET price = 55555 WHERE date = ${day}::date AND market_id = 'pasar-05' AND commodity_id = 'beras-medium'`.execute(trx);
      corrected();
      await gate;
    });
    await wrote;
    // From the day before: the first page's day is never kept, the second page's is.
    const exporting = host.client().fetch(`/api/harga-pasar/export.csv?from=${addDays(day, -1)}&to=${day}`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await correction;
    await exporting;
    const again = await (await host.client().fetch(`/api/harga-pasar/export.csv?from=${addDays(day, -1)}&to=${day}`)).text();
    expect(again).toContain(`${day},pasar-05,Pasar 5,beras-medium,Beras medium,kg,55555\r\n`);
  });

  it("keeps days without changing the module's data version: the board's cached answer and its ETag stand", async () => {
    const db = host.server.database.db;
    await sql`DELETE FROM harga_pasar_export_days WHERE format = 'csv'`.execute(db);
    const board = await host.client().fetch('/api/harga-pasar/board');
    const etag = board.headers.get('etag')!;
    expect(etag).toBeTruthy();
    await (await host.client().fetch(`/api/harga-pasar/export.csv?from=${from}&to=${to}`)).text();
    expect((await sql<{ days: number }>`SELECT count(*)::int AS days FROM harga_pasar_export_days WHERE format = 'csv'`.execute(db)).rows[0]!.days).toBeGreaterThan(300);
    expect((await host.client().fetch('/api/harga-pasar/board', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it("keeps each day's text once made, until a write touches that day's published prices", async () => {
    const db = host.server.database.db;
    const csv = async (range = `from=${from}&to=${to}`) => (await host.client().fetch(`/api/harga-pasar/export.csv?${range}`)).text();
    const kept = async (date: string) =>
      (await sql<{ format: string; rows: number; body: string }>`SELECT format, rows, body FROM harga_pasar_export_days WHERE date = ${date}::date ORDER BY format`.execute(db)).rows;
    const before = await csv();
    // Every day but the first page's, which is made each time so that the answer starts without a write.
    const keptDays = await sql<{ first: string; days: number }>`
      SELECT min(date) AS first, count(*)::int AS days FROM harga_pasar_export_days WHERE format = 'csv' AND date BETWEEN ${from}::date AND ${to}::date`.execute(db);
    expect(keptDays.rows[0]).toEqual({ first: addDays(from, 1), days: 365 });
    // A day without prices is not kept: a range of empty years must not grow the table.
    await csv('from=2022-06-01&to=2022-06-02');
    expect(await kept('2022-06-01')).toEqual([]);

    // A correction of a published price forgets that day only; the next export carries the new price.
    await sql`UPDATE harga_pasar_prices SET price = 99999 WHERE date = '2024-05-05' AND market_id = 'pasar-04' AND commodity_id = 'minyakita'`.execute(db);
    expect(await kept('2024-05-05')).toEqual([]);
    expect((await kept('2024-05-06')).map((day) => day.format)).toEqual(['csv', 'json']);
    const corrected = await csv();
    expect(corrected).toContain('2024-05-05,pasar-04,Pasar 4,minyakita,Minyakita,liter,99999\r\n');
    expect(corrected.length).toBe(before.length + '99999'.length - String(priceOf('2024-05-05', 4, 2)).length);

    // A draft entered does not touch the export; publishing it, deleting a published price and a bulk insert do.
    await sql`INSERT INTO harga_pasar_prices (date, market_id, commodity_id, price, status) VALUES ('2024-07-01', 'pasar-03', 'minyakita', 77777, 'draft')`.execute(db);
    expect(await kept('2024-07-01')).toHaveLength(2);
    expect(await csv()).not.toContain('77777');
    await sql`UPDATE harga_pasar_prices SET status = 'published' WHERE date = '2024-07-01' AND market_id = 'pasar-03'`.execute(db);
    await sql`DELETE FROM harga_pasar_prices WHERE date = '2024-08-01' AND market_id = 'pasar-01'`.execute(db);
    const after = await csv();
    expect(after).toContain('2024-07-01,pasar-03,Pasar 3,minyakita,Minyakita,liter,77777\r\n');
    expect(after).not.toContain('2024-08-01,pasar-01,');
    expect(after.split('\r\n')).toHaveLength(before.split('\r\n').length + 1 - 4);

    // A day kept under other names (a region renamed a market) is made again with the names configured now.
    await sql`UPDATE harga_pasar_export_days SET names = 'renamed', body = 'stale text' WHERE date = '2024-09-09'`.execute(db);
    const remade = await csv();
    expect(remade).not.toContain('stale text');
    expect(remade).toBe(after);
    const json = await host.client().fetch(`/api/harga-pasar/export.json?from=2024-09-08&to=2024-09-09`);
    expect(((await json.json()) as { rows: Row[] }).rows).toHaveLength(64);
    expect((await kept('2024-09-09')).every((day) => day.body !== 'stale text')).toBe(true);

    // Emptying the table forgets every kept day.
    await sql`TRUNCATE harga_pasar_prices`.execute(db);
    expect((await sql<{ days: number }>`SELECT count(*)::int AS days FROM harga_pasar_export_days`.execute(db)).rows[0]!.days).toBe(0);
    expect(await csv()).toBe(`${header}\r\n`);
    expect((await sql<{ days: number }>`SELECT count(*)::int AS days FROM harga_pasar_export_days`.execute(db)).rows[0]!.days).toBe(0);
  });
});
