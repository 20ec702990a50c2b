/** Collected sources and their items, managed by the newsroom agency's editors. */
import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { collectedListQuerySchema, collectedListSchema, collectedUpdateSchema, sourceInputSchema, sourceListSchema, sourceSchema } from '../../schemas/collector.js';
import { fetchSource } from '../services/collector.js';
import type { BeritaTables, Ctx } from '../tables.js';
import { json, tags } from './common.js';
import type { RequestContext, Selectable } from '@kota-kit/core/server';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const officer = errorResponses(400, 401, 403, 404);

const toSource = (row: Selectable<BeritaTables['berita_sources']>) => ({
  id: row.id,
  name: row.name,
  url: row.url,
  category: row.category,
  enabled: row.enabled,
  lastFetchedAt: row.last_fetched_at?.toISOString() ?? null,
  lastSuccessAt: row.last_success_at?.toISOString() ?? null,
  lastError: row.last_error,
  lastErrorAt: row.last_error_at?.toISOString() ?? null,
  itemCount: row.item_count,
});

const listSources = createRoute({ method: 'get', path: '/newsroom/sources', tags, summary: 'Collected sources with their last success, last error and item count', responses: { 200: { description: 'Sources', content: json(sourceListSchema) }, ...errorResponses(401, 403) } });
const addSource = createRoute({ method: 'post', path: '/newsroom/sources', tags, summary: 'Add a source (RSS 2.0, Atom 1.0 or JSON Feed 1.1 URL)', request: { body: { required: true, content: json(sourceInputSchema) } }, responses: { 201: { description: 'Added', content: json(sourceSchema) }, ...errorResponses(400, 401, 403, 409) } });
const editSource = createRoute({ method: 'put', path: '/newsroom/sources/{id}', tags, summary: 'Change a source (name, URL, category, on/off)', request: { params: idParams, body: { required: true, content: json(sourceInputSchema) } }, responses: { 200: { description: 'Changed', content: json(sourceSchema) }, ...errorResponses(400, 401, 403, 404, 409) } });
const fetchNow = createRoute({ method: 'post', path: '/newsroom/sources/{id}/fetch', tags, summary: 'Fetch a source now', request: { params: idParams }, responses: { 200: { description: 'The source after the fetch', content: json(sourceSchema) }, ...officer } });
const listItems = createRoute({ method: 'get', path: '/newsroom/items', tags, summary: 'Collected items, newest first, hidden ones included', request: { query: collectedListQuerySchema }, responses: { 200: { description: 'Items', content: json(collectedListSchema) }, ...errorResponses(400, 401, 403) } });
const editItem = createRoute({ method: 'patch', path: '/newsroom/items/{id}', tags, summary: 'Hide or pin a collected item', request: { params: idParams, body: { required: true, content: json(collectedUpdateSchema) } }, responses: { 200: { description: 'Changed', content: json(collectedListSchema.shape.items.element) }, ...officer } });

export function collector(ctx: Ctx) {
  const requireNewsroom = (c: RequestContext) => ctx.access.requireRole(c, 'editor', ctx.options.newsroomAgency);
  const checkCategory = (category: string) => {
    if (!ctx.options.categories.some((item) => item.slug === category)) throw problems.invalid([{ field: 'body.category', message: { en: `Unknown category "${category}".`, id: `Kategori "${category}" tidak dikenal.` } }]);
  };
  const urlTaken = async (url: string, except?: number) => {
    const row = await ctx.db.selectFrom('berita_sources').select('id').where('url', '=', url).executeTakeFirst();
    if (row && row.id !== except) throw problems.conflict('A source with this URL exists.');
  };
  const itemsQuery = () =>
    ctx.db
      .selectFrom('berita_items as i')
      .innerJoin('berita_sources as s', 's.id', 'i.source_id')
      .select(['i.id', 'i.source_id', 's.name as source_name', 'i.title', 'i.summary', 'i.url', 'i.image_url', 'i.image_key', 'i.published_at', 'i.hidden', 'i.pinned']);
  type ItemRow = Awaited<ReturnType<ReturnType<typeof itemsQuery>['executeTakeFirstOrThrow']>>;
  const toItem = (row: ItemRow) => ({ id: row.id, sourceId: row.source_id, sourceName: row.source_name, title: row.title, summary: row.summary, url: row.url, imageUrl: row.image_url, publishedAt: row.published_at.toISOString(), hidden: row.hidden, pinned: row.pinned });

  return createRouter()
    .openapi(listSources, async (c) => {
      requireNewsroom(c);
      const rows = await ctx.db.selectFrom('berita_sources').selectAll().orderBy('name').execute();
      return c.json({ sources: rows.map(toSource) }, 200);
    })
    .openapi(addSource, async (c) => {
      requireNewsroom(c);
      const input = c.req.valid('json');
      checkCategory(input.category);
      await urlTaken(input.url);
      const row = await ctx.unitOfWork(c, async (work) => {
        const created = await work.db.insertInto('berita_sources').values({ name: input.name, url: input.url, category: input.category, enabled: input.enabled, created_at: ctx.clock.now() }).returningAll().executeTakeFirstOrThrow();
        await work.audit({ action: 'source.create', subjectType: 'source', subjectId: String(created.id), agencyId: ctx.options.newsroomAgency, after: input });
        return created;
      });
      return c.json(toSource(row), 201);
    })
    .openapi(editSource, async (c) => {
      requireNewsroom(c);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      checkCategory(input.category);
      await urlTaken(input.url, id);
      const row = await ctx.unitOfWork(c, async (work) => {
        const before = await work.db.selectFrom('berita_sources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw problems.notFound(`No source ${id}.`);
        // A new address starts without the old one's validators.
        const moved = before.url !== input.url;
        const updated = await work.db
          .updateTable('berita_sources')
          .set({ name: input.name, url: input.url, category: input.category, enabled: input.enabled, ...(moved ? { etag: null, last_modified: null } : {}) })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await work.audit({ action: 'source.update', subjectType: 'source', subjectId: String(id), agencyId: ctx.options.newsroomAgency, before: toSource(before), after: input });
        return updated;
      });
      return c.json(toSource(row), 200);
    })
    .openapi(fetchNow, async (c) => {
      requireNewsroom(c);
      const { id } = c.req.valid('param');
      const source = await ctx.db.selectFrom('berita_sources').selectAll().where('id', '=', id).executeTakeFirst();
      if (!source) throw problems.notFound(`No source ${id}.`);
      await ctx.rateLimit.hit(`berita:fetch:${id}`, 10, 60);
      await fetchSource(ctx, source);
      return c.json(toSource(await ctx.db.selectFrom('berita_sources').selectAll().where('id', '=', id).executeTakeFirstOrThrow()), 200);
    })
    .openapi(listItems, async (c) => {
      requireNewsroom(c);
      const { source } = c.req.valid('query');
      let query = itemsQuery();
      if (source) query = query.where('i.source_id', '=', source);
      const rows = await query.orderBy('i.pinned', 'desc').orderBy('i.published_at', 'desc').limit(200).execute();
      return c.json({ items: rows.map(toItem) }, 200);
    })
    .openapi(editItem, async (c) => {
      requireNewsroom(c);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await ctx.unitOfWork(c, async (work) => {
        const updated = await work.db.updateTable('berita_items').set({ ...(input.hidden !== undefined ? { hidden: input.hidden } : {}), ...(input.pinned !== undefined ? { pinned: input.pinned } : {}) }).where('id', '=', id).returning('id').executeTakeFirst();
        if (!updated) throw problems.notFound(`No collected item ${id}.`);
        await work.audit({ action: 'item.update', subjectType: 'collected-item', subjectId: String(id), agencyId: ctx.options.newsroomAgency, after: input });
        return work.db
          .selectFrom('berita_items as i')
          .innerJoin('berita_sources as s', 's.id', 'i.source_id')
          .select(['i.id', 'i.source_id', 's.name as source_name', 'i.title', 'i.summary', 'i.url', 'i.image_url', 'i.image_key', 'i.published_at', 'i.hidden', 'i.pinned'])
          .where('i.id', '=', id)
          .executeTakeFirstOrThrow();
      });
      return c.json(toItem(row), 200);
    });
}
