/** The newsroom's API: articles through their workflow, corrections, revisions and their comparison. */
import { createRoute, createRouter, errorResponses, problems } from '@kota-kit/core/server';
import {
  actionInputSchema,
  articleIdParams,
  articleInputSchema,
  correctionInputSchema,
  newsroomArticleSchema,
  newsroomListQuerySchema,
  newsroomListSchema,
  revisionDiffQuerySchema,
  revisionDiffSchema,
  revisionListSchema,
} from '../../schemas/articles.js';
import { findArticle, newsroomList } from '../queries/articles.js';
import { actOn, addCorrection, createArticle, newsroomView, updateArticle } from '../services/articles.js';
import { compareRevisions, listRevisions } from '../services/revisions.js';
import { isWriter, newsroomAgencies } from '../services/workflow-rules.js';
import type { Ctx } from '../tables.js';
import { json, tags } from './common.js';

const officer = errorResponses(400, 401, 403, 404);
const body = <T extends Parameters<typeof json>[0]>(schema: T) => ({ body: { required: true, content: json(schema) } });

const list = createRoute({
  method: 'get',
  path: '/newsroom/articles',
  tags,
  summary: "The articles of the officer's agencies (every agency for the newsroom's editors), 20 a page, with counts per status",
  request: { query: newsroomListQuerySchema },
  responses: { 200: { description: 'Articles', content: json(newsroomListSchema) }, ...errorResponses(400, 401, 403) },
});
const create = createRoute({
  method: 'post',
  path: '/newsroom/articles',
  tags,
  summary: "Start a draft for an agency (the agency's writer or editor); the body is sanitised",
  request: body(articleInputSchema),
  responses: { 201: { description: 'The draft', content: json(newsroomArticleSchema) }, ...officer },
});
const one = createRoute({
  method: 'get',
  path: '/newsroom/articles/{id}',
  tags,
  summary: 'An article with its workflow, corrections and what the officer may do',
  request: { params: articleIdParams },
  responses: { 200: { description: 'The article', content: json(newsroomArticleSchema) }, ...officer },
});
const update = createRoute({
  method: 'put',
  path: '/newsroom/articles/{id}',
  tags,
  summary: 'Save a new revision (writers while draft or changes requested; editors always)',
  request: { params: articleIdParams, ...body(articleInputSchema) },
  responses: { 200: { description: 'Saved', content: json(newsroomArticleSchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});
const act = createRoute({
  method: 'post',
  path: '/newsroom/articles/{id}/actions',
  tags,
  summary: 'Move the article on: submit, request-changes (with a comment), approve, schedule (with a time), unschedule, publish',
  request: { params: articleIdParams, ...body(actionInputSchema) },
  responses: { 200: { description: 'Done', content: json(newsroomArticleSchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});
const correct = createRoute({
  method: 'post',
  path: '/newsroom/articles/{id}/corrections',
  tags,
  summary: 'Add a correction to a published article; it is shown on the article with its date',
  request: { params: articleIdParams, ...body(correctionInputSchema) },
  responses: { 201: { description: 'Added', content: json(newsroomArticleSchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});
const revisions = createRoute({
  method: 'get',
  path: '/newsroom/articles/{id}/revisions',
  tags,
  summary: 'Every kept revision, newest first',
  request: { params: articleIdParams },
  responses: { 200: { description: 'Revisions', content: json(revisionListSchema) }, ...officer },
});
const diff = createRoute({
  method: 'get',
  path: '/newsroom/articles/{id}/diff',
  tags,
  summary: 'Two revisions compared word by word',
  request: { params: articleIdParams, query: revisionDiffQuerySchema },
  responses: { 200: { description: 'The differences', content: json(revisionDiffSchema) }, ...officer },
});

export function newsroom(ctx: Ctx) {
  return createRouter()
    .openapi(list, async (c) => {
      const user = ctx.access.requireRole(c, ['writer', 'editor']);
      const { status, q, page } = c.req.valid('query');
      const pageSize = 20;
      const { rows, counts, total } = await newsroomList(ctx.db, { agencies: newsroomAgencies(ctx, user), status, q, page, pageSize });
      return c.json(
        {
          items: rows.map((row) => ({ id: row.id, slug: row.slug, status: row.status, agencyId: row.agency_id, category: row.category, title: row.title, authorName: row.author_name, updatedAt: row.updated_at.toISOString(), scheduledAt: row.scheduled_at?.toISOString() ?? null, publishedAt: row.published_at?.toISOString() ?? null })),
          counts,
          page,
          pages: Math.max(1, Math.ceil(total / pageSize)),
        },
        200,
      );
    })
    .openapi(create, async (c) => c.json(await createArticle(ctx, c, c.req.valid('json')), 201))
    .openapi(one, async (c) => {
      const user = ctx.access.requireRole(c, ['writer', 'editor']);
      const { id } = c.req.valid('param');
      const row = await findArticle(ctx.db, id);
      if (!row || !isWriter(ctx, user, row.agency_id)) throw problems.notFound(`No article ${id}.`);
      return c.json(await newsroomView(ctx, user, row), 200);
    })
    .openapi(update, async (c) => c.json(await updateArticle(ctx, c, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(act, async (c) => c.json(await actOn(ctx, c, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(correct, async (c) => c.json(await addCorrection(ctx, c, c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(revisions, async (c) => c.json(await listRevisions(ctx, c, c.req.valid('param').id), 200))
    .openapi(diff, async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await compareRevisions(ctx, c, c.req.valid('param').id, from, to), 200);
    });
}
