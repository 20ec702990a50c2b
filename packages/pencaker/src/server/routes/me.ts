/** The signed-in person's own Pencaker: who they are here, the AK/1 profile, CV, card, applications and saved searches. */
import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { applyInputSchema, myApplicationListSchema, myApplicationSchema } from '../../schemas/applications.js';
import { cardReportSchema, cardSchema } from '../../schemas/cards.js';
import { idParam } from '../../schemas/common.js';
import { meSchema, profileInputSchema, profileSchema } from '../../schemas/profile.js';
import { savedSearchInputSchema, savedSearchListSchema, savedSearchSchema } from '../../schemas/searches.js';
import { latestCard } from '../queries/cards.js';
import { toProfile } from '../queries/seekers.js';
import { employerOfUser, findSeekerOfUser, isOfficer, requireSeeker } from '../services/access.js';
import { apply, myApplications, withdraw } from '../services/applications.js';
import { applyForCard, myCard, reportOnCard } from '../services/cards.js';
import { checkCvBodySize, cvResponse, deleteSeekerData, saveProfile, uploadCv } from '../services/profile.js';
import type { Ctx, Db } from '../tables.js';
import { body, json, seekerTags as tags } from './common.js';


const me = createRoute({
  tags, method: 'get', path: '/me', summary: 'Who the signed-in user is to Pencaker (seeker, employer, officer)', responses: { 200: json(meSchema, 'Roles here') } });
const getProfile = createRoute({
  tags,
  method: 'get',
  path: '/me/profile',
  summary: 'My AK/1 profile (null until filled in)',
  responses: { 200: json(z.object({ profile: profileSchema.nullable() }), 'The profile'), ...errorResponses(401) },
});
const putProfile = createRoute({
  tags,
  method: 'put',
  path: '/me/profile',
  summary: 'Fill in or change my AK/1 profile',
  description: 'Identity (NIK, birth date, religion, marital status, address) is personal data: only the seeker and the manpower agency (audited) see it.',
  request: { body: body(profileInputSchema) },
  responses: { 200: json(profileSchema, 'Saved'), ...errorResponses(400, 401) },
});
const deleteMe = createRoute({
  tags,
  method: 'delete',
  path: '/me/profile',
  summary: 'Delete my job-seeker data (UU PDP): profile, CV, card, saved searches; anonymous statistics stay',
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401) },
});
const putCv = createRoute({
  tags,
  method: 'put',
  path: '/me/cv',
  summary: 'Upload my CV (a PDF, size-limited, stored privately)',
  description: 'multipart/form-data with the file in `cv`. The file must be a PDF by its content; at most the region\'s `maxCvBytes`.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: z.object({ cv: z.any().describe('A PDF file') }) } } } },
  responses: { 200: json(profileSchema, 'Stored'), 413: { description: 'Too large' }, ...errorResponses(400, 401, 409) },
});
const getCv = createRoute({
  tags,
  method: 'get',
  path: '/me/cv',
  summary: 'My CV',
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errorResponses(401, 404, 409) },
});
const getCard = createRoute({
  tags, method: 'get', path: '/me/card', summary: 'My AK/1 card (null before applying)', responses: { 200: json(z.object({ card: cardSchema.nullable() }), 'The card'), ...errorResponses(401, 409) } });
const postCard = createRoute({
  tags, method: 'post', path: '/me/card', summary: 'Apply for the AK/1 card with my profile', responses: { 201: json(cardSchema, 'Submitted'), ...errorResponses(401, 409) } });
const reportCard = createRoute({
  tags,
  method: 'post',
  path: '/me/card/report',
  summary: 'The 6-monthly report: still looking, or employed (which ends the card)',
  request: { body: body(cardReportSchema) },
  responses: { 200: json(cardSchema, 'Reported'), ...errorResponses(400, 401, 409) },
});
const postApplication = createRoute({
  tags,
  method: 'post',
  path: '/vacancies/{id}/applications',
  summary: 'Apply to a vacancy with my profile (and my CV if I choose)',
  request: { params: idParam, body: body(applyInputSchema) },
  responses: { 201: json(z.object({ id: z.number(), stage: z.string() }), 'Applied'), ...errorResponses(400, 401, 404, 409) },
});
const listApplications = createRoute({
  tags, method: 'get', path: '/me/applications', summary: 'My applications with their stage', responses: { 200: json(myApplicationListSchema, 'Applications'), ...errorResponses(401, 409) } });
const withdrawApplication = createRoute({
  tags,
  method: 'post',
  path: '/me/applications/{id}/withdraw',
  summary: 'Withdraw an application that is still open',
  request: { params: idParam },
  responses: { 200: json(myApplicationSchema, 'Withdrawn'), ...errorResponses(400, 401, 404, 409) },
});
const listSearches = createRoute({
  tags, method: 'get', path: '/me/searches', summary: 'My saved searches', responses: { 200: json(savedSearchListSchema, 'Searches'), ...errorResponses(401) } });
const postSearch = createRoute({
  tags,
  method: 'post',
  path: '/me/searches',
  summary: 'Save a search: a newly published vacancy that matches it emits `pencaker.search.matched` for my notifications',
  request: { body: body(savedSearchInputSchema) },
  responses: { 201: json(savedSearchSchema, 'Saved'), ...errorResponses(400, 401, 409) },
});
const deleteSearch = createRoute({
  tags,
  method: 'delete',
  path: '/me/searches/{id}',
  summary: 'Delete a saved search',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 404) },
});

const maxSearches = 20;
const toSearch = (row: { id: number; name: string; filters: unknown; created_at: Date; last_alert_at: Date | null }) => ({
  id: row.id,
  name: row.name,
  filters: (row.filters ?? {}) as z.infer<typeof savedSearchSchema>['filters'],
  createdAt: row.created_at.toISOString(),
  lastAlertAt: row.last_alert_at?.toISOString() ?? null,
});
const searchesOf = (db: Db, userId: string) => db.selectFrom('pencaker_saved_searches').selectAll().where('user_id', '=', userId).orderBy('id');

export function mine(ctx: Ctx) {
  return createRouter()
    .openapi(me, async (c) => {
      const user = ctx.access.user(c);
      if (!user) return c.json({ signedIn: false, seeker: null, employer: null, officer: false }, 200);
      const [seeker, employer] = await Promise.all([findSeekerOfUser(ctx.db, user.id), employerOfUser(ctx.db, user.id)]);
      const card = seeker ? await latestCard(ctx.db, seeker.id) : undefined;
      return c.json(
        {
          signedIn: true,
          seeker: { hasProfile: Boolean(seeker), cardStatus: card?.status ?? null },
          employer: employer ? { id: employer.id, name: employer.name, status: employer.status } : null,
          officer: isOfficer(ctx, user),
        },
        200,
      );
    })
    .openapi(getProfile, async (c) => {
      const user = ctx.access.requireUser(c);
      const row = await findSeekerOfUser(ctx.db, user.id);
      return c.json({ profile: row ? toProfile(row) : null }, 200);
    })
    .openapi(putProfile, async (c) => c.json(await saveProfile(ctx, c, c.req.valid('json')), 200))
    .openapi(deleteMe, async (c) => {
      await deleteSeekerData(ctx, c);
      return c.body(null, 204);
    })
    .openapi(putCv, async (c) => {
      ctx.access.requireUser(c);
      checkCvBodySize(ctx, c);
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw problems.invalid([{ field: 'body', message: { en: 'Send multipart/form-data with the PDF in "cv".', id: 'Kirim multipart/form-data dengan PDF di isian "cv".' } }]);
      }
      return c.json(await uploadCv(ctx, c, form.get('cv')), 200);
    })
    .openapi(getCv, async (c) => {
      const { seeker } = await requireSeeker(ctx, c);
      return cvResponse(ctx, c, seeker.id);
    })
    .openapi(getCard, async (c) => c.json({ card: await myCard(ctx, c) }, 200))
    .openapi(postCard, async (c) => c.json(await applyForCard(ctx, c), 201))
    .openapi(reportCard, async (c) => c.json(await reportOnCard(ctx, c, c.req.valid('json')), 200))
    .openapi(postApplication, async (c) => c.json(await apply(ctx, c, c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(listApplications, async (c) => c.json({ items: await myApplications(ctx, c) }, 200))
    .openapi(withdrawApplication, async (c) => c.json(await withdraw(ctx, c, c.req.valid('param').id), 200))
    .openapi(listSearches, async (c) => {
      const user = ctx.access.requireUser(c);
      return c.json({ items: (await searchesOf(ctx.db, user.id).execute()).map(toSearch) }, 200);
    })
    .openapi(postSearch, async (c) => {
      const user = ctx.access.requireUser(c);
      const input = c.req.valid('json');
      const existing = await searchesOf(ctx.db, user.id).execute();
      if (existing.length >= maxSearches) throw problems.conflict(`At most ${maxSearches} saved searches.`);
      const row = await ctx.unitOfWork(c, async (work) => {
        const saved = await work.db
          .insertInto('pencaker_saved_searches')
          .values({ user_id: user.id, name: input.name, filters: JSON.stringify(input.filters), created_at: ctx.clock.now() })
          .returningAll()
          .executeTakeFirstOrThrow();
        await work.audit({ action: 'search.save', subjectType: 'search', subjectId: String(saved.id) });
        return saved;
      });
      return c.json(toSearch(row), 201);
    })
    .openapi(deleteSearch, async (c) => {
      const user = ctx.access.requireUser(c);
      const id = c.req.valid('param').id;
      await ctx.unitOfWork(c, async (work) => {
        const row = await work.db.deleteFrom('pencaker_saved_searches').where('id', '=', id).where('user_id', '=', user.id).returning('id').executeTakeFirst();
        if (!row) throw problems.notFound(`No saved search ${id} of yours.`);
        await work.audit({ action: 'search.delete', subjectType: 'search', subjectId: String(id) });
      });
      return c.body(null, 204);
    });
}
