import { addDays } from '@kota-kit/core';
import type { Ctx } from '../context.js';
import { dayAggregates, latestPublishedDate, type DayAggregate } from '../queries/prices.js';
import { referencePriceRows } from '../queries/reference-prices.js';
import type { Board, BoardItem } from '../schemas.js';
import type { Db } from '../tables.js';
import { mergeReferencePrices, ReferenceBook } from './references.js';
import { changeFrom } from './statistics.js';

/** How far back the board looks for the previous market day and the week-ago price. */
export const lookbackDays = 14;

/**
 * The reference prices of the region: the configured ones merged with the agency's rows (see references.ts).
 * One small query; made once per request and passed around rather than read per commodity.
 */
export async function loadReferenceBook(ctx: Ctx, db: Db): Promise<ReferenceBook> {
  return new ReferenceBook(mergeReferencePrices(ctx.options.referencePrices, await referencePriceRows(db)), ctx.options.priceZone);
}

/**
 * The board for `requestedDate`: per commodity the city average, cheapest and dearest market, changes and
 * reference. With `exact` the board is for that date even if nothing is published on it (used to compare alerts
 * before and after a write); otherwise it falls back to the latest date with published prices.
 */
export async function computeBoard(ctx: Ctx, db: Db, requestedDate: string, exact = false, references?: ReferenceBook): Promise<Board> {
  const date = exact ? requestedDate : await latestPublishedDate(db, requestedDate);
  if (!date) return { date: null, requestedDate, items: [] };
  const book = references ?? (await loadReferenceBook(ctx, db));
  const byCommodity = new Map<string, DayAggregate[]>();
  for (const row of await dayAggregates(db, addDays(date, -lookbackDays), date)) {
    const list = byCommodity.get(row.commodity_id) ?? [];
    list.push(row); // newest first
    byCommodity.set(row.commodity_id, list);
  }
  const marketNames = new Map(ctx.options.markets.map((market) => [market.id, market.name]));
  const marketPrice = (id: string | null, price: number) => ({ market: id ?? '', name: (id && marketNames.get(id)) ?? id ?? '', price });
  const items: BoardItem[] = [];
  for (const commodity of ctx.options.commodities) {
    const days = byCommodity.get(commodity.id);
    const current = days?.[0];
    if (!days || !current) continue;
    // A market day missing for this commodity: its latest day in the window is shown, dated.
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
      lowest: marketPrice(current.lowest_market, current.lowest),
      highest: marketPrice(current.highest_market, current.highest),
      changeDay: changeFrom(days[1], current.average),
      changeWeek: changeFrom(weekAgo, current.average),
      reference,
      aboveReference: reference !== null && current.average > reference.price,
    });
  }
  return { date, requestedDate, items };
}
