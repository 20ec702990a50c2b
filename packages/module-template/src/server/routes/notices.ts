/** The notices resource: route definitions and their handlers of a few lines, chained so the browser client is typed. */
import { createRoute, createRouter, errorResponses, z } from '@kota-kit/core/server';
import { noticeInputSchema, noticeListQuerySchema, noticePageSchema, noticeSchema } from '../../schemas/notices.js';
import { listNotices, toNotice } from '../queries/notices.js';
import { publishNotice, withdraw } from '../services/notices.js';
import type { Ctx } from '../tables.js';

const tags = ['module-template'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const list = createRoute({
  method: 'get',
  path: '/notices',
  tags,
  summary: 'Published notices, newest first, a page at a time',
  request: { query: noticeListQuerySchema },
  responses: { 200: { description: 'A page of notices', content: json(noticePageSchema) }, ...errorResponses(400) },
});

const publish = (maxLength: number) =>
  createRoute({
    method: 'post',
    path: '/notices',
    tags,
    summary: "Publish a notice for an agency (the agency's editor)",
    request: { body: { required: true, content: json(noticeInputSchema.extend({ body: noticeInputSchema.shape.body.max(maxLength) })) } },
    responses: { 201: { description: 'Published', content: json(noticeSchema) }, ...errorResponses(400, 401, 403) },
  });

const remove = createRoute({
  method: 'delete',
  path: '/notices/{id}',
  tags,
  summary: "Withdraw a notice (the agency's editor); it stays in the audit log",
  request: { params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }) },
  responses: { 204: { description: 'Withdrawn' }, ...errorResponses(400, 401, 403, 404) },
});

export function notices(ctx: Ctx) {
  return createRouter()
    // The same answer for every visitor: core keeps it in memory with an ETag until a write to this module's tables.
    .openapi(
      list,
      ctx.publicAnswer(async (c) => {
        const { page, agency } = c.req.valid('query');
        const { rows, total } = await listNotices(ctx.db, { page, agency, pageSize: ctx.options.pageSize });
        return c.json({ notices: rows.map(toNotice), page, pages: Math.max(1, Math.ceil(total / ctx.options.pageSize)) }, 200);
      }),
    )
    .openapi(publish(ctx.options.maxLength), async (c) => c.json(await publishNotice(ctx, c, c.req.valid('json')), 201))
    .openapi(remove, async (c) => {
      await withdraw(ctx, c, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
