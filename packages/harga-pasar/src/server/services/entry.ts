/**
 * The rules of entering prices: the form of a market day, and what stands between an enumerator's prices and
 * the database (unknown or doubled commodities, published prices, large changes to confirm).
 */
import { problemTypes } from '@kota-kit/core';
import { ProblemError, problems } from '@kota-kit/core/server';
import type { Ctx } from '../context.js';
import { entryPrices, type EnteredPrice } from '../queries/prices.js';
import type { EntryData } from '../schemas.js';
import type { Db } from '../tables.js';
import { percentChange } from './statistics.js';

/** The entry form of one market and day: each commodity with its previous price and the value stored for the day. */
export async function entryData(ctx: Ctx, db: Db, market: { id: string; name: string }, date: string): Promise<EntryData> {
  const rows = await entryPrices(db, market.id, date);
  const items = ctx.options.commodities.map((commodity) => {
    const current = rows.find((row) => row.commodity_id === commodity.id && row.date === date);
    const previous = rows.find((row) => row.commodity_id === commodity.id && row.date < date);
    return {
      commodity: commodity.id,
      name: commodity.name,
      group: commodity.group,
      variant: commodity.variant ?? null,
      unit: commodity.unit,
      previous: previous ? { date: previous.date, price: previous.price } : null,
      price: current?.price ?? null,
      status: current?.status ?? null,
    };
  });
  const statuses = new Set(items.map((item) => item.status));
  const status: EntryData['status'] =
    statuses.size === 1 ? (items[0]?.status ?? 'empty') : statuses.has('draft') ? 'draft' : statuses.has('published') && !statuses.has(null) ? 'published' : 'partial';
  return { market: { id: market.id, name: market.name }, date, status, publishMode: ctx.options.publishMode, changeWarningPercent: ctx.options.changeWarningPercent, items };
}

/** Each commodity known and listed once; 400 naming the rows otherwise. */
export function checkCommodities(ctx: Ctx, prices: readonly EnteredPrice[]): void {
  const known = new Set(ctx.options.commodities.map((commodity) => commodity.id));
  const seen = new Set<string>();
  const invalid = prices.flatMap((item, index) => {
    const errors = [];
    if (!known.has(item.commodity)) errors.push({ field: `body.prices.${index}.commodity`, message: `Unknown commodity "${item.commodity}".` });
    else if (seen.has(item.commodity)) errors.push({ field: `body.prices.${index}.commodity`, message: `"${item.commodity}" is listed twice.` });
    seen.add(item.commodity);
    return errors;
  });
  if (invalid.length) throw problems.invalid(invalid);
}

/**
 * Against the stored form: a published price is changed only by a supervisor's correction (409 `published`), and
 * a change beyond `changeWarningPercent` from the previous market day must be confirmed (409 `large_change`).
 * Returns the prices still to be written (those not published).
 */
export function checkAgainstStored(ctx: Ctx, stored: EntryData, prices: readonly EnteredPrice[], confirmLargeChanges: boolean): EnteredPrice[] {
  const byCommodity = new Map(stored.items.map((item) => [item.commodity, item]));
  const itemOf = (commodity: string) => byCommodity.get(commodity)!; // checkCommodities ran first
  const published = prices.flatMap((item, index) =>
    itemOf(item.commodity).status === 'published' && itemOf(item.commodity).price !== item.price
      ? [{ field: `body.prices.${index}.price`, message: 'Already published; a supervisor corrects published prices.', code: 'published' }]
      : [],
  );
  if (published.length) throw new ProblemError(409, 'Already published', { type: problemTypes.conflict, detail: 'Some prices are already published.', errors: published });
  if (!confirmLargeChanges) {
    const threshold = ctx.options.changeWarningPercent;
    const large = prices.flatMap((item, index) => {
      const previous = itemOf(item.commodity).previous;
      if (!previous) return [];
      const percent = percentChange(previous.price, item.price);
      return Math.abs(percent) > threshold
        ? [{ field: `body.prices.${index}.price`, message: `Changed ${percent > 0 ? '+' : ''}${percent}% from ${previous.price} on ${previous.date}; confirm it.`, code: 'large_change' }]
        : [];
    });
    if (large.length) {
      throw new ProblemError(409, 'Confirm large changes', {
        type: problemTypes.conflict,
        detail: `Some prices changed more than ${threshold}% from the previous market day; check them and send again with confirmLargeChanges.`,
        errors: large,
      });
    }
  }
  return prices.filter((item) => itemOf(item.commodity).status !== 'published');
}

/** What the audit log keeps of a market day: price per commodity. */
export function pricesOf(data: EntryData): Record<string, number> {
  return Object.fromEntries(data.items.flatMap((item) => (item.price === null ? [] : [[item.commodity, item.price]])));
}
