/** Employers: an organisation registered by a citizen account, verified by Disnaker before it may publish. */
import { z } from '@kota-kit/core';
import { line, optionalLine, phoneSchema } from './common.js';
import { employerStatuses, sectors } from './vocabulary.js';

export const employerInputSchema = z.object({
  name: line(160, 2),
  /** Nomor Induk Berusaha (OSS): 13 digits. */
  nib: z.string().regex(/^\d{13}$/, 'NIB is 13 digits.'),
  /** NPWP: 15 or 16 digits (punctuation allowed). */
  npwp: z
    .string()
    .trim()
    .transform((value) => value.replace(/[.\s-]/g, ''))
    .pipe(z.string().regex(/^\d{15,16}$/, 'NPWP is 15 or 16 digits.')),
  sector: z.enum(sectors),
  address: line(300, 5),
  kecamatan: line(60),
  contactName: line(120, 2),
  contactPhone: phoneSchema,
  contactEmail: z.email().max(254),
  website: z.url({ protocol: /^https?$/ }).max(300).optional(),
  description: optionalLine(2000),
});
export type EmployerInput = z.input<typeof employerInputSchema>;

/** What anyone sees of an employer: no NIB/NPWP, no contact person. */
export const publicEmployerSchema = z.object({
  id: z.number(),
  name: z.string(),
  sector: z.enum(sectors),
  kecamatan: z.string(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  verified: z.boolean(),
  logoUrl: z.string().nullable(),
});
export type PublicEmployer = z.infer<typeof publicEmployerSchema>;

/** The employer's own record, and what Disnaker sees when it verifies. */
export const employerSchema = publicEmployerSchema.extend({
  nib: z.string(),
  npwp: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  status: z.enum(employerStatuses),
  trusted: z.boolean(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
});
export type Employer = z.infer<typeof employerSchema>;

export const employerListSchema = z.object({ items: z.array(employerSchema), page: z.number(), pages: z.number(), total: z.number() });
export const employerQuerySchema = z.object({
  status: z.enum(employerStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const employerVerifySchema = z.object({ trusted: z.boolean().default(false) });
export const employerRejectSchema = z.object({ reason: line(500, 5) });
