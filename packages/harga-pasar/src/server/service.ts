import { sql, type Generated, type Kysely, type ModuleContext } from '@kota-kit/core/server';
import type { HargaPasarOptions } from '../index.js';
import type { Board, BoardItem, PriceChange, ReferencePriceInForce, Unit } from '../types.js';
import { addDays, todayIn } from './dates.js';
import { mergeReferencePrices, ReferenceBook, type ReferencePriceRow } from './references.js';

export type Ctx = ModuleContext<HargaPasarOptions>;

export interface PriceTable {
  date: string;
  market_id: string;
  commodity_id: string;
  price: number;
  status: 'draft' | 'published';
  entered_by: string | null;
  published_by: string | null;
  entered_at: Date;
  published_at: Date | null;
  updated_at: Date;
}

export interface RevisionTable {
  id: Generated<number>;
  date: string;
  market_id: string;
  commodity_id: string;
  previous_price: number;
  new_price: number;
  reason: string | null;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Date;
}

export interface ReferencePriceTable {
  id: Generated<string>;
  commodity_id: string;
  kind: 'HET' | 'HAP';
  zone: string;
  price: number;
  effective_from: string;
  legal_basis: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  retired_at: Date | null;
  retired_by: string | null;
}

export interface Tables {
  harga_pasar_prices: PriceTable;
  harga_pasar_price_revisions: RevisionTable;
  harga_pasar_reference_prices: ReferencePriceTable;
}

export function database(ctx: Ctx): Kysely<Tables> {
  return ctx.db as Kysely<Tables>;
}

/** How far back the board looks for the previous market day and the week-ago price. */
export const lookbackDays = 14;

export function today(ctx: Ctx): string {
  return todayIn(ctx.region.timeZone, ctx.clock.now());
}

export function percentChange(from: number, to: number): number {
  return Math.round(((to - from) / from) * 1000) / 10;
}

function change(previous: { date: string; average: number } | undefined, current: number): PriceChange | null {
  if (!previous) return null;
  return { date: previous.date, amount: current - previous.average, percent: percentChange(previous.average, current) };
}

/**
 * The reference prices of the region: the configured ones merged with the agency's rows (see references.ts).
 * One small query; made once per request and passed around rather than read per commodity.
 */
export async function loadReferenceBook(ctx: Ctx): Promise<ReferenceBook> {
  const rows = await database(ctx)
    .selectFrom('harga_pasar_reference_prices')
    .select([
      sql<string>`id::text`.as('id'),
      'commodity_id',
      'kind',
      'zone',
      'price',
      sql<string>`effective_from::text`.as('effective_from'),
      'legal_basis',
      'created_by_name',
      'created_at',
      'retired_at',
    ])
    .orderBy('harga_pasar_reference_prices.id')
    .execute();
  return new ReferenceBook(mergeReferencePrices(ctx.options.referencePrices, rows as ReferencePriceRow[]), ctx.options.priceZone);
}

/** Latest date on or before `date` with a published price (optionally of one market or commodity). */
export async function latestPublishedDate(ctx: Ctx, date: string, filter: { market?: string; commodity?: string } = {}): Promise<string | null> {
  let query = database(ctx)
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

interface DayAggregate {
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
 * Today's board for `date`: per commodity the city average, cheapest and dearest market, changes and reference.
 * With `exact` the board is for that date even if nothing is published on it (used to compare alerts before and
 * after a write); otherwise it falls back to the latest date with published prices.
 * One aggregate query over a two-week slice of the (date, market, commodity) primary key, and one small query of
 * the reference prices (unless the caller passes them).
 */
export async function computeBoard(ctx: Ctx, requestedDate: string, exact = false, references?: ReferenceBook): Promise<Board> {
  const date = exact ? requestedDate : await latestPublishedDate(ctx, requestedDate);
  if (!date) return { date: null, requestedDate, items: [] };
  const book = references ?? (await loadReferenceBook(ctx));
  // Averages of every day in the window (for the changes); cheapest and dearest market only of each commodity's
  // latest day, looked up by its min and max price (a sorted array_agg per day and commodity cost 4× as much).
  const result = await sql<DayAggregate>`
    WITH days AS (
      SELECT date, commodity_id, round(avg(price))::int AS average, count(*)::int AS markets, min(price) AS lowest, max(price) AS highest
      FROM harga_pasar_prices
      WHERE status = 'published' AND date BETWEEN ${addDays(date, -lookbackDays)}::date AND ${date}::date
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
  `.execute(ctx.db);
  const byCommodity = new Map<string, DayAggregate[]>();
  for (const row of result.rows) {
    const list = byCommodity.get(row.commodity_id) ?? [];
    list.push(row); // newest first
    byCommodity.set(row.commodity_id, list);
  }
  const marketNames = new Map(ctx.options.markets.map((market) => [market.id, market.name]));
  const items: BoardItem[] = [];
  for (const commodity of ctx.options.commodities) {
    const days = byCommodity.get(commodity.id);
    const current = days?.[0];
    if (!days || !current) continue;
    // A market day missing for this commodity: its latest day in the window is shown, dated.
    const previousDay = days[1];
    const weekAgo = days.find((day) => day.date <= addDays(current.date, -7));
    const reference = book.inForce(commodity.id, current.date);
    items.push({
      commodity: commodity.id,
      name: commodity.name,
      group: commodity.group,
      variant: commodity.variant ?? null,
      unit: commodity.unit,
      date: current.date,
      average: current.average,
      marketCount: current.markets,
      lowest: { market: current.lowest_market!, name: marketNames.get(current.lowest_market!) ?? current.lowest_market!, price: current.lowest },
      highest: { market: current.highest_market!, name: marketNames.get(current.highest_market!) ?? current.highest_market!, price: current.highest },
      changeDay: change(previousDay, current.average),
      changeWeek: change(weekAgo, current.average),
      reference,
      aboveReference: reference !== null && current.average > reference.price,
    });
  }
  return { date, requestedDate, items };
}

export interface Alert {
  commodity: string;
  name: string;
  unit: Unit;
  date: string;
  average: number;
  reasons: ('above-reference' | 'week-rise')[];
  reference: ReferencePriceInForce | null;
  changeWeek: PriceChange | null;
}

export function alertsOf(ctx: Ctx, board: Board): Alert[] {
  const alerts: Alert[] = [];
  for (const item of board.items) {
    const reasons: Alert['reasons'] = [];
    if (item.aboveReference) reasons.push('above-reference');
    if (item.changeWeek && item.changeWeek.percent > ctx.options.alertRisePercent) reasons.push('week-rise');
    if (reasons.length === 0) continue;
    alerts.push({
      commodity: item.commodity,
      name: item.name,
      unit: item.unit,
      date: item.date,
      average: item.average,
      reasons,
      reference: item.reference,
      changeWeek: item.changeWeek,
    });
  }
  return alerts;
}

/** Runs a write and emits "harga-pasar.price.alert" for every alert on `date` it newly caused. */
export async function withAlertEvents<T>(ctx: Ctx, date: string, write: () => Promise<T>): Promise<{ result: T; newAlerts: Alert[] }> {
  const key = (alert: Alert) => alert.reasons.map((reason) => `${alert.commodity}:${reason}`);
  const before = new Set(alertsOf(ctx, await computeBoard(ctx, date, true)).flatMap(key));
  const result = await write();
  const newAlerts = alertsOf(ctx, await computeBoard(ctx, date, true)).filter((alert) => key(alert).some((item) => !before.has(item)));
  for (const alert of newAlerts) await ctx.emit('price.alert', alert);
  return { result, newAlerts };
}
