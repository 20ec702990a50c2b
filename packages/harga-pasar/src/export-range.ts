// The export's range rules without the schema library, for the server's 400s and the download panel alike.
import { daysBetween } from '@kota-kit/core/dates';

/** Longest range one export answers; a longer one is split by the caller (keeps each response bounded). */
export const maxExportDays = 366;

/** What is wrong with a range of valid dates. */
export function exportRangeProblem(from: string, to: string): 'order' | 'tooLong' | null {
  if (to < from) return 'order';
  if (daysBetween(from, to) + 1 > maxExportDays) return 'tooLong';
  return null;
}
