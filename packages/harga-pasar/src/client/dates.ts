/**
 * The chart's short date labels, which core's `dateText` has no form for (it always shows the year). Whole
 * dates ("Senin, 30 November 2026", "30 Nov 2026") are core's `dateText` / `DateText`; date arithmetic is core's.
 */
import { dateTimeFormat } from '@kota-kit/core/client';

const format = (date: string, language: 'id' | 'en', options: Intl.DateTimeFormatOptions) =>
  dateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "30 Nov": x-axis labels of a short chart, and "previous price" dates in the entry form. */
export function dayMonth(date: string, language: 'id' | 'en'): string {
  return format(date, language, { day: 'numeric', month: 'short' });
}

/** "Nov 26": x-axis labels of a year-long chart. */
export function monthYear(date: string, language: 'id' | 'en'): string {
  return format(date, language, { month: 'short', year: '2-digit' });
}
