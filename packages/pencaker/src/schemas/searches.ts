/** Saved searches: a seeker's filters, alerted (event `pencaker.search.matched`) when a matching vacancy is published. */
import { z } from '@kota-kit/core';
import { line } from './common.js';
import { searchFiltersSchema } from './vacancies.js';

export const savedSearchInputSchema = z.object({ name: line(80), filters: searchFiltersSchema });
export type SavedSearchInput = z.input<typeof savedSearchInputSchema>;
export const savedSearchSchema = z.object({ id: z.number(), name: z.string(), filters: searchFiltersSchema, createdAt: z.string(), lastAlertAt: z.string().nullable() });
export type SavedSearch = z.infer<typeof savedSearchSchema>;
export const savedSearchListSchema = z.object({ items: z.array(savedSearchSchema) });
