import { workingDaysSince } from '../services/calendar.js';
import { transition } from '../services/workflow.js';
import type { Ctx } from '../tables.js';

/** Closes resolved reports whose reporter did not react within `autoCloseAfterWorkingDays` working days. */
export async function autoClose(ctx: Ctx): Promise<number> {
  const rows = await ctx.db.selectFrom('laksa_reports').select(['id', 'resolved_at']).where('status', '=', 'resolved').execute();
  const days = ctx.options.autoCloseAfterWorkingDays;
  let closed = 0;
  for (const row of rows) {
    if (!row.resolved_at || workingDaysSince(ctx, row.resolved_at) <= days) continue;
    try {
      await transition(ctx, { actor: null }, { kind: 'system', user: null }, row.id, {
        rule: 'close',
        code: { code: 'closed.automatically', params: { days } },
        set: (_row, now) => ({ closed_at: now }),
      });
      closed++;
    } catch (error) {
      // Reopened meanwhile: nothing to close.
      ctx.log.debug('auto-close skipped', { report: row.id, error });
    }
  }
  return closed;
}
