import { todayIn } from '@kota-kit/core';
import { problems, type ContextOf, type RequestContext, type UnitOfWork } from '@kota-kit/core/server';
import type { hargaPasar } from '../index.js';
import type { HargaPasarTables } from './tables.js';

/** What core gives harga pasar's server part: its options, its typed tables and core's services. */
export type Ctx = ContextOf<typeof hargaPasar, HargaPasarTables>;
/** One write: a transaction carrying its audit entries; events go out after the commit. */
export type Work = UnitOfWork<HargaPasarTables>;
export type { RequestContext };

/** Today in the region's time zone (the market day), by the server's clock. */
export function today(ctx: Ctx): string {
  return todayIn(ctx.region.timeZone, ctx.clock.now());
}

/** Lookups of the configured markets and commodities, made once per server. */
export function catalog(ctx: Ctx) {
  const markets = new Map(ctx.options.markets.map((market) => [market.id, market]));
  const commodities = new Map(ctx.options.commodities.map((commodity) => [commodity.id, commodity]));
  return {
    markets,
    commodities,
    /** The market, or a 400 naming `field`. */
    requireMarket(id: string, field: string) {
      const market = markets.get(id);
      if (!market) throw problems.invalid([{ field, message: `Unknown market "${id}".` }]);
      return market;
    },
  };
}

/** Enumerators and supervisors of the agency (admins too) read the officer pages. */
export function requireOfficer(ctx: Ctx, c: RequestContext) {
  return ctx.access.requireRole(c, ['enumerator', 'supervisor'], ctx.options.agency);
}
