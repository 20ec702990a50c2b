// Dates and rupiah written by hand must read exactly as Intl writes them (the formats every page shows).
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../dates.js';
import { dateText } from './date-text.js';
import { formatRupiah } from './format.js';
import { writtenNumber } from './hand-format.js';
import { runtime } from './runtime.js';

const locales = { id: 'id-ID', en: 'en-GB' } as const;
const parts = {
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
} as const;
const zone = runtime.timeZone;
afterEach(() => void (runtime.timeZone = zone));

describe('hand-written dates', () => {
  it('write every calendar date of four years like Intl, in both languages and variants', () => {
    for (let time = Date.UTC(2024, 0, 1); time <= Date.UTC(2027, 11, 31); time += 86_400_000) {
      const value = new Date(time).toISOString().slice(0, 10);
      for (const language of ['id', 'en'] as const) {
        for (const variant of ['short', 'long'] as const) {
          const intl = new Intl.DateTimeFormat(locales[language], { ...parts[variant], timeZone: 'UTC' }).format(new Date(time));
          expect(dateText(value, { variant, language })).toBe(intl);
        }
      }
    }
  });

  it("write instants in the region's zone like Intl (WIB, WITA, WIT), and fall back to Intl elsewhere", () => {
    for (const timeZone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Amsterdam']) {
      runtime.timeZone = timeZone;
      for (let time = Date.UTC(2025, 0, 1, 0, 30); time <= Date.UTC(2026, 11, 31); time += 7 * 3_600_000 + 13 * 60_000) {
        const instant = new Date(time);
        for (const language of ['id', 'en'] as const) {
          const intl = new Intl.DateTimeFormat(locales[language], { ...parts.short, timeZone }).format(instant);
          expect(dateText(instant.toISOString(), { language })).toBe(intl);
        }
        const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
        expect(localDate(instant, timeZone)).toBe(day);
      }
    }
  });
});

describe('hand-written rupiah', () => {
  it('reads like Intl for whole, rounded, negative and large amounts', () => {
    const values = [0, -0, 1, 999, 1000, 15_000, 1_234_567, 123_456_789_012, 1234.5, 1234.4, -1234.5, -0.4, -15_000, 1e21, Number.NaN];
    for (const language of ['id', 'en'] as const) {
      for (const value of values) {
        const intl = new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(value);
        expect(formatRupiah(value, { language }), `${language} ${value}`).toBe(intl);
      }
    }
  });
});

describe('hand-written numbers', () => {
  it('round and group like Intl with one decimal, from the shortest decimal form', () => {
    const values = [0, -0, 2, 5.25, 5.35, 0.05, 0.15, -0.04, 1234.55, 999.95, 12.345, 100, 1_000_000.06, -3.75];
    for (let index = 0; index < 2000; index++) values.push(Math.round((index * 7.31 - 4000) * 1000) / 1000);
    for (const language of ['id', 'en'] as const) {
      for (const value of values) {
        const intl = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(value);
        expect(writtenNumber(value, language, 1), `${language} ${value}`).toBe(intl);
      }
    }
    expect(writtenNumber(1e21, 'id')).toBeNull();
  });
});
