import { createRoute, createRouter, csvCell, csvHeaders, csvStream, errorResponses, problems, textStream, z, type RequestContext } from '@kota-kit/core/server';
import { exportQuerySchema, exportRangeProblem, maxExportDays } from '../../schemas/export.js';
import type { Ctx } from '../context.js';
import { exportPages, keptFormat } from '../queries/export.js';
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

/** Each page of text as a page of one "row" for core's stream writers (the text is written as it is). */
async function* asRows(pages: AsyncGenerator<string>): AsyncGenerator<string[]> {
  for await (const body of pages) yield [body];
}

const byId = <T extends { id: string }>(items: readonly T[], fixed: (item: T) => string) => Object.fromEntries(items.map((item) => [item.id, fixed(item)]));

/** Open data: the published prices of a range, streamed as CSV or JSON. */
export function exports(ctx: Ctx) {
  const { markets, commodities } = ctx.options;
  // The fixed part of a row per market and commodity, made once: names pass core's csvCell (quoting and the
  // formula guard) or JSON.stringify here, and the database writes them into every line (queries/export.ts).
  const prefetch = ctx.databaseKind === 'postgres';
  const csv = keptFormat({
    kind: 'csv',
    prefetch,
    markets: byId(markets, (market) => `${csvCell(market.id)},${csvCell(market.name)},`),
    commodities: byId(commodities, (commodity) => `${csvCell(commodity.id)},${csvCell(commodity.name)},${csvCell(commodity.unit)},`),
  });
  // The same keys in the same order as `exportRowSchema`.
  const json = keptFormat({
    kind: 'json',
    prefetch,
    markets: byId(markets, (market) => `"market":${JSON.stringify(market.id)},"marketName":${JSON.stringify(market.name)},`),
    commodities: byId(
      commodities,
      (commodity) => `"commodity":${JSON.stringify(commodity.id)},"commodityName":${JSON.stringify(commodity.name)},"unit":${JSON.stringify(commodity.unit)},`,
    ),
  });

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
      const body = await csvStream(asRows(exportPages(ctx.db, from, to, csv)), { header: csvColumns, line: (text) => text, onError: onError(from, to) });
      return c.body(body, 200, csvHeaders(`harga-pasar_${from}_${to}.csv`, { 'cache-control': 'public, max-age=300' }));
    })
    .openapi(getJson, async (c) => {
      const { from, to } = c.req.valid('query');
      await check(c, from, to);
      // Pages are joined by a comma, as the rows within a page.
      const format = { head: `{"from":${JSON.stringify(from)},"to":${JSON.stringify(to)},"rows":[`, line: (text: string) => text, separator: ',', tail: ']}' };
      const body = await textStream(asRows(exportPages(ctx.db, from, to, json)), format, onError(from, to));
      const response = c.body(body, 200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
      // Streamed, so not through c.json(); the bytes are what c.json({ from, to, rows }) would send, and the
      // typed client should see that JSON type rather than a plain body.
      return response as unknown as ReturnType<typeof c.json<z.infer<typeof exportJsonSchema>, 200>>;
    });
}
