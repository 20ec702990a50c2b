import { z } from '@kota-kit/core';
import { dateField, idField, priceField } from './common.js';

/** GET /entry: the form of one market and day. */
export const entryQuerySchema = z.object({ market: idField(), date: dateField().optional() });

/** PUT /entry: an enumerator's prices of one market and day. */
export const entryBodySchema = z.object({
  market: idField(),
  date: dateField(),
  prices: z.array(z.object({ commodity: idField(), price: priceField() })).min(1).max(1000),
  confirmLargeChanges: z.boolean().default(false),
});
export type EntryBody = z.input<typeof entryBodySchema>;

/**
 * POST /publish: a supervisor publishes a market day's drafts. `acknowledgedOutliers` echoes the day's unusual
 * changes (the entry answer's `outliers`) the supervisor has looked at, each with the price seen.
 */
export const publishBodySchema = z.object({
  market: idField(),
  date: dateField(),
  acknowledgedOutliers: z
    .array(z.object({ commodity: idField(), price: priceField() }))
    .max(1000)
    .default([])
    .meta({ description: 'Every outlier of the day with the price the supervisor checked; a missing or changed one gives 409 `unacknowledged_outlier`.' }),
});
export type PublishBody = z.input<typeof publishBodySchema>;

/** The address of one stored price. */
export const priceParamsSchema = z.object({ date: dateField(), market: idField(), commodity: idField() });

/** PATCH /prices/{date}/{market}/{commodity}: a supervisor's correction, with the reason kept as a revision. */
export const correctionBodySchema = z.object({ price: priceField(), reason: z.string().trim().min(3).max(500) });
export type CorrectionBody = z.input<typeof correctionBodySchema>;
