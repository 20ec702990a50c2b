/**
 * The rules of entering prices: the form of a market day, and what stands between an enumerator's prices and
 * the database (unknown or doubled commodities, published prices, large changes to confirm).
 */
import { problemTypes } from '@kota-kit/core';
import { ProblemError, problems } from '@kota-kit/core/server';
import type { Ctx } from '../context.js';
import { entryPrices, type EnteredPrice } from '../queries/prices.js';
import type { EntryData, Outlier } from '../schemas.js';
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
  const status = dayStatus(items.map((item) => item.status));
  const outliers = outliersOf(items, ctx.options.changeWarningPercent);
  return { market: { id: market.id, name: market.name }, date, status, publishMode: ctx.options.publishMode, changeWarningPercent: ctx.options.changeWarningPercent, items, outliers };
}

/** A market day's status from the statuses of its commodities (null: not entered). */
export function dayStatus(statuses: readonly ('draft' | 'published' | null)[]): EntryData['status'] {
  const set = new Set(statuses);
  return set.size === 1 ? (statuses[0] ?? 'empty') : set.has('draft') ? 'draft' : set.has('published') && !set.has(null) ? 'published' : 'partial';
}

/**
 * The day's unusual changes: drafts (the prices a publication would put on the board) that differ from the
 * market's previous market day by more than the region's `changeWarningPercent`, largest change first.
 */
export function outliersOf(items: EntryData['items'], thresholdPercent: number): Outlier[] {
  return items
    .flatMap((item) => {
      if (item.status !== 'draft' || item.price === null || !item.previous) return [];
      const percent = percentChange(item.previous.price, item.price);
      return Math.abs(percent) > thresholdPercent ? [{ commodity: item.commodity, name: item.name, unit: item.unit, previous: item.previous, price: item.price, percent }] : [];
    })
    .sort((a, b) => Math.abs(b.percent) - Math.abs(a.percent));
}

/**
 * A publication must acknowledge every current outlier at its current price: a page loaded before the
 * enumerator changed a price (or added a new unusual one) cannot publish it unseen. 409 `unacknowledged_outlier`
 * naming each one otherwise.
 */
export function checkAcknowledged(outliers: readonly Outlier[], acknowledged: readonly { commodity: string; price: number }[]): void {
  const seen = new Set(acknowledged.map((item) => `${item.commodity}:${item.price}`));
  const missing = outliers.filter((outlier) => !seen.has(`${outlier.commodity}:${outlier.price}`));
  if (!missing.length) return;
  const describe = (outlier: Outlier) =>
    `${outlier.name}: ${outlier.previous.price} on ${outlier.previous.date} → ${outlier.price} (${outlier.percent > 0 ? '+' : ''}${outlier.percent}%)`;
  throw new ProblemError(409, 'Unusual changes not checked', {
    type: problemTypes.conflict,
    detail: `${missing.length} unusual price change${missing.length === 1 ? '' : 's'} must be checked before publishing: ${missing.map(describe).join('; ')}. Reload the day, check them and send them as acknowledgedOutliers.`,
    errors: missing.map((outlier) => ({ field: 'body.acknowledgedOutliers', message: `Check ${describe(outlier)}.`, code: 'unacknowledged_outlier' })),
  });
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
