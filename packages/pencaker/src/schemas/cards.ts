/** The AK/1 card (kartu kuning): the seeker's application, its number once verified, validity and reports. */
import { z } from '@kota-kit/core';
import { line } from './common.js';
import { cardStatuses } from './vocabulary.js';

export const cardSchema = z.object({
  id: z.number(),
  status: z.enum(cardStatuses),
  /** Disnaker's job-seeker number, assigned at verification. */
  number: z.string().nullable(),
  submittedAt: z.string(),
  verifiedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  nextReportDue: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  placedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
});
export type Card = z.infer<typeof cardSchema>;

export const cardReportSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('looking') }),
  z.object({ status: z.literal('employed'), employer: line(160) }),
]);
export type CardReport = z.infer<typeof cardReportSchema>;

export const cardRejectSchema = z.object({ reason: line(500, 5) });

/** A card in Disnaker's queue: the name and the masked NIK; the full profile is one audited click away. */
export const officerCardSchema = cardSchema.extend({
  seekerId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
  educationLevel: z.string(),
  kecamatan: z.string(),
});
export const officerCardListSchema = z.object({ items: z.array(officerCardSchema), page: z.number(), pages: z.number(), total: z.number() });
export const officerCardQuerySchema = z.object({
  status: z.enum(cardStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
