import type { Ctx, Work } from '../context.js';
import { today } from '../context.js';
import { latestPublishedDate } from '../queries/prices.js';
import type { Alert, ReferencePriceEntry, ReferencePriceStatus } from '../schemas.js';
import type { Db } from '../tables.js';
import { withAlertEvents } from './alerts.js';
import { loadReferenceBook } from './board.js';

export type ListedReferencePrice = ReferencePriceEntry & { status: ReferencePriceStatus };

/** Every reference price, configured and added, with where it stands today. */
export async function listReferencePrices(ctx: Ctx, db: Db): Promise<ListedReferencePrice[]> {
  const book = await loadReferenceBook(ctx, db);
  const day = today(ctx);
  return book.entries.map((entry) => ({ ...entry, status: book.statusOf(entry, day) }));
}

/** One row the agency added, as listed. */
export async function referencePriceEntry(ctx: Ctx, db: Db, id: number): Promise<ListedReferencePrice> {
  const entries = await listReferencePrices(ctx, db);
  return entries.find((entry) => entry.source === 'admin' && entry.id === String(id))!;
}

/** By commodity as configured, then newest first; on equal dates the agency's entry first. */
export function sortForList(ctx: Ctx, entries: ListedReferencePrice[]): ListedReferencePrice[] {
  const order = new Map(ctx.options.commodities.map((commodity, index) => [commodity.id, index]));
  return entries.sort(
    (a, b) =>
      (order.get(a.commodity) ?? 1e9) - (order.get(b.commodity) ?? 1e9) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom) ||
      (a.source === b.source ? 0 : a.source === 'admin' ? -1 : 1),
  );
}

/**
 * A change of reference prices can raise alerts on the latest published day (a lower HET): runs the write
 * through `withAlertEvents` when the change takes effect on or before that day, so the events go out.
 */
export async function writeWithAlerts<T>(ctx: Ctx, work: Work, effectiveFrom: string, write: () => Promise<T>): Promise<{ result: T; newAlerts: Alert[] }> {
  const latest = await latestPublishedDate(work.db, today(ctx));
  if (latest && effectiveFrom <= latest) return withAlertEvents(ctx, work, latest, write);
  return { result: await write(), newAlerts: [] };
}

/** What the audit log keeps of an entry. */
export function auditFields(entry: ReferencePriceEntry) {
  return { commodity: entry.commodity, kind: entry.kind, zone: entry.zone, price: entry.price, effectiveFrom: entry.effectiveFrom, legalBasis: entry.legalBasis };
}
