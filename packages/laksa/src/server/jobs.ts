import type { Job } from '@kota-kit/core/server';
import type { LaksaOptions } from '../index.js';
import { agencyOpenStatuses, database, todayOf, verifierStatuses, workingDaysSince, type Ctx } from './db.js';
import { overdueEvent, transition } from './service.js';

/**
 * Flags reports past a deadline (verification by the central room, or the agency's), once per report and
 * deadline: records an internal note and emits `laksa.report.overdue` so the region can escalate to the admin.
 * A deadline is past once its due date (working days, region holidays skipped) has ended in the region's time zone.
 */
export async function flagOverdue(ctx: Ctx): Promise<number> {
  const db = database(ctx);
  const today = todayOf(ctx);
  const now = ctx.clock.now();
  let flagged = 0;
  for (const deadline of ['verification', 'agency'] as const) {
    const dueColumn = deadline === 'verification' ? 'verify_due' : 'agency_due';
    const flagColumn = deadline === 'verification' ? 'verify_overdue_at' : 'agency_overdue_at';
    // The update claims each report, so two processes never escalate the same one twice.
    const rows = await db
      .updateTable('laksa_reports')
      .set({ [flagColumn]: now })
      .where('status', 'in', deadline === 'verification' ? verifierStatuses : agencyOpenStatuses)
      .where(dueColumn, '<', today)
      .where(flagColumn, 'is', null)
      .returning(['id', 'ticket', 'status', 'agency_id', dueColumn])
      .execute();
    for (const row of rows) {
      const dueDate = (row as Record<string, unknown>)[dueColumn] as string;
      await db
        .insertInto('laksa_events')
        .values({
          report_id: row.id,
          at: now,
          kind: 'note',
          from_status: row.status,
          to_status: row.status,
          note: deadline === 'verification' ? `Melewati tenggat verifikasi (${dueDate}) / Verification overdue` : `Melewati tenggat tindak lanjut OPD (${dueDate}) / Agency response overdue`,
          internal: true,
          actor_kind: 'system',
          actor_id: null,
          actor_name: null,
          agency_id: null,
        })
        .execute();
      await ctx.emit(overdueEvent, {
        ticket: row.ticket,
        status: row.status,
        deadline,
        dueDate,
        agency: deadline === 'verification' ? ctx.options.verifierAgency : row.agency_id,
      });
      ctx.log.warn('report overdue', { ticket: row.ticket, deadline, dueDate });
      flagged++;
    }
  }
  return flagged;
}

/** Closes resolved reports whose reporter did not react within `autoCloseAfterWorkingDays` working days. */
export async function autoClose(ctx: Ctx): Promise<number> {
  const db = database(ctx);
  const rows = await db.selectFrom('laksa_reports').select(['id', 'resolved_at']).where('status', '=', 'resolved').execute();
  let closed = 0;
  for (const row of rows) {
    if (!row.resolved_at || workingDaysSince(ctx, row.resolved_at) <= ctx.options.autoCloseAfterWorkingDays) continue;
    try {
      await transition(ctx, { actor: null }, { kind: 'system', user: null }, row.id, {
        action: 'close',
        from: ['resolved'],
        to: 'closed',
        kind: 'status',
        note: `Ditutup otomatis setelah ${ctx.options.autoCloseAfterWorkingDays} hari kerja tanpa tanggapan / Closed automatically after ${ctx.options.autoCloseAfterWorkingDays} working days without reply`,
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

export const jobs: Job<LaksaOptions>[] = [
  { name: 'overdue', everySeconds: 15 * 60, run: async (ctx) => void (await flagOverdue(ctx)) },
  { name: 'auto-close', everySeconds: 60 * 60, run: async (ctx) => void (await autoClose(ctx)) },
];
