/** Collected sources (other agencies' and local media's feeds) and their items. */
import { z } from '@kota-kit/core';

export const sourceInputSchema = z.object({
  name: z.string().trim().min(2).max(80),
  /** An http(s) URL of an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document. */
  url: z
    .string()
    .trim()
    .max(500)
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) || /^demo:[a-z0-9-]+$/.test(value), 'must be an http(s) URL'),
  category: z.string().min(1).max(60),
  enabled: z.boolean().default(true),
});

export const sourceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  category: z.string(),
  enabled: z.boolean(),
  lastFetchedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  itemCount: z.number().int(),
});
export type Source = z.infer<typeof sourceSchema>;
export const sourceListSchema = z.object({ sources: z.array(sourceSchema) });

export const collectedItemSchema = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  imageUrl: z.string().nullable(),
  publishedAt: z.string(),
  hidden: z.boolean(),
  pinned: z.boolean(),
});
export const collectedListSchema = z.object({ items: z.array(collectedItemSchema) });
export const collectedListQuerySchema = z.object({ source: z.coerce.number().int().positive().max(2_147_483_647).optional() });
export const collectedUpdateSchema = z.object({ hidden: z.boolean().optional(), pinned: z.boolean().optional() });
