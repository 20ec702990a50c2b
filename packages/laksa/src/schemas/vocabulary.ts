/** LAKSA's vocabulary (see ../vocabulary.ts) and the small schemas shared by the others. Isomorphic. */
import { z } from '@kota-kit/core';

export * from '../vocabulary.js';

export const localizedText = z.object({ id: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedText>;

export const isoDateTime = z.string().describe('ISO 8601 date-time');
export const isoDate = z.iso.date();
