import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { referencePriceInputSchema } from '../../schemas/reference-prices.js';
import { today, type Ctx } from '../context.js';
import { activeReferencePrice, insertReferencePrice, referencePriceState, retireReferencePrice } from '../queries/reference-prices.js';
import { alertSchema, referencePriceEntrySchema } from '../schemas.js';
import { auditFields, listReferencePrices, referencePriceEntry, sortForList, writeWithAlerts } from '../services/reference-prices.js';
import { json, tags } from './shared.js';

const changed = (description: string) => json(z.object({ referencePrice: referencePriceEntrySchema, newAlerts: z.array(alertSchema) }), description);

const listRoute = createRoute({
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
});

const addRoute = createRoute({
  method: 'post',
  path: '/reference-prices',
  tags,
  summary: 'Add a reference price when a regulation changes (supervisor of the agency, or admin)',
  description:
    'The earlier price stays in the history and keeps counting for the days before `effectiveFrom`. A second active entry of the same commodity, kind, zone and date answers 409 (retire the first). The answer lists alerts the change newly raised on the latest published day (also emitted as `harga-pasar.price.alert`).',
  request: { body: { required: true, content: { 'application/json': { schema: referencePriceInputSchema.openapi('HargaPasarReferencePriceInput') } } } },
  responses: { 201: changed('Added'), ...errorResponses(400, 401, 403, 409) },
});

const retireRoute = createRoute({
  method: 'delete',
  path: '/reference-prices/{id}',
  tags,
  summary: 'Retire a reference price the agency added (supervisor of the agency, or admin)',
  description:
    'The entry stays in the history, marked retired, and no longer counts. Configured entries (`config-<n>`) cannot be retired here: 409; they change in the region configuration.',
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: changed('Retired'), ...errorResponses(400, 401, 403, 404, 409) },
});

/**
 * The agency's reference prices: added when a regulation changes (merged with the configured ones), retired
 * when mistaken. Markets and commodities stay region configuration.
 */
export function referencePrices(ctx: Ctx) {
  const { options } = ctx;
  const commodityIds = new Set(options.commodities.map((commodity) => commodity.id));
  return createRouter()
    .openapi(listRoute, async (c) => {
      const all = sortForList(ctx, await listReferencePrices(ctx, ctx.db));
      // Public output names the agency, never its officers: who added an entry is for the agency's supervisors.
      const officer = ctx.access.hasRole(ctx.access.user(c), 'supervisor', options.agency);
      const entries = officer ? all : all.map((entry) => ({ ...entry, createdBy: null }));
      c.header('cache-control', officer ? 'private, no-store' : 'no-cache');
      return c.json({ priceZone: options.priceZone, date: today(ctx), referencePrices: entries }, 200);
    })
    .openapi(addRoute, async (c) => {
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      const body = c.req.valid('json');
      if (!commodityIds.has(body.commodity)) throw problems.invalid([{ field: 'body.commodity', message: `Unknown commodity "${body.commodity}".` }]);
      const key = { commodity: body.commodity, kind: body.kind, zone: body.zone ?? options.priceZone, effectiveFrom: body.effectiveFrom };
      const duplicate = () =>
        problems.conflict(`There is already a ${key.kind} of ${key.commodity} for zone ${key.zone} from ${key.effectiveFrom}; retire it first.`, [
          { field: 'body.effectiveFrom', message: 'Another active entry has this commodity, kind, zone and date.', code: 'duplicate' },
        ]);
      if (await activeReferencePrice(ctx.db, key)) throw duplicate();
      try {
        const added = await ctx.unitOfWork(c, async (work) => {
          const { result: id, newAlerts } = await writeWithAlerts(ctx, work, key.effectiveFrom, () =>
            insertReferencePrice(work.db, { ...key, price: body.price, legalBasis: body.legalBasis, by: user, now: ctx.clock.now() }),
          );
          const referencePrice = await referencePriceEntry(ctx, work.db, id);
          await work.audit({ action: 'reference-price.add', subjectType: 'reference-price', subjectId: String(id), agencyId: options.agency, after: auditFields(referencePrice) });
          return { referencePrice, newAlerts };
        });
        return c.json(added, 201);
      } catch (error) {
        // Two supervisors adding the same entry at once: the unique index of active rows refuses the second.
        if ((error as { code?: string }).code === '23505') throw duplicate();
        throw error;
      }
    })
    .openapi(retireRoute, async (c) => {
      const user = ctx.access.requireRole(c, 'supervisor', options.agency);
      const { id } = c.req.valid('param');
      if (/^config-\d+$/.test(id)) {
        if (Number(id.slice(7)) >= options.referencePrices.length) throw problems.notFound(`No reference price "${id}".`);
        throw problems.conflict(
          "This reference price comes from the region's configuration (kota.config.ts) and cannot be removed here. Add a newer one to replace it, or ask the region's developer to change the configuration.",
        );
      }
      // Row numbers are bigserial; beyond a safe integer there is no such row.
      if (!/^\d{1,15}$/.test(id)) throw problems.notFound(`No reference price "${id}".`);
      const rowId = Number(id);
      const retired = await ctx.unitOfWork(c, async (work) => {
        const row = await referencePriceState(work.db, rowId);
        if (!row) throw problems.notFound(`No reference price "${id}".`);
        if (row.retired_at) throw problems.conflict('This reference price is already retired.');
        const before = await referencePriceEntry(ctx, work.db, rowId);
        const { newAlerts } = await writeWithAlerts(ctx, work, row.effective_from, () => retireReferencePrice(work.db, rowId, user.id, ctx.clock.now()));
        const referencePrice = await referencePriceEntry(ctx, work.db, rowId);
        await work.audit({
          action: 'reference-price.retire',
          subjectType: 'reference-price',
          subjectId: id,
          agencyId: options.agency,
          before: auditFields(before),
          after: { retiredAt: referencePrice.retiredAt },
        });
        return { referencePrice, newAlerts };
      });
      return c.json(retired, 200);
    });
}
