/** SQL of the reference prices the agency adds (migration 0003); rows are retired, never deleted. */
import { sql } from '@kota-kit/core/server';
import type { ReferencePriceRow } from '../services/references.js';
import type { Db } from '../tables.js';

export function referencePriceRows(db: Db): Promise<ReferencePriceRow[]> {
  return db
    .selectFrom('harga_pasar_reference_prices')
    .select(['id', 'commodity_id', 'kind', 'zone', 'price', sql<string>`effective_from::text`.as('effective_from'), 'legal_basis', 'created_by_name', 'created_at', 'retired_at'])
    .orderBy('harga_pasar_reference_prices.id')
    .execute();
}

export interface ReferencePriceKey {
  commodity: string;
  kind: 'HET' | 'HAP';
  zone: string;
  effectiveFrom: string;
}

/** The active row of a commodity, kind, zone and date, if any (at most one: a unique index). */
export function activeReferencePrice(db: Db, key: ReferencePriceKey) {
  return db
    .selectFrom('harga_pasar_reference_prices')
    .select('id')
    .where('commodity_id', '=', key.commodity)
    .where('kind', '=', key.kind)
    .where('zone', '=', key.zone)
    .where('effective_from', '=', key.effectiveFrom)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export async function insertReferencePrice(db: Db, row: ReferencePriceKey & { price: number; legalBasis: string; by: { id: string; name: string }; now: Date }): Promise<number> {
  const inserted = await db
    .insertInto('harga_pasar_reference_prices')
    .values({
      commodity_id: row.commodity,
      kind: row.kind,
      zone: row.zone,
      price: row.price,
      effective_from: row.effectiveFrom,
      legal_basis: row.legalBasis,
      created_by: row.by.id,
      created_by_name: row.by.name,
      created_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export function referencePriceState(db: Db, id: number) {
  return db.selectFrom('harga_pasar_reference_prices').select(['retired_at', sql<string>`effective_from::text`.as('effective_from')]).where('id', '=', id).executeTakeFirst();
}

export function retireReferencePrice(db: Db, id: number, by: string, now: Date) {
  return db.updateTable('harga_pasar_reference_prices').set({ retired_at: now, retired_by: by }).where('id', '=', id).where('retired_at', 'is', null).execute();
}
