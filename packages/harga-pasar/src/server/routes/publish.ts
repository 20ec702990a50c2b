import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { correctionBodySchema, priceParamsSchema, publishBodySchema } from '../../schemas/entry.js';
import { catalog, requireOfficer, type Ctx } from '../context.js';
import { correctPrice, priceWithRevisions, publishDrafts, type PriceKey } from '../queries/prices.js';
import { alertSchema, priceDetailSchema, type PriceDetail } from '../schemas.js';
import { withAlertEvents } from '../services/alerts.js';
import { checkAcknowledged, entryData } from '../services/entry.js';
import type { Db } from '../tables.js';
import { json, tags } from './shared.js';

const postPublish = createRoute({
  method: 'post',
  path: '/publish',
  tags,
  summary: "Publish a market's draft prices of one day (supervisor of the agency)",
  description:
    'Every unusual change of the day (the `outliers` of `GET /entry`) must be sent back in `acknowledgedOutliers` with the price the supervisor checked, otherwise 409 `unacknowledged_outlier` lists them. The answer lists the alerts the publication newly raised (also emitted as `harga-pasar.price.alert` once stored).',
  request: { body: { required: true, content: { 'application/json': { schema: publishBodySchema } } } },
  responses: {
    200: json(z.object({ market: z.string(), date: z.string(), published: z.number().int(), newAlerts: z.array(alertSchema) }), 'Published'),
    ...errorResponses(400, 401, 403, 409),
  },
});

const getPrice = createRoute({
  method: 'get',
  path: '/prices/{date}/{market}/{commodity}',
  tags,
  summary: 'One stored price with its corrections (enumerator or supervisor of the agency)',
  request: { params: priceParamsSchema },
  responses: { 200: json(priceDetailSchema, 'The price and its revisions, newest first'), ...errorResponses(400, 401, 403, 404) },
});

const patchPrice = createRoute({
  method: 'patch',
  path: '/prices/{date}/{market}/{commodity}',
  tags,
  summary: 'Correct a stored price (supervisor of the agency); the previous value is kept as a revision',
  request: { params: priceParamsSchema, body: { required: true, content: { 'application/json': { schema: correctionBodySchema } } } },
  responses: { 200: json(priceDetailSchema, 'The corrected price'), ...errorResponses(400, 401, 403, 404) },
});

async function priceDetail(db: Db, key: PriceKey): Promise<PriceDetail> {
  const stored = await priceWithRevisions(db, key);
  if (!stored) throw problems.notFound('No price stored for this day, market and commodity.');
  const revisions = stored.revisions.map((revision) => ({
    previousPrice: revision.previous_price,
    newPrice: revision.new_price,
    reason: revision.reason,
    changedBy: revision.changed_by_name,
    changedAt: new Date(revision.changed_at).toISOString(),
  }));
  return { ...key, price: stored.price, status: stored.status, revisions };
}

/** The supervisor's work: publishing a market day's drafts and correcting a stored price. */
export function publish(ctx: Ctx) {
  const { options } = ctx;
  const { requireMarket } = catalog(ctx);
  return createRouter()
    .openapi(postPublish, async (c) => {
      const body = c.req.valid('json');
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      const market = requireMarket(body.market, 'body.market');
      const { published, newAlerts } = await ctx.unitOfWork(c, async (work) => {
        // The unusual changes of the day as stored now, not as the supervisor's page last saw them.
        const day = await entryData(ctx, work.db, market, body.date);
        if (day.items.some((item) => item.status === 'draft')) checkAcknowledged(day.outliers, body.acknowledgedOutliers);
        const { result, newAlerts } = await withAlertEvents(ctx, work, body.date, () => publishDrafts(work.db, body.market, body.date, user.id, ctx.clock.now()));
        // Thrown inside the unit, so the alert events it queued are dropped with the (empty) transaction.
        if (!result.length) throw problems.conflict(`No draft prices of ${body.market} on ${body.date} to publish.`);
        await work.audit({
          action: 'prices.publish',
          subjectType: 'market-day',
          subjectId: `${body.market}/${body.date}`,
          agencyId: options.agency,
          after: Object.fromEntries(result.map((row) => [row.commodity_id, row.price])),
        });
        return { published: result.length, newAlerts };
      });
      return c.json({ market: body.market, date: body.date, published, newAlerts }, 200);
    })
    .openapi(getPrice, async (c) => {
      requireOfficer(ctx, c);
      return c.json(await priceDetail(ctx.db, c.req.valid('param')), 200);
    })
    .openapi(patchPrice, async (c) => {
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      const key = c.req.valid('param');
      const body = c.req.valid('json');
      const corrected = await ctx.unitOfWork(c, async (work) => {
        const current = await priceDetail(work.db, key);
        if (current.price === body.price) throw problems.invalid([{ field: 'body.price', message: 'Is the same as the stored price.' }]);
        const write = () => correctPrice(work.db, key, { previous: current.price, price: body.price, reason: body.reason, by: user, now: ctx.clock.now() });
        // Only a published price is on the board, so only its correction can raise alerts.
        if (current.status === 'published') await withAlertEvents(ctx, work, key.date, write);
        else await write();
        await work.audit({
          action: 'price.correct',
          subjectType: 'price',
          subjectId: `${key.date}/${key.market}/${key.commodity}`,
          agencyId: options.agency,
          before: { price: current.price },
          after: { price: body.price, reason: body.reason },
        });
        return priceDetail(work.db, key);
      });
      return c.json(corrected, 200);
    });
}
