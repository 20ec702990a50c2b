import { daysBetween, z } from '@kota-kit/core';
import { dateField } from './common.js';

/** Longest range one export answers; a longer one is split by the caller (keeps each response bounded). */
export const maxExportDays = 366;

/** The query of both exports (the order and length of the range are checked by `exportRangeProblem`). */
export const exportQuerySchema = z.object({ from: dateField(), to: dateField() });

/** What is wrong with a range of valid dates, for the server's 400 and the download panel alike. */
export function exportRangeProblem(from: string, to: string): 'order' | 'tooLong' | null {
  if (to < from) return 'order';
  if (daysBetween(from, to) + 1 > maxExportDays) return 'tooLong';
  return null;
}
