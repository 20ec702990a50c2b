/** The rules of notices: who may publish or withdraw, and what is recorded. Every write is one unit of work. */
import { problems, type RequestContext } from '@kota-kit/core/server';
import type { NoticeInput } from '../../schemas/notices.js';
import { findNotice, insertNotice, toNotice, withdrawNotice } from '../queries/notices.js';
import type { Ctx } from '../tables.js';

export async function publishNotice(ctx: Ctx, c: RequestContext, input: NoticeInput) {
  if (!ctx.region.agencies.some((agency) => agency.id === input.agencyId)) {
    throw problems.invalid([{ field: 'body.agencyId', message: `Unknown agency "${input.agencyId}".` }]);
  }
  const editor = ctx.access.requireRole(c, 'editor', input.agencyId);
  return ctx.unitOfWork(c, async (work) => {
    const notice = toNotice(await insertNotice(work.db, { ...input, createdBy: editor.id, at: ctx.clock.now() }));
    await work.audit({ action: 'notice.publish', subjectType: 'notice', subjectId: String(notice.id), agencyId: notice.agencyId, after: notice });
    work.emit('notice.published', { id: notice.id, agencyId: notice.agencyId, title: notice.title });
    return notice;
  });
}

export async function withdraw(ctx: Ctx, c: RequestContext, id: number) {
  const existing = await findNotice(ctx.db, id);
  if (!existing || existing.withdrawn_at) throw problems.notFound(`No published notice ${id}.`);
  ctx.access.requireRole(c, 'editor', existing.agency_id);
  await ctx.unitOfWork(c, async (work) => {
    // Checked again inside the transaction: two editors withdrawing at once give one withdrawal and one 404.
    const row = await withdrawNotice(work.db, id, ctx.clock.now());
    if (!row) throw problems.notFound(`No published notice ${id}.`);
    await work.audit({ action: 'notice.withdraw', subjectType: 'notice', subjectId: String(id), agencyId: row.agency_id, before: toNotice(existing) });
  });
}
