/** Employers: registration by an account, Disnaker's verification (unverified employers cannot publish). */
import { problems, type RequestContext } from '@kota-kit/core/server';
import type { EmployerInput } from '../../schemas/employers.js';
import { employerColumns, findEmployer, toEmployer } from '../queries/employers.js';
import type { Ctx } from '../tables.js';
import { employerOfUser, requireEmployer, requireOfficer } from './access.js';
import { regionKecamatan } from './places.js';

export const employerStatusChanged = 'employer.status-changed';
type Parsed = EmployerInput & { npwp: string };

async function nibTaken(ctx: Ctx, nib: string, except?: number) {
  let query = ctx.db.selectFrom('pencaker_employers').select('id').where('nib', '=', nib);
  if (except !== undefined) query = query.where('id', '!=', except);
  return Boolean(await query.executeTakeFirst());
}

export async function registerEmployer(ctx: Ctx, c: RequestContext, input: Parsed) {
  const user = ctx.access.requireUser(c);
  const kecamatan = regionKecamatan(ctx, { 'body.kecamatan': input.kecamatan })['body.kecamatan'];
  if (await employerOfUser(ctx.db, user.id)) throw problems.conflict('This account already acts for an employer.');
  if (await nibTaken(ctx, input.nib)) throw problems.conflict({ en: 'An employer with this NIB is already registered.', id: 'Perusahaan dengan NIB ini sudah terdaftar.' }, [{ field: 'body.nib', message: { en: 'Already registered.', id: 'Sudah terdaftar.' } }]);
  const now = ctx.clock.now();
  return ctx.unitOfWork(c, async (work) => {
    const row = await work.db
      .insertInto('pencaker_employers')
      .values({ ...employerColumns({ ...input, kecamatan }), status: 'pending', created_at: now, created_by: user.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await work.db.insertInto('pencaker_employer_members').values({ user_id: user.id, employer_id: row.id, created_at: now }).execute();
    await work.audit({ action: 'employer.register', subjectType: 'employer', subjectId: String(row.id), agencyId: ctx.options.agencyId, after: { name: row.name } });
    work.emit(employerStatusChanged, { employerId: row.id, status: row.status });
    return toEmployer(row);
  });
}

/** Changing the name, NIB or NPWP of a verified employer sends it back to Disnaker for verification. */
export async function updateEmployer(ctx: Ctx, c: RequestContext, input: Parsed) {
  const { employer } = await requireEmployer(ctx, c);
  const kecamatan = regionKecamatan(ctx, { 'body.kecamatan': input.kecamatan })['body.kecamatan'];
  if (await nibTaken(ctx, input.nib, employer.id)) throw problems.conflict({ en: 'An employer with this NIB is already registered.', id: 'Perusahaan dengan NIB ini sudah terdaftar.' }, [{ field: 'body.nib', message: { en: 'Already registered.', id: 'Sudah terdaftar.' } }]);
  const identityChanged = input.name !== employer.name || input.nib !== employer.nib || input.npwp !== employer.npwp;
  return ctx.unitOfWork(c, async (work) => {
    const row = await work.db
      .updateTable('pencaker_employers')
      .set({ ...employerColumns({ ...input, kecamatan }), ...(identityChanged ? { status: 'pending', trusted: false, verified_at: null, verified_by: null } : {}) })
      .where('id', '=', employer.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await work.audit({ action: 'employer.update', subjectType: 'employer', subjectId: String(row.id), agencyId: ctx.options.agencyId, before: { name: employer.name, status: employer.status }, after: { name: row.name, status: row.status } });
    if (identityChanged && employer.status !== 'pending') work.emit(employerStatusChanged, { employerId: row.id, status: row.status });
    return toEmployer(row);
  });
}

export async function verifyEmployer(ctx: Ctx, c: RequestContext, id: number, trusted: boolean) {
  const officer = requireOfficer(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    const before = await findEmployer(work.db, id);
    if (!before) throw problems.notFound(`No employer ${id}.`);
    const row = await work.db
      .updateTable('pencaker_employers')
      .set({ status: 'verified', trusted, reject_reason: null, ...(before.status === 'verified' ? {} : { verified_at: ctx.clock.now(), verified_by: officer.id }) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await work.audit({ action: 'employer.verify', subjectType: 'employer', subjectId: String(id), agencyId: ctx.options.agencyId, before: { status: before.status, trusted: before.trusted }, after: { status: row.status, trusted } });
    if (before.status !== 'verified') work.emit(employerStatusChanged, { employerId: id, status: row.status });
    return toEmployer(row);
  });
}

export async function rejectEmployer(ctx: Ctx, c: RequestContext, id: number, reason: string) {
  requireOfficer(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    const before = await findEmployer(work.db, id);
    if (!before) throw problems.notFound(`No employer ${id}.`);
    if (before.status !== 'pending') throw problems.conflict(`The employer is ${before.status}; only a pending one is rejected.`);
    const row = await work.db.updateTable('pencaker_employers').set({ status: 'rejected', reject_reason: reason }).where('id', '=', id).where('status', '=', 'pending').returningAll().executeTakeFirst();
    if (!row) throw problems.conflict('The employer changed meanwhile; reload it.');
    await work.audit({ action: 'employer.reject', subjectType: 'employer', subjectId: String(id), agencyId: ctx.options.agencyId, before: { status: before.status }, after: { status: row.status, reason } });
    work.emit(employerStatusChanged, { employerId: id, status: row.status });
    return toEmployer(row);
  });
}
