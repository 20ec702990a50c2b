/** The reporter's rating of the agency's answer: once per answer, through the tracking link or their account. */
import { problems } from '@kota-kit/core/server';
import type { RatingInput } from '../../schemas.js';
import type { Ctx, ReportRow } from '../tables.js';
import { transition } from './workflow.js';

/**
 * Whether the current answer is rated already: a rating given after the last resolution. A report reopened and
 * answered again has a newer `resolved_at`, and that new answer may be rated.
 */
export function alreadyRated(row: Pick<ReportRow, 'rated_at' | 'resolved_at'>): boolean {
  if (!row.rated_at) return false;
  return !row.resolved_at || new Date(row.rated_at).getTime() >= new Date(row.resolved_at).getTime();
}

/** Stores the rating (a timeline event); a second rating of the same answer is refused with 409 `already_rated`. */
export async function rateReport(ctx: Ctx, reportId: string, input: RatingInput): Promise<void> {
  await transition(ctx, { actor: null }, { kind: 'citizen', user: null }, reportId, {
    rule: 'rate',
    check: (locked) => {
      if (alreadyRated(locked)) {
        throw problems.conflict('This answer has been rated already; a rating cannot be sent twice.', [{ field: 'rating', message: 'already rated', code: 'already_rated' }]);
      }
    },
    set: (_row, now) => ({ rating: input.rating, rating_comment: input.comment ?? null, rated_at: now }),
  });
}
