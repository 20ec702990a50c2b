/** Article images: upload (writers, editors) and the stored widths (anyone: they belong to public articles). */
import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { storageKey, uploadImage } from '../services/images.js';
import type { Ctx } from '../tables.js';
import { json, tags } from './common.js';

const upload = createRoute({
  method: 'post',
  path: '/newsroom/images',
  tags,
  summary: 'Upload a picture (JPEG, PNG or WebP, field "file"); it is re-encoded without metadata and stored at a few widths',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
  responses: { 201: { description: 'Stored', content: json(z.object({ key: z.string(), width: z.number().int(), height: z.number().int() })) }, ...errorResponses(400, 401, 403, 429) },
});

const file = createRoute({
  method: 'get',
  path: '/images/{key}/{file}',
  tags,
  summary: 'One width of a picture ("800.jpg")',
  request: { params: z.object({ key: z.string().regex(/^[a-f0-9]{32}$/), file: z.string().regex(/^\d{2,4}\.jpg$/) }) },
  responses: { 200: { description: 'The picture', content: { 'image/jpeg': { schema: z.string() } } }, ...errorResponses(400, 404) },
});

export function images(ctx: Ctx) {
  return createRouter()
    .openapi(upload, async (c) => c.json(await uploadImage(ctx, c), 201))
    .openapi(file, async (c) => {
      const { key, file: name } = c.req.valid('param');
      const stored = await ctx.storage.get(storageKey(key, Number(name.slice(0, -4))));
      if (!stored) throw problems.notFound();
      // A key never points to other bytes: the picture may be kept for a year.
      return c.body(new Uint8Array(stored.data), 200, { 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=31536000, immutable' });
    });
}
