/** Public statistics. */
import { addDays } from '@kota-kit/core';
import { createRoute, createRouter, errorResponses, problems } from '@kota-kit/core/server';
import { statsQuerySchema, statsSchema } from '../../schemas.js';
import { dayRange, period } from '../services/calendar.js';
import { statistics } from '../services/stats.js';
import type { Ctx } from '../tables.js';
import { json, tags } from './common.js';

const stats = createRoute({
  method: 'get',
  path: '/stats',
  tags,
  summary: 'Public statistics per category and agency for reports received in a period (default: the last 90 days)',
  description:
    "Counts include confidential reports (no content is shown) and leave out duplicates. First response: hours from forwarding to the agency's first public action (start or response). Resolution: hours from submission to resolution. Within deadline: resolved by the end of the agency's due date.",
  request: { query: statsQuerySchema },
  responses: { 200: json(statsSchema, 'Statistics'), ...errorResponses(400) },
});

export function statistic(ctx: Ctx) {
  return createRouter().openapi(stats, ctx.publicAnswer(async (c) => {
    const { from, to } = period(ctx, c.req.valid('query'));
    if (from > to) throw problems.invalid([{ field: 'query.from', message: '"from" must not be after "to".' }]);
    if (addDays(from, 731) <= to) throw problems.invalid([{ field: 'query.from', message: 'At most two years at once.' }]);
    const { start, end } = dayRange(ctx, from, to);
    const rows = await ctx.db.selectFrom('laksa_reports').selectAll().where('created_at', '>=', start).where('created_at', '<=', end).execute();
    c.header('cache-control', 'public, max-age=300');
    return c.json({ from, to, ...statistics(ctx, rows) }, 200);
  }));
}
