import { createRoute, createRouter } from '@kota-kit/core/server';
import { categoriesResponseSchema } from '../../schemas.js';
import { regionKecamatan } from '../services/reports.js';
import type { Ctx } from '../tables.js';
import { json, tags } from './common.js';

const listCategories = createRoute({
  method: 'get',
  path: '/categories',
  tags,
  summary: 'Categories (each routed to an agency, with its deadline), kecamatan and upload limits',
  responses: { 200: json(categoriesResponseSchema, 'Categories') },
});

export function categories(ctx: Ctx) {
  const { options } = ctx;
  return createRouter().openapi(listCategories, (c) => {
    c.header('cache-control', 'public, max-age=300');
    const list = options.categories.map((category) => {
      const agency = ctx.region.agencies.find((item) => item.id === category.agency)!;
      return {
        id: category.id,
        name: category.name,
        ...(category.description ? { description: category.description } : {}),
        types: category.types,
        agency: { id: agency.id, shortName: agency.shortName, name: agency.name },
        deadlineWorkingDays: category.deadlineWorkingDays,
      };
    });
    return c.json({ categories: list, kecamatan: [...regionKecamatan(ctx)], maxPhotos: options.maxPhotos, maxPhotoBytes: options.maxPhotoBytes, askNik: options.askNik }, 200);
  });
}
