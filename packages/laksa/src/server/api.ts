/**
 * LAKSA's API, mounted at /api/laksa: one router per resource, chained so that the browser's typed client
 * (`createApiClient<LaksaApi>('laksa')`) is typed by these very routes.
 */
import { createRouter } from '@kota-kit/core/server';
import { actions } from './routes/actions.js';
import { categories } from './routes/categories.js';
import { exports } from './routes/export.js';
import { inbox } from './routes/inbox.js';
import { mine } from './routes/mine.js';
import { open311Keys } from './routes/open311-keys.js';
import { photos } from './routes/photos.js';
import { reports } from './routes/reports.js';
import { statistic } from './routes/stats.js';
import { tracking } from './routes/tracking.js';
import type { Ctx } from './tables.js';

export function laksaApi(ctx: Ctx) {
  return createRouter()
    .route('/', categories(ctx))
    .route('/', reports(ctx))
    .route('/', tracking(ctx))
    .route('/', mine(ctx))
    .route('/', photos(ctx))
    .route('/', statistic(ctx))
    .route('/', inbox(ctx))
    .route('/', actions(ctx))
    .route('/', exports(ctx))
    .route('/', open311Keys(ctx));
}

export type LaksaApi = ReturnType<typeof laksaApi>;
