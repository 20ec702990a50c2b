/**
 * The browser's client of harga pasar's API, typed from the server's route definitions (a type-only import:
 * no server code reaches the browser). Answers that are not 2xx are thrown as core's ApiError.
 */
import { createApiClient, data } from '@kota-kit/core/client';
import type { HargaPasarApi } from '../server/api.js';

export const api = createApiClient<HargaPasarApi>('harga-pasar');

/** Where the open data exports live (plain links, downloaded by the browser itself). */
export const apiBase = '/api/harga-pasar';

/** The board of a day (today without one), as the board page and the home widget ask for it. */
export function boardQuery(date: string | null) {
  return {
    queryKey: ['harga-pasar', 'board', date ?? 'today'],
    // Without a date the URL is the same every day, so the service worker's copy is the latest board seen.
    queryFn: () => data(api.board.$get({ query: date ? { date } : {} })),
    // Ask even when the phone says offline: the service worker answers from its cache.
    networkMode: 'offlineFirst' as const,
  };
}
