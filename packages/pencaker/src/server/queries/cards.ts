/** SQL of AK/1 cards. */
import { sql } from '@kota-kit/core/server';
import type { Card } from '../../schemas/cards.js';
import { iso } from '../services/dates.js';
import type { CardRow, Db } from '../tables.js';

export const toCard = (row: CardRow): Card => ({
  id: row.id,
  status: row.status,
  number: row.number,
  submittedAt: row.submitted_at.toISOString(),
  verifiedAt: iso(row.verified_at),
  activatedAt: iso(row.activated_at),
  validUntil: row.valid_until,
  lastReportAt: iso(row.last_report_at),
  nextReportDue: row.next_report_due,
  endedAt: iso(row.ended_at),
  endReason: row.end_reason,
  placedAt: row.placed_at,
  rejectReason: row.reject_reason,
});

/** The seeker's newest card (the current one, or the last that ended). */
export function latestCard(db: Db, seekerId: string) {
  return db.selectFrom('pencaker_cards').selectAll().where('seeker_id', '=', seekerId).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export function currentCard(db: Db, seekerId: string) {
  return db.selectFrom('pencaker_cards').selectAll().where('seeker_id', '=', seekerId).where('status', 'in', ['submitted', 'verified', 'active']).executeTakeFirst();
}

export function findCard(db: Db, id: number) {
  return db.selectFrom('pencaker_cards').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Disnaker's job-seeker number: region code, year, a number from one database sequence (unique across servers). */
export async function nextCardNumber(db: Db, regionCode: string, year: string): Promise<string> {
  const { rows } = await sql<{ n: string | number }>`select nextval('pencaker_card_number_seq') as n`.execute(db);
  return `${regionCode.replace(/\D/g, '')}-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
}

export function officerCardsQuery(db: Db, status?: Card['status']) {
  let query = db.selectFrom('pencaker_cards as c').innerJoin('pencaker_seekers as s', 's.id', 'c.seeker_id');
  if (status) query = query.where('c.status', '=', status);
  return query;
}
