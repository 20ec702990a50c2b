import { agencyOpenStatuses, todayOf, verifierStatuses } from '../services/calendar.js';
import { overdueEvent } from '../services/workflow.js';
import { insertEvent } from '../queries/events.js';
import type { Ctx } from '../tables.js';

/**
 * Flags reports past a deadline (verification by the central room, or the agency's), once per report and
 * deadline: records an internal system note (a code, translated when shown) and emits `laksa.report.overdue`
 * after the commit, so the region can escalate to the admin. A deadline is past once its due date (working
 * days, region holidays skipped) has ended in the region's time zone.
 */
export async function flagOverdue(ctx: Ctx): Promise<number> {
  const today = todayOf(ctx);
  const now = ctx.clock.now();
  let flagged = 0;
  for (const deadline of ['verification', 'agency'] as const) {
    const rows = await ctx.unitOfWork({ actor: null }, async (work) => {
      // The update claims each report, so two processes never escalate the same one twice.
      const claimed =
        deadline === 'verification'
          ? await work.db
              .updateTable('laksa_reports')
              .set({ verify_overdue_at: now })
              .where('status', 'in', verifierStatuses)
              .where('verify_due', '<', today)
              .where('verify_overdue_at', 'is', null)
              .returning(['id', 'ticket', 'status', 'agency_id', 'verify_due as due'])
              .execute()
          : await work.db
              .updateTable('laksa_reports')
              .set({ agency_overdue_at: now })
              .where('status', 'in', agencyOpenStatuses)
              .where('agency_due', '<', today)
              .where('agency_overdue_at', 'is', null)
              .returning(['id', 'ticket', 'status', 'agency_id', 'agency_due as due'])
              .execute();
      for (const row of claimed) {
        const dueDate = row.due ?? '';
        await insertEvent(work.db, {
          reportId: row.id,
          at: now,
          kind: 'note',
          from: row.status,
          to: row.status,
          // A verified report waiting to be forwarded is late for forwarding, not for verification.
          code: { code: deadline === 'agency' ? 'overdue.agency' : row.status === 'verified' ? 'overdue.forwarding' : 'overdue.verification', params: { dueDate } },
          internal: true,
          actor: 'system',
        });
        work.emit(overdueEvent, { ticket: row.ticket, status: row.status, deadline, dueDate, agency: deadline === 'verification' ? ctx.options.verifierAgency : row.agency_id });
      }
      return claimed;
    });
    for (const row of rows) ctx.log.warn('report overdue', { ticket: row.ticket, deadline, dueDate: row.due });
    flagged += rows.length;
  }
  return flagged;
}
