/**
 * Calendar dates and working days in a region's time zone. Deadlines in Indonesian public service count
 * working days: Monday–Friday, minus national holidays, cuti bersama and local holidays (region config).
 * Dates are "YYYY-MM-DD" strings so they never shift with the server's time zone.
 */

import { z } from 'zod';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Years a date field accepts: the calendar and every region's records lie well inside them. */
export const dateRange = { min: '1900-01-01', max: '2100-12-31' } as const;

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A calendar-date field ("2026-11-30") for route and form schemas: a real date between 1900 and 2100, with a
 * message in the field's error. Use it instead of a plain string so every module refuses the same dates.
 */
export function isoDateSchema(message = 'Expected a date as YYYY-MM-DD between 1900 and 2100.') {
  return z.iso.date({ message }).refine((value) => value >= dateRange.min && value <= dateRange.max, { message });
}

/** Today in a time zone as YYYY-MM-DD (the region's calendar date, not the server's). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDate(now, timeZone);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date of an instant in a time zone, e.g. localDate(now, 'Asia/Jakarta') → "2026-11-29". */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Adds calendar days to a date: addDays("2026-02-28", 1) → "2026-03-01". */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
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
