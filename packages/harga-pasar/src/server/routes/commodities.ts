import { addDays } from '@kota-kit/core';
import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { dateField, idField } from '../../schemas/common.js';
import { today, type Ctx } from '../context.js';
import { commodityPrices, latestPublishedDate } from '../queries/prices.js';
import { commoditySchema, compareSchema, seriesSchema } from '../schemas.js';
import { loadReferenceBook } from '../services/board.js';
import { average } from '../services/statistics.js';
import { json, tags } from './shared.js';

const listCommodities = createRoute({
  method: 'get',
  path: '/commodities',
  tags,
  summary: 'The commodities tracked, with unit and the reference price in force today',
  responses: { 200: json(z.object({ commodities: z.array(commoditySchema) }), 'Commodities') },
});

const getSeries = createRoute({
  method: 'get',
  path: '/commodities/{id}/series',
  tags,
  summary: "A commodity's daily prices over 30 days, 90 days or a year: city average and each market",
  request: { params: z.object({ id: idField() }), query: z.object({ range: z.enum(['30d', '90d', '1y']).default('30d') }) },
  responses: { 200: json(seriesSchema, 'The series, oldest first'), ...errorResponses(400, 404) },
});

const getCompare = createRoute({
  method: 'get',
  path: '/commodities/{id}/compare',
  tags,
  summary: 'One commodity in every market side by side on a day (default today, else its latest published day)',
  request: { params: z.object({ id: idField() }), query: z.object({ date: dateField().optional() }) },
  responses: { 200: json(compareSchema, 'Markets compared'), ...errorResponses(400, 404) },
});

const rangeDays = { '30d': 30, '90d': 90, '1y': 365 } as const;

/** The commodity list, a commodity's chart and its markets compared. */
export function commodities(ctx: Ctx) {
  const byId = new Map(ctx.options.commodities.map((commodity) => [commodity.id, commodity]));
  const requireCommodity = (id: string) => {
    const commodity = byId.get(id);
    if (!commodity) throw problems.notFound(`No commodity "${id}".`);
    return commodity;
  };
  return createRouter()
    .openapi(listCommodities, ctx.publicAnswer(async (c) => {
      const day = today(ctx);
      const book = await loadReferenceBook(ctx, ctx.db);
      const list = ctx.options.commodities.map((commodity) => ({ ...commodity, variant: commodity.variant ?? null, reference: book.inForce(commodity.id, day) }));
      return c.json({ commodities: list }, 200);
    }))
    .openapi(getSeries, ctx.publicAnswer(async (c) => {
      const { id } = c.req.valid('param');
      const commodity = requireCommodity(id);
      const to = (await latestPublishedDate(ctx.db, today(ctx), { commodity: id })) ?? today(ctx);
      const from = addDays(to, -(rangeDays[c.req.valid('query').range] - 1));
      const perDate = new Map<string, number[]>();
      const perMarket = new Map<string, { date: string; price: number }[]>();
      for (const row of await commodityPrices(ctx.db, id, from, to, 'asc')) {
        const day = perDate.get(row.date) ?? perDate.set(row.date, []).get(row.date)!;
        day.push(row.price);
        const points = perMarket.get(row.market_id) ?? perMarket.set(row.market_id, []).get(row.market_id)!;
        points.push({ date: row.date, price: row.price });
      }
      c.header('cache-control', 'public, max-age=300');
      return c.json(
        {
          commodity: id,
          name: commodity.name,
          unit: commodity.unit,
          from,
          to,
          average: [...perDate].map(([date, prices]) => ({ date, price: average(prices)! })),
          markets: ctx.options.markets.map((market) => ({ market: market.id, name: market.name, points: perMarket.get(market.id) ?? [] })),
        },
        200,
      );
    }))
    .openapi(getCompare, ctx.publicAnswer(async (c) => {
      const { id } = c.req.valid('param');
      const commodity = requireCommodity(id);
      const date = await latestPublishedDate(ctx.db, c.req.valid('query').date ?? today(ctx), { commodity: id });
      const base = { commodity: id, name: commodity.name, unit: commodity.unit };
      if (!date) return c.json({ ...base, date: null, average: null, markets: [] }, 200);
      const rows = await commodityPrices(ctx.db, id, addDays(date, -14), date, 'desc');
      const ofDay = rows.filter((row) => row.date === date);
      const mean = average(ofDay.map((row) => row.price));
      const markets = ctx.options.markets.map((market) => {
        const price = ofDay.find((row) => row.market_id === market.id)?.price ?? null;
        const previous = rows.find((row) => row.market_id === market.id && row.date < date);
        return {
          market: market.id,
          name: market.name,
          price,
          previous: previous ? { date: previous.date, price: previous.price } : null,
          differenceFromAverage: price !== null && mean !== null ? price - mean : null,
        };
      });
      return c.json({ ...base, date, average: mean, markets }, 200);
    }));
}
