import { problemTypes } from '@kota-kit/core';
import { createRoute, errorResponses, ProblemError, problems, sql, z, type AppEnv, type OpenAPIHono } from '@kota-kit/core/server';
import { addDays, daysBetween } from './dates.js';
import {
  alertSchema,
  boardSchema,
  commoditySchema,
  compareSchema,
  dateParam,
  entrySchema,
  exportRowSchema,
  marketDetailSchema,
  marketSchema,
  priceDetailSchema,
  seriesSchema,
} from './schemas.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { alertsOf, computeBoard, database, latestPublishedDate, loadReferenceBook, percentChange, today, withAlertEvents, type Ctx } from './service.js';

/** The request context handlers get (typed through core, so this package needs no direct hono dependency). */
type Context<_E = AppEnv> = Parameters<Ctx['access']['requireUser']>[0];

const tags = ['harga-pasar'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const conflictType = problemTypes.conflict;

/** Longest range one export answers; a longer one is split by the caller (keeps each response bounded). */
export const maxExportDays = 366;
/** Rows per page of a streamed export (one keyset query each). */
export const exportChunkRows = 10_000;

type ExportJson = { from: string; to: string; rows: z.infer<typeof exportRowSchema>[] };

interface ExportRow {
  date: string;
  market_id: string;
  commodity_id: string;
  price: number;
}

export function registerRoutes(api: OpenAPIHono<AppEnv>, ctx: Ctx): void {
  const db = database(ctx);
  const { options } = ctx;
  const markets = new Map(options.markets.map((market) => [market.id, market]));
  const commodities = new Map(options.commodities.map((commodity) => [commodity.id, commodity]));

  const requireMarket = (id: string, field: string) => {
    const market = markets.get(id);
    if (!market) throw problems.invalid([{ field, message: `Unknown market "${id}".` }]);
    return market;
  };
  // Keyed by lower-case email, however the configuration spells it (the settings page lists it the same way).
  const enumeratorMarkets = new Map(Object.entries(options.enumeratorMarkets ?? {}).map(([email, list]) => [email.toLowerCase(), list]));
  const requireOfficer = (c: Context<AppEnv>) => ctx.access.requireRole(c, ['enumerator', 'supervisor'], options.agency);
  const notInFuture = (date: string, field: string) => {
    if (date > today(ctx)) throw problems.invalid([{ field, message: 'Prices cannot be entered for a future date.' }]);
  };

  // ------------------------------------------------------------ public reads

  api.openapi(
    createRoute({
      method: 'get',
      path: '/board',
      tags,
      summary: "Today's prices: city average, cheapest and dearest market, changes and reference price per commodity",
      description:
        'Without `date`, today in the region\'s time zone. When nothing is published for the date, the latest earlier date with published prices is shown (`date` says which).',
      request: { query: z.object({ date: dateParam.optional() }) },
      responses: { 200: json(boardSchema, 'The board'), ...errorResponses(400) },
    }),
    async (c) => {
      const { date } = c.req.valid('query');
      c.header('cache-control', 'public, max-age=300');
      return c.json(await computeBoard(ctx, date ?? today(ctx)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/markets',
      tags,
      summary: 'The markets whose prices are collected, with their location',
      responses: { 200: json(z.object({ markets: z.array(marketSchema) }), 'Markets') },
    }),
    (c) => c.json({ markets: options.markets }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/commodities',
      tags,
      summary: 'The commodities tracked, with unit and the reference price in force today',
      responses: { 200: json(z.object({ commodities: z.array(commoditySchema) }), 'Commodities') },
    }),
    async (c) => {
      const day = today(ctx);
      const book = await loadReferenceBook(ctx);
      return c.json(
        {
          commodities: options.commodities.map((commodity) => ({
            ...commodity,
            variant: commodity.variant ?? null,
            reference: book.inForce(commodity.id, day),
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/markets/{id}',
      tags,
      summary: "One market's prices of every commodity on a day (default today, else its latest published day)",
      request: { params: z.object({ id: z.string() }), query: z.object({ date: dateParam.optional() }) },
      responses: { 200: json(marketDetailSchema, 'The market and its prices'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const market = markets.get(id);
      if (!market) throw problems.notFound(`No market "${id}".`);
      const date = await latestPublishedDate(ctx, c.req.valid('query').date ?? today(ctx), { market: id });
      if (!date) return c.json({ market, date: null, items: [] }, 200);
      const rows = await db
        .selectFrom('harga_pasar_prices')
        .select([sql<string>`date::text`.as('date'), 'commodity_id', 'price'])
        .where('market_id', '=', id)
        .where('status', '=', 'published')
        .where('date', '>=', addDays(date, -14))
        .where('date', '<=', date)
        .orderBy('harga_pasar_prices.date', 'desc')
        .execute();
      const board = await computeBoard(ctx, date, true);
      const averages = new Map(board.items.filter((item) => item.date === date).map((item) => [item.commodity, item.average]));
      const items = [];
      for (const commodity of options.commodities) {
        const list = rows.filter((row) => row.commodity_id === commodity.id);
        const current = list[0];
        if (!current || current.date !== date) continue;
        const previous = list[1];
        items.push({
          commodity: commodity.id,
          name: commodity.name,
          unit: commodity.unit,
          price: current.price,
          date: current.date,
          changeDay: previous ? { date: previous.date, amount: current.price - previous.price, percent: percentChange(previous.price, current.price) } : null,
          cityAverage: averages.get(commodity.id) ?? null,
        });
      }
      return c.json({ market, date, items }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/commodities/{id}/series',
      tags,
      summary: "A commodity's daily prices over 30 days, 90 days or a year: city average and each market",
      request: { params: z.object({ id: z.string() }), query: z.object({ range: z.enum(['30d', '90d', '1y']).default('30d') }) },
      responses: { 200: json(seriesSchema, 'The series, oldest first'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const commodity = commodities.get(id);
      if (!commodity) throw problems.notFound(`No commodity "${id}".`);
      const days = { '30d': 30, '90d': 90, '1y': 365 }[c.req.valid('query').range];
      const to = (await latestPublishedDate(ctx, today(ctx), { commodity: id })) ?? today(ctx);
      const from = addDays(to, -(days - 1));
      const rows = await db
        .selectFrom('harga_pasar_prices')
        .select([sql<string>`date::text`.as('date'), 'market_id', 'price'])
        .where('commodity_id', '=', id)
        .where('status', '=', 'published')
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('harga_pasar_prices.date')
        .execute();
      const perDate = new Map<string, { sum: number; count: number }>();
      const perMarket = new Map<string, { date: string; price: number }[]>();
      for (const row of rows) {
        const day = perDate.get(row.date);
        if (day) {
          day.sum += row.price;
          day.count += 1;
        } else perDate.set(row.date, { sum: row.price, count: 1 });
        const list = perMarket.get(row.market_id) ?? [];
        list.push({ date: row.date, price: row.price });
        perMarket.set(row.market_id, list);
      }
      c.header('cache-control', 'public, max-age=300');
      return c.json(
        {
          commodity: id,
          name: commodity.name,
          unit: commodity.unit,
          from,
          to,
          average: [...perDate].map(([date, day]) => ({ date, price: Math.round(day.sum / day.count) })),
          markets: options.markets.map((market) => ({ market: market.id, name: market.name, points: perMarket.get(market.id) ?? [] })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/commodities/{id}/compare',
      tags,
      summary: 'One commodity in every market side by side on a day (default today, else its latest published day)',
      request: { params: z.object({ id: z.string() }), query: z.object({ date: dateParam.optional() }) },
      responses: { 200: json(compareSchema, 'Markets compared'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const commodity = commodities.get(id);
      if (!commodity) throw problems.notFound(`No commodity "${id}".`);
      const date = await latestPublishedDate(ctx, c.req.valid('query').date ?? today(ctx), { commodity: id });
      const base = { commodity: id, name: commodity.name, unit: commodity.unit };
      if (!date) return c.json({ ...base, date: null, average: null, markets: [] }, 200);
      const rows = await db
        .selectFrom('harga_pasar_prices')
        .select([sql<string>`date::text`.as('date'), 'market_id', 'price'])
        .where('commodity_id', '=', id)
        .where('status', '=', 'published')
        .where('date', '>=', addDays(date, -14))
        .where('date', '<=', date)
        .orderBy('harga_pasar_prices.date', 'desc')
        .execute();
      const today_ = rows.filter((row) => row.date === date);
      const average = today_.length ? Math.round(today_.reduce((sum, row) => sum + row.price, 0) / today_.length) : null;
      return c.json(
        {
          ...base,
          date,
          average,
          markets: options.markets.map((market) => {
            const price = today_.find((row) => row.market_id === market.id)?.price ?? null;
            const previous = rows.find((row) => row.market_id === market.id && row.date < date);
            return {
              market: market.id,
              name: market.name,
              price,
              previous: previous ? { date: previous.date, price: previous.price } : null,
              differenceFromAverage: price !== null && average !== null ? price - average : null,
            };
          }),
        },
        200,
      );
    },
  );

  // ------------------------------------------------------------ open data

  const exportQuery = z.object({ from: dateParam, to: dateParam });
  const checkExport = async (c: Context<AppEnv>, from: string, to: string) => {
    if (to < from) throw problems.invalid([{ field: 'query.to', message: '"to" must not be before "from".' }]);
    if (daysBetween(from, to) + 1 > maxExportDays) {
      throw problems.invalid([{ field: 'query.to', message: `A range holds at most ${maxExportDays} days; split longer ranges.` }]);
    }
    await ctx.rateLimit.hit(`harga-pasar:export:${c.get('clientIp')}`, 60, 60);
  };

  /**
   * The published prices of a range in (date, market, commodity) order, a page at a time: each page is one
   * keyset query ("rows after the last one sent") on the index of published prices in primary-key order
   * (migration 0002), so a year of a big city (over a million rows) is never held in memory and, on the embedded
   * database, other requests run between pages.
   */
  async function* exportPages(from: string, to: string): AsyncGenerator<ExportRow[]> {
    let last: ExportRow | undefined;
    for (;;) {
      const after = last
        ? sql`(date, market_id, commodity_id) > (${last.date}::date, ${last.market_id}, ${last.commodity_id})`
        : sql`date >= ${from}::date`;
      // A page comes back as ONE text value ("date,market,commodity,price" lines): on the embedded database,
      // turning 10k result rows into JS objects costs 5× the query (measured: 290 ms against 50 ms).
      // Ids are slugs, so they hold no comma or line end.
      const result = await sql<{ body: string | null }>`
        SELECT string_agg(date::text || ',' || market_id || ',' || commodity_id || ',' || price::text, E'\n' ORDER BY date, market_id, commodity_id) AS body
        FROM (
          SELECT date, market_id, commodity_id, price FROM harga_pasar_prices
          WHERE status = 'published' AND ${after} AND date <= ${to}::date
          ORDER BY date, market_id, commodity_id
          LIMIT ${exportChunkRows}
        ) AS page
      `.execute(db);
      const body = result.rows[0]?.body;
      const rows: ExportRow[] = body
        ? body.split('\n').map((line) => {
            const [date, market_id, commodity_id, price] = line.split(',') as [string, string, string, string];
            return { date, market_id, commodity_id, price: Number(price) };
          })
        : [];
      if (rows.length) yield rows;
      if (rows.length < exportChunkRows) return;
      last = rows.at(-1);
    }
  }

  /** Fixed parts of a row per market and commodity, made once rather than per row. */
  const memo = <T,>(make: (id: string) => T) => {
    const cache = new Map<string, T>();
    return (id: string) => {
      let value = cache.get(id);
      if (value === undefined) cache.set(id, (value = make(id)));
      return value;
    };
  };
  const marketName = (id: string) => markets.get(id)?.name ?? id;
  const commodityName = (id: string) => commodities.get(id)?.name ?? id;
  const commodityUnit = (id: string) => commodities.get(id)?.unit ?? 'kg';
  const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const csvMarket = memo((id) => `${id},${quote(marketName(id))},`);
  const csvCommodity = memo((id) => `${id},${quote(commodityName(id))},${commodityUnit(id)},`);
  // The same keys in the same order as `exportRowSchema`; JSON.stringify escapes the names.
  const jsonMarket = memo((id) => `"market":${JSON.stringify(id)},"marketName":${JSON.stringify(marketName(id))},`);
  const jsonCommodity = memo((id) => `"commodity":${JSON.stringify(id)},"commodityName":${JSON.stringify(commodityName(id))},"unit":${JSON.stringify(commodityUnit(id))},`);

  /**
   * A streamed response: `head`, then every row through `line` (joined by `separator`), then `tail`. The first
   * page is read before answering, so a failing query is still a proper error response; later pages are read
   * only as the client takes the data (back-pressure), and a client that goes away stops the paging.
   */
  const streamExport = async (from: string, to: string, format: { head: string; line: (row: ExportRow) => string; separator: string; tail: string }) => {
    const pages = exportPages(from, to);
    const encoder = new TextEncoder();
    let pending: IteratorResult<ExportRow[]> | undefined = await pages.next();
    let first = true;
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(format.head));
      },
      async pull(controller) {
        try {
          const page = pending ?? (await pages.next());
          pending = undefined;
          if (page.done) {
            controller.enqueue(encoder.encode(format.tail));
            controller.close();
            return;
          }
          let text = '';
          for (const row of page.value) {
            if (!first) text += format.separator;
            first = false;
            text += format.line(row);
          }
          controller.enqueue(encoder.encode(text));
        } catch (error) {
          ctx.log.error('export stream failed', { from, to, error: (error as Error).message });
          controller.error(error);
        }
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
  };
  const exportDescription =
    'Long format, one row per date, market and commodity: ISO dates, whole rupiah. At most 366 days per request; bad dates, `to` before `from` or a longer range answer 400 naming the field. The response is streamed.';

  api.openapi(
    createRoute({
      method: 'get',
      path: '/export.csv',
      tags,
      summary: 'Open data: published prices of a date range as CSV',
      description: `${exportDescription} Columns: date, market, market_name, commodity, commodity_name, unit, price.`,
      request: { query: exportQuery },
      responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 429) },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      await checkExport(c, from, to);
      const body = await streamExport(from, to, {
        head: 'date,market,market_name,commodity,commodity_name,unit,price\r\n',
        line: (row) => `${row.date},${csvMarket(row.market_id)}${csvCommodity(row.commodity_id)}${row.price}\r\n`,
        separator: '',
        tail: '',
      });
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="harga-pasar_${from}_${to}.csv"`,
        'cache-control': 'public, max-age=300',
      });
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/export.json',
      tags,
      summary: 'Open data: published prices of a date range as JSON',
      description: exportDescription,
      request: { query: exportQuery },
      responses: { 200: json(z.object({ from: z.string(), to: z.string(), rows: z.array(exportRowSchema) }), 'Rows ordered by date, market, commodity'), ...errorResponses(400, 429) },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      await checkExport(c, from, to);
      const body = await streamExport(from, to, {
        head: `{"from":${JSON.stringify(from)},"to":${JSON.stringify(to)},"rows":[`,
        line: (row) => `{"date":"${row.date}",${jsonMarket(row.market_id)}${jsonCommodity(row.commodity_id)}"price":${row.price}}`,
        separator: ',',
        tail: ']}',
      });
      // Streamed, so not through c.json(); the bytes are the same as c.json({ from, to, rows }) would send.
      return c.body(body, 200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }) as unknown as ReturnType<typeof c.json<ExportJson, 200>>;
    },
  );

  // ------------------------------------------------------------ officers

  /** The entry form of one market and day: each commodity with its previous price and the value stored for the day. */
  const entryData = async (marketId: string, date: string) => {
    const market = markets.get(marketId)!;
    const rows = await db
      .selectFrom('harga_pasar_prices')
      .select([sql<string>`date::text`.as('date'), 'commodity_id', 'price', 'status'])
      .where('market_id', '=', marketId)
      .where('date', '>=', addDays(date, -31))
      .where('date', '<=', date)
      .orderBy('harga_pasar_prices.date', 'desc')
      .execute();
    const items = options.commodities.map((commodity) => {
      const current = rows.find((row) => row.commodity_id === commodity.id && row.date === date);
      const previous = rows.find((row) => row.commodity_id === commodity.id && row.date < date);
      return {
        commodity: commodity.id,
        name: commodity.name,
        group: commodity.group,
        variant: commodity.variant ?? null,
        unit: commodity.unit,
        previous: previous ? { date: previous.date, price: previous.price } : null,
        price: current?.price ?? null,
        status: current?.status ?? null,
      };
    });
    const statuses = new Set(items.map((item) => item.status));
    const status: 'empty' | 'draft' | 'published' | 'partial' =
      statuses.size === 1 ? (items[0]?.status ?? 'empty') : statuses.has('draft') ? 'draft' : statuses.has('published') && !statuses.has(null) ? 'published' : 'partial';
    return { market: { id: market.id, name: market.name }, date, status, publishMode: options.publishMode, changeWarningPercent: options.changeWarningPercent, items };
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/entry',
      tags,
      summary: 'Entry form data of one market and day (enumerator or supervisor of the agency)',
      request: { query: z.object({ market: z.string().min(1), date: dateParam.optional() }) },
      responses: { 200: json(entrySchema, 'Form data'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      requireOfficer(c);
      const query = c.req.valid('query');
      requireMarket(query.market, 'query.market');
      const date = query.date ?? today(ctx);
      notInFuture(date, 'query.date');
      return c.json(await entryData(query.market, date), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/entry',
      tags,
      summary: "Save a market's prices of one day (enumerator of the agency)",
      description:
        'Saves drafts (published at once in `automatic` mode). A price differing from the previous one by more than `changeWarningPercent` needs `confirmLargeChanges: true`, otherwise 409 lists the fields. Published prices are changed only by a supervisor\'s correction.',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                market: z.string().min(1),
                date: dateParam,
                prices: z.array(z.object({ commodity: z.string().min(1), price: z.number().int().positive().max(100_000_000) })).min(1),
                confirmLargeChanges: z.boolean().default(false),
              }),
            },
          },
        },
      },
      responses: { 200: json(entrySchema, 'Saved; the form data as stored'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const user = ctx.access.requireRole(c, 'enumerator', options.agency);
      const allowed = user.kind === 'admin' ? undefined : enumeratorMarkets.get(user.email.toLowerCase());
      requireMarket(body.market, 'body.market');
      if (allowed && !allowed.includes(body.market)) throw problems.forbidden(`You enter prices for ${allowed.join(', ')} only.`);
      notInFuture(body.date, 'body.date');
      const seen = new Set<string>();
      const invalid = body.prices.flatMap((item, index) => {
        const errors = [];
        if (!commodities.has(item.commodity)) errors.push({ field: `body.prices.${index}.commodity`, message: `Unknown commodity "${item.commodity}".` });
        else if (seen.has(item.commodity)) errors.push({ field: `body.prices.${index}.commodity`, message: `"${item.commodity}" is listed twice.` });
        seen.add(item.commodity);
        return errors;
      });
      if (invalid.length) throw problems.invalid(invalid);

      const before = await entryData(body.market, body.date);
      const stored = new Map(before.items.map((item) => [item.commodity, item]));
      const published = body.prices.flatMap((item, index) => {
        const current = stored.get(item.commodity)!;
        return current.status === 'published' && current.price !== item.price
          ? [{ field: `body.prices.${index}.price`, message: 'Already published; a supervisor corrects published prices.', code: 'published' }]
          : [];
      });
      if (published.length) throw new ProblemError(409, 'Already published', { type: conflictType, detail: 'Some prices are already published.', errors: published });
      if (!body.confirmLargeChanges) {
        const large = body.prices.flatMap((item, index) => {
          const previous = stored.get(item.commodity)!.previous;
          if (!previous) return [];
          const percent = percentChange(previous.price, item.price);
          return Math.abs(percent) > options.changeWarningPercent
            ? [{ field: `body.prices.${index}.price`, message: `Changed ${percent > 0 ? '+' : ''}${percent}% from ${previous.price} on ${previous.date}; confirm it.`, code: 'large_change' }]
            : [];
        });
        if (large.length) {
          throw new ProblemError(409, 'Confirm large changes', {
            type: conflictType,
            detail: `Some prices changed more than ${options.changeWarningPercent}% from the previous market day; check them and send again with confirmLargeChanges.`,
            errors: large,
          });
        }
      }

      const changes = body.prices.filter((item) => stored.get(item.commodity)!.status !== 'published');
      const now = ctx.clock.now();
      const automatic = options.publishMode === 'automatic';
      const write = async () => {
        if (!changes.length) return;
        await db
          .insertInto('harga_pasar_prices')
          .values(
            changes.map((item) => ({
              date: body.date,
              market_id: body.market,
              commodity_id: item.commodity,
              price: item.price,
              status: automatic ? ('published' as const) : ('draft' as const),
              entered_by: user.id,
              published_by: automatic ? user.id : null,
              entered_at: now,
              published_at: automatic ? now : null,
              updated_at: now,
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['date', 'market_id', 'commodity_id'])
              .doUpdateSet((eb) => ({
                price: eb.ref('excluded.price'),
                status: eb.ref('excluded.status'),
                entered_by: eb.ref('excluded.entered_by'),
                published_by: eb.ref('excluded.published_by'),
                published_at: eb.ref('excluded.published_at'),
                updated_at: eb.ref('excluded.updated_at'),
              }))
              // A published price is never overwritten by an entry, even by a race with a publish.
              .where('harga_pasar_prices.status', '=', 'draft'),
          )
          .execute();
      };
      if (automatic) await withAlertEvents(ctx, body.date, write);
      else await write();
      const after = await entryData(body.market, body.date);
      await ctx.audit(c, {
        action: automatic ? 'prices.enter-publish' : 'prices.enter',
        subjectType: 'market-day',
        subjectId: `${body.market}/${body.date}`,
        agencyId: options.agency,
        before: Object.fromEntries(before.items.filter((item) => item.price !== null).map((item) => [item.commodity, item.price])),
        after: Object.fromEntries(after.items.filter((item) => item.price !== null).map((item) => [item.commodity, item.price])),
      });
      return c.json(after, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/publish',
      tags,
      summary: "Publish a market's draft prices of one day (supervisor of the agency)",
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ market: z.string().min(1), date: dateParam }) } } } },
      responses: {
        200: json(z.object({ market: z.string(), date: z.string(), published: z.number().int(), newAlerts: z.array(alertSchema) }), 'Published'),
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      requireMarket(body.market, 'body.market');
      const now = ctx.clock.now();
      const { result, newAlerts } = await withAlertEvents(ctx, body.date, () =>
        db
          .updateTable('harga_pasar_prices')
          .set({ status: 'published', published_by: user.id, published_at: now, updated_at: now })
          .where('date', '=', body.date)
          .where('market_id', '=', body.market)
          .where('status', '=', 'draft')
          .returning(['commodity_id', 'price'])
          .execute(),
      );
      if (!result.length) throw problems.conflict(`No draft prices of ${body.market} on ${body.date} to publish.`);
      await ctx.audit(c, {
        action: 'prices.publish',
        subjectType: 'market-day',
        subjectId: `${body.market}/${body.date}`,
        agencyId: options.agency,
        after: Object.fromEntries(result.map((row) => [row.commodity_id, row.price])),
      });
      return c.json({ market: body.market, date: body.date, published: result.length, newAlerts }, 200);
    },
  );

  const priceParams = z.object({ date: dateParam, market: z.string(), commodity: z.string() });
  const priceDetail = async (date: string, market: string, commodity: string) => {
    const row = await db
      .selectFrom('harga_pasar_prices')
      .select(['price', 'status'])
      .where('date', '=', date)
      .where('market_id', '=', market)
      .where('commodity_id', '=', commodity)
      .executeTakeFirst();
    if (!row) return null;
    const revisions = await db
      .selectFrom('harga_pasar_price_revisions')
      .selectAll()
      .where('date', '=', date)
      .where('market_id', '=', market)
      .where('commodity_id', '=', commodity)
      .orderBy('id', 'desc')
      .execute();
    return {
      date,
      market,
      commodity,
      price: row.price,
      status: row.status,
      revisions: revisions.map((revision) => ({
        previousPrice: revision.previous_price,
        newPrice: revision.new_price,
        reason: revision.reason,
        changedBy: revision.changed_by_name,
        changedAt: new Date(revision.changed_at).toISOString(),
      })),
    };
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/prices/{date}/{market}/{commodity}',
      tags,
      summary: 'One stored price with its corrections (enumerator or supervisor of the agency)',
      request: { params: priceParams },
      responses: { 200: json(priceDetailSchema, 'The price and its revisions, newest first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      requireOfficer(c);
      const params = c.req.valid('param');
      const detail = await priceDetail(params.date, params.market, params.commodity);
      if (!detail) throw problems.notFound('No price stored for this day, market and commodity.');
      return c.json(detail, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/prices/{date}/{market}/{commodity}',
      tags,
      summary: 'Correct a stored price (supervisor of the agency); the previous value is kept as a revision',
      request: {
        params: priceParams,
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ price: z.number().int().positive().max(100_000_000), reason: z.string().trim().min(3).max(500) }) } },
        },
      },
      responses: { 200: json(priceDetailSchema, 'The corrected price'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      const params = c.req.valid('param');
      const body = c.req.valid('json');
      const current = await priceDetail(params.date, params.market, params.commodity);
      if (!current) throw problems.notFound('No price stored for this day, market and commodity.');
      if (current.price === body.price) throw problems.invalid([{ field: 'body.price', message: 'Is the same as the stored price.' }]);
      const now = ctx.clock.now();
      const write = () =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('harga_pasar_price_revisions')
            .values({
              date: params.date,
              market_id: params.market,
              commodity_id: params.commodity,
              previous_price: current.price,
              new_price: body.price,
              reason: body.reason,
              changed_by: user.id,
              changed_by_name: user.name,
              changed_at: now,
            })
            .execute();
          await trx
            .updateTable('harga_pasar_prices')
            .set({ price: body.price, updated_at: now })
            .where('date', '=', params.date)
            .where('market_id', '=', params.market)
            .where('commodity_id', '=', params.commodity)
            .execute();
        });
      if (current.status === 'published') await withAlertEvents(ctx, params.date, write);
      else await write();
      await ctx.audit(c, {
        action: 'price.correct',
        subjectType: 'price',
        subjectId: `${params.date}/${params.market}/${params.commodity}`,
        agencyId: options.agency,
        before: { price: current.price },
        after: { price: body.price, reason: body.reason },
      });
      return c.json((await priceDetail(params.date, params.market, params.commodity))!, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/alerts',
      tags,
      summary: 'Commodities above their reference price or rising beyond the alert threshold over a week (officers of the agency)',
      request: { query: z.object({ date: dateParam.optional() }) },
      responses: {
        200: json(z.object({ date: z.string().nullable(), alertRisePercent: z.number(), alerts: z.array(alertSchema) }), 'Alerts of the latest published day'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireOfficer(c);
      const board = await computeBoard(ctx, c.req.valid('query').date ?? today(ctx));
      return c.json({ date: board.date, alertRisePercent: options.alertRisePercent, alerts: alertsOf(ctx, board) }, 200);
    },
  );

  registerSettingsRoutes(api, ctx);
}
