/** The public read API other sites use: search the region's open vacancies, read one, an employer's public card. */
import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { idParam } from '../../schemas/common.js';
import { publicEmployerSchema } from '../../schemas/employers.js';
import { vacancyPageSchema, vacancySchema, vacancySearchSchema } from '../../schemas/vacancies.js';
import { findEmployer, toPublicEmployer } from '../queries/employers.js';
import { findVacancy, searchVacancies, toVacancy } from '../queries/vacancies.js';
import { today } from '../services/dates.js';
import type { Ctx } from '../tables.js';
import { json, tags } from './common.js';

const search = createRoute({
  method: 'get',
  path: '/vacancies',
  tags,
  summary: 'Search the open vacancies of the region',
  description:
    'Published vacancies still inside their `validThrough`, from employers verified by the manpower agency. `q` searches title and description (whole words, or part of the title); `education` gives vacancies asking at most that level; `salaryMin`/`salaryMax` compare with the vacancy\'s own salary range; `postedWithin` in days. `sort=relevance` (default with `q`) or `date`. Paged; never any personal data.',
  request: { query: vacancySearchSchema },
  responses: { 200: json(vacancyPageSchema, 'A page of vacancies'), ...errorResponses(400) },
});

const one = createRoute({
  method: 'get',
  path: '/vacancies/{id}',
  tags,
  summary: 'One vacancy',
  description: 'A published vacancy, or one that was published and has since closed, been filled or expired (its `status` says so). Drafts and vacancies awaiting moderation are 404.',
  request: { params: idParam },
  responses: { 200: json(vacancySchema, 'The vacancy'), ...errorResponses(400, 404) },
});

const employer = createRoute({
  method: 'get',
  path: '/employers/{id}',
  tags,
  summary: "An employer's public card (name, sector, verified badge); never its registration numbers or contact person",
  request: { params: idParam },
  responses: { 200: json(publicEmployerSchema, 'The employer'), ...errorResponses(400, 404) },
});

const logo = createRoute({
  method: 'get',
  path: '/employers/{id}/logo',
  tags,
  summary: "An employer's logo",
  request: { params: idParam },
  responses: { 200: { description: 'The image', content: { 'image/webp': { schema: z.string() } } }, ...errorResponses(400, 404) },
});

const wasPublished = ['published', 'closed', 'filled', 'expired'];

export function vacancies(ctx: Ctx) {
  return createRouter()
    .openapi(search, ctx.publicAnswer(async (c) => {
      const query = c.req.valid('query');
      const pageSize = query.pageSize ?? ctx.options.pageSize;
      const { rows, total, sort } = await searchVacancies(ctx.db, { ...query, pageSize, day: today(ctx), now: ctx.clock.now() });
      return c.json({ items: rows.map(toVacancy), page: query.page, pages: Math.max(1, Math.ceil(total / pageSize)), total, sort }, 200);
    }))
    .openapi(one, ctx.publicAnswer(async (c) => {
      const row = await findVacancy(ctx.db, c.req.valid('param').id);
      if (!row || !wasPublished.includes(row.status)) throw problems.notFound('No such vacancy.');
      const vacancy = toVacancy(row);
      // Past its closing date but not yet swept by the job: already expired for the reader.
      if (vacancy.status === 'published' && vacancy.validThrough < today(ctx)) vacancy.status = 'expired';
      return c.json(vacancy, 200);
    }))
    .openapi(employer, ctx.publicAnswer(async (c) => {
      const row = await findEmployer(ctx.db, c.req.valid('param').id);
      if (!row || row.status === 'rejected') throw problems.notFound('No such employer.');
      return c.json(toPublicEmployer(row), 200);
    }))
    .openapi(logo, async (c) => {
      const row = await findEmployer(ctx.db, c.req.valid('param').id);
      const stored = row?.logo_key && row.status !== 'rejected' ? await ctx.storage.get(row.logo_key) : null;
      if (!stored) throw problems.notFound('No logo.');
      return c.body(new Uint8Array(stored.data), 200, { 'content-type': stored.contentType, 'cache-control': 'public, max-age=86400' });
    });
}
