import { createRouter } from '@kota-kit/core/server';
import type { Ctx } from './context.js';
import { board } from './routes/board.js';
import { commodities } from './routes/commodities.js';
import { entry } from './routes/entry.js';
import { exports } from './routes/exports.js';
import { markets } from './routes/markets.js';
import { officers } from './routes/officers.js';
import { publish } from './routes/publish.js';
import { referencePrices } from './routes/reference-prices.js';

/** Harga pasar's API, mounted at /api/harga-pasar: one router per resource, chained so the browser's client is typed from them. */
export function hargaPasarApi(ctx: Ctx) {
  return createRouter()
    .route('/', board(ctx))
    .route('/', markets(ctx))
    .route('/', commodities(ctx))
    .route('/', exports(ctx))
    .route('/', entry(ctx))
    .route('/', publish(ctx))
    .route('/', referencePrices(ctx))
    .route('/', officers(ctx));
}

/** The type the browser's typed client is made from (`createApiClient<HargaPasarApi>('harga-pasar')`). */
export type HargaPasarApi = ReturnType<typeof hargaPasarApi>;
