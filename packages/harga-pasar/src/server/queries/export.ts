import { sql } from '@kota-kit/core/server';
import type { Db } from '../tables.js';

/** Rows per page of a streamed export (one keyset query each). */
export const exportChunkRows = 10_000;

export interface ExportRow {
  date: string;
  market_id: string;
  commodity_id: string;
  price: number;
}

/**
 * The published prices of a range in (date, market, commodity) order, a page at a time: each page is one
 * keyset query ("rows after the last one sent") on the index of published prices in primary-key order
 * (migration 0002), so a year of a big city (over a million rows) is never held in memory and, on the embedded
 * database, other requests run between pages.
 */
export async function* exportPages(db: Db, from: string, to: string): AsyncGenerator<ExportRow[]> {
  let last: ExportRow | undefined;
  for (;;) {
    const after = last
      ? sql`(date, market_id, commodity_id) > (${last.date}::date, ${last.market_id}, ${last.commodity_id})`
      : sql`date >= ${from}::date`;
    // A page comes back as ONE text value ("date,market,commodity,price" lines): on the embedded database,
    // turning 10k result rows into JS objects costs 5× the query (measured: 290 ms against 50 ms).
    // Ids are slugs, so they hold no comma or line end.
    const result = await sql<{ body: string | null }>`
      SELECT string_agg(date::text || ',' || market_id || ',' || commodity_id || ',' || price::text, E'\n' ORDER BY date, market_id, commodity_id) AS body
      FROM (
        SELECT date, market_id, commodity_id, price FROM harga_pasar_prices
        WHERE status = 'published' AND ${after} AND date <= ${to}::date
        ORDER BY date, market_id, commodity_id
        LIMIT ${exportChunkRows}
      ) AS page
    `.execute(db);
    const body = result.rows[0]?.body;
    const rows: ExportRow[] = body
      ? body.split('\n').map((line) => {
          const [date, market_id, commodity_id, price] = line.split(',') as [string, string, string, string];
          return { date, market_id, commodity_id, price: Number(price) };
        })
      : [];
    if (rows.length) yield rows;
    if (rows.length < exportChunkRows) return;
    last = rows.at(-1);
  }
}
