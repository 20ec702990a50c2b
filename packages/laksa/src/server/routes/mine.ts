/**
 * "Laporan saya": the reports a citizen sent while signed in, found again without the tracking link. The account
 * link (`reporter_user_id`) is never part of any answer; only the account itself sees its reports here.
 */
import { createRoute, createRouter, errorResponses, problems, z, type RequestContext } from '@kota-kit/core/server';
import { ratingInputSchema, reportStatuses, stageOf, stages, trackViewSchema } from '../../schemas.js';
import { isoDateTime } from '../../schemas/vocabulary.js';
import { findById, findByTicket } from '../queries/reports.js';
import { isPublic } from '../services/privacy.js';
import { rateReport } from '../services/rating.js';
import { trackView } from '../services/views.js';
import type { Ctx } from '../tables.js';
import { json, jsonBody, tags, ticketParam } from './common.js';

/** Where the browser shows one of the account's reports (the tracking page, opened through the account). */
export const minePath = (ticket: string) => `/laksa/saya/${ticket}`;

export const mineItemSchema = z.object({
  ticket: z.string(),
  title: z.string(),
  status: z.enum(reportStatuses),
  stage: z.enum(stages),
  confidential: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  rating: z.number().int().nullable(),
  /** The private page of this report for the signed-in account (no tracking token needed). */
  trackingUrl: z.string(),
  /** The public page, when the report is public. */
  publicUrl: z.string().nullable(),
});
export type MineItem = z.infer<typeof mineItemSchema>;
export const mineListSchema = z.object({ items: z.array(mineItemSchema), total: z.number().int() });

const list = createRoute({
  method: 'get',
  path: '/mine',
  tags,
  summary: 'The signed-in citizen\'s own reports (sent while signed in), newest first, at most 100',
  responses: { 200: json(mineListSchema, 'Their reports'), ...errorResponses(401) },
});

const one = createRoute({
  method: 'get',
  path: '/mine/{ticket}',
  tags,
  summary: 'One of the signed-in citizen\'s reports, as its reporter sees it through the tracking link',
  request: { params: ticketParam },
  responses: { 200: json(trackViewSchema, 'The report'), ...errorResponses(400, 401, 404) },
});

const rate = createRoute({
  method: 'post',
  path: '/mine/{ticket}/rating',
  tags,
  summary: 'Rate the response of one\'s own report 1–5 (once per response; a second rating is refused with 409)',
  request: { params: ticketParam, body: jsonBody(ratingInputSchema) },
  responses: { 200: json(trackViewSchema, 'Rated'), ...errorResponses(400, 401, 404, 409) },
});

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function mine(ctx: Ctx) {
  /** The account's report with this ticket; another account's (or an unlinked) report answers like a missing one. */
  const own = async (c: RequestContext, ticket: string) => {
    const user = ctx.access.requireUser(c);
    const row = await findByTicket(ctx.db, ticket);
    if (!row || row.reporter_user_id !== user.id) throw problems.notFound('None of your reports has this ticket.');
    return row;
  };

  return createRouter()
    .openapi(list, async (c) => {
      const user = ctx.access.requireUser(c);
      c.header('cache-control', 'private, no-store');
      const rows = await ctx.db
        .selectFrom('laksa_reports')
        .select(['ticket', 'title', 'status', 'confidential', 'created_at', 'updated_at', 'resolved_at', 'rating'])
        .where('reporter_user_id', '=', user.id)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(100)
        .execute();
      const items = rows.map((row) => ({
        ticket: row.ticket,
        title: row.title,
        status: row.status,
        stage: stageOf(row.status),
        confidential: row.confidential,
        createdAt: iso(row.created_at)!,
        updatedAt: iso(row.updated_at)!,
        resolvedAt: iso(row.resolved_at),
        rating: row.rating,
        trackingUrl: minePath(row.ticket),
        publicUrl: isPublic(row) ? `/laksa/laporan/${row.ticket}` : null,
      }));
      return c.json({ items, total: items.length }, 200);
    })
    .openapi(one, async (c) => {
      c.header('cache-control', 'private, no-store');
      const row = await own(c, c.req.valid('param').ticket);
      return c.json(await trackView(ctx, ctx.db, row), 200);
    })
    .openapi(rate, async (c) => {
      c.header('cache-control', 'private, no-store');
      const row = await own(c, c.req.valid('param').ticket);
      await rateReport(ctx, row.id, c.req.valid('json'));
      return c.json(await trackView(ctx, ctx.db, (await findById(ctx.db, row.id))!), 200);
    });
}
