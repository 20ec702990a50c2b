import { createRouter } from '@kota-kit/core/server';
import { employer } from './routes/employer.js';
import { mine } from './routes/me.js';
import { officer } from './routes/officer.js';
import { publicData } from './routes/public.js';
import { vacancies } from './routes/vacancies.js';
import type { Ctx } from './tables.js';

/** The module's API at /api/pencaker: each resource's router, chained. */
export function pencakerApi(ctx: Ctx) {
  return createRouter().route('/', vacancies(ctx)).route('/', mine(ctx)).route('/', employer(ctx)).route('/', officer(ctx)).route('/', publicData(ctx));
}

/** The type the browser's typed client is made from (a type-only import). */
export type PencakerApi = ReturnType<typeof pencakerApi>;
