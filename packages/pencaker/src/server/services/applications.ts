/**
 * Applications: received → shortlisted → interview (date, place) → hired | rejected; the seeker may withdraw while
 * it is open. The seeker hears of every step (event `pencaker.application.stage-changed`, for the region's
 * notification hook). An employer sees an applicant's profile and contact only through an application to it.
 */
import { problems, type RequestContext } from '@kota-kit/core/server';
import type { Applicant, ApplyInput, MyApplication, StageInput } from '../../schemas/applications.js';
import type { ApplicationStage } from '../../schemas/vocabulary.js';
import { toApplicantProfile } from '../queries/seekers.js';
import { findVacancy, isPublicVacancy } from '../queries/vacancies.js';
import type { ApplicationRow, Ctx, Db } from '../tables.js';
import { requireEmployer, requireSeeker } from './access.js';
import { endCardAsPlaced } from './cards.js';
import { today } from './dates.js';

export const applicationReceived = 'application.received';
export const applicationStageChanged = 'application.stage-changed';

const open: ApplicationStage[] = ['received', 'shortlisted', 'interview'];
/** Which stage may follow which (an interview may be moved: interview → interview). */
export const nextStages: Record<ApplicationStage, ApplicationStage[]> = {
  received: ['shortlisted', 'interview', 'rejected'],
  shortlisted: ['interview', 'hired', 'rejected'],
  interview: ['interview', 'hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

const interviewOf = (row: Pick<ApplicationRow, 'interview_at' | 'interview_place'>) =>
  row.interview_at && row.interview_place ? { at: row.interview_at.toISOString(), place: row.interview_place } : null;

export async function apply(ctx: Ctx, c: RequestContext, vacancyId: number, input: ApplyInput & { withCv: boolean }) {
  const { user, seeker } = await requireSeeker(ctx, c);
  // Mass applying (a script sending one profile everywhere) is slowed; a person applies a few times a day.
  await ctx.rateLimit.hit(`pencaker:apply:${user.id}`, 30, 3600);
  const vacancy = await findVacancy(ctx.db, vacancyId);
  if (!vacancy || !isPublicVacancy(vacancy, today(ctx))) throw problems.notFound(`No open vacancy ${vacancyId}.`);
  if (input.withCv && !seeker.cv_key) throw problems.invalid([{ field: 'body.withCv', message: { en: 'Upload a CV first.', id: 'Unggah CV dulu.' } }]);
  const now = ctx.clock.now();
  return ctx.unitOfWork(c, async (work) => {
    const existing = await work.db.selectFrom('pencaker_applications').select('id').where('vacancy_id', '=', vacancyId).where('seeker_id', '=', seeker.id).executeTakeFirst();
    if (existing) throw problems.conflict('You already applied to this vacancy.');
    const row = await work.db
      .insertInto('pencaker_applications')
      .values({ vacancy_id: vacancyId, seeker_id: seeker.id, stage: 'received', cover_letter: input.coverLetter ?? null, with_cv: input.withCv, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await work.audit({ action: 'application.create', subjectType: 'application', subjectId: String(row.id), agencyId: ctx.options.agencyId, after: { vacancyId, stage: row.stage } });
    work.emit(applicationReceived, { applicationId: row.id, vacancyId, employerId: vacancy.employer_id });
    return { id: row.id, stage: row.stage };
  });
}

function myApplicationsQuery(db: Db, seekerId: string) {
  return db
    .selectFrom('pencaker_applications as a')
    .innerJoin('pencaker_vacancies as v', 'v.id', 'a.vacancy_id')
    .innerJoin('pencaker_employers as e', 'e.id', 'v.employer_id')
    .selectAll('a')
    .select(['v.title as vacancy_title', 'v.status as vacancy_status', 'e.name as employer_name'])
    .where('a.seeker_id', '=', seekerId);
}

type MyRow = ApplicationRow & { vacancy_title: string; vacancy_status: string; employer_name: string };
const toMyApplication = (row: MyRow): MyApplication => ({
  id: row.id,
  stage: row.stage,
  vacancyId: row.vacancy_id,
  vacancyTitle: row.vacancy_title,
  vacancyStatus: row.vacancy_status,
  employerName: row.employer_name,
  appliedAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  interview: interviewOf(row),
  withCv: row.with_cv,
});

export async function myApplications(ctx: Ctx, c: RequestContext) {
  const { seeker } = await requireSeeker(ctx, c);
  const rows = await myApplicationsQuery(ctx.db, seeker.id).orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').execute();
  return rows.map(toMyApplication);
}

export async function withdraw(ctx: Ctx, c: RequestContext, id: number) {
  const { user, seeker } = await requireSeeker(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    const row = await work.db
      .updateTable('pencaker_applications')
      .set({ stage: 'withdrawn', updated_at: ctx.clock.now() })
      .where('id', '=', id)
      .where('seeker_id', '=', seeker.id)
      .where('stage', 'in', open)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const mine = await work.db.selectFrom('pencaker_applications').select('stage').where('id', '=', id).where('seeker_id', '=', seeker.id).executeTakeFirst();
      if (!mine) throw problems.notFound(`No application ${id} of yours.`);
      throw problems.conflict(`The application is ${mine.stage}; it can no longer be withdrawn.`);
    }
    await work.audit({ action: 'application.withdraw', subjectType: 'application', subjectId: String(id), agencyId: ctx.options.agencyId, after: { stage: 'withdrawn' } });
    work.emit(applicationStageChanged, { applicationId: id, vacancyId: row.vacancy_id, userId: user.id, stage: 'withdrawn' });
    return toMyApplication((await myApplicationsQuery(work.db, seeker.id).where('a.id', '=', id).executeTakeFirstOrThrow()) as MyRow);
  });
}

/** The employer's own vacancy, or 404 (another employer's vacancy does not exist for them). */
async function requireOwnVacancy(ctx: Ctx, c: RequestContext, vacancyId: number) {
  const { employer } = await requireEmployer(ctx, c);
  const vacancy = await findVacancy(ctx.db, vacancyId);
  if (!vacancy || vacancy.employer_id !== employer.id) throw problems.notFound(`No vacancy ${vacancyId} of yours.`);
  return { employer, vacancy };
}

export async function applicantRows(db: Db, vacancyId: number) {
  return db
    .selectFrom('pencaker_applications as a')
    .leftJoin('pencaker_seekers as s', 's.id', 'a.seeker_id')
    .selectAll('a')
    .select((eb) => eb.fn.toJson('s').as('seeker'))
    .where('a.vacancy_id', '=', vacancyId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

type ApplicantRow = Awaited<ReturnType<typeof applicantRows>>[number];

function toApplicant(ctx: Ctx, row: ApplicantRow): Applicant {
  const year = Number(today(ctx).slice(0, 4));
  // A withdrawn application takes the applicant's profile back with it; a deleted seeker leaves only the stage.
  const seeker = row.seeker && row.stage !== 'withdrawn' ? (row.seeker as unknown as Parameters<typeof toApplicantProfile>[0]) : null;
  return {
    id: row.id,
    stage: row.stage,
    appliedAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    coverLetter: row.stage === 'withdrawn' ? null : row.cover_letter,
    interview: interviewOf(row),
    withCv: row.with_cv && row.stage !== 'withdrawn',
    profile: seeker ? toApplicantProfile({ ...seeker, cv_key: row.with_cv ? seeker.cv_key : null }, year) : null,
  };
}

export async function listApplicants(ctx: Ctx, c: RequestContext, vacancyId: number) {
  const { vacancy } = await requireOwnVacancy(ctx, c, vacancyId);
  const rows = await applicantRows(ctx.db, vacancyId);
  return { vacancyId, vacancyTitle: vacancy.title, items: rows.map((row) => toApplicant(ctx, row)) };
}

export { requireOwnVacancy };

/** An application to one of the signed-in employer's vacancies, or 404. */
export async function requireOwnApplication(ctx: Ctx, c: RequestContext, id: number) {
  const { employer } = await requireEmployer(ctx, c);
  const row = await ctx.db
    .selectFrom('pencaker_applications as a')
    .innerJoin('pencaker_vacancies as v', 'v.id', 'a.vacancy_id')
    .selectAll('a')
    .select(['v.employer_id', 'v.title as vacancy_title'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row || row.employer_id !== employer.id) throw problems.notFound(`No application ${id} to your vacancies.`);
  return { employer, application: row };
}

export async function changeStage(ctx: Ctx, c: RequestContext, id: number, input: StageInput) {
  const { employer, application } = await requireOwnApplication(ctx, c, id);
  if (!nextStages[application.stage].includes(input.stage)) throw problems.conflict(`The application is ${application.stage}; it cannot move to ${input.stage}.`);
  const now = ctx.clock.now();
  return ctx.unitOfWork(c, async (work) => {
    const row = await work.db
      .updateTable('pencaker_applications')
      .set({
        stage: input.stage,
        updated_at: now,
        ...(input.stage === 'interview' ? { interview_at: new Date(input.at), interview_place: input.place } : {}),
        ...(input.stage === 'hired' ? { hired_at: now } : {}),
      })
      .where('id', '=', id)
      .where('stage', '=', application.stage)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw problems.conflict('The application changed meanwhile; reload it.');
    const seeker = row.seeker_id ? await work.db.selectFrom('pencaker_seekers').select(['id', 'user_id']).where('id', '=', row.seeker_id).executeTakeFirst() : undefined;
    // Placed through Pencaker: the AK/1 card has done its work.
    if (input.stage === 'hired' && seeker) await endCardAsPlaced(work.db, work.emit, seeker.id, employer.name, now);
    await work.audit({ action: 'application.stage', subjectType: 'application', subjectId: String(id), agencyId: ctx.options.agencyId, before: { stage: application.stage }, after: { stage: row.stage } });
    if (seeker) {
      work.emit(applicationStageChanged, {
        applicationId: id,
        vacancyId: row.vacancy_id,
        userId: seeker.user_id,
        stage: row.stage,
        vacancyTitle: application.vacancy_title,
        employerName: employer.name,
        ...(row.stage === 'interview' ? { interview: interviewOf(row) } : {}),
      });
    }
    const full = (await applicantRows(work.db, row.vacancy_id)).find((item) => item.id === id)!;
    return toApplicant(ctx, full);
  });
}
