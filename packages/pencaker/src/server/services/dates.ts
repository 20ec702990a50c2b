import { addDays, todayIn } from '@kota-kit/core';
import type { Ctx } from '../tables.js';

export { addDays };

/** Today's date in the region (YYYY-MM-DD). */
export const today = (ctx: Ctx): string => todayIn(ctx.region.timeZone, ctx.clock.now());

/** `date` plus `months` calendar months, clamped to the month's last day (31 Aug + 6 months → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

/** Age bands of the statistics (BPS-style working-age bands). */
export function ageBand(birthYear: number, year: number): string {
  const age = year - birthYear;
  if (age < 20) return '15-19';
  if (age < 25) return '20-24';
  if (age < 30) return '25-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  return '50+';
}

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
