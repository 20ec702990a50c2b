import type { Language } from '../region.js';
import { writtenNumber, writtenRupiah } from './hand-format.js';
import { runtime } from './runtime.js';

// en-GB: day-month dates and comma thousands, which visitors read without ambiguity.
const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export interface FormatOptions {
  language?: Language;
}

/** "Rp 15.000" (id) / "IDR 15,000" (en); whole rupiah, as prices are shown in markets. */
export function formatRupiah(value: number, options: FormatOptions = {}): string {
  const language = options.language ?? runtime.language;
  return writtenRupiah(value, language) ?? numberFormat(language, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(value);
}

/** A number in the language's style with at most `fractionDigits` decimals: "1.234,5" (id), "1,234.5" (en). */
export function formatNumber(value: number, { language, fractionDigits = 0 }: FormatOptions & { fractionDigits?: number } = {}): string {
  const chosen = language ?? runtime.language;
  return writtenNumber(value, chosen, fractionDigits) ?? numberFormat(chosen, { maximumFractionDigits: fractionDigits }).format(value);
}

// Making an Intl formatter costs far more than using one (a board of prices made hundreds): kept by their options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function remembered<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `Intl.NumberFormat` for a language, made once per options and kept: use it in lists instead of `new`. */
export function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return remembered(`number|${language}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locales[language], options));
}

/** `Intl.DateTimeFormat` for a language, made once per options and kept (the options give the time zone). */
export function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return remembered(`date|${language}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locales[language], options));
}

export interface FormatDateOptions extends FormatOptions, Intl.DateTimeFormatOptions {}

/** A date in the region's time zone and the current language; date only unless options ask for more. */
export function formatDate(value: Date | string | number, options: FormatDateOptions = {}): string {
  const { language, ...intl } = options;
  const hasFields = Object.keys(intl).some((key) => key !== 'timeZone');
  const settings: Intl.DateTimeFormatOptions = { ...(hasFields ? {} : { dateStyle: 'long' }), timeZone: runtime.timeZone, ...intl };
  return dateTimeFormat(language ?? runtime.language, settings).format(value instanceof Date ? value : new Date(value));
}
