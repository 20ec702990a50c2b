/**
 * @kota-kit/harga-pasar — isomorphic part: the module definition, its options schema and public types.
 * Safe to import from the browser and from Node.
 */
import { defineModule, isoDateSchema, z, type OptionIssue } from '@kota-kit/core';
import { units } from './schemas/common.js';

export { tangerangDefaults } from './defaults.js';
export { units, type Unit } from './schemas/common.js';
// The API's shapes, inferred from the route schemas (types only: no server code reaches the browser).
export type {
  Alert,
  Board,
  BoardItem,
  EntryData,
  MarketDayStatus,
  Outlier,
  OfficerGrant,
  PriceChange,
  PriceDetail,
  ReferencePriceEntry,
  ReferencePriceInForce,
  ReferencePriceStatus,
} from './server/schemas.js';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug like "pasar-anyar"');

/** A calendar date as ISO text, between 1900 and 2100 (core's date field). */
export const isoDate = isoDateSchema('must be a real date like 2025-03-31');

export const marketSchema = z.object({
  id: slug,
  name: z.string().min(2),
  kecamatan: z.string().min(2),
  address: z.string().min(3),
  // Bounds of Indonesia, so a swapped lat/lng is caught at start-up.
  lat: z.number().min(-11.5).max(6.5),
  lng: z.number().min(94.5).max(141.5),
});

export const commoditySchema = z.object({
  id: slug,
  /** Name citizens know, e.g. "Cabai rawit merah". */
  name: z.string().min(2),
  /** Group for the board, e.g. "Beras", "Cabai", "Bawang". */
  group: z.string().min(2),
  /** Variant or quality, e.g. "Medium", "Curah". */
  variant: z.string().optional(),
  unit: z.enum(units),
});

export const referencePriceSchema = z.object({
  commodity: slug,
  /** HET: highest retail price (binding); HAP: reference consumer price. */
  kind: z.enum(['HET', 'HAP']),
  /** Zone of the regulation ("1", "2", "3") or "nasional" when the price holds everywhere. */
  zone: z.string().min(1).default('nasional'),
  /** Whole rupiah per unit; for a HAP given as a range, its upper bound. */
  price: z.number().int().positive(),
  effectiveFrom: isoDate,
  /** The regulation, e.g. "Peraturan Badan Pangan Nasional No. 5 Tahun 2024". */
  legalBasis: z.string().min(3),
});

export const hargaPasarOptions = z.object({
  markets: z.array(marketSchema).min(1),
  commodities: z.array(commoditySchema).min(1),
  referencePrices: z.array(referencePriceSchema).default([]),
  /** The region's zone for zoned reference prices (Banten: "1"). */
  priceZone: z.string().min(1).default('1'),
  /** "supervisor": entries wait for a supervisor; "automatic": published as they are saved. */
  publishMode: z.enum(['supervisor', 'automatic']).default('supervisor'),
  /** A price differing more than this from the previous one must be confirmed by the enumerator. */
  changeWarningPercent: z.number().positive().max(1000).default(20),
  /** A rise of the city average above this percent over a week raises an alert. */
  alertRisePercent: z.number().positive().max(1000).default(10),
  /** The agency (OPD) that owns the prices, usually the trade agency (Disperindag); one of the region's agencies. */
  agency: z.string().min(1),
  /** Markets each enumerator may enter, keyed by account email; an enumerator not listed may enter every market. */
  enumeratorMarkets: z.record(z.string(), z.array(slug)).optional(),
  /** Days of demo prices generated up to today (demo mode only). */
  demoSeedDays: z.number().int().min(0).max(3700).default(730),
});

export type HargaPasarOptions = z.output<typeof hargaPasarOptions>;
export type HargaPasarOptionsInput = z.input<typeof hargaPasarOptions>;

function duplicates(ids: string[]): Set<number> {
  const seen = new Set<string>();
  const result = new Set<number>();
  ids.forEach((id, index) => {
    if (seen.has(id)) result.add(index);
    seen.add(id);
  });
  return result;
}

export const hargaPasar = defineModule({
  id: 'harga-pasar',
  package: '@kota-kit/harga-pasar',
  hasStyles: true,
  options: hargaPasarOptions,
  roles: [
    { id: 'enumerator', description: 'Enters the daily prices of the markets (agency-scoped)', agencyScoped: true },
    { id: 'supervisor', description: 'Publishes and corrects prices, sees alerts (agency-scoped)', agencyScoped: true },
  ],
  checkOptions: (options, region) => {
    const issues: OptionIssue[] = [];
    if (!region.agencies.some((agency) => agency.id === options.agency)) {
      issues.push({ path: ['agency'], message: `no agency "${options.agency}" in the region` });
    }
    for (const index of duplicates(options.markets.map((market) => market.id))) {
      issues.push({ path: ['markets', index, 'id'], message: `market id "${options.markets[index]!.id}" is used twice` });
    }
    for (const index of duplicates(options.commodities.map((commodity) => commodity.id))) {
      issues.push({ path: ['commodities', index, 'id'], message: `commodity id "${options.commodities[index]!.id}" is used twice` });
    }
    const commodityIds = new Set(options.commodities.map((commodity) => commodity.id));
    options.referencePrices.forEach((reference, index) => {
      if (!commodityIds.has(reference.commodity)) {
        issues.push({ path: ['referencePrices', index, 'commodity'], message: `no commodity "${reference.commodity}"` });
      }
    });
    const marketIds = new Set(options.markets.map((market) => market.id));
    for (const [email, markets] of Object.entries(options.enumeratorMarkets ?? {})) {
      markets.forEach((market, index) => {
        if (!marketIds.has(market)) issues.push({ path: ['enumeratorMarkets', email, index], message: `no market "${market}"` });
      });
    }
    return issues;
  },
});
