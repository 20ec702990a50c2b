import type { Language } from '../region.js';
import { runtime } from './runtime.js';

// en-GB: day-month dates and comma thousands, which visitors read without ambiguity.
const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export interface FormatOptions {
  language?: Language;
}

/** "Rp 15.000" (id) / "IDR 15,000" (en); whole rupiah, as prices are shown in markets. */
export function formatRupiah(value: number, options: FormatOptions = {}): string {
  return new Intl.NumberFormat(locales[options.language ?? runtime.language], {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(value);
}

export interface FormatDateOptions extends FormatOptions, Intl.DateTimeFormatOptions {}

/** A date in the region's time zone and the current language; date only unless options ask for more. */
export function formatDate(value: Date | string | number, options: FormatDateOptions = {}): string {
  const { language, ...intl } = options;
  const hasFields = Object.keys(intl).some((key) => key !== 'timeZone');
  return new Intl.DateTimeFormat(locales[language ?? runtime.language], {
    ...(hasFields ? {} : { dateStyle: 'long' }),
    timeZone: runtime.timeZone,
    ...intl,
  }).format(value instanceof Date ? value : new Date(value));
}
