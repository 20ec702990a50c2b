/**
 * How market days (YYYY-MM-DD) are shown; the date arithmetic (todayIn, addDays, isIsoDate) is core's.
 */

const locales = { id: 'id-ID', en: 'en-GB' } as const;

/** "Senin, 30 November 2026" / "Monday, 30 November 2026". */
export function longDate(date: string, language: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(locales[language], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "30 Nov" / "30 Nov 2026": short labels for chart axes and tables. */
export function shortDate(date: string, language: 'id' | 'en', withYear = false): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "Nov 26": axis labels of a year-long chart. */
export function monthYear(date: string, language: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(locales[language], { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
