import { startTestHost, testDatabaseTargets, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../src/index.js';
import hargaPasarServer, { type HargaPasarTables } from '../src/server/index.js';
import { testClock, testHost } from './fixture.js';

describe.each(testDatabaseTargets())('harga-pasar demo seed on %s', (database) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: testHost({ demoSeedDays: 730 }), serverModules: [hargaPasarServer], database, clock: testClock() });
  });
  afterAll(async () => host?.close());

  it('generates two years of daily prices up to today for every market and commodity', async () => {
    const db = host.server.database.db.withTables<Pick<HargaPasarTables, 'harga_pasar_prices'>>();
    const summary = await db
      .selectFrom('harga_pasar_prices')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
      .executeTakeFirstOrThrow();
    expect(new Date(summary.first as string).toISOString().slice(0, 10)).toBe('2023-03-12');
    expect(new Date(summary.last as string).toISOString().slice(0, 10)).toBe('2025-03-10');
    // 2 markets × 3 commodities × 730 days, less about 1% of market days not collected
    expect(summary.rows).toBeGreaterThan(730 * 6 * 0.97);
    expect(summary.rows).toBeLessThanOrEqual(730 * 6);

    // Today: one market published, the last still a draft for the demo supervisor.
    const board = await host.client().json<Board>('/api/harga-pasar/board');
    expect(board.body.date).toBe('2025-03-10');
    expect(board.body.items).toHaveLength(3);
    const rice = board.body.items.find((item) => item.commodity === 'beras-medium')!;
    expect(rice.average).toBeGreaterThan(11_000);
    expect(rice.average).toBeLessThan(16_000);
  });

  it('is plausible: markets differ, chilli swings more than rice, and prices rise before Idul Fitri', async () => {
    const series = await host.client().json<{ average: { date: string; price: number }[] }>('/api/harga-pasar/commodities/cabai-rawit-merah/series?range=1y');
    expect(series.body.average.length).toBeGreaterThan(350);
    const rice = await host.client().json<{ average: { date: string; price: number }[] }>('/api/harga-pasar/commodities/beras-medium/series?range=1y');
    const spread = (points: { price: number }[]) => {
      const prices = points.map((point) => point.price);
      return (Math.max(...prices) - Math.min(...prices)) / Math.min(...prices);
    };
    expect(spread(series.body.average)).toBeGreaterThan(spread(rice.body.average) * 2);

    // Idul Fitri 2024 fell on 10 April: the week before is dearer than six weeks before.
    const exported = await host.client().json<{ rows: { date: string; commodity: string; price: number }[] }>(
      '/api/harga-pasar/export.json?from=2024-02-20&to=2024-04-09',
    );
    const average = (from: string, to: string) => {
      const rows = exported.body.rows.filter((row) => row.commodity === 'beras-medium' && row.date >= from && row.date <= to);
      return rows.reduce((sum, row) => sum + row.price, 0) / rows.length;
    };
    expect(average('2024-04-03', '2024-04-09')).toBeGreaterThan(average('2024-02-20', '2024-02-26') * 1.03);
    const markets = new Set(exported.body.rows.filter((row) => row.date === '2024-03-01' && row.commodity === 'beras-medium').map((row) => row.price));
    expect(markets.size).toBe(2);
  });
});
