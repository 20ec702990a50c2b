/** SQL of the prices table: reads of the public pages and the officers' writes. Every function takes the db or a transaction. */
import { addDays } from '@kota-kit/core';
import { sql } from '@kota-kit/core/server';
import type { Db } from '../tables.js';

/**
 * Latest date on or before `date` with a published price (optionally of one market or commodity). Without a
 * market, from the day summaries (one row per day and commodity with a published price, migration 0004).
 */
export async function latestPublishedDate(db: Db, date: string, filter: { market?: string; commodity?: string } = {}): Promise<string | null> {
  if (!filter.market) {
    let query = db
      .selectFrom('harga_pasar_day_summaries')
      .select(sql<string>`date::text`.as('date'))
      .where('date', '<=', date)
      .orderBy('harga_pasar_day_summaries.date', 'desc')
      .limit(1);
    if (filter.commodity) query = query.where('commodity_id', '=', filter.commodity);
    return (await query.executeTakeFirst())?.date ?? null;
  }
  let query = db
    .selectFrom('harga_pasar_prices')
    .select(sql<string>`date::text`.as('date'))
    .where('status', '=', 'published')
    .where('market_id', '=', filter.market)
    .where('date', '<=', date)
    .orderBy('harga_pasar_prices.date', 'desc')
    .limit(1);
  if (filter.commodity) query = query.where('commodity_id', '=', filter.commodity);
  const row = await query.executeTakeFirst();
  return row?.date ?? null;
}

export interface DayAggregate {
  date: string;
  commodity_id: string;
  average: number;
  markets: number;
  lowest: number;
  highest: number;
  /** The first market (by id) at the lowest and at the highest price. */
  lowest_market: string;
  highest_market: string;
}

/**
 * Per day and commodity of `from`…`to`: average, market count, min and max and the markets at them, newest day
 * first. Read from the day summaries the price triggers keep (migration 0004): at 50 markets × 60 commodities
 * 900 rows instead of an aggregate over 45,000 prices.
 */
export function dayAggregates(db: Db, from: string, to: string): Promise<DayAggregate[]> {
  return db
    .selectFrom('harga_pasar_day_summaries')
    .select([sql<string>`date::text`.as('date'), 'commodity_id', 'average', 'markets', 'lowest', 'highest', 'lowest_market', 'highest_market'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('harga_pasar_day_summaries.date', 'desc')
    .execute();
}

/** Published prices of one market over the `days` up to `date`, newest first. */
export function marketPrices(db: Db, market: string, date: string, days: number) {
  return db
    .selectFrom('harga_pasar_prices')
    .select([sql<string>`date::text`.as('date'), 'commodity_id', 'price'])
    .where('market_id', '=', market)
    .where('status', '=', 'published')
    .where('date', '>=', addDays(date, -days))
    .where('date', '<=', date)
    .orderBy('harga_pasar_prices.date', 'desc')
    .execute();
}

/**
 * Published prices of one commodity in every market from `from` to `to`, in `order` of date. They come back as ONE
 * text value ("date,market,price" lines), not a row per price: turning a year's 18,000 result rows into objects
 * cost the drivers far more than the query (measured at 50 markets: 133 ms against 16 ms on the embedded database,
 * 63 ms against 11 ms on PostgreSQL).
 */
export async function commodityPrices(db: Db, commodity: string, from: string, to: string, order: 'asc' | 'desc') {
  const direction = order === 'asc' ? sql`ASC` : sql`DESC`;
  // Aggregated in the order the subquery reads the commodity's index, without a second sort (see queries/export.ts).
  const result = await sql<{ body: string | null }>`
    SELECT string_agg(line, E'\n') AS body
    FROM (
      SELECT date::text || ',' || market_id || ',' || price::text AS line FROM harga_pasar_prices
      WHERE commodity_id = ${commodity} AND status = 'published' AND date >= ${from}::date AND date <= ${to}::date
      ORDER BY date ${direction}
    ) AS prices
  `.execute(db);
  const body = result.rows[0]?.body;
  if (!body) return [];
  // The date is the first ten characters and the price follows the last comma, whatever the market id holds.
  return body.split('\n').map((line) => {
    const comma = line.lastIndexOf(',');
    return { date: line.slice(0, 10), market_id: line.slice(11, comma), price: Number(line.slice(comma + 1)) };
  });
}

/** Every stored price (drafts too) of one market over the month up to `date`, newest first: the entry form. */
export function entryPrices(db: Db, market: string, date: string) {
  return db
    .selectFrom('harga_pasar_prices')
    .select([sql<string>`date::text`.as('date'), 'commodity_id', 'price', 'status'])
    .where('market_id', '=', market)
    .where('date', '>=', addDays(date, -31))
    .where('date', '<=', date)
    .orderBy('harga_pasar_prices.date', 'desc')
    .execute();
}

/** Every stored price's market, commodity and status on one date: the markets' progress of a market day. */
export function dayEntries(db: Db, date: string) {
  return db.selectFrom('harga_pasar_prices').select(['market_id', 'commodity_id', 'status']).where('date', '=', date).execute();
}

export interface EnteredPrice {
  commodity: string;
  price: number;
}

/**
 * Stores an enumerator's prices as drafts (or published, in automatic mode). Overwrites drafts only: a published
 * price is never overwritten by an entry, even by a race with a publish.
 */
export async function upsertPrices(db: Db, entry: { market: string; date: string; prices: EnteredPrice[]; by: string; publish: boolean; now: Date }) {
  if (!entry.prices.length) return;
  await db
    .insertInto('harga_pasar_prices')
    .values(
      entry.prices.map((item) => ({
        date: entry.date,
        market_id: entry.market,
        commodity_id: item.commodity,
        price: item.price,
        status: entry.publish ? ('published' as const) : ('draft' as const),
        entered_by: entry.by,
        published_by: entry.publish ? entry.by : null,
        entered_at: entry.now,
        published_at: entry.publish ? entry.now : null,
        updated_at: entry.now,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['date', 'market_id', 'commodity_id'])
        .doUpdateSet((eb) => ({
          price: eb.ref('excluded.price'),
          status: eb.ref('excluded.status'),
          entered_by: eb.ref('excluded.entered_by'),
          published_by: eb.ref('excluded.published_by'),
          published_at: eb.ref('excluded.published_at'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('harga_pasar_prices.status', '=', 'draft'),
    )
    .execute();
}

/** Publishes a market day's drafts; returns what was published. */
export function publishDrafts(db: Db, market: string, date: string, by: string, now: Date) {
  return db
    .updateTable('harga_pasar_prices')
    .set({ status: 'published', published_by: by, published_at: now, updated_at: now })
    .where('date', '=', date)
    .where('market_id', '=', market)
    .where('status', '=', 'draft')
    .returning(['commodity_id', 'price'])
    .execute();
}

export interface PriceKey {
  date: string;
  market: string;
  commodity: string;
}

/** One stored price and its revisions, newest first; null when nothing is stored. */
export async function priceWithRevisions(db: Db, key: PriceKey) {
  const row = await db
    .selectFrom('harga_pasar_prices')
    .select(['price', 'status'])
    .where('date', '=', key.date)
    .where('market_id', '=', key.market)
    .where('commodity_id', '=', key.commodity)
    .executeTakeFirst();
  if (!row) return null;
  const revisions = await db
    .selectFrom('harga_pasar_price_revisions')
    .selectAll()
    .where('date', '=', key.date)
    .where('market_id', '=', key.market)
    .where('commodity_id', '=', key.commodity)
    .orderBy('id', 'desc')
    .execute();
  return { ...row, revisions };
}

/** Corrects a stored price and keeps the previous value as a revision. */
export async function correctPrice(db: Db, key: PriceKey, change: { previous: number; price: number; reason: string; by: { id: string; name: string }; now: Date }) {
  await db
    .insertInto('harga_pasar_price_revisions')
    .values({
      date: key.date,
      market_id: key.market,
      commodity_id: key.commodity,
      previous_price: change.previous,
      new_price: change.price,
      reason: change.reason,
      changed_by: change.by.id,
      changed_by_name: change.by.name,
      changed_at: change.now,
    })
    .execute();
  await db
    .updateTable('harga_pasar_prices')
    .set({ price: change.price, updated_at: change.now })
    .where('date', '=', key.date)
    .where('market_id', '=', key.market)
    .where('commodity_id', '=', key.commodity)
    .execute();
}
