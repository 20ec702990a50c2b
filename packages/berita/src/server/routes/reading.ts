/** The readers' API: the list (with search) and one article. */
import { createRoute, createRouter, errorResponses } from '@kota-kit/core/server';
import { publicArticleSchema, publicListQuerySchema, publicListSchema, slugParams } from '../../schemas/articles.js';
import { readArticle, readList } from '../services/reading.js';
import type { Ctx } from '../tables.js';
import { json, publicCache, tags } from './common.js';

const list = createRoute({
  method: 'get',
  path: '/articles',
  tags,
  summary: 'Published articles and collected items, pinned first then newest; by category, tag or a search in Indonesian',
  request: { query: publicListQuerySchema },
  responses: { 200: { description: 'A page of the list', content: json(publicListSchema) }, ...errorResponses(400) },
});

const one = createRoute({
  method: 'get',
  path: '/articles/{slug}',
  tags,
  summary: 'A published article with its corrections and related articles',
  request: { params: slugParams },
  responses: { 200: { description: 'The article', content: json(publicArticleSchema) }, ...errorResponses(400, 404) },
});

export function reading(ctx: Ctx) {
  return createRouter()
    .openapi(list, ctx.publicAnswer(async (c) => c.json(await readList(ctx, c.req.valid('query')), 200, publicCache)))
    .openapi(one, ctx.publicAnswer(async (c) => c.json(await readArticle(ctx, c.req.valid('param').slug), 200, publicCache)));
}
