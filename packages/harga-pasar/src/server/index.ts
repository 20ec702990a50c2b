/**
 * @kota-kit/harga-pasar/server — the API, migrations and demo seed (Node only).
 */
import { defineServerModule } from '@kota-kit/core/server';
import { hargaPasar } from '../index.js';
import { hargaPasarApi } from './api.js';
import { migrations } from './migrations.js';
import { seedDemoPrices } from './seed.js';
import type { HargaPasarTables } from './tables.js';

export { migrations } from './migrations.js';
export { seedDemoPrices } from './seed.js';
export type { HargaPasarApi } from './api.js';
export type { HargaPasarTables } from './tables.js';

export default defineServerModule<typeof hargaPasar, HargaPasarTables>(hargaPasar, {
  migrations,
  // The export's kept days (migration 0005) are written by exports, a read: they must not empty the board's cache.
  cacheTables: ['harga_pasar_export_days'],
  events: ['price.alert'],
  // The browser needs the lists and thresholds; none of the options is secret.
  publicOptions: (options) => ({
    markets: options.markets,
    commodities: options.commodities,
    publishMode: options.publishMode,
    changeWarningPercent: options.changeWarningPercent,
  }),
  api: hargaPasarApi,
  async seed(ctx) {
    const agencyId = ctx.options.agency;
    await ctx.ensureDemoAccount({ email: 'enumerator@demo.kotakit.id', name: 'Enumerator Demo', kind: 'officer', agencyId, roles: [{ role: 'enumerator', agencyId }] });
    await ctx.ensureDemoAccount({ email: 'supervisor@demo.kotakit.id', name: 'Supervisor Demo', kind: 'officer', agencyId, roles: [{ role: 'supervisor', agencyId }] });
    await seedDemoPrices(ctx, ctx.options.demoSeedDays);
  },
});
