/**
 * The vacancy's rules: draft → submitted → published (Disnaker moderates; a trusted employer's go out directly when
 * the region allows it) → closed | filled | expired (at validThrough, by a job); rejected back to the employer.
 * Only a verified employer publishes. Every edit keeps the replaced version as a revision; an edit of a published
 * vacancy that is not published directly goes back to moderation.
 */
import { problems, type RequestContext, type UnitOfWork, type WorkSource } from '@kota-kit/core/server';
import type { SearchFilters, VacancyData } from '../../schemas/vacancies.js';
import type { VacancyStatus } from '../../schemas/vocabulary.js';
import { findVacancy, matchesSearch, toOwnVacancy, toVacancy, vacancyColumns, vacanciesWithEmployer, withApplicants, type VacancyWithEmployer } from '../queries/vacancies.js';
import type { Ctx, EmployerRow, PencakerTables } from '../tables.js';
import { requireEmployer, requireOfficer } from './access.js';
import { today } from './dates.js';
import { regionKecamatan } from './places.js';

export const vacancyPublished = 'vacancy.published';
export const vacancyStatusChanged = 'vacancy.status-changed';
export const searchMatched = 'search.matched';

type Work = UnitOfWork<PencakerTables>;

function checkValidThrough(ctx: Ctx, data: Pick<VacancyData, 'validThrough'>) {
  if (data.validThrough < today(ctx)) throw problems.invalid([{ field: 'body.validThrough', message: { en: 'The closing date has passed.', id: 'Tanggal penutupan sudah lewat.' } }]);
}

const publishesDirectly = (ctx: Ctx, employer: EmployerRow) => employer.status === 'verified' && employer.trusted && ctx.options.trustedEmployersPublishDirectly;

async function ownVacancy(ctx: Ctx, db: Ctx['db'], employerId: number, id: number) {
  const row = await vacanciesWithEmployer(db).select(withApplicants).where('v.id', '=', id).executeTakeFirst();
  if (!row || row.employer_id !== employerId) throw problems.notFound(`No vacancy ${id} of yours.`);
  return row;
}

export async function listOwnVacancies(ctx: Ctx, c: RequestContext) {
  const { employer } = await requireEmployer(ctx, c);
  const rows = await vacanciesWithEmployer(ctx.db).select(withApplicants).where('v.employer_id', '=', employer.id).orderBy('v.updated_at', 'desc').orderBy('v.id', 'desc').execute();
  return rows.map(toOwnVacancy);
}

export async function getOwnVacancy(ctx: Ctx, c: RequestContext, id: number) {
  const { employer } = await requireEmployer(ctx, c);
  return toOwnVacancy(await ownVacancy(ctx, ctx.db, employer.id, id));
}

export async function createVacancy(ctx: Ctx, c: RequestContext, data: VacancyData) {
  const { employer } = await requireEmployer(ctx, c);
  checkValidThrough(ctx, data);
  const kecamatan = regionKecamatan(ctx, { 'body.kecamatan': data.kecamatan })['body.kecamatan'];
  const now = ctx.clock.now();
  return ctx.unitOfWork(c, async (work) => {
    const { id } = await work.db
      .insertInto('pencaker_vacancies')
      .values({ ...vacancyColumns({ ...data, kecamatan }), employer_id: employer.id, status: 'draft', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await work.audit({ action: 'vacancy.create', subjectType: 'vacancy', subjectId: String(id), agencyId: ctx.options.agencyId, after: { title: data.title } });
    return toOwnVacancy(await ownVacancy(ctx, work.db, employer.id, id));
  });
}

const editable: VacancyStatus[] = ['draft', 'submitted', 'rejected', 'published'];

export async function updateVacancy(ctx: Ctx, c: RequestContext, id: number, data: VacancyData) {
  const { user, employer } = await requireEmployer(ctx, c);
  checkValidThrough(ctx, data);
  const kecamatan = regionKecamatan(ctx, { 'body.kecamatan': data.kecamatan })['body.kecamatan'];
  const now = ctx.clock.now();
  return ctx.unitOfWork(c, async (work) => {
    const before = await ownVacancy(ctx, work.db, employer.id, id);
    if (!editable.includes(before.status)) throw problems.conflict(`A ${before.status} vacancy cannot be edited.`);
    const { applicants: _applicants, employer_name: _name, employer_status: _status, employer_logo_key: _logo, ...snapshot } = before;
    await work.db.insertInto('pencaker_vacancy_revisions').values({ vacancy_id: id, revision: before.revision, snapshot: JSON.stringify(snapshot), created_at: now, created_by: user.id }).execute();
    const status: VacancyStatus = before.status === 'published' && !publishesDirectly(ctx, employer) ? 'submitted' : before.status === 'rejected' ? 'draft' : before.status;
    await work.db
      .updateTable('pencaker_vacancies')
      .set({ ...vacancyColumns({ ...data, kecamatan }), status, revision: before.revision + 1, updated_at: now, ...(status === 'submitted' && before.status !== 'submitted' ? { submitted_at: now } : {}) })
      .where('id', '=', id)
      .execute();
    await work.audit({ action: 'vacancy.update', subjectType: 'vacancy', subjectId: String(id), agencyId: ctx.options.agencyId, before: { revision: before.revision, status: before.status }, after: { revision: before.revision + 1, status } });
    if (status !== before.status) work.emit(vacancyStatusChanged, { id, employerId: employer.id, status });
    return toOwnVacancy(await ownVacancy(ctx, work.db, employer.id, id));
  });
}

/** Publishes inside a unit of work and tells every saved search that matches. */
async function publishIn(ctx: Ctx, work: Work, row: VacancyWithEmployer) {
  const now = ctx.clock.now();
  await work.db.updateTable('pencaker_vacancies').set({ status: 'published', published_at: row.published_at ?? now, reject_reason: null, updated_at: now }).where('id', '=', row.id).execute();
  const vacancy = toVacancy({ ...row, status: 'published', published_at: row.published_at ?? now });
  work.emit(vacancyPublished, { id: row.id, employerId: row.employer_id, title: row.title });
  const searches = await work.db.selectFrom('pencaker_saved_searches').select(['id', 'user_id', 'filters']).execute();
  const matched = searches.filter((search) => matchesSearch((search.filters ?? {}) as Partial<SearchFilters>, vacancy));
  for (const search of matched) work.emit(searchMatched, { searchId: search.id, userId: search.user_id, vacancyId: row.id, title: row.title });
  if (matched.length) await work.db.updateTable('pencaker_saved_searches').set({ last_alert_at: now }).where('id', 'in', matched.map((search) => search.id)).execute();
}

export async function submitVacancy(ctx: Ctx, c: RequestContext, id: number) {
  const { employer } = await requireEmployer(ctx, c);
  if (employer.status !== 'verified') throw problems.forbidden('Disnaker has not verified your organisation yet: an unverified employer cannot publish vacancies.');
  return ctx.unitOfWork(c, async (work) => {
    const before = await ownVacancy(ctx, work.db, employer.id, id);
    if (before.status !== 'draft' && before.status !== 'rejected') throw problems.conflict(`The vacancy is ${before.status}; only a draft is submitted.`);
    checkValidThrough(ctx, { validThrough: before.valid_through });
    const now = ctx.clock.now();
    if (publishesDirectly(ctx, employer)) {
      await publishIn(ctx, work, before);
    } else {
      await work.db.updateTable('pencaker_vacancies').set({ status: 'submitted', submitted_at: now, updated_at: now }).where('id', '=', id).execute();
      work.emit(vacancyStatusChanged, { id, employerId: employer.id, status: 'submitted' });
    }
    const after = await ownVacancy(ctx, work.db, employer.id, id);
    await work.audit({ action: 'vacancy.submit', subjectType: 'vacancy', subjectId: String(id), agencyId: ctx.options.agencyId, before: { status: before.status }, after: { status: after.status } });
    return toOwnVacancy(after);
  });
}

/** The employer ends a published vacancy: closed (no longer taking applications) or filled (with how many were placed). */
export async function endVacancy(ctx: Ctx, c: RequestContext, id: number, to: 'closed' | 'filled', filledCount?: number) {
  const { employer } = await requireEmployer(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    const before = await ownVacancy(ctx, work.db, employer.id, id);
    const allowed = to === 'closed' ? before.status === 'published' : before.status === 'published' || before.status === 'closed' || before.status === 'expired';
    if (!allowed) throw problems.conflict(`The vacancy is ${before.status}; it cannot be marked ${to}.`);
    const now = ctx.clock.now();
    await work.db
      .updateTable('pencaker_vacancies')
      .set({ status: to, ended_at: now, updated_at: now, ...(to === 'filled' ? { filled_count: filledCount ?? null } : {}) })
      .where('id', '=', id)
      .execute();
    // Reporting a filled vacancy is the employer's duty to the manpower agency (Keppres 4/1980): recorded.
    await work.audit({ action: `vacancy.${to}`, subjectType: 'vacancy', subjectId: String(id), agencyId: ctx.options.agencyId, before: { status: before.status }, after: { status: to, filledCount } });
    work.emit(vacancyStatusChanged, { id, employerId: employer.id, status: to });
    return toOwnVacancy(await ownVacancy(ctx, work.db, employer.id, id));
  });
}

export async function moderateVacancy(ctx: Ctx, c: RequestContext, id: number, decision: { publish: true } | { publish: false; reason: string }) {
  requireOfficer(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    const before = await findVacancy(work.db, id);
    if (!before) throw problems.notFound(`No vacancy ${id}.`);
    if (before.status !== 'submitted') throw problems.conflict(`The vacancy is ${before.status}; only a submitted one is moderated.`);
    if (decision.publish) {
      if (before.employer_status !== 'verified') throw problems.conflict('The employer is not verified: verify the employer first.');
      checkValidThrough(ctx, { validThrough: before.valid_through });
      await publishIn(ctx, work, before);
    } else {
      await work.db.updateTable('pencaker_vacancies').set({ status: 'rejected', reject_reason: decision.reason, updated_at: ctx.clock.now() }).where('id', '=', id).execute();
      work.emit(vacancyStatusChanged, { id, employerId: before.employer_id, status: 'rejected' });
    }
    const after = (await vacanciesWithEmployer(work.db).select(withApplicants).where('v.id', '=', id).executeTakeFirstOrThrow())!;
    await work.audit({ action: decision.publish ? 'vacancy.publish' : 'vacancy.reject', subjectType: 'vacancy', subjectId: String(id), agencyId: ctx.options.agencyId, before: { status: before.status }, after: { status: after.status } });
    return toOwnVacancy(after);
  });
}

const system: WorkSource = { actor: null };

/** The job: published vacancies past their validThrough become expired (and leave the search, pages and sitemap). */
export async function expireVacancies(ctx: Ctx): Promise<number> {
  const day = today(ctx);
  return ctx.unitOfWork(system, async (work) => {
    const rows = await work.db
      .updateTable('pencaker_vacancies')
      .set({ status: 'expired', ended_at: ctx.clock.now(), updated_at: ctx.clock.now() })
      .where('status', '=', 'published')
      .where('valid_through', '<', day)
      .returning(['id', 'employer_id'])
      .execute();
    for (const row of rows) {
      await work.audit({ action: 'vacancy.expire', subjectType: 'vacancy', subjectId: String(row.id), agencyId: ctx.options.agencyId });
      work.emit(vacancyStatusChanged, { id: row.id, employerId: row.employer_id, status: 'expired' });
    }
    return rows.length;
  });
}
