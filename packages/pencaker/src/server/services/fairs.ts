/** Job fairs (bursa kerja): Disnaker plans them; one public page lists the employers and their open vacancies. */
import { problems, type RequestContext } from '@kota-kit/core/server';
import type { FairInput } from '../../schemas/fairs.js';
import { toPublicEmployer } from '../queries/employers.js';
import { toVacancy, vacanciesWithEmployer } from '../queries/vacancies.js';
import type { Ctx, Db } from '../tables.js';
import { requireOfficer } from './access.js';
import { today } from './dates.js';
import { regionKecamatan } from './places.js';

type Parsed = FairInput & { employerIds: number[] };

export async function listFairs(db: Db) {
  const rows = await db
    .selectFrom('pencaker_fairs as f')
    .selectAll('f')
    .select((eb) => eb.selectFrom('pencaker_fair_employers as fe').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('fe.fair_id', '=', 'f.id').as('employers'))
    .orderBy('f.starts_on', 'desc')
    .orderBy('f.id', 'desc')
    .limit(50)
    .execute();
  return rows.map((row) => ({ id: row.id, title: row.title, startsOn: row.starts_on, endsOn: row.ends_on, place: row.place, kecamatan: row.kecamatan, employers: Number(row.employers) }));
}

export async function getFair(ctx: Ctx, id: number) {
  const fair = await ctx.db.selectFrom('pencaker_fairs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!fair) throw problems.notFound(`No job fair ${id}.`);
  const employers = await ctx.db
    .selectFrom('pencaker_fair_employers as fe')
    .innerJoin('pencaker_employers as e', 'e.id', 'fe.employer_id')
    .selectAll('e')
    .where('fe.fair_id', '=', id)
    .orderBy('e.name')
    .execute();
  const ids = employers.map((employer) => employer.id);
  const vacancies = ids.length
    ? await vacanciesWithEmployer(ctx.db).where('v.employer_id', 'in', ids).where('v.status', '=', 'published').where('v.valid_through', '>=', today(ctx)).orderBy('v.published_at', 'desc').execute()
    : [];
  return {
    id: fair.id,
    title: fair.title,
    description: fair.description,
    startsOn: fair.starts_on,
    endsOn: fair.ends_on,
    place: fair.place,
    kecamatan: fair.kecamatan,
    employers: employers.length,
    participants: employers.map((employer) => ({ employer: toPublicEmployer(employer), vacancies: vacancies.filter((vacancy) => vacancy.employer_id === employer.id).map(toVacancy) })),
  };
}

async function checkEmployers(db: Db, ids: number[]) {
  if (!ids.length) return;
  const found = await db.selectFrom('pencaker_employers').select('id').where('id', 'in', ids).where('status', '=', 'verified').execute();
  const known = new Set(found.map((row) => row.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) throw problems.invalid([{ field: `body.employerIds.${index}`, message: { en: `No verified employer ${ids[index]}.`, id: `Tidak ada perusahaan terverifikasi ${ids[index]}.` } }]);
}

export async function saveFair(ctx: Ctx, c: RequestContext, input: Parsed, id?: number) {
  requireOfficer(ctx, c);
  const employerIds = [...new Set(input.employerIds)];
  await checkEmployers(ctx.db, employerIds);
  const { 'body.kecamatan': kecamatan } = regionKecamatan(ctx, { 'body.kecamatan': input.kecamatan });
  const values = { title: input.title, description: input.description ?? null, starts_on: input.startsOn, ends_on: input.endsOn, place: input.place, kecamatan };
  const fairId = await ctx.unitOfWork(c, async (work) => {
    let fairId: number;
    let before: Record<string, unknown> | undefined;
    if (id === undefined) {
      fairId = (await work.db.insertInto('pencaker_fairs').values({ ...values, created_at: ctx.clock.now(), created_by: work.actor?.id ?? null }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const current = await work.db.selectFrom('pencaker_fairs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!current) throw problems.notFound(`No job fair ${id}.`);
      const participants = await work.db.deleteFrom('pencaker_fair_employers').where('fair_id', '=', id).returning('employer_id').execute();
      before = {
        title: current.title,
        description: current.description,
        starts_on: current.starts_on,
        ends_on: current.ends_on,
        place: current.place,
        kecamatan: current.kecamatan,
        employerIds: participants.map((row) => row.employer_id).sort((a, b) => a - b),
      };
      await work.db.updateTable('pencaker_fairs').set(values).where('id', '=', id).execute();
      fairId = id;
    }
    if (employerIds.length) await work.db.insertInto('pencaker_fair_employers').values(employerIds.map((employerId) => ({ fair_id: fairId, employer_id: employerId }))).execute();
    await work.audit({ action: id === undefined ? 'fair.create' : 'fair.update', subjectType: 'fair', subjectId: String(fairId), agencyId: ctx.options.agencyId, before, after: { ...values, employerIds } });
    return fairId;
  });
  return getFair(ctx, fairId);
}
