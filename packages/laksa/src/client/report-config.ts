/** What the report form is built from: the region's categories, kecamatan and limits, also when offline. */
import { useBootstrap, useQuery } from '@kota-kit/core/client';
import type { CategoriesResponse } from '../schemas.js';
import { api, data } from './api.js';
import { isNetworkError } from './outbox.js';
import { useKecamatan, type PublicOptions } from './shared.js';

/** Categories from the API; offline, from the options the page was started with. */
export function useCategories(options: PublicOptions) {
  const bootstrap = useBootstrap();
  const kecamatan = useKecamatan();
  return useQuery({
    queryKey: ['laksa', 'categories'],
    queryFn: async (): Promise<CategoriesResponse> => {
      try {
        return await data(api.categories.$get());
      } catch (error) {
        if (!isNetworkError(error)) throw error;
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
        };
      }
    },
    staleTime: 60 * 60_000,
    networkMode: 'offlineFirst',
  });
}
