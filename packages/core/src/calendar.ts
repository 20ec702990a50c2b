/**
 * Calendar dates and working days in a region's time zone. Deadlines in Indonesian public service count
 * working days: Monday–Friday, minus national holidays, cuti bersama and local holidays (region config).
 * Dates are "YYYY-MM-DD" strings so they never shift with the server's time zone.
 */

import { z } from 'zod';

export { addDays, dateRange, daysBetween, isIsoDate, localDate, todayIn } from './dates.js';
import { addDays, dateRange } from './dates.js';

/**
 * A calendar-date field ("2026-11-30") for route and form schemas: a real date between 1900 and 2100, with a
 * message in the field's error. Use it instead of a plain string so every module refuses the same dates.
 */
export function isoDateSchema(message = 'Expected a date as YYYY-MM-DD between 1900 and 2100.') {
  return z.iso.date({ message }).refine((value) => value >= dateRange.min && value <= dateRange.max, { message });
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The date `count` working days after `date` (count ≥ 0; 0 gives the next working day on or after it). */
export function addWorkingDays(date: string, count: number, holidays: ReadonlySet<string>): string {
  let current = date;
  while (!isWorkingDay(current, holidays)) current = addDays(current, 1);
  for (let left = count; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, holidays)) left--;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) if (isWorkingDay(current, holidays)) count++;
  return count;
}

/** The last instant of a calendar date in a time zone (a deadline "by the end of that day"). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const next = addDays(date, 1);
  // Offset of the zone at that moment, from how Intl renders a UTC instant there.
  const guess = new Date(`${next}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(guess)
      .map((part) => [part.type, part.value]),
  );
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = asLocal - guess.getTime();
  return new Date(guess.getTime() - offset - 1);
}
