import { createHash } from 'node:crypto';
import { addDays, daysBetween } from '@kota-kit/core';
import { sql } from '@kota-kit/core/server';
import type { Db } from '../tables.js';

/** Rows a page of a streamed export aims at (whole days, as many as fit); the first page is one day. */
export const exportChunkRows = 10_000;

/**
 * How the rows of an export are written: the fixed part of a row for each market and commodity id, made once by
 * the route (core's CSV cell rules, JSON escaping), and the format of the whole line around them.
 */
export interface ExportFormat {
  kind: 'csv' | 'json';
  /**
   * Ask for the next page before handing on the current one. On PostgreSQL the database then writes it while this
   * process compresses and sends the current one; the embedded database runs in this thread, so there it would
   * only hold up the sending.
   */
  prefetch: boolean;
  /** "<market>,<market name>," or "\"market\":…,\"marketName\":…," per configured market id. */
  markets: Record<string, string>;
  /** The same for commodities, with the unit. */
  commodities: Record<string, string>;
}

/** A format with the hash of the names it writes, under which its days are kept. */
export interface KeptFormat extends ExportFormat {
  names: string;
}

export function keptFormat(format: ExportFormat): KeptFormat {
  const names = createHash('sha256').update(JSON.stringify([format.kind, format.markets, format.commodities])).digest('base64url').slice(0, 22);
  return { ...format, names };
}

/**
 * The published prices of `from`…`to` in (date, market, commodity) order, a page of whole days at a time, each
 * page text in the final format (CSV lines, or JSON objects joined by commas). A day's text is made by the
 * database once and kept (`harga_pasar_export_days`, migration 0005) until its published prices change: turning
 * rows into lines was most of an export's time (on the embedded database about 1.6 µs a row, under 50 MB/s),
 * while reading a kept day's text runs at hundreds of MB/s. A year of a big city (over a million rows) is never
 * in memory.
 *
 * - The first page is one day, so the answer starts within milliseconds; later pages grow to as many days as fit
 *   in `exportChunkRows` at the rate of the page before.
 * - On PostgreSQL the next page is asked for before the current one is handed on (`prefetch`).
 * - Between pages the event loop runs, so other requests (and the socket) are served during a long export on
 *   the embedded database, whose queries otherwise follow each other without a break.
 */
export async function* exportPages(db: Db, from: string, to: string, format: KeptFormat): AsyncGenerator<string> {
  const lines = lineSql(format);
  let start = from;
  let days = 1;
  // The first page's day is made without keeping it (keeping is a write, about 30 ms on the embedded database, and
  // the first byte should not wait for it); a day made costs milliseconds.
  let pending: Promise<Page> | null = page(db, start, minDate(addDays(start, days - 1), to), lines, format, false);
  while (pending) {
    const { body, rows } = await pending;
    const end = minDate(addDays(start, days - 1), to);
    const perDay = rows / (daysBetween(start, end) + 1);
    start = addDays(end, 1);
    // Twice as many days each time, up to what fits (short first pages start the answer and its compression
    // quickly); an empty stretch is crossed as fast.
    days = perDay > 0 ? Math.max(1, Math.min(days * 2, Math.floor(exportChunkRows / perDay))) : days * 4;
    const next = () => (start <= to ? page(db, start, minDate(addDays(start, days - 1), to), lines, format, true) : null);
    pending = format.prefetch ? next() : null;
    // Settled when awaited above; until then a client that leaves must not turn its failure into an unhandled rejection.
    pending?.catch(() => {});
    if (body) yield body;
    await new Promise((resolve) => setImmediate(resolve));
    if (!format.prefetch) pending = next();
  }
}

const minDate = (a: string, b: string) => (a < b ? a : b);

interface Page {
  body: string | null;
  rows: number;
}

interface Day {
  date: string;
  rows: number;
  body: string;
}

/** One row's line in SQL. Ids no longer configured are written as their own name (and kg): slugs need no quoting. */
function lineSql(format: ExportFormat) {
  const markets = JSON.stringify(format.markets);
  const commodities = JSON.stringify(format.commodities);
  return format.kind === 'csv'
    ? sql`date::text || ',' || coalesce(${markets}::jsonb ->> market_id, market_id || ',' || market_id || ',')
        || coalesce(${commodities}::jsonb ->> commodity_id, commodity_id || ',' || commodity_id || ',kg,') || price::text || E'\r\n'`
    : sql`'{"date":"' || date::text || '",' || coalesce(${markets}::jsonb ->> market_id, '"market":"' || market_id || '","marketName":"' || market_id || '",')
        || coalesce(${commodities}::jsonb ->> commodity_id, '"commodity":"' || commodity_id || '","commodityName":"' || commodity_id || '","unit":"kg",')
        || '"price":' || price::text || '}'`;
}

/** The days `from`…`to` (ISO dates), in order. */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** A page: the kept days of the range, the others made now (and kept, with `keep`), joined in date order. */
async function page(db: Db, from: string, to: string, line: ReturnType<typeof lineSql>, format: KeptFormat, keep: boolean): Promise<Page> {
  const kept = await db
    .selectFrom('harga_pasar_export_days')
    .select(['date', 'rows', 'body'])
    .where('format', '=', format.kind)
    .where('names', '=', format.names)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  const byDate = new Map<string, Day>(kept.map((day) => [day.date, day]));
  const dates = datesFrom(from, to);
  const missing = dates.filter((date) => !byDate.has(date));
  if (missing.length > 0) for (const day of await makeDays(db, missing, line, format, keep)) byDate.set(day.date, day);
  const bodies: string[] = [];
  let rows = 0;
  for (const date of dates) {
    const day = byDate.get(date);
    if (!day || day.rows === 0) continue;
    bodies.push(day.body);
    rows += day.rows;
  }
  return { body: bodies.length > 0 ? bodies.join(format.kind === 'csv' ? '' : ',') : null, rows };
}

/** The text of each of `dates`, made from its published prices (an empty day as 0 rows). */
function madeDays(dates: string[], line: ReturnType<typeof lineSql>, format: KeptFormat) {
  // The lines are aggregated in the order the subquery reads them off the index of published prices (migration
  // 0002), without sorting them again: an ORDER BY inside string_agg sorts on PostgreSQL 15 (27 ms a page of
  // 30k rows against 17). A subquery with ORDER BY is never flattened or run in parallel parts, so its order holds.
  return sql`
    SELECT day.date, made.rows, coalesce(made.body, '') AS body
    FROM unnest(${sql.val(dates)}::date[]) AS day(date)
    CROSS JOIN LATERAL (
      SELECT string_agg(line, ${format.kind === 'csv' ? '' : ','}) AS body, count(*)::int AS rows
      FROM (
        SELECT ${line} AS line FROM harga_pasar_prices
        WHERE status = 'published' AND date = day.date
        ORDER BY market_id, commodity_id
      ) AS lines
    ) AS made
  `;
}

/**
 * Makes the text of `dates` and, with `keep`, keeps that of the days with prices (an empty day is quick to find
 * again, and keeping it would let anyone grow the table with ranges of empty years). Kept under the lock the
 * triggers of migration 0005 take: a price published meanwhile either waits for this commit and then deletes what
 * was kept, or committed before, and then this statement (which starts after the lock) reads it.
 */
async function makeDays(db: Db, dates: string[], line: ReturnType<typeof lineSql>, format: KeptFormat, keep: boolean): Promise<Day[]> {
  if (!keep) return (await sql<Day>`${madeDays(dates, line, format)}`.execute(db)).rows;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('harga_pasar_export_days'), 0)`.execute(trx);
    const result = await sql<Day>`
      WITH made AS (${madeDays(dates, line, format)}), kept AS (
        INSERT INTO harga_pasar_export_days (date, format, names, rows, body)
        SELECT date, ${format.kind}, ${format.names}, rows, body FROM made WHERE rows > 0
        ON CONFLICT (date, format) DO UPDATE SET names = excluded.names, rows = excluded.rows, body = excluded.body
      )
      SELECT date, rows, body FROM made
    `.execute(trx);
    return result.rows;
  });
}
