/**
 * An account's part in pencaker (UU PDP 27/2022): what pencaker keeps tied to it, and forgetting it when the
 * account is deleted. A job seeker's data goes as with "Hapus data saya"; an employer's member leaves the
 * employer, whose company data and vacancies stay (they are not the person's).
 */
import type { UnitOfWork } from '@kota-kit/core/server';
import { toProfile } from '../queries/seekers.js';
import type { Ctx, PencakerTables } from '../tables.js';
import { findSeekerOfUser } from './access.js';
import { iso } from './dates.js';
import { forgetSeekerOf } from './profile.js';

/** The AK/1 profile, its cards and applications, the saved searches and the employer the account acts for. */
export async function accountData(ctx: Ctx, userId: string) {
  const seeker = await findSeekerOfUser(ctx.db, userId);
  const [cards, applications, savedSearches, employer] = await Promise.all([
    seeker
      ? ctx.db.selectFrom('pencaker_cards').select(['number', 'status', 'submitted_at', 'activated_at', 'valid_until', 'ended_at', 'end_reason']).where('seeker_id', '=', seeker.id).orderBy('submitted_at').execute()
      : [],
    seeker
      ? ctx.db
          .selectFrom('pencaker_applications as a')
          .innerJoin('pencaker_vacancies as v', 'v.id', 'a.vacancy_id')
          .select(['v.title', 'a.stage', 'a.cover_letter', 'a.with_cv', 'a.interview_at', 'a.interview_place', 'a.created_at'])
          .where('a.seeker_id', '=', seeker.id)
          .orderBy('a.created_at')
          .execute()
      : [],
    ctx.db.selectFrom('pencaker_saved_searches').select(['name', 'filters', 'created_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
    ctx.db
      .selectFrom('pencaker_employer_members as m')
      .innerJoin('pencaker_employers as e', 'e.id', 'm.employer_id')
      .select(['e.name', 'm.created_at'])
      .where('m.user_id', '=', userId)
      .executeTakeFirst(),
  ]);
  return {
    profile: seeker ? toProfile(seeker) : null,
    cards: cards.map((card) => ({
      number: card.number,
      status: card.status,
      submittedAt: iso(card.submitted_at),
      activatedAt: iso(card.activated_at),
      validUntil: card.valid_until,
      endedAt: iso(card.ended_at),
      endReason: card.end_reason,
    })),
    applications: applications.map((application) => ({
      vacancy: application.title,
      stage: application.stage,
      coverLetter: application.cover_letter,
      withCv: application.with_cv,
      interviewAt: iso(application.interview_at),
      interviewPlace: application.interview_place,
      createdAt: iso(application.created_at),
    })),
    savedSearches: savedSearches.map((search) => ({ name: search.name, filters: search.filters, createdAt: iso(search.created_at) })),
    employer: employer ? { name: employer.name, memberSince: iso(employer.created_at) } : null,
  };
}

export async function forgetAccount(ctx: Ctx, work: UnitOfWork<PencakerTables>, userId: string): Promise<void> {
  await forgetSeekerOf(ctx, work, userId);
  const membership = await work.db.deleteFrom('pencaker_employer_members').where('user_id', '=', userId).returning('employer_id').executeTakeFirst();
  if (membership) await work.audit({ action: 'employer.member.remove', subjectType: 'employer', subjectId: String(membership.employer_id), before: { member: userId } });
}
