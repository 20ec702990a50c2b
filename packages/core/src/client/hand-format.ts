/**
 * Dates and rupiah written by hand in the kit's two languages, exactly as Intl writes them (tested against it),
 * for the formats on every page: a cheap phone spends 25–65 ms on its first Intl formatter (ICU start-up), in the
 * middle of the first render. Anything else (times, other options) still goes through Intl.
 */
import type { Language } from '../region.js';

const months: Record<Language, { long: string[]; short: string[] }> = {
  id: {
    long: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  },
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  },
};
const weekdays: Record<Language, string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** "30 Nov 2026" / "Senin, 30 November 2026" (id), "30 Nov 2026" / "Monday, 30 November 2026" (en) of a date's UTC fields. */
export function writtenDate(date: Date, variant: 'short' | 'long', language: Language): string {
  const day = date.getUTCDate();
  const year = date.getUTCFullYear();
  if (variant === 'short') return `${day} ${months[language].short[date.getUTCMonth()]} ${year}`;
  return `${weekdays[language][date.getUTCDay()]}, ${day} ${months[language].long[date.getUTCMonth()]} ${year}`;
}

/** A number with at most `fractionDigits` decimals, grouped: "1.234,5" (id) / "1,234.5" (en); null for what Intl alone writes. */
export function writtenNumber(value: number, language: Language, fractionDigits = 0): string | null {
  // Rounded on the shortest decimal form of the number ("5.35", not its binary 5.3499…), half away from zero, as ICU does.
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text) || fractionDigits > 6) return null;
  const [int = '0', frac = ''] = text.split('.');
  let scaled = BigInt(int + frac.slice(0, fractionDigits).padEnd(fractionDigits, '0'));
  if ((frac[fractionDigits] ?? '0') >= '5') scaled += 1n;
  const digits = scaled.toString().padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'id' ? '.' : ',');
  const fraction = digits.slice(digits.length - fractionDigits).replace(/0+$/, '');
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${whole}${fraction ? `${language === 'id' ? ',' : '.'}${fraction}` : ''}`;
}

/** "Rp 15.000" (id) / "IDR 15,000" (en), whole rupiah, with a no-break space as Intl writes it; null beyond safe integers. */
export function writtenRupiah(value: number, language: Language): string | null {
  const number = writtenNumber(Math.abs(value), language);
  if (number === null) return null;
  // Intl keeps the sign of a negative that rounds to zero ("-Rp 0").
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${language === 'id' ? 'Rp' : 'IDR'}\u00a0${number}`;
}
