import type { Ctx, Work } from '../context.js';
import type { Alert, Board } from '../schemas.js';
import { computeBoard } from './board.js';

/**
 * Alerts of a board: a commodity above its reference price (HET/HAP), or whose city average rose more than
 * `alertRisePercent` over a week. Codes and numbers only; the browser words them in the reader's language.
 */
export function alertsOf(ctx: Ctx, board: Board): Alert[] {
  const alerts: Alert[] = [];
  for (const item of board.items) {
    const reasons: Alert['reasons'] = [];
    if (item.aboveReference) reasons.push('above-reference');
    if (item.changeWeek && item.changeWeek.percent > ctx.options.alertRisePercent) reasons.push('week-rise');
    if (reasons.length === 0) continue;
    alerts.push({
      commodity: item.commodity,
      name: item.name,
      unit: item.unit,
      date: item.date,
      average: item.average,
      reasons,
      reference: item.reference,
      changeWeek: item.changeWeek,
    });
  }
  return alerts;
}

const keys = (alert: Alert) => alert.reasons.map((reason) => `${alert.commodity}:${reason}`);

/**
 * Runs `write` inside the unit of work and emits "harga-pasar.price.alert" for every alert on `date` it newly
 * caused. The boards before and after are read in the same transaction, and the events leave only after the
 * commit: a write that fails emits nothing.
 */
export async function withAlertEvents<T>(ctx: Ctx, work: Work, date: string, write: () => Promise<T>): Promise<{ result: T; newAlerts: Alert[] }> {
  const before = new Set(alertsOf(ctx, await computeBoard(ctx, work.db, date, true)).flatMap(keys));
  const result = await write();
  const newAlerts = alertsOf(ctx, await computeBoard(ctx, work.db, date, true)).filter((alert) => keys(alert).some((key) => !before.has(key)));
  for (const alert of newAlerts) work.emit('price.alert', alert);
  return { result, newAlerts };
}
