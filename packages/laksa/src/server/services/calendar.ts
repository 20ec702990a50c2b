/** Deadlines in the region's calendar: working days, region holidays skipped, days ending in the region's time zone. */
import { addDays, addWorkingDays, endOfLocalDay, todayIn, workingDaysBetween, localDate } from '@kota-kit/core';
import type { ReportStatus } from '../../schemas.js';
import type { Ctx, ReportRow } from '../tables.js';

export function holidaysOf(ctx: Ctx): Set<string> {
  return new Set(ctx.region.holidays.map((holiday) => holiday.date));
}

export function todayOf(ctx: Ctx): string {
  return todayIn(ctx.region.timeZone, ctx.clock.now());
}

/** The due date `workingDays` working days after `from` (a deadline ends with that day). */
export function dueAfter(ctx: Ctx, from: Date, workingDays: number): string {
  return addWorkingDays(localDate(from, ctx.region.timeZone), workingDays, holidaysOf(ctx));
}

export function isPast(ctx: Ctx, due: string | null): boolean {
  return due !== null && ctx.clock.now().getTime() > endOfLocalDay(due, ctx.region.timeZone).getTime();
}

export function workingDaysSince(ctx: Ctx, instant: Date): number {
  return workingDaysBetween(localDate(instant, ctx.region.timeZone), todayOf(ctx), holidaysOf(ctx));
}

/** The region's calendar days from..to as an instant range [start, end]. */
export function dayRange(ctx: Ctx, from: string, to: string): { start: Date; end: Date } {
  return { start: new Date(endOfLocalDay(addDays(from, -1), ctx.region.timeZone).getTime() + 1), end: endOfLocalDay(to, ctx.region.timeZone) };
}

/** A from/to period with defaults: the 90 days up to today. */
export function period(ctx: Ctx, query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? todayOf(ctx);
  return { from: query.from ?? addDays(to, -89), to };
}

export const verifierStatuses: ReportStatus[] = ['submitted', 'verified'];
export const agencyOpenStatuses: ReportStatus[] = ['forwarded', 'in_progress', 'reopened'];
/** Statuses in which a report is with (or was handled by) an agency: handlers see these. */
export const agencyStatuses: ReportStatus[] = ['forwarded', 'in_progress', 'reopened', 'resolved', 'closed'];
/** Statuses the public sees: moderated first (submitted is not yet checked), rejected reports stay private. */
export const publicStatuses: ReportStatus[] = ['verified', 'forwarded', 'in_progress', 'reopened', 'resolved', 'closed', 'duplicate'];

/**
 * The deadline running now. The central room's one due date covers verifying and forwarding: a verified report
 * waiting to be forwarded runs the "forwarding" deadline (it is no longer late for verification, only for forwarding).
 */
export function currentDeadline(row: Pick<ReportRow, 'status' | 'verify_due' | 'agency_due'>): { deadline: 'verification' | 'forwarding' | 'agency' | null; dueDate: string | null } {
  if (row.status === 'verified') return { deadline: 'forwarding', dueDate: row.verify_due };
  if (verifierStatuses.includes(row.status)) return { deadline: 'verification', dueDate: row.verify_due };
  if (agencyOpenStatuses.includes(row.status)) return { deadline: 'agency', dueDate: row.agency_due };
  return { deadline: null, dueDate: null };
}

/** Last day (inclusive) to reopen a resolved report. */
export function reopenUntil(ctx: Ctx, row: ReportRow): string | null {
  return row.status === 'resolved' && row.resolved_at ? dueAfter(ctx, row.resolved_at, ctx.options.reopenWithinWorkingDays) : null;
}

export function canReopen(ctx: Ctx, row: ReportRow): boolean {
  return row.status === 'resolved' && row.resolved_at !== null && workingDaysSince(ctx, row.resolved_at) <= ctx.options.reopenWithinWorkingDays;
}
