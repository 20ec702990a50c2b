import { z } from '@kota-kit/core';

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const pageQuery = { page: z.coerce.number().int().min(1).max(10_000).default(1) };
/** A short line of text a person wrote. */
export const line = (max = 120, min = 1) => z.string().trim().min(min).max(max);
/** Optional text: an empty string is taken as "not given". */
export const optionalLine = (max = 120) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));
export const yearSchema = z.number().int().min(1950).max(2100);
/** "2024-03": a month of a work history. */
export const monthSchema = z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, 'Expected a month as YYYY-MM.');
export const phoneSchema = z.string().trim().regex(/^\+?[0-9][0-9 -]{7,18}$/, 'Expected a phone number like 0812 3456 7890.');
export const rupiahSchema = z.number().int().min(0).max(1_000_000_000);
