/** The reporter's private tracking link: the view, rating, reopening and deleting their contact. */
import { createRoute, createRouter, errorResponses, problems } from '@kota-kit/core/server';
import { ratingInputSchema, reopenInputSchema, trackViewSchema } from '../../schemas.js';
import { findById, findByToken } from '../queries/reports.js';
import { canReopen, dueAfter, reopenUntil } from '../services/calendar.js';
import { rateReport } from '../services/rating.js';
import { categoryOf, forgetContact } from '../services/reports.js';
import { trackView } from '../services/views.js';
import { transition } from '../services/workflow.js';
import type { Ctx } from '../tables.js';
import { json, jsonBody, tags, tokenParam } from './common.js';

const view = createRoute({
  method: 'get',
  path: '/track/{token}',
  tags,
  summary: "The reporter's private view through the tracking link (also confidential reports; no internal notes)",
  request: { params: tokenParam },
  responses: { 200: json(trackViewSchema, 'The report, as its reporter sees it'), ...errorResponses(400, 404) },
});

const rate = createRoute({
  method: 'post',
  path: '/track/{token}/rating',
  tags,
  summary: 'Rate the response 1–5 (after it is resolved; once per response: a second rating is refused with 409 `already_rated`)',
  request: { params: tokenParam, body: jsonBody(ratingInputSchema) },
  responses: { 200: json(trackViewSchema, 'Updated'), ...errorResponses(400, 404, 409) },
});

const reopen = createRoute({
  method: 'post',
  path: '/track/{token}/reopen',
  tags,
  summary: 'Not solved: reopen within the allowed working days after the response (back to the agency)',
  request: { params: tokenParam, body: jsonBody(reopenInputSchema) },
  responses: { 200: json(trackViewSchema, 'Reopened'), ...errorResponses(400, 404, 409) },
});

const forget = createRoute({
  method: 'post',
  path: '/track/{token}/forget-contact',
  tags,
  summary: "Delete the reporter's contact data (name, email, phone, NIK) for this report; the report itself stays",
  description:
    'The right to erasure of UU PDP 27/2022. After it the reporter gets no notifications (the `status-changed` event carries `reporter: null`) and officers see no contact. An internal event and an audit entry record that it happened, without the deleted values. Idempotent: calling again answers the same view. Cannot be undone.',
  request: { params: tokenParam },
  responses: { 200: json(trackViewSchema, 'The report, with `contactDeleted: true` and `contactFields: []`'), ...errorResponses(400, 404) },
});

const citizen = { kind: 'citizen', user: null } as const;

export function tracking(ctx: Ctx) {
  const byToken = async (token: string) => {
    const row = await findByToken(ctx.db, token);
    if (!row) throw problems.notFound('No report with this tracking link.');
    return row;
  };
  const freshView = async (id: string) => trackView(ctx, ctx.db, (await findById(ctx.db, id))!);

  return createRouter()
    .openapi(view, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await trackView(ctx, ctx.db, await byToken(c.req.valid('param').token)), 200);
    })
    .openapi(rate, async (c) => {
      const row = await byToken(c.req.valid('param').token);
      await rateReport(ctx, row.id, c.req.valid('json'));
      return c.json(await freshView(row.id), 200);
    })
    .openapi(reopen, async (c) => {
      const row = await byToken(c.req.valid('param').token);
      const { reason } = c.req.valid('json');
      const expired = (locked: typeof row) =>
        problems.conflict(`The period to reopen ended on ${reopenUntil(ctx, locked)}.`, [{ field: 'status', message: 'reopen period over', code: 'reopen_expired' }]);
      if (row.status === 'resolved' && !canReopen(ctx, row)) throw expired(row);
      const category = categoryOf(ctx, row.category);
      await transition(ctx, { actor: null }, citizen, row.id, {
        rule: 'reopen',
        note: reason,
        check: (locked) => {
          if (!canReopen(ctx, locked)) throw expired(locked);
        },
        set: (_row, now) => ({ resolved_at: null, agency_due: dueAfter(ctx, now, category?.deadlineWorkingDays ?? 5), agency_overdue_at: null }),
      });
      return c.json(await freshView(row.id), 200);
    })
    .openapi(forget, async (c) => {
      c.header('cache-control', 'private, no-store');
      const row = await byToken(c.req.valid('param').token);
      return c.json(await trackView(ctx, ctx.db, await forgetContact(ctx, row.id)), 200);
    });
}
