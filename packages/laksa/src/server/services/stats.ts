/** Public statistics per category and agency: counts, medians of response and resolution times, ratings. */
import { endOfLocalDay } from '@kota-kit/core';
import type { StatsRow } from '../../schemas.js';
import type { Ctx, ReportRow } from '../tables.js';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

const hoursBetween = (from: Date, to: Date) => (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;

export function statsRow(ctx: Ctx, id: string, name: string, rows: ReportRow[]): StatsRow {
  const counted = rows.filter((row) => row.status !== 'duplicate');
  const resolved = counted.filter((row) => row.resolved_at !== null);
  const firstResponses = counted.filter((row) => row.forwarded_at && row.first_response_at).map((row) => hoursBetween(row.forwarded_at!, row.first_response_at!));
  const resolutionHours = resolved.map((row) => hoursBetween(row.created_at, row.resolved_at!));
  const withDeadline = resolved.filter((row) => row.agency_due);
  const inTime = withDeadline.filter((row) => new Date(row.resolved_at!).getTime() <= endOfLocalDay(row.agency_due!, ctx.region.timeZone).getTime());
  const rated = counted.filter((row) => row.rating !== null);
  return {
    id,
    name,
    received: counted.length,
    open: counted.filter((row) => !['resolved', 'closed', 'rejected'].includes(row.status)).length,
    resolved: counted.filter((row) => row.status === 'resolved' || row.status === 'closed').length,
    rejected: counted.filter((row) => row.status === 'rejected').length,
    medianHoursToFirstResponse: median(firstResponses),
    medianHoursToResolution: median(resolutionHours),
    resolvedWithinDeadlineShare: withDeadline.length ? Math.round((inTime.length / withDeadline.length) * 1000) / 1000 : null,
    meanRating: rated.length ? Math.round((rated.reduce((sum, row) => sum + row.rating!, 0) / rated.length) * 100) / 100 : null,
    ratings: rated.length,
  };
}

/** Statistics of the reports received in a period, per category and per agency. */
export function statistics(ctx: Ctx, rows: ReportRow[]) {
  const byCategory = ctx.options.categories.map((category) => statsRow(ctx, category.id, category.name.id, rows.filter((row) => row.category === category.id)));
  const byAgency = ctx.region.agencies
    .map((agency) => statsRow(ctx, agency.id, agency.shortName, rows.filter((row) => row.agency_id === agency.id)))
    .filter((row) => row.received > 0 || ctx.options.categories.some((category) => category.agency === row.id));
  return { total: statsRow(ctx, 'all', 'all', rows), byCategory, byAgency };
}
