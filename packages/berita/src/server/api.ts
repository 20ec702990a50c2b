import { createRouter } from '@kota-kit/core/server';
import { collector } from './routes/collector.js';
import { images } from './routes/images.js';
import { newsroom } from './routes/newsroom.js';
import { reading } from './routes/reading.js';
import type { Ctx } from './tables.js';

/** The module's API at /api/berita: each resource's router, chained. */
export function beritaApi(ctx: Ctx) {
  return createRouter().route('/', reading(ctx)).route('/', newsroom(ctx)).route('/', collector(ctx)).route('/', images(ctx));
}

/** The type the browser's typed client is made from (a type-only import, so no server code reaches the browser). */
export type BeritaApi = ReturnType<typeof beritaApi>;
