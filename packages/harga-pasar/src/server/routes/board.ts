import { createRoute, createRouter, errorResponses, z } from '@kota-kit/core/server';
import { dateField } from '../../schemas/common.js';
import { requireOfficer, today, type Ctx } from '../context.js';
import { alertSchema, boardSchema } from '../schemas.js';
import { alertsOf } from '../services/alerts.js';
import { computeBoard } from '../services/board.js';
import { json, tags } from './shared.js';

const getBoard = createRoute({
  method: 'get',
  path: '/board',
  tags,
  summary: "Today's prices: city average, cheapest and dearest market, changes and reference price per commodity",
  description:
    "Without `date`, today in the region's time zone. When nothing is published for the date, the latest earlier date with published prices is shown (`date` says which).",
  request: { query: z.object({ date: dateField().optional() }) },
  responses: { 200: json(boardSchema, 'The board'), ...errorResponses(400) },
});

const getAlerts = createRoute({
  method: 'get',
  path: '/alerts',
  tags,
  summary: 'Commodities above their reference price or rising beyond the alert threshold over a week (officers of the agency)',
  description: 'Each alert is codes and numbers (`reasons`, prices, percent); the browser words them in the reader\'s language.',
  request: { query: z.object({ date: dateField().optional() }) },
  responses: {
    200: json(z.object({ date: z.string().nullable(), alertRisePercent: z.number(), alerts: z.array(alertSchema) }), 'Alerts of the latest published day'),
    ...errorResponses(400, 401, 403),
  },
});

/** The public board of a day, and the officers' alerts computed from it. */
export function board(ctx: Ctx) {
  return createRouter()
    .openapi(getBoard, ctx.publicAnswer(async (c) => {
      const { date } = c.req.valid('query');
      c.header('cache-control', 'public, max-age=300');
      return c.json(await computeBoard(ctx, ctx.db, date ?? today(ctx)), 200);
    }))
    .openapi(getAlerts, async (c) => {
      requireOfficer(ctx, c);
      const board = await computeBoard(ctx, ctx.db, c.req.valid('query').date ?? today(ctx));
      return c.json({ date: board.date, alertRisePercent: ctx.options.alertRisePercent, alerts: alertsOf(ctx, board) }, 200);
    });
}
