/** Public pages' data: job fairs and statistics. */
import { createRoute, createRouter, errorResponses } from '@kota-kit/core/server';
import { idParam } from '../../schemas/common.js';
import { fairListSchema, fairSchema } from '../../schemas/fairs.js';
import { statsSchema } from '../../schemas/stats.js';
import { getFair, listFairs } from '../services/fairs.js';
import { statistics } from '../services/stats.js';
import type { Ctx } from '../tables.js';
import { json, tags } from './common.js';

const fairs = createRoute({ tags, method: 'get', path: '/fairs', summary: 'Job fairs (bursa kerja), newest first', responses: { 200: json(fairListSchema, 'Fairs') } });
const fair = createRoute({
  tags,
  method: 'get',
  path: '/fairs/{id}',
  summary: 'A job fair with its employers and their open vacancies',
  request: { params: idParam },
  responses: { 200: json(fairSchema, 'The fair'), ...errorResponses(400, 404) },
});
const stats = createRoute({
  tags,
  method: 'get',
  path: '/statistics',
  summary: 'Public statistics: seekers by education, age band and sex; vacancies by sector and education; applications and placements per month; time to fill',
  responses: { 200: json(statsSchema, 'Counts only') },
});

export function publicData(ctx: Ctx) {
  return createRouter()
    .openapi(fairs, ctx.publicAnswer(async (c) => c.json({ items: await listFairs(ctx.db) }, 200)))
    .openapi(fair, ctx.publicAnswer(async (c) => c.json(await getFair(ctx, c.req.valid('param').id), 200)))
    .openapi(stats, ctx.publicAnswer(async (c) => c.json(await statistics(ctx), 200)));
}
