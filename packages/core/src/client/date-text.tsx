import { localDate, shiftedToZone } from '../dates.js';
import { writtenDate } from './hand-format.js';
import { runtime } from './runtime.js';
import { formatDate } from './format.js';
import { useBootstrap } from './context.js';
import { useLanguage } from './i18n.js';

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

export interface DateTextProps {
  /** An instant (ISO 8601 with time) shown in the region's time zone, or a calendar date "YYYY-MM-DD" shown as it is. */
  value: string;
  /** "short": 30 Nov 2026; "long": Senin, 30 November 2026. */
  variant?: 'short' | 'long';
  /** Adds the hour and minute (instants only). */
  withTime?: boolean;
}

/** Formats a date for people, in the current language: `formatDate` of a `<time>` with a machine-readable value. */
export function dateText(value: string, { variant = 'short', withTime = false, language }: Omit<DateTextProps, 'value'> & { language?: 'id' | 'en' } = {}): string {
  // Without a time, in UTC or a fixed-offset zone (Indonesia's), written by hand: no Intl start-up on the first render.
  if (!withTime) {
    const date = calendarDate.test(value) ? new Date(`${value}T00:00:00Z`) : shiftedToZone(new Date(value), runtime.timeZone);
    if (date && !Number.isNaN(date.getTime())) return writtenDate(date, variant, language ?? runtime.language);
  }
  const parts: Intl.DateTimeFormatOptions =
    variant === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
  // A calendar date has no time zone: read it at UTC so it never shifts a day.
  if (calendarDate.test(value)) return formatDate(`${value}T00:00:00Z`, { language, ...parts, timeZone: 'UTC' });
  return formatDate(value, { language, ...parts, ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) });
}

export function DateText({ value, variant, withTime }: DateTextProps) {
  const language = useLanguage();
  return <time dateTime={value}>{dateText(value, { variant, withTime, language })}</time>;
}

/** Today's calendar date (YYYY-MM-DD) in the region's time zone, not the phone's. */
export function useToday(): string {
  return localDate(new Date(), useBootstrap().region.timeZone);
}
