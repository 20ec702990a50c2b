import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../core-tables.js';
import { ProblemError } from '../http.js';
import type { RateLimit } from '../module.js';
import type { Clock } from '../services.js';

/** Fixed-window rate limit counted in the database, so it holds across server processes. */
export function createRateLimit(db: Kysely<CoreTables>, clock: Clock): RateLimit {
  const windowOf = (windowSeconds: number) => {
    const now = clock.now();
    return { now, windowStart: new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000) };
  };
  const tooMany = (now: Date, windowStart: Date, windowSeconds: number) => {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
    return new ProblemError(429, 'Too many requests', {
      type: 'https://kota-kit.dev/problems/rate-limited',
      detail: `Too many attempts. Try again in ${retryAfter} seconds.`,
      headers: { 'retry-after': String(retryAfter) },
    });
  };
  return {
    async check(key, limit, windowSeconds) {
      const { now, windowStart } = windowOf(windowSeconds);
      const row = await db.selectFrom('core_rate_limits').select('hits').where('key', '=', key).where('window_start', '=', windowStart).executeTakeFirst();
      if ((row?.hits ?? 0) >= limit) throw tooMany(now, windowStart, windowSeconds);
    },
    async hit(key, limit, windowSeconds) {
      const { now, windowStart } = windowOf(windowSeconds);
      const row = await db
        .insertInto('core_rate_limits')
        .values({ key, window_start: windowStart, hits: 1 })
        .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql<number>`core_rate_limits.hits + 1` }))
        .returning('hits')
        .executeTakeFirstOrThrow();
      if (row.hits > limit) throw tooMany(now, windowStart, windowSeconds);
    },
  };
}
