import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { dateField, idField } from '../../schemas/common.js';
import { today, type Ctx } from '../context.js';
import { latestPublishedDate, marketPrices } from '../queries/prices.js';
import { marketDetailSchema, marketSchema } from '../schemas.js';
import { computeBoard } from '../services/board.js';
import { percentChange } from '../services/statistics.js';
import { json, tags } from './shared.js';

const listMarkets = createRoute({
  method: 'get',
  path: '/markets',
  tags,
  summary: 'The markets whose prices are collected, with their location',
  responses: { 200: json(z.object({ markets: z.array(marketSchema) }), 'Markets') },
});

const getMarket = createRoute({
  method: 'get',
  path: '/markets/{id}',
  tags,
  summary: "One market's prices of every commodity on a day (default today, else its latest published day)",
  request: { params: z.object({ id: idField() }), query: z.object({ date: dateField().optional() }) },
  responses: { 200: json(marketDetailSchema, 'The market and its prices'), ...errorResponses(400, 404) },
});

export function markets(ctx: Ctx) {
  const byId = new Map(ctx.options.markets.map((market) => [market.id, market]));
  return createRouter()
    .openapi(listMarkets, (c) => c.json({ markets: ctx.options.markets }, 200))
    .openapi(getMarket, ctx.publicAnswer(async (c) => {
      const { id } = c.req.valid('param');
      const market = byId.get(id);
      if (!market) throw problems.notFound(`No market "${id}".`);
      const date = await latestPublishedDate(ctx.db, c.req.valid('query').date ?? today(ctx), { market: id });
      if (!date) return c.json({ market, date: null, items: [] }, 200);
      const rows = await marketPrices(ctx.db, id, date, 14);
      const board = await computeBoard(ctx, ctx.db, date, true);
      const averages = new Map(board.items.filter((item) => item.date === date).map((item) => [item.commodity, item.average]));
      const items = ctx.options.commodities.flatMap((commodity) => {
        const [current, previous] = rows.filter((row) => row.commodity_id === commodity.id);
        if (!current || current.date !== date) return [];
        const changeDay = previous ? { date: previous.date, amount: current.price - previous.price, percent: percentChange(previous.price, current.price) } : null;
        return [{ commodity: commodity.id, name: commodity.name, unit: commodity.unit, price: current.price, date: current.date, changeDay, cityAverage: averages.get(commodity.id) ?? null }];
      });
      return c.json({ market, date, items }, 200);
    }));
}
