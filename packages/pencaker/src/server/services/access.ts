/**
 * Who is who in Pencaker. A seeker is a signed-in account with an AK/1 profile; an employer is an account linked
 * to an organisation (pencaker_employer_members); an officer holds `pencaker:officer` for the region's Disnaker.
 */
import type { SessionUser } from '@kota-kit/core';
import { problems, type RequestContext } from '@kota-kit/core/server';
import type { Ctx, Db, EmployerRow, SeekerRow } from '../tables.js';

export function isOfficer(ctx: Ctx, user: SessionUser | null): boolean {
  return ctx.access.hasRole(user, 'officer', ctx.options.agencyId);
}

export function requireOfficer(ctx: Ctx, c: RequestContext): SessionUser {
  return ctx.access.requireRole(c, 'officer', ctx.options.agencyId);
}

export function findSeekerOfUser(db: Db, userId: string): Promise<SeekerRow | undefined> {
  return db.selectFrom('pencaker_seekers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The signed-in user's AK/1 profile; 409 when they have not filled one yet. */
export async function requireSeeker(ctx: Ctx, c: RequestContext): Promise<{ user: SessionUser; seeker: SeekerRow }> {
  const user = ctx.access.requireUser(c);
  const seeker = await findSeekerOfUser(ctx.db, user.id);
  if (!seeker) throw problems.conflict('Fill in your job-seeker profile (AK/1 data) first.');
  return { user, seeker };
}

export async function employerOfUser(db: Db, userId: string): Promise<EmployerRow | undefined> {
  return db
    .selectFrom('pencaker_employer_members as m')
    .innerJoin('pencaker_employers as e', 'e.id', 'm.employer_id')
    .selectAll('e')
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

/** The organisation the signed-in account acts for; 403 for an account that acts for none. */
export async function requireEmployer(ctx: Ctx, c: RequestContext): Promise<{ user: SessionUser; employer: EmployerRow }> {
  const user = ctx.access.requireUser(c);
  const employer = await employerOfUser(ctx.db, user.id);
  if (!employer) throw problems.forbidden('This account does not act for an employer. Register your organisation first.');
  return { user, employer };
}
