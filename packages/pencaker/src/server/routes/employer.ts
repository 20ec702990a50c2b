/** The employer's side: its organisation, its vacancies, their applicants (with stages), CVs and a CSV. */
import { createRoute, createRouter, csvHeaders, csvStream, errorResponses, pagesOf, problems, z } from '@kota-kit/core/server';
import { applicantListSchema, applicantSchema, stageInputSchema } from '../../schemas/applications.js';
import { idParam } from '../../schemas/common.js';
import { employerInputSchema, employerSchema } from '../../schemas/employers.js';
import { filledInputSchema, ownVacancyListSchema, ownVacancySchema, vacancyInputSchema } from '../../schemas/vacancies.js';
import { toEmployer } from '../queries/employers.js';
import { employerOfUser } from '../services/access.js';
import { changeStage, listApplicants, requireOwnApplication, requireOwnVacancy } from '../services/applications.js';
import { registerEmployer, updateEmployer } from '../services/employers.js';
import { uploadLogo } from '../services/logos.js';
import { cvResponse } from '../services/profile.js';
import { createVacancy, endVacancy, getOwnVacancy, listOwnVacancies, submitVacancy, updateVacancy } from '../services/vacancies.js';
import type { Ctx } from '../tables.js';
import { body, employerTags as tags, json } from './common.js';

const getMine = createRoute({
  tags,
  method: 'get',
  path: '/employer',
  summary: 'The organisation my account acts for (null when none)',
  responses: { 200: json(z.object({ employer: employerSchema.nullable() }), 'The employer'), ...errorResponses(401) },
});
const register = createRoute({
  tags,
  method: 'post',
  path: '/employer',
  summary: 'Register an organisation; Disnaker verifies it before its vacancies can be published',
  request: { body: body(employerInputSchema) },
  responses: { 201: json(employerSchema, 'Registered, pending verification'), ...errorResponses(400, 401, 409) },
});
const update = createRoute({
  tags,
  method: 'put',
  path: '/employer',
  summary: 'Change my organisation (a new name, NIB or NPWP needs verification again)',
  request: { body: body(employerInputSchema) },
  responses: { 200: json(employerSchema, 'Saved'), ...errorResponses(400, 401, 403, 409) },
});
const logo = createRoute({
  tags,
  method: 'put',
  path: '/employer/logo',
  summary: "Upload my organisation's logo (JPEG, PNG or WebP; re-encoded without metadata, at most 512 px)",
  request: { body: { required: true, content: { 'multipart/form-data': { schema: z.object({ logo: z.any().describe('A picture file') }) } } } },
  responses: { 200: json(employerSchema, 'Stored'), 413: { description: 'Too large' }, ...errorResponses(400, 401, 403) },
});
const listVacancies = createRoute({ tags, method: 'get', path: '/employer/vacancies', summary: 'My vacancies in every state', responses: { 200: json(ownVacancyListSchema, 'Vacancies'), ...errorResponses(401, 403) } });
const getVacancy = createRoute({
  tags,
  method: 'get',
  path: '/employer/vacancies/{id}',
  summary: 'One of my vacancies',
  request: { params: idParam },
  responses: { 200: json(ownVacancySchema, 'The vacancy'), ...errorResponses(400, 401, 403, 404) },
});
const postVacancy = createRoute({
  tags,
  method: 'post',
  path: '/employer/vacancies',
  summary: 'Write a vacancy (a draft)',
  request: { body: body(vacancyInputSchema) },
  responses: { 201: json(ownVacancySchema, 'Draft'), ...errorResponses(400, 401, 403) },
});
const putVacancy = createRoute({
  tags,
  method: 'put',
  path: '/employer/vacancies/{id}',
  summary: 'Edit a vacancy: the previous version is kept as a revision; a published one goes back to moderation unless the employer publishes directly',
  request: { params: idParam, body: body(vacancyInputSchema) },
  responses: { 200: json(ownVacancySchema, 'Saved'), ...errorResponses(400, 401, 403, 404, 409) },
});
const step = <P extends string>(path: P, summary: string) =>
  createRoute({ tags, method: 'post', path, summary, request: { params: idParam }, responses: { 200: json(ownVacancySchema, 'Done'), ...errorResponses(400, 401, 403, 404, 409) } });
const submit = step('/employer/vacancies/{id}/submit', 'Submit a draft: published at once for a trusted employer (region setting), otherwise after moderation');
const close = step('/employer/vacancies/{id}/close', 'Close a published vacancy (no more applications)');
const filled = createRoute({
  tags,
  method: 'post',
  path: '/employer/vacancies/{id}/filled',
  summary: 'Report the vacancy filled, with how many people were placed (the duty to report placements)',
  request: { params: idParam, body: body(filledInputSchema) },
  responses: { 200: json(ownVacancySchema, 'Reported'), ...errorResponses(400, 401, 403, 404, 409) },
});
const applicants = createRoute({
  tags,
  method: 'get',
  path: '/employer/vacancies/{id}/applicants',
  summary: 'Applicants of my vacancy with their working profile and contact (never NIK, birth date, religion, marital status or home address)',
  request: { params: idParam },
  responses: { 200: json(applicantListSchema, 'Applicants'), ...errorResponses(400, 401, 403, 404) },
});
const applicantsCsv = createRoute({
  tags,
  method: 'get',
  path: '/employer/vacancies/{id}/applicants.csv',
  summary: 'Applicants of my vacancy as CSV',
  request: { params: idParam },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404) },
});
const stage = createRoute({
  tags,
  method: 'post',
  path: '/employer/applications/{id}/stage',
  summary: 'Move an application on: shortlisted, interview (date and place), hired or rejected; the seeker is told',
  request: { params: idParam, body: body(stageInputSchema) },
  responses: { 200: json(applicantSchema, 'Moved'), ...errorResponses(400, 401, 403, 404, 409) },
});
const cv = createRoute({
  tags,
  method: 'get',
  path: '/employer/applications/{id}/cv',
  summary: 'The CV an applicant sent with an application to my vacancy',
  request: { params: idParam },
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404) },
});

export function employer(ctx: Ctx) {
  return createRouter()
    .openapi(getMine, async (c) => {
      const user = ctx.access.requireUser(c);
      const row = await employerOfUser(ctx.db, user.id);
      return c.json({ employer: row ? toEmployer(row) : null }, 200);
    })
    .openapi(register, async (c) => c.json(await registerEmployer(ctx, c, c.req.valid('json')), 201))
    .openapi(update, async (c) => c.json(await updateEmployer(ctx, c, c.req.valid('json')), 200))
    .openapi(logo, async (c) => c.json(await uploadLogo(ctx, c), 200))
    .openapi(listVacancies, async (c) => c.json({ items: await listOwnVacancies(ctx, c) }, 200))
    .openapi(getVacancy, async (c) => c.json(await getOwnVacancy(ctx, c, c.req.valid('param').id), 200))
    .openapi(postVacancy, async (c) => c.json(await createVacancy(ctx, c, c.req.valid('json')), 201))
    .openapi(putVacancy, async (c) => c.json(await updateVacancy(ctx, c, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(submit, async (c) => c.json(await submitVacancy(ctx, c, c.req.valid('param').id), 200))
    .openapi(close, async (c) => c.json(await endVacancy(ctx, c, c.req.valid('param').id, 'closed'), 200))
    .openapi(filled, async (c) => c.json(await endVacancy(ctx, c, c.req.valid('param').id, 'filled', c.req.valid('json').filledCount), 200))
    .openapi(applicants, async (c) => c.json(await listApplicants(ctx, c, c.req.valid('param').id), 200))
    .openapi(applicantsCsv, async (c) => {
      const id = c.req.valid('param').id;
      const { employer: own } = await requireOwnVacancy(ctx, c, id);
      const { items } = await listApplicants(ctx, c, id);
      await ctx.audit(c, { action: 'applicants.export', subjectType: 'vacancy', subjectId: String(id), agencyId: ctx.options.agencyId, after: { rows: items.length, employerId: own.id } });
      const header = ['application', 'stage', 'applied_at', 'name', 'phone', 'email', 'kecamatan', 'education', 'skills', 'interview_at', 'interview_place'];
      const body = await csvStream(pagesOf(items), {
        header,
        bom: true,
        cells: (item) => [item.id, item.stage, item.appliedAt, item.profile?.fullName, item.profile?.phone, item.profile?.email, item.profile?.kecamatan, item.profile?.educationLevel, item.profile?.skills.join('; '), item.interview?.at, item.interview?.place],
        onError: (error) => ctx.log.error('applicants export failed', { error }),
      });
      return c.body(body, 200, csvHeaders(`pelamar_lowongan_${id}.csv`));
    })
    .openapi(stage, async (c) => c.json(await changeStage(ctx, c, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(cv, async (c) => {
      const { application } = await requireOwnApplication(ctx, c, c.req.valid('param').id);
      // Only what the applicant chose to send, and only while the application stands.
      if (!application.with_cv || !application.seeker_id || application.stage === 'withdrawn') throw problems.notFound('No CV with this application.');
      return cvResponse(ctx, c, application.seeker_id);
    });
}

