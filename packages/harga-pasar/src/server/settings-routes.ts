import { createRoute, errorResponses, problems, sql, z, type AppEnv, type OpenAPIHono } from '@kota-kit/core/server';
import type { ReferencePriceEntry } from '../types.js';
import { alertSchema, officerGrantSchema, referencePriceEntrySchema, referencePriceInputSchema } from './schemas.js';
import { database, latestPublishedDate, loadReferenceBook, today, withAlertEvents, type Alert, type Ctx } from './service.js';

const tags = ['harga-pasar'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/**
 * The agency's settings: reference prices it adds when a regulation changes (merged with the configured ones),
 * and who may enter prices for which market. Markets and commodities stay region configuration.
 */
export function registerSettingsRoutes(api: OpenAPIHono<AppEnv>, ctx: Ctx): void {
  const db = database(ctx);
  const { options } = ctx;
  const commodityIds = new Set(options.commodities.map((commodity) => commodity.id));
  const commodityOrder = new Map(options.commodities.map((commodity, index) => [commodity.id, index]));

  const listed = async () => {
    const book = await loadReferenceBook(ctx);
    const day = today(ctx);
    return {
      book,
      day,
      entries: book.entries.map((entry) => ({ ...entry, status: book.statusOf(entry, day) })),
    };
  };
  const withStatus = async (id: string) => {
    const { entries } = await listed();
    return entries.find((entry) => entry.source === 'admin' && entry.id === id)!;
  };

  /**
   * A change of reference prices can raise alerts on the latest published day (a lower HET): runs the write
   * through `withAlertEvents` when the change takes effect on or before that day, so the events go out.
   */
  const writeWithAlerts = async <T,>(effectiveFrom: string, write: () => Promise<T>): Promise<{ result: T; newAlerts: Alert[] }> => {
    const latest = await latestPublishedDate(ctx, today(ctx));
    if (latest && effectiveFrom <= latest) return withAlertEvents(ctx, latest, write);
    return { result: await write(), newAlerts: [] };
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/reference-prices',
      tags,
      summary: 'Every reference price (HET/HAP) with its history: from the region configuration and added by the agency',
      description:
        'For a commodity, kind and zone on a date, the entry with the latest `effectiveFrom` on or before the date is in force; on equal dates an entry added by the agency wins over the configured one. Retired entries are listed but never count. Ordered by commodity (as configured), then newest first.',
      responses: {
        200: json(
          z.object({ priceZone: z.string(), date: z.string().openapi({ description: 'Today, the day `status` is about.' }), referencePrices: z.array(referencePriceEntrySchema) }),
          'Reference prices',
        ),
      },
    }),
    async (c) => {
      const { day, entries } = await listed();
      entries.sort(
        (a, b) =>
          (commodityOrder.get(a.commodity) ?? 1e9) - (commodityOrder.get(b.commodity) ?? 1e9) ||
          b.effectiveFrom.localeCompare(a.effectiveFrom) ||
          (a.source === b.source ? 0 : a.source === 'admin' ? -1 : 1),
      );
      c.header('cache-control', 'no-cache');
      return c.json({ priceZone: options.priceZone, date: day, referencePrices: entries }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/reference-prices',
      tags,
      summary: 'Add a reference price when a regulation changes (supervisor of the agency, or admin)',
      description:
        'The earlier price stays in the history and keeps counting for the days before `effectiveFrom`. A second active entry of the same commodity, kind, zone and date answers 409 (retire the first). The answer lists alerts the change newly raised on the latest published day (also emitted as `harga-pasar.price.alert`).',
      request: { body: { required: true, content: { 'application/json': { schema: referencePriceInputSchema } } } },
      responses: {
        201: json(z.object({ referencePrice: referencePriceEntrySchema, newAlerts: z.array(alertSchema) }), 'Added'),
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      const body = c.req.valid('json');
      if (!commodityIds.has(body.commodity)) throw problems.invalid([{ field: 'body.commodity', message: `Unknown commodity "${body.commodity}".` }]);
      const zone = body.zone ?? options.priceZone;
      const same = await db
        .selectFrom('harga_pasar_reference_prices')
        .select('id')
        .where('commodity_id', '=', body.commodity)
        .where('kind', '=', body.kind)
        .where('zone', '=', zone)
        .where('effective_from', '=', body.effectiveFrom)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
      const duplicate = () =>
        problems.conflict(`There is already a ${body.kind} of ${body.commodity} for zone ${zone} from ${body.effectiveFrom}; retire it first.`, [
          { field: 'body.effectiveFrom', message: 'Another active entry has this commodity, kind, zone and date.', code: 'duplicate' },
        ]);
      if (same) throw duplicate();
      const now = ctx.clock.now();
      let id: string;
      let newAlerts: Alert[];
      try {
        ({ result: id, newAlerts } = await writeWithAlerts(body.effectiveFrom, async () => {
          const row = await db
            .insertInto('harga_pasar_reference_prices')
            .values({
              commodity_id: body.commodity,
              kind: body.kind,
              zone,
              price: body.price,
              effective_from: body.effectiveFrom,
              legal_basis: body.legalBasis,
              created_by: user.id,
              created_by_name: user.name,
              created_at: now,
            })
            .returning(sql<string>`id::text`.as('id'))
            .executeTakeFirstOrThrow();
          return row.id;
        }));
      } catch (error) {
        // Two supervisors adding the same entry at once: the unique index of active rows refuses the second.
        if ((error as { code?: string }).code === '23505') throw duplicate();
        throw error;
      }
      const entry = await withStatus(id);
      await ctx.audit(c, {
        action: 'reference-price.add',
        subjectType: 'reference-price',
        subjectId: id,
        agencyId: options.agency,
        after: publicFields(entry),
      });
      return c.json({ referencePrice: entry, newAlerts }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/reference-prices/{id}',
      tags,
      summary: 'Retire a reference price the agency added (supervisor of the agency, or admin)',
      description:
        'The entry stays in the history, marked retired, and no longer counts. Configured entries (`config-<n>`) cannot be retired here: 409; they change in the region configuration.',
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: json(z.object({ referencePrice: referencePriceEntrySchema, newAlerts: z.array(alertSchema) }), 'Retired'),
        ...errorResponses(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      const { id } = c.req.valid('param');
      if (/^config-\d+$/.test(id)) {
        if (Number(id.slice(7)) >= options.referencePrices.length) throw problems.notFound(`No reference price "${id}".`);
        throw problems.conflict(
          "This reference price comes from the region's configuration (kota.config.ts) and cannot be removed here. Add a newer one to replace it, or ask the region's developer to change the configuration.",
        );
      }
      if (!/^\d{1,18}$/.test(id)) throw problems.notFound(`No reference price "${id}".`);
      const row = await db.selectFrom('harga_pasar_reference_prices').select(['retired_at', sql<string>`effective_from::text`.as('effective_from')]).where('id', '=', id).executeTakeFirst();
      if (!row) throw problems.notFound(`No reference price "${id}".`);
      if (row.retired_at) throw problems.conflict('This reference price is already retired.');
      const before = await withStatus(id);
      const now = ctx.clock.now();
      const { newAlerts } = await writeWithAlerts(row.effective_from, () =>
        db.updateTable('harga_pasar_reference_prices').set({ retired_at: now, retired_by: user.id }).where('id', '=', id).where('retired_at', 'is', null).execute(),
      );
      const entry = await withStatus(id);
      await ctx.audit(c, {
        action: 'reference-price.retire',
        subjectType: 'reference-price',
        subjectId: id,
        agencyId: options.agency,
        before: publicFields(before),
        after: { retiredAt: entry.retiredAt },
      });
      return c.json({ referencePrice: entry, newAlerts }, 200);
    },
  );

  // ------------------------------------------------------------ who enters which market

  api.openapi(
    createRoute({
      method: 'get',
      path: '/enumerators',
      tags,
      summary: "The agency's enumerators and supervisors and the markets each may enter (supervisor of the agency, or admin)",
      description:
        'Accounts holding `harga-pasar:enumerator` or `harga-pasar:supervisor` for the agency (or for every agency). `markets` comes from the `enumeratorMarkets` option: every market when the account is not listed. Roles are granted under Admin wilayah; `unmatchedEmails` lists configured emails with no such account.',
      responses: {
        200: json(z.object({ officers: z.array(officerGrantSchema), unmatchedEmails: z.array(z.string()) }), 'Officers'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      ctx.access.requireRole(c, 'supervisor', options.agency);
      const rows = (await ctx.people.withRole(['enumerator', 'supervisor'], options.agency)) as { id: string; name: string; email: string; role: 'enumerator' | 'supervisor' }[];
      const restrictions = new Map(Object.entries(options.enumeratorMarkets ?? {}).map(([email, markets]) => [email.toLowerCase(), markets]));
      const allMarkets = options.markets.map((market) => market.id);
      const officers = new Map<string, z.infer<typeof officerGrantSchema>>();
      for (const row of rows) {
        const officer = officers.get(row.id);
        if (officer) {
          if (!officer.roles.includes(row.role)) officer.roles.push(row.role);
          continue;
        }
        officers.set(row.id, { id: row.id, name: row.name, email: row.email, roles: [row.role], markets: allMarkets, restricted: false });
      }
      for (const officer of officers.values()) {
        officer.roles.sort();
        const limited = restrictions.get(officer.email.toLowerCase());
        // The restriction applies to entering prices (the enumerator role); supervisors publish every market.
        if (limited && officer.roles.includes('enumerator')) {
          officer.markets = allMarkets.filter((market) => limited.includes(market));
          officer.restricted = true;
        }
      }
      const emails = new Set([...officers.values()].map((officer) => officer.email.toLowerCase()));
      return c.json({ officers: [...officers.values()], unmatchedEmails: [...restrictions.keys()].filter((email) => !emails.has(email)) }, 200);
    },
  );
}

/** What the audit log keeps of an entry. */
function publicFields(entry: ReferencePriceEntry) {
  return { commodity: entry.commodity, kind: entry.kind, zone: entry.zone, price: entry.price, effectiveFrom: entry.effectiveFrom, legalBasis: entry.legalBasis };
}
