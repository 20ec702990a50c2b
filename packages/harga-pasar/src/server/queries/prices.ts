/** SQL of the prices table: reads of the public pages and the officers' writes. Every function takes the db or a transaction. */
import { addDays } from '@kota-kit/core';
import { sql } from '@kota-kit/core/server';
import type { Db } from '../tables.js';

/** Latest date on or before `date` with a published price (optionally of one market or commodity). */
export async function latestPublishedDate(db: Db, date: string, filter: { market?: string; commodity?: string } = {}): Promise<string | null> {
  let query = db
    .selectFrom('harga_pasar_prices')
    .select(sql<string>`date::text`.as('date'))
    .where('status', '=', 'published')
    .where('date', '<=', date)
    .orderBy('harga_pasar_prices.date', 'desc')
    .limit(1);
  if (filter.market) query = query.where('market_id', '=', filter.market);
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
  /** Only on a commodity's latest day in the window. */
  lowest_market: string | null;
  highest_market: string | null;
}

/**
 * Per day and commodity of `from`…`to`: average, market count, min and max; cheapest and dearest market only of
 * each commodity's latest day, looked up by its min and max price (a sorted array_agg per day and commodity cost
 * 4× as much). One aggregate over a slice of the published index (migration 0002). Newest day first.
 */
export async function dayAggregates(db: Db, from: string, to: string): Promise<DayAggregate[]> {
  const result = await sql<DayAggregate>`
    WITH days AS (
      SELECT date, commodity_id, round(avg(price))::int AS average, count(*)::int AS markets, min(price) AS lowest, max(price) AS highest
      FROM harga_pasar_prices
      WHERE status = 'published' AND date BETWEEN ${from}::date AND ${to}::date
      GROUP BY date, commodity_id
    ), latest AS (
      SELECT DISTINCT ON (commodity_id) date, commodity_id, lowest, highest FROM days ORDER BY commodity_id, date DESC
    ), extremes AS (
      SELECT date, commodity_id,
        (SELECT p.market_id FROM harga_pasar_prices p
          WHERE p.status = 'published' AND p.date = latest.date AND p.commodity_id = latest.commodity_id AND p.price = latest.lowest
          ORDER BY p.market_id LIMIT 1) AS lowest_market,
        (SELECT p.market_id FROM harga_pasar_prices p
          WHERE p.status = 'published' AND p.date = latest.date AND p.commodity_id = latest.commodity_id AND p.price = latest.highest
          ORDER BY p.market_id LIMIT 1) AS highest_market
      FROM latest
    )
    SELECT days.date::text AS date, days.commodity_id, days.average, days.markets, days.lowest, days.highest,
      extremes.lowest_market, extremes.highest_market
    FROM days LEFT JOIN extremes ON extremes.commodity_id = days.commodity_id AND extremes.date = days.date
    ORDER BY days.date DESC
  `.execute(db);
  return result.rows;
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

/** Published prices of one commodity in every market from `from` to `to`, in `order` of date. */
export function commodityPrices(db: Db, commodity: string, from: string, to: string, order: 'asc' | 'desc') {
  return db
    .selectFrom('harga_pasar_prices')
    .select([sql<string>`date::text`.as('date'), 'market_id', 'price'])
    .where('commodity_id', '=', commodity)
    .where('status', '=', 'published')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('harga_pasar_prices.date', order)
    .execute();
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
