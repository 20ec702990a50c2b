/** Open311 API keys for third-party clients: created and revoked by the central room, shown once, stored hashed. */
import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { open311KeyCreatedSchema, open311KeyCreateSchema, open311KeySchema } from '../../schemas.js';
import { isUuid, newSecret, sha256 } from '../services/tickets.js';
import type { Ctx, LaksaTables } from '../tables.js';
import type { Selectable } from '@kota-kit/core/server';
import { idParam, json, jsonBody, officerTags } from './common.js';

const list = createRoute({
  method: 'get',
  path: '/open311-keys',
  tags: officerTags,
  summary: 'Open311 API keys (central room or admin)',
  responses: { 200: json(z.object({ keys: z.array(open311KeySchema) }), 'Keys, without the secrets'), ...errorResponses(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/open311-keys',
  tags: officerTags,
  summary: 'Create an Open311 API key for a third-party client; the key is shown only in this answer',
  request: { body: jsonBody(open311KeyCreateSchema) },
  responses: { 201: json(open311KeyCreatedSchema, 'The new key'), ...errorResponses(400, 401, 403) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/open311-keys/{id}',
  tags: officerTags,
  summary: 'Revoke an Open311 API key',
  request: { params: idParam },
  responses: { 200: json(open311KeySchema, 'Revoked'), ...errorResponses(400, 401, 403, 404) },
});

const keyView = (row: Selectable<LaksaTables['laksa_open311_keys']>) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
});

export function open311Keys(ctx: Ctx) {
  return createRouter()
    .openapi(list, async (c) => {
      ctx.access.requireRole(c, 'verifier');
      const rows = await ctx.db.selectFrom('laksa_open311_keys').selectAll().orderBy('created_at', 'desc').execute();
      return c.json({ keys: rows.map(keyView) }, 200);
    })
    .openapi(create, async (c) => {
      const user = ctx.access.requireRole(c, 'verifier');
      const key = `lks_${newSecret(24)}`;
      const { name } = c.req.valid('json');
      const row = await ctx.unitOfWork(c, async (work) => {
        const inserted = await work.db
          .insertInto('laksa_open311_keys')
          .values({ name, key_hash: sha256(key), prefix: key.slice(0, 8), created_at: ctx.clock.now(), created_by: user.name, last_used_at: null, revoked_at: null })
          .returningAll()
          .executeTakeFirstOrThrow();
        await work.audit({ action: 'open311-key.create', subjectType: 'open311-key', subjectId: inserted.id, after: { name: inserted.name, prefix: inserted.prefix } });
        return inserted;
      });
      return c.json({ ...keyView(row), key }, 201);
    })
    .openapi(revoke, async (c) => {
      ctx.access.requireRole(c, 'verifier');
      const { id } = c.req.valid('param');
      const row = await ctx.unitOfWork(c, async (work) => {
        const revoked = isUuid(id)
          ? await work.db.updateTable('laksa_open311_keys').set({ revoked_at: ctx.clock.now() }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst()
          : undefined;
        if (!revoked) throw problems.notFound('No active key with this id.');
        await work.audit({ action: 'open311-key.revoke', subjectType: 'open311-key', subjectId: revoked.id, before: { name: revoked.name, prefix: revoked.prefix } });
        return revoked;
      });
      return c.json(keyView(row), 200);
    });
}
