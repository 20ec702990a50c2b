/**
 * What the report form is built from: the region's categories, kecamatan and limits, also offline. Online it
 * asks the API (which the service worker keeps from the app's first start: LAKSA declares `precache`), and keeps
 * the last answer on the phone; offline or on a server error it falls back to that answer, or else to the
 * categories in the page's own public options — so the form never waits for a network that is not there.
 */
import { ApiError, useBootstrap, useQuery } from '@kota-kit/core/client';
import type { CategoriesResponse } from '../schemas.js';
import { api, data } from './api.js';
import { isNetworkError } from './outbox.js';
import { useKecamatan, type PublicOptions } from './shared.js';

export const lastCategoriesKey = 'laksa.categories';

export interface FormConfig extends CategoriesResponse {
  /** Where it came from: the server now, the last answer kept on the phone, or the page's public options. */
  source: 'server' | 'kept' | 'options';
}

function readKept(): CategoriesResponse | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(lastCategoriesKey) ?? 'null') as CategoriesResponse | null;
    return parsed && Array.isArray(parsed.categories) && parsed.categories.length > 0 && Array.isArray(parsed.kecamatan) ? parsed : null;
  } catch {
    return null;
  }
}

function keep(config: CategoriesResponse) {
  try {
    localStorage.setItem(lastCategoriesKey, JSON.stringify(config));
  } catch {
    // Storage blocked: the public options remain the fallback.
  }
}

/** Offline, a server error or the service worker's "offline" answer: use what the phone has. */
export function shouldFallBack(error: unknown): boolean {
  return isNetworkError(error) || (error instanceof ApiError && error.status >= 500);
}

export function useCategories(options: PublicOptions) {
  const bootstrap = useBootstrap();
  const kecamatan = useKecamatan();
  return useQuery({
    queryKey: ['laksa', 'categories'],
    queryFn: async (): Promise<FormConfig> => {
      try {
        const answer = await data(api.categories.$get());
        keep(answer);
        return { ...answer, source: 'server' };
      } catch (error) {
        if (!shouldFallBack(error)) throw error;
        const kept = readKept();
        if (kept) return { ...kept, source: 'kept' };
        const agency = (id: string) => bootstrap.region.agencies.find((entry) => entry.id === id);
        return {
          categories: options.categories.map((category) => ({
            ...category,
            agency: { id: category.agency, shortName: agency(category.agency)?.shortName ?? category.agency, name: agency(category.agency)?.name ?? category.agency },
          })),
          kecamatan: [...kecamatan],
          maxPhotos: options.maxPhotos,
          maxPhotoBytes: options.maxPhotoBytes,
          askNik: options.askNik,
          source: 'options',
        };
      }
    },
    staleTime: 60 * 60_000,
    // Answered from the phone when the network fails, so no retry loop (which pauses offline: a spinner for good).
    retry: false,
    networkMode: 'always',
  });
}
