import { createRouter } from '@kota-kit/core/server';
import { notices } from './routes/notices.js';
import type { Ctx } from './tables.js';

/** The module's API at /api/module-template: each resource's router, chained. */
export function moduleTemplateApi(ctx: Ctx) {
  return createRouter().route('/', notices(ctx));
}

/** The type the browser's typed client is made from (a type-only import, so no server code reaches the browser). */
export type ModuleTemplateApi = ReturnType<typeof moduleTemplateApi>;
