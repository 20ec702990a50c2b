import type { z } from '@kota-kit/core/server';

export const tags = ['berita'];
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
/** Public answers the same for everyone: the service worker keeps them for offline reading, caches may too. */
export const publicCache = { 'cache-control': 'public, max-age=60' };
