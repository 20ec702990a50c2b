/**
 * A citizen account's part in LAKSA (UU PDP 27/2022): what LAKSA keeps tied to it, and forgetting it when the
 * account is deleted. The reports stay — the city still has to handle them — without their reporter.
 */
import type { UnitOfWork } from '@kota-kit/core/server';
import type { Ctx, LaksaTables } from '../tables.js';
import { accountSupportKey, forgetContactOf } from './reports.js';
import { iso } from './views.js';

/** The reports the account sent while signed in, with the contact given on each, and the reports it supported. */
export async function accountData(ctx: Ctx, userId: string) {
  const reports = await ctx.db
    .selectFrom('laksa_reports as r')
    .leftJoin('laksa_contacts as c', 'c.report_id', 'r.id')
    .select([
      'r.ticket',
      'r.type',
      'r.category',
      'r.title',
      'r.description',
      'r.address',
      'r.kecamatan',
      'r.kelurahan',
      'r.lat',
      'r.lng',
      'r.confidential',
      'r.anonymous',
      'r.status',
      'r.rating',
      'r.rating_comment',
      'r.created_at',
      'c.name',
      'c.email',
      'c.phone',
      'c.nik',
    ])
    .where('r.reporter_user_id', '=', userId)
    .orderBy('r.created_at')
    .execute();
  const supported = await ctx.db
    .selectFrom('laksa_supports as s')
    .innerJoin('laksa_reports as r', 'r.id', 's.report_id')
    .select(['r.ticket', 's.created_at'])
    .where('s.fingerprint', '=', accountSupportKey(userId))
    .orderBy('s.created_at')
    .execute();
  return {
    reports: reports.map((row) => ({
      ticket: row.ticket,
      type: row.type,
      category: row.category,
      title: row.title,
      description: row.description,
      location: { address: row.address, kecamatan: row.kecamatan, kelurahan: row.kelurahan, lat: row.lat, lng: row.lng },
      confidential: row.confidential,
      anonymous: row.anonymous,
      status: row.status,
      rating: row.rating,
      ratingComment: row.rating_comment,
      createdAt: iso(row.created_at),
      contact: { name: row.name, email: row.email, phone: row.phone, nik: row.nik },
    })),
    supported: supported.map((row) => ({ ticket: row.ticket, at: iso(row.created_at) })),
  };
}

/**
 * Every report the account sent loses its contact and its link to the account (as when a reporter deletes their
 * contact with the tracking link), and the account's "me too" marks go; the supporter counts stay.
 */
export async function forgetAccount(ctx: Ctx, work: UnitOfWork<LaksaTables>, userId: string): Promise<void> {
  const now = ctx.clock.now();
  const reports = await work.db.selectFrom('laksa_reports').selectAll().where('reporter_user_id', '=', userId).orderBy('created_at').forUpdate().execute();
  for (const report of reports) await forgetContactOf(work, report, now);
  await work.db.deleteFrom('laksa_supports').where('fingerprint', '=', accountSupportKey(userId)).execute();
}
