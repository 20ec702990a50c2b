import { createRoute, createRouter, csvCell, csvHeaders, csvStream, errorResponses, problems, textStream, z, type RequestContext } from '@kota-kit/core/server';
import { exportQuerySchema, exportRangeProblem, maxExportDays } from '../../schemas/export.js';
import type { Ctx } from '../context.js';
import { exportPages } from '../queries/export.js';
import { exportRowSchema } from '../schemas.js';
import { json, tags } from './shared.js';

const description =
  'Long format, one row per date, market and commodity: ISO dates, whole rupiah. At most 366 days per request; bad dates, `to` before `from` or a longer range answer 400 naming the field. The response is streamed.';
const csvColumns = ['date', 'market', 'market_name', 'commodity', 'commodity_name', 'unit', 'price'];
const exportJsonSchema = z.object({ from: z.string(), to: z.string(), rows: z.array(exportRowSchema) });

const getCsv = createRoute({
  method: 'get',
  path: '/export.csv',
  tags,
  summary: 'Open data: published prices of a date range as CSV',
  description: `${description} Columns: ${csvColumns.join(', ')}. Cells that a spreadsheet would run as a formula start with an apostrophe.`,
  request: { query: exportQuerySchema },
  responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 429) },
});

const getJson = createRoute({
  method: 'get',
  path: '/export.json',
  tags,
  summary: 'Open data: published prices of a date range as JSON',
  description,
  request: { query: exportQuerySchema },
  responses: { 200: json(exportJsonSchema, 'Rows ordered by date, market, commodity'), ...errorResponses(400, 429) },
});

/** Fixed parts of a row per market or commodity, made once rather than per row (the export writes millions of rows). */
function memo(make: (id: string) => string): (id: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    let value = cache.get(id);
    if (value === undefined) cache.set(id, (value = make(id)));
    return value;
  };
}

/** Open data: the published prices of a range, streamed as CSV or JSON. */
export function exports(ctx: Ctx) {
  const markets = new Map(ctx.options.markets.map((market) => [market.id, market.name]));
  const commodities = new Map(ctx.options.commodities.map((commodity) => [commodity.id, commodity]));
  const marketName = (id: string) => markets.get(id) ?? id;
  const commodityName = (id: string) => commodities.get(id)?.name ?? id;
  const unitOf = (id: string) => commodities.get(id)?.unit ?? 'kg';
  // Names pass core's csvCell (quoting and the formula guard) once per market or commodity, not per row.
  const csvMarket = memo((id) => `${csvCell(id)},${csvCell(marketName(id))},`);
  const csvCommodity = memo((id) => `${csvCell(id)},${csvCell(commodityName(id))},${csvCell(unitOf(id))},`);
  // The same keys in the same order as `exportRowSchema`; JSON.stringify escapes the names.
  const jsonMarket = memo((id) => `"market":${JSON.stringify(id)},"marketName":${JSON.stringify(marketName(id))},`);
  const jsonCommodity = memo((id) => `"commodity":${JSON.stringify(id)},"commodityName":${JSON.stringify(commodityName(id))},"unit":${JSON.stringify(unitOf(id))},`);

  const check = async (c: RequestContext, from: string, to: string) => {
    const problem = exportRangeProblem(from, to);
    if (problem === 'order') throw problems.invalid([{ field: 'query.to', message: '"to" must not be before "from".' }]);
    if (problem === 'tooLong') throw problems.invalid([{ field: 'query.to', message: `A range holds at most ${maxExportDays} days; split longer ranges.` }]);
    await ctx.rateLimit.hit(`harga-pasar:export:${c.get('clientIp')}`, 60, 60);
  };
  const onError = (from: string, to: string) => (error: unknown) => ctx.log.error('export stream failed', { from, to, error: (error as Error).message });

  return createRouter()
    .openapi(getCsv, async (c) => {
      const { from, to } = c.req.valid('query');
      await check(c, from, to);
      const body = await csvStream(exportPages(ctx.db, from, to), {
        header: csvColumns,
        line: (row) => `${row.date},${csvMarket(row.market_id)}${csvCommodity(row.commodity_id)}${row.price}\r\n`,
        onError: onError(from, to),
      });
      return c.body(body, 200, csvHeaders(`harga-pasar_${from}_${to}.csv`, { 'cache-control': 'public, max-age=300' }));
    })
    .openapi(getJson, async (c) => {
      const { from, to } = c.req.valid('query');
      await check(c, from, to);
      const format = {
        head: `{"from":${JSON.stringify(from)},"to":${JSON.stringify(to)},"rows":[`,
        line: (row: { date: string; market_id: string; commodity_id: string; price: number }) =>
          `{"date":"${row.date}",${jsonMarket(row.market_id)}${jsonCommodity(row.commodity_id)}"price":${row.price}}`,
        separator: ',',
        tail: ']}',
      };
      const body = await textStream(exportPages(ctx.db, from, to), format, onError(from, to));
      const response = c.body(body, 200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
      // Streamed, so not through c.json(); the bytes are what c.json({ from, to, rows }) would send, and the
      // typed client should see that JSON type rather than a plain body.
      return response as unknown as ReturnType<typeof c.json<z.infer<typeof exportJsonSchema>, 200>>;
    });
}
