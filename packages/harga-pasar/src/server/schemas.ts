import { z } from '@kota-kit/core/server';
import { units } from '../schemas/common.js';

// Response schemas of the API, with their OpenAPI names (zod from @hono/zod-openapi, re-exported by core).
// The browser gets these types through the typed client (see src/client/api.ts), never this code.

const unit = z.enum(units);

export const referenceSchema = z
  .object({ kind: z.enum(['HET', 'HAP']), zone: z.string(), price: z.number().int(), effectiveFrom: z.string(), legalBasis: z.string() })
  .openapi('HargaPasarReferencePrice');

export const changeSchema = z
  .object({ date: z.string(), amount: z.number().int(), percent: z.number() })
  .openapi('HargaPasarPriceChange', { description: 'Change of the city average against an earlier market day; positive is a rise.' });

const marketPrice = z.object({ market: z.string(), name: z.string(), price: z.number().int() });

export const boardItemSchema = z
  .object({
    commodity: z.string(),
    name: z.string(),
    group: z.string(),
    variant: z.string().nullable(),
    unit,
    date: z.string().openapi({ description: 'Date of these prices; earlier than the board date when this commodity was not collected that day.' }),
    average: z.number().int().openapi({ description: 'City average over the markets, whole rupiah per unit.' }),
    marketCount: z.number().int(),
    lowest: marketPrice,
    highest: marketPrice,
    changeDay: changeSchema.nullable(),
    changeWeek: changeSchema.nullable(),
    reference: referenceSchema.nullable(),
    aboveReference: z.boolean(),
  })
  .openapi('HargaPasarBoardItem');

export const boardSchema = z
  .object({ date: z.string().nullable(), requestedDate: z.string(), items: z.array(boardItemSchema) })
  .openapi('HargaPasarBoard');

export const marketSchema = z
  .object({ id: z.string(), name: z.string(), kecamatan: z.string(), address: z.string(), lat: z.number(), lng: z.number() })
  .openapi('HargaPasarMarket');

export const commoditySchema = z
  .object({ id: z.string(), name: z.string(), group: z.string(), variant: z.string().nullable(), unit, reference: referenceSchema.nullable() })
  .openapi('HargaPasarCommodity');

const point = z.object({ date: z.string(), price: z.number().int() });

export const seriesSchema = z
  .object({
    commodity: z.string(),
    name: z.string(),
    unit,
    from: z.string(),
    to: z.string(),
    average: z.array(point),
    markets: z.array(z.object({ market: z.string(), name: z.string(), points: z.array(point) })),
  })
  .openapi('HargaPasarSeries');

export const marketDetailSchema = z
  .object({
    market: marketSchema,
    date: z.string().nullable(),
    items: z.array(
      z.object({
        commodity: z.string(),
        name: z.string(),
        unit,
        price: z.number().int(),
        date: z.string(),
        changeDay: changeSchema.nullable(),
        cityAverage: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('HargaPasarMarketDetail');

export const compareSchema = z
  .object({
    commodity: z.string(),
    name: z.string(),
    unit,
    date: z.string().nullable(),
    average: z.number().int().nullable(),
    markets: z.array(
      z.object({
        market: z.string(),
        name: z.string(),
        price: z.number().int().nullable(),
        previous: point.nullable(),
        differenceFromAverage: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('HargaPasarCompare');

export const exportRowSchema = z
  .object({
    date: z.string().openapi({ format: 'date' }),
    market: z.string(),
    marketName: z.string(),
    commodity: z.string(),
    commodityName: z.string(),
    unit,
    price: z.number().int().openapi({ description: 'Whole rupiah per unit.' }),
  })
  .openapi('HargaPasarExportRow');

export const outlierSchema = z
  .object({
    commodity: z.string(),
    name: z.string(),
    unit,
    previous: point,
    price: z.number().int(),
    percent: z.number(),
  })
  .openapi('HargaPasarOutlier', { description: 'A draft price that changed unusually much from the previous market day.' });

export const entrySchema = z
  .object({
    market: z.object({ id: z.string(), name: z.string() }),
    date: z.string(),
    status: z.enum(['empty', 'draft', 'published', 'partial']),
    publishMode: z.enum(['supervisor', 'automatic']),
    changeWarningPercent: z.number(),
    items: z.array(
      z.object({
        commodity: z.string(),
        name: z.string(),
        group: z.string(),
        variant: z.string().nullable(),
        unit,
        previous: point.nullable(),
        price: z.number().int().nullable(),
        status: z.enum(['draft', 'published']).nullable(),
      }),
    ),
    outliers: z.array(outlierSchema).openapi({
      description:
        'Draft prices that differ from the previous market day by more than `changeWarningPercent`: a supervisor must look at each and send them back as `acknowledgedOutliers` when publishing.',
    }),
  })
  .openapi('HargaPasarEntry');

export const marketDayStatusSchema = z
  .object({
    date: z.string(),
    markets: z.array(
      z.object({
        market: z.string(),
        name: z.string(),
        status: z.enum(['empty', 'draft', 'published', 'partial']),
        filled: z.number().int(),
        total: z.number().int(),
        mine: z.boolean().openapi({ description: 'Whether the signed-in officer may enter this market.' }),
      }),
    ),
  })
  .openapi('HargaPasarMarketDayStatus');

export const alertSchema = z
  .object({
    commodity: z.string(),
    name: z.string(),
    unit,
    date: z.string(),
    average: z.number().int(),
    reasons: z.array(z.enum(['above-reference', 'week-rise'])),
    reference: referenceSchema.nullable(),
    changeWeek: changeSchema.nullable(),
  })
  .openapi('HargaPasarAlert');

export const revisionSchema = z
  .object({ previousPrice: z.number().int(), newPrice: z.number().int(), reason: z.string().nullable(), changedBy: z.string().nullable(), changedAt: z.string() })
  .openapi('HargaPasarRevision');

export const priceDetailSchema = z
  .object({
    date: z.string(),
    market: z.string(),
    commodity: z.string(),
    price: z.number().int(),
    status: z.enum(['draft', 'published']),
    revisions: z.array(revisionSchema),
  })
  .openapi('HargaPasarPrice');

export const referencePriceEntrySchema = z
  .object({
    id: z.string().openapi({ description: '"config-<n>" for a configured entry; the row number for one the agency added.', example: '12' }),
    source: z.enum(['config', 'admin']).openapi({ description: '`config`: the region\'s configuration (read-only here); `admin`: added by the agency.' }),
    commodity: z.string(),
    kind: z.enum(['HET', 'HAP']),
    zone: z.string().openapi({ description: 'Zone of the regulation ("1", "2", "3") or "nasional".' }),
    price: z.number().int().openapi({ description: 'Whole rupiah per unit.' }),
    effectiveFrom: z.string().openapi({ format: 'date' }),
    legalBasis: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
    status: z.enum(['in-force', 'scheduled', 'superseded', 'retired']).openapi({
      description: "Today: `in-force` (wins its commodity, kind and zone), `scheduled` (effective later), `superseded` (replaced by a later entry, or by the agency's entry of the same date), `retired`.",
    }),
  })
  .openapi('HargaPasarReferencePriceEntry');

export const officerGrantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.enum(['enumerator', 'supervisor'])),
    markets: z.array(z.string()).openapi({ description: 'Markets this officer may enter prices for (every market when not restricted).' }),
    restricted: z.boolean().openapi({ description: 'Whether `enumeratorMarkets` limits this officer to some markets.' }),
  })
  .openapi('HargaPasarOfficer');

export type ReferencePriceInForce = z.infer<typeof referenceSchema>;
export type PriceChange = z.infer<typeof changeSchema>;
export type BoardItem = z.infer<typeof boardItemSchema>;
export type Board = z.infer<typeof boardSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type EntryData = z.infer<typeof entrySchema>;
export type Outlier = z.infer<typeof outlierSchema>;
export type MarketDayStatus = z.infer<typeof marketDayStatusSchema>;
export type PriceDetail = z.infer<typeof priceDetailSchema>;
export type OfficerGrant = z.infer<typeof officerGrantSchema>;
/** Where a reference price stands today. */
export type ReferencePriceStatus = z.infer<typeof referencePriceEntrySchema>['status'];
/**
 * A reference price as `GET /api/harga-pasar/reference-prices` lists it (without its status of the day): from
 * the region's configuration (`source: 'config'`, read-only) or added by the agency (`source: 'admin'`).
 */
export type ReferencePriceEntry = Omit<z.infer<typeof referencePriceEntrySchema>, 'status'>;
