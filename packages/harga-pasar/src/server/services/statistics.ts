import type { PriceChange } from '../schemas.js';

/** Percent change from `from` to `to`, one decimal. */
export function percentChange(from: number, to: number): number {
  return Math.round(((to - from) / from) * 1000) / 10;
}

/** The change of `current` against an earlier day's average, or null without one. */
export function changeFrom(previous: { date: string; average: number } | undefined, current: number): PriceChange | null {
  if (!previous) return null;
  return { date: previous.date, amount: current - previous.average, percent: percentChange(previous.average, current) };
}

/** Whole-rupiah average (half up, as the database's round()). */
export function average(prices: readonly number[]): number | null {
  return prices.length ? Math.round(prices.reduce((sum, price) => sum + price, 0) / prices.length) : null;
}
