/** Photos, served only to those who may see their report. */
import { createRoute, createRouter, errorResponses, problems, z } from '@kota-kit/core/server';
import { findById } from '../queries/reports.js';
import { canSeeAsOfficer, isPublic, officerScope } from '../services/privacy.js';
import { isUuid, sha256 } from '../services/tickets.js';
import type { Ctx } from '../tables.js';
import { idParam, tags } from './common.js';

const photo = createRoute({
  method: 'get',
  path: '/photos/{id}',
  tags,
  summary: 'A photo (JPEG without metadata), if its report is visible to the caller',
  description: 'Public reports: anyone. Otherwise an officer who may see the report, or the reporter with `?token=` (the tracking token).',
  request: { params: idParam, query: z.object({ token: z.string().max(100).optional() }) },
  responses: { 200: { description: 'The image', content: { 'image/jpeg': { schema: z.string() } } }, ...errorResponses(400, 404) },
});

export function photos(ctx: Ctx) {
  return createRouter().openapi(photo, async (c) => {
    const { id } = c.req.valid('param');
    const { token } = c.req.valid('query');
    const row = isUuid(id) ? await ctx.db.selectFrom('laksa_photos').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    const report = row ? await findById(ctx.db, row.report_id) : undefined;
    if (!row || !report) throw problems.notFound();
    const open = isPublic(report);
    const scope = officerScope(ctx, c.get('user'));
    const allowed = open || (scope && canSeeAsOfficer(scope, report)) || (token && sha256(token) === report.tracking_hash);
    if (!allowed) throw problems.notFound();
    const stored = await ctx.storage.get(row.storage_key);
    if (!stored) throw problems.notFound();
    return c.body(new Uint8Array(stored.data), 200, { 'content-type': 'image/jpeg', 'cache-control': open ? 'public, max-age=3600' : 'private, no-store' });
  });
}

/** Of upload keys under "laksa/", those a photo row refers to (for core's janitor). */
export async function liveUploads(ctx: Ctx, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await ctx.db.selectFrom('laksa_photos').select('storage_key').where('storage_key', 'in', keys).execute();
  return rows.map((row) => row.storage_key);
}
