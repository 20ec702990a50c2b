import { formatNumber, formatRupiah } from '@kota-kit/core/client';
import type { PriceChange } from '../index.js';

export type Direction = 'up' | 'down' | 'same';

export interface ChangeView {
  direction: Direction;
  /** ▲ rise, ▼ fall, = unchanged: the arrow carries the meaning, not only the colour. */
  arrow: '▲' | '▼' | '=';
  /** "+Rp 2.000" / "−Rp 2.000" / "Rp 0". */
  amount: string;
  /** "+5,3%" / "−5,3%" / "0%". */
  percent: string;
  /** CSS class: rises red, falls green, as shoppers read prices. */
  className: 'hp-up' | 'hp-down' | 'hp-same';
}

const minus = '\u2212';

/** Whole rupiah without the sign: "Rp 2.000" (id), "IDR 2,000" (en). */
export function rupiah(value: number, language: 'id' | 'en'): string {
  return formatRupiah(value, { language });
}

/** Percent with one decimal in the language's style, signed: "+5,3%". */
export function signedPercent(percent: number, language: 'id' | 'en'): string {
  if (percent === 0) return '0%';
  const text = formatNumber(Math.abs(percent), { language, fractionDigits: 1 });
  return `${percent > 0 ? '+' : minus}${text}%`;
}

export function directionOf(amount: number): Direction {
  return amount > 0 ? 'up' : amount < 0 ? 'down' : 'same';
}

/** The parts shown for a change: arrow, signed amount, signed percent, colour class. */
export function describeChange(change: Pick<PriceChange, 'amount' | 'percent'>, language: 'id' | 'en'): ChangeView {
  const direction = directionOf(change.amount);
  const sign = direction === 'up' ? '+' : direction === 'down' ? minus : '';
  return {
    direction,
    arrow: direction === 'up' ? '▲' : direction === 'down' ? '▼' : '=',
    amount: `${sign}${rupiah(Math.abs(change.amount), language)}`,
    percent: signedPercent(direction === 'same' ? 0 : change.percent, language),
    className: direction === 'up' ? 'hp-up' : direction === 'down' ? 'hp-down' : 'hp-same',
  };
}

/** Percent change from `from` to `to`, one decimal (as the server computes it). */
export function percentChange(from: number, to: number): number {
  if (from === 0) return 0;
  return Math.round(((to - from) / from) * 1000) / 10;
}

/** Compact axis label: "Rp 45 rb" / "Rp 1,2 jt" (id), "IDR 45k" / "IDR 1.2m" (en). */
export function compactRupiah(value: number, language: 'id' | 'en'): string {
  const number = (n: number) => formatNumber(n, { language, fractionDigits: 1 });
  const prefix = language === 'id' ? 'Rp ' : 'IDR ';
  if (Math.abs(value) >= 1_000_000) return `${prefix}${number(value / 1_000_000)}${language === 'id' ? ' jt' : 'm'}`;
  if (Math.abs(value) >= 1_000) return `${prefix}${number(value / 1_000)}${language === 'id' ? ' rb' : 'k'}`;
  return `${prefix}${number(value)}`;
}
