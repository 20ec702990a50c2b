/**
 * Disnaker's work: the AK/1 queue (masked; the full profile is one audited read away), employers to verify,
 * vacancies to moderate, job fairs, counts for the home screen, CSV exports.
 */
import { createRoute, createRouter, csvHeaders, csvStream, errorResponses, pagesOf, problems, z } from '@kota-kit/core/server';
import { cardRejectSchema, cardSchema, officerCardListSchema, officerCardQuerySchema } from '../../schemas/cards.js';
import { idParam } from '../../schemas/common.js';
import { employerListSchema, employerQuerySchema, employerRejectSchema, employerSchema, employerVerifySchema } from '../../schemas/employers.js';
import { fairInputSchema, fairSchema } from '../../schemas/fairs.js';
import { profileSchema } from '../../schemas/profile.js';
import { officerCountsSchema } from '../../schemas/stats.js';
import { moderationListSchema, moderationQuerySchema, ownVacancySchema, vacancyRejectSchema } from '../../schemas/vacancies.js';
import { officerCardsQuery, toCard } from '../queries/cards.js';
import { toEmployer } from '../queries/employers.js';
import { findSeeker, toProfile } from '../queries/seekers.js';
import { toOwnVacancy, vacanciesWithEmployer, withApplicants } from '../queries/vacancies.js';
import { requireOfficer } from '../services/access.js';
import { activateCard, rejectCard, verifyCard } from '../services/cards.js';
import { rejectEmployer, verifyEmployer } from '../services/employers.js';
import { saveFair } from '../services/fairs.js';
import { maskNik } from '../services/privacy.js';
import { cvResponse } from '../services/profile.js';
import { statistics } from '../services/stats.js';
import { moderateVacancy } from '../services/vacancies.js';
import type { Ctx } from '../tables.js';
import { body, json, officerTags as tags, uuidParam } from './common.js';

const pageSize = 20;
const pages = (total: number) => Math.max(1, Math.ceil(total / pageSize));

const cards = createRoute({
  tags,
  method: 'get',
  path: '/officer/cards',
  summary: 'AK/1 cards by state (NIK masked), oldest first',
  request: { query: officerCardQuerySchema },
  responses: { 200: json(officerCardListSchema, 'Cards'), ...errorResponses(400, 401, 403) },
});
const cardStep = <P extends string>(path: P, summary: string) =>
  createRoute({ tags, method: 'post', path, summary, request: { params: idParam }, responses: { 200: json(cardSchema, 'Done'), ...errorResponses(400, 401, 403, 404, 409) } });
const verify = cardStep('/officer/cards/{id}/verify', 'Verify a submitted AK/1 application: assigns the card number');
const activate = cardStep('/officer/cards/{id}/activate', 'Issue a verified card: validity and the report schedule start');
const rejectCardRoute = createRoute({
  tags,
  method: 'post',
  path: '/officer/cards/{id}/reject',
  summary: 'Reject a submitted AK/1 application, with the reason the seeker sees',
  request: { params: idParam, body: body(cardRejectSchema) },
  responses: { 200: json(cardSchema, 'Rejected'), ...errorResponses(400, 401, 403, 404, 409) },
});
const seeker = createRoute({
  tags,
  method: 'get',
  path: '/officer/seekers/{id}',
  summary: "A seeker's full AK/1 profile, for verification; every reading is recorded in the audit log",
  request: { params: uuidParam },
  responses: { 200: json(profileSchema, 'The profile'), ...errorResponses(400, 401, 403, 404) },
});
const seekerCv = createRoute({
  tags,
  method: 'get',
  path: '/officer/seekers/{id}/cv',
  summary: "A seeker's CV (audited)",
  request: { params: uuidParam },
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404) },
});
const employers = createRoute({
  tags,
  method: 'get',
  path: '/officer/employers',
  summary: 'Employers by state, oldest first',
  request: { query: employerQuerySchema },
  responses: { 200: json(employerListSchema, 'Employers'), ...errorResponses(400, 401, 403) },
});
const verifyEmployerRoute = createRoute({
  tags,
  method: 'post',
  path: '/officer/employers/{id}/verify',
  summary: 'Verify an employer (and set whether it is trusted to publish without moderation)',
  request: { params: idParam, body: body(employerVerifySchema) },
  responses: { 200: json(employerSchema, 'Verified'), ...errorResponses(400, 401, 403, 404, 409) },
});
const rejectEmployerRoute = createRoute({
  tags,
  method: 'post',
  path: '/officer/employers/{id}/reject',
  summary: 'Reject a pending employer, with the reason',
  request: { params: idParam, body: body(employerRejectSchema) },
  responses: { 200: json(employerSchema, 'Rejected'), ...errorResponses(400, 401, 403, 404, 409) },
});
const moderation = createRoute({
  tags,
  method: 'get',
  path: '/officer/vacancies',
  summary: 'Vacancies by state (default: awaiting moderation), oldest first',
  request: { query: moderationQuerySchema },
  responses: { 200: json(moderationListSchema, 'Vacancies'), ...errorResponses(400, 401, 403) },
});
const publish = createRoute({
  tags,
  method: 'post',
  path: '/officer/vacancies/{id}/publish',
  summary: 'Publish a submitted vacancy',
  request: { params: idParam },
  responses: { 200: json(ownVacancySchema, 'Published'), ...errorResponses(400, 401, 403, 404, 409) },
});
const rejectVacancy = createRoute({
  tags,
  method: 'post',
  path: '/officer/vacancies/{id}/reject',
  summary: 'Send a submitted vacancy back to the employer, with the reason',
  request: { params: idParam, body: body(vacancyRejectSchema) },
  responses: { 200: json(ownVacancySchema, 'Rejected'), ...errorResponses(400, 401, 403, 404, 409) },
});
const createFair = createRoute({
  tags,
  method: 'post',
  path: '/officer/fairs',
  summary: 'Plan a job fair with its participating (verified) employers',
  request: { body: body(fairInputSchema) },
  responses: { 201: json(fairSchema, 'Created'), ...errorResponses(400, 401, 403) },
});
const updateFair = createRoute({
  tags,
  method: 'put',
  path: '/officer/fairs/{id}',
  summary: 'Change a job fair',
  request: { params: idParam, body: body(fairInputSchema) },
  responses: { 200: json(fairSchema, 'Saved'), ...errorResponses(400, 401, 403, 404) },
});
const counts = createRoute({ tags, method: 'get', path: '/officer/counts', summary: 'What waits for Disnaker: cards, employers, vacancies', responses: { 200: json(officerCountsSchema, 'Counts'), ...errorResponses(401, 403) } });
const statsCsv = createRoute({
  tags,
  method: 'get',
  path: '/officer/statistics.csv',
  summary: 'The statistics as CSV (section, key, count)',
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 403) },
});
const registerCsv = createRoute({
  tags,
  method: 'get',
  path: '/officer/cards.csv',
  summary: 'The AK/1 register as CSV (card number, name, state, education, kecamatan, dates; no NIK)',
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 403) },
});

const countOf = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string }> }) => Number((await query.executeTakeFirstOrThrow()).n);

export function officer(ctx: Ctx) {
  return createRouter()
    .openapi(cards, async (c) => {
      requireOfficer(ctx, c);
      const { status, page } = c.req.valid('query');
      const base = officerCardsQuery(ctx.db, status);
      const [rows, total] = await Promise.all([
        base.selectAll('c').select(['s.full_name', 's.nik', 's.education_level', 's.kecamatan']).orderBy('c.submitted_at').orderBy('c.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
        countOf(base.select((eb) => eb.fn.countAll<number>().as('n'))),
      ]);
      const items = rows.map((row) => ({ ...toCard(row), seekerId: row.seeker_id, fullName: row.full_name, nikMasked: maskNik(row.nik), educationLevel: row.education_level, kecamatan: row.kecamatan }));
      return c.json({ items, page, pages: pages(total), total }, 200);
    })
    .openapi(verify, async (c) => c.json(await verifyCard(ctx, c, c.req.valid('param').id), 200))
    .openapi(activate, async (c) => c.json(await activateCard(ctx, c, c.req.valid('param').id), 200))
    .openapi(rejectCardRoute, async (c) => c.json(await rejectCard(ctx, c, c.req.valid('param').id, c.req.valid('json').reason), 200))
    .openapi(seeker, async (c) => {
      requireOfficer(ctx, c);
      const id = c.req.valid('param').id;
      const row = await findSeeker(ctx.db, id);
      if (!row) throw problems.notFound('No such seeker.');
      // UU PDP: who looked at whose personal data is recorded.
      await ctx.audit(c, { action: 'seeker.view', subjectType: 'seeker', subjectId: id, agencyId: ctx.options.agencyId });
      return c.json(toProfile(row), 200);
    })
    .openapi(seekerCv, async (c) => {
      requireOfficer(ctx, c);
      const id = c.req.valid('param').id;
      const response = await cvResponse(ctx, c, id);
      await ctx.audit(c, { action: 'seeker.view-cv', subjectType: 'seeker', subjectId: id, agencyId: ctx.options.agencyId });
      return response;
    })
    .openapi(employers, async (c) => {
      requireOfficer(ctx, c);
      const { status, page } = c.req.valid('query');
      let base = ctx.db.selectFrom('pencaker_employers');
      if (status) base = base.where('status', '=', status);
      const [rows, total] = await Promise.all([
        base.selectAll().orderBy('created_at').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
        countOf(base.select((eb) => eb.fn.countAll<number>().as('n'))),
      ]);
      return c.json({ items: rows.map(toEmployer), page, pages: pages(total), total }, 200);
    })
    .openapi(verifyEmployerRoute, async (c) => c.json(await verifyEmployer(ctx, c, c.req.valid('param').id, c.req.valid('json').trusted), 200))
    .openapi(rejectEmployerRoute, async (c) => c.json(await rejectEmployer(ctx, c, c.req.valid('param').id, c.req.valid('json').reason), 200))
    .openapi(moderation, async (c) => {
      requireOfficer(ctx, c);
      const { status, page } = c.req.valid('query');
      const base = vacanciesWithEmployer(ctx.db).where('v.status', '=', status);
      const [rows, total] = await Promise.all([
        base.select(withApplicants).orderBy('v.updated_at').orderBy('v.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
        countOf(ctx.db.selectFrom('pencaker_vacancies').where('status', '=', status).select((eb) => eb.fn.countAll<number>().as('n'))),
      ]);
      return c.json({ items: rows.map(toOwnVacancy), page, pages: pages(total), total }, 200);
    })
    .openapi(publish, async (c) => c.json(await moderateVacancy(ctx, c, c.req.valid('param').id, { publish: true }), 200))
    .openapi(rejectVacancy, async (c) => c.json(await moderateVacancy(ctx, c, c.req.valid('param').id, { publish: false, reason: c.req.valid('json').reason }), 200))
    .openapi(createFair, async (c) => c.json(await saveFair(ctx, c, c.req.valid('json')), 201))
    .openapi(updateFair, async (c) => c.json(await saveFair(ctx, c, c.req.valid('json'), c.req.valid('param').id), 200))
    .openapi(counts, async (c) => {
      requireOfficer(ctx, c);
      const [cardCount, employerCount, vacancyCount] = await Promise.all([
        countOf(ctx.db.selectFrom('pencaker_cards').where('status', 'in', ['submitted', 'verified']).select((eb) => eb.fn.countAll<number>().as('n'))),
        countOf(ctx.db.selectFrom('pencaker_employers').where('status', '=', 'pending').select((eb) => eb.fn.countAll<number>().as('n'))),
        countOf(ctx.db.selectFrom('pencaker_vacancies').where('status', '=', 'submitted').select((eb) => eb.fn.countAll<number>().as('n'))),
      ]);
      return c.json({ cards: cardCount, employers: employerCount, vacancies: vacancyCount }, 200);
    })
    .openapi(statsCsv, async (c) => {
      requireOfficer(ctx, c);
      const stats = await statistics(ctx);
      const lines: (string | number)[][] = [
        ['seekers', 'total', stats.seekers.total],
        ...stats.seekers.byEducation.map((row) => ['seekers_by_education', row.key, row.count]),
        ...stats.seekers.byAgeBand.map((row) => ['seekers_by_age_band', row.key, row.count]),
        ...stats.seekers.bySex.map((row) => ['seekers_by_sex', row.key, row.count]),
        ['vacancies', 'open', stats.vacancies.open],
        ...stats.vacancies.bySector.map((row) => ['vacancies_by_sector', row.key, row.count]),
        ...stats.vacancies.byEducation.map((row) => ['vacancies_by_education', row.key, row.count]),
        ...stats.months.flatMap((row) => [
          ['applications_by_month', row.month, row.applications],
          ['placements_by_month', row.month, row.placements],
        ]),
        ['vacancies_filled', 'count', stats.filledVacancies],
        ['vacancies_filled', 'median_days_to_fill', stats.medianDaysToFill ?? ''],
      ];
      await ctx.audit(c, { action: 'statistics.export', subjectType: 'export', subjectId: 'statistics', agencyId: ctx.options.agencyId });
      return c.body(await csvStream(pagesOf(lines), { header: ['section', 'key', 'count'], bom: true }), 200, csvHeaders('pencaker_statistik.csv'));
    })
    .openapi(registerCsv, async (c) => {
      requireOfficer(ctx, c);
      const rows = await officerCardsQuery(ctx.db)
        .selectAll('c')
        .select(['s.full_name', 's.education_level', 's.kecamatan', 's.sex'])
        .orderBy('c.id')
        .execute();
      await ctx.audit(c, { action: 'cards.export', subjectType: 'export', subjectId: 'cards', agencyId: ctx.options.agencyId, after: { rows: rows.length } });
      const body = await csvStream(pagesOf(rows), {
        header: ['card_id', 'number', 'status', 'name', 'sex', 'education', 'kecamatan', 'submitted_at', 'activated_at', 'valid_until', 'next_report_due', 'end_reason'],
        bom: true,
        cells: (row) => [row.id, row.number, row.status, row.full_name, row.sex, row.education_level, row.kecamatan, row.submitted_at.toISOString(), row.activated_at?.toISOString(), row.valid_until, row.next_report_due, row.end_reason],
      });
      return c.body(body, 200, csvHeaders('pencaker_kartu_ak1.csv'));
    });
}
