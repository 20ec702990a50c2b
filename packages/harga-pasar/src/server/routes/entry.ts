import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { dateField } from '../../schemas/common.js';
import { entryBodySchema, entryQuerySchema } from '../../schemas/entry.js';
import { catalog, requireOfficer, today, type Ctx } from '../context.js';
import { dayEntries, upsertPrices } from '../queries/prices.js';
import { entrySchema, marketDayStatusSchema } from '../schemas.js';
import { withAlertEvents } from '../services/alerts.js';
import { checkAgainstStored, checkCommodities, dayStatus, entryData, pricesOf } from '../services/entry.js';
import { json, tags } from './shared.js';

const getEntry = createRoute({
  method: 'get',
  path: '/entry',
  tags,
  summary: 'Entry form data of one market and day (enumerator or supervisor of the agency)',
  request: { query: entryQuerySchema },
  responses: { 200: json(entrySchema, 'Form data'), ...errorResponses(400, 401, 403) },
});

const putEntry = createRoute({
  method: 'put',
  path: '/entry',
  tags,
  summary: "Save a market's prices of one day (enumerator of the agency)",
  description:
    "Saves drafts (published at once in `automatic` mode). A price differing from the previous one by more than `changeWarningPercent` needs `confirmLargeChanges: true`, otherwise 409 lists the fields. Published prices are changed only by a supervisor's correction.",
  request: { body: { required: true, content: { 'application/json': { schema: entryBodySchema } } } },
  responses: { 200: json(entrySchema, 'Saved; the form data as stored'), ...errorResponses(400, 401, 403, 409) },
});

const getEntryDays = createRoute({
  method: 'get',
  path: '/entry/days',
  tags,
  summary: "Every market's progress on one day (enumerator or supervisor of the agency): which still need the day's entry",
  request: { query: z.object({ date: dateField().optional() }) },
  responses: { 200: json(marketDayStatusSchema, 'Markets in configuration order'), ...errorResponses(400, 401, 403) },
});

/** The enumerator's form of a market day, and saving it. */
export function entry(ctx: Ctx) {
  const { options } = ctx;
  const { requireMarket } = catalog(ctx);
  // Keyed by lower-case email, however the configuration spells it (the settings page lists it the same way).
  const enumeratorMarkets = new Map(Object.entries(options.enumeratorMarkets ?? {}).map(([email, list]) => [email.toLowerCase(), list]));
  const notInFuture = (date: string, field: string) => {
    if (date > today(ctx)) throw problems.invalid([{ field, message: 'Prices cannot be entered for a future date.' }]);
  };

  return createRouter()
    .openapi(getEntryDays, async (c) => {
      const user = requireOfficer(ctx, c);
      const date = c.req.valid('query').date ?? today(ctx);
      notInFuture(date, 'query.date');
      const rows = await dayEntries(ctx.db, date);
      const allowed = user.kind === 'admin' ? undefined : enumeratorMarkets.get(user.email.toLowerCase());
      const known = new Set(options.commodities.map((commodity) => commodity.id));
      const markets = options.markets.map((market) => {
        const statuses = new Map(rows.filter((row) => row.market_id === market.id && known.has(row.commodity_id)).map((row) => [row.commodity_id, row.status]));
        return {
          market: market.id,
          name: market.name,
          status: dayStatus(options.commodities.map((commodity) => statuses.get(commodity.id) ?? null)),
          filled: statuses.size,
          total: options.commodities.length,
          mine: !allowed || allowed.includes(market.id),
        };
      });
      return c.json({ date, markets }, 200);
    })
    .openapi(getEntry, async (c) => {
      requireOfficer(ctx, c);
      const query = c.req.valid('query');
      const market = requireMarket(query.market, 'query.market');
      const date = query.date ?? today(ctx);
      notInFuture(date, 'query.date');
      return c.json(await entryData(ctx, ctx.db, market, date), 200);
    })
    .openapi(putEntry, async (c) => {
      const body = c.req.valid('json');
      const user = ctx.access.requireRole(c, 'enumerator', options.agency);
      const market = requireMarket(body.market, 'body.market');
      const allowed = user.kind === 'admin' ? undefined : enumeratorMarkets.get(user.email.toLowerCase());
      if (allowed && !allowed.includes(body.market)) throw problems.forbidden(`You enter prices for ${allowed.join(', ')} only.`);
      notInFuture(body.date, 'body.date');
      checkCommodities(ctx, body.prices);
      const automatic = options.publishMode === 'automatic';
      const saved = await ctx.unitOfWork(c, async (work) => {
        const before = await entryData(ctx, work.db, market, body.date);
        const changes = checkAgainstStored(ctx, before, body.prices, body.confirmLargeChanges);
        const write = () => upsertPrices(work.db, { market: market.id, date: body.date, prices: changes, by: user.id, publish: automatic, now: ctx.clock.now() });
        if (automatic) await withAlertEvents(ctx, work, body.date, write);
        else await write();
        const after = await entryData(ctx, work.db, market, body.date);
        await work.audit({
          action: automatic ? 'prices.enter-publish' : 'prices.enter',
          subjectType: 'market-day',
          subjectId: `${market.id}/${body.date}`,
          agencyId: options.agency,
          before: pricesOf(before),
          after: pricesOf(after),
        });
        return after;
      });
      return c.json(saved, 200);
    });
}
