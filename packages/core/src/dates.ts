/**
 * Calendar dates as "YYYY-MM-DD" strings, so they never shift with a device's or server's time zone. No
 * dependencies: the browser half imports these without pulling in the schema library.
 */

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Years a date field accepts: the calendar and every region's records lie well inside them. */
export const dateRange = { min: '1900-01-01', max: '2100-12-31' } as const;

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today in a time zone as YYYY-MM-DD (the region's calendar date, not the server's). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDate(now, timeZone);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Hours from UTC of the zones whose offset has not changed since 1970: UTC and Indonesia's three zones (WIB, WITA,
 * WIT; fixed since 1964, no daylight saving). For these, dates are computed without Intl, whose first formatter
 * costs a cheap phone 25–65 ms (ICU start-up) in the middle of the first render.
 */
const fixedOffsets: Record<string, number> = { UTC: 0, 'Etc/UTC': 0, 'Asia/Jakarta': 7, 'Asia/Pontianak': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

/** The instant moved by the zone's fixed offset (read its UTC fields), or null for other zones and times before 1970. */
export function shiftedToZone(instant: Date, timeZone: string): Date | null {
  const hours = fixedOffsets[timeZone];
  if (hours === undefined || !(instant.getTime() >= 0)) return null;
  return new Date(instant.getTime() + hours * 3_600_000);
}

/** The calendar date of an instant in a time zone, e.g. localDate(now, 'Asia/Jakarta') → "2026-11-29". */
export function localDate(instant: Date, timeZone: string): string {
  const shifted = shiftedToZone(instant, timeZone);
  if (shifted) return shifted.toISOString().slice(0, 10);
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
// Making a formatter costs far more than using one (it showed in page-load profiles): one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Adds calendar days to a date: addDays("2026-02-28", 1) → "2026-03-01". */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
