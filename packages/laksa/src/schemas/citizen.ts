/** What citizens send: a report, a rating, a reason to reopen. */
import { localMessage, z } from '@kota-kit/core';
import { reportTypes } from './vocabulary.js';

export const locationInputSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    address: z.string().trim().max(300).optional(),
    /** One of the region's kecamatan (option `kecamatan`). */
    kecamatan: z.string().trim().max(60).optional(),
    kelurahan: z.string().trim().max(80).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.lat === undefined) !== (value.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: [value.lat === undefined ? 'lat' : 'lng'], ...localMessage({ en: 'Give both lat and lng, or neither.', id: 'Isi lintang dan bujur sekaligus, atau kosongkan keduanya.' }) });
    }
    if (value.lat === undefined && !value.address && !value.kecamatan) {
      ctx.addIssue({ code: 'custom', path: ['address'], ...localMessage({ en: 'Pick a point on the map or type an address or kecamatan.', id: 'Pilih titik di peta, atau tulis alamat atau kecamatan.' }) });
    }
  });
export type LocationInput = z.infer<typeof locationInputSchema>;

export const contactInputSchema = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{7,19}$/, 'Phone number like 081234567890 or +6281234567890.')
    .optional(),
  /** Only accepted when the region sets `askNik`. 16 digits. */
  nik: z
    .string()
    .regex(/^\d{16}$/, 'NIK has 16 digits.')
    .optional(),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

/** The personal fields LAKSA may hold about a reporter (stored apart from the report). */
export const contactFields = ['name', 'email', 'phone', 'nik'] as const;
export type ContactField = (typeof contactFields)[number];

/**
 * A new report. `confidential` and `anonymous` are the citizen's choice, made here and never changeable later
 * by anyone. As JSON, or as multipart/form-data with this object as JSON in the field `report` and up to
 * `maxPhotos` files in the field `photos`.
 */
export const createReportSchema = z.object({
  type: z.enum(reportTypes),
  category: z.string().min(1).max(60),
  title: z.string().trim().min(5).max(150),
  description: z.string().trim().min(10).max(4000),
  location: locationInputSchema,
  /** rahasia: the report itself is not public. */
  confidential: z.boolean().default(false),
  /** anonim: the reporter's identity is hidden from the public and from the agency. */
  anonymous: z.boolean().default(false),
  contact: contactInputSchema.optional(),
});
export type CreateReportInput = z.input<typeof createReportSchema>;

export const createReportResultSchema = z.object({
  ticket: z.string(),
  /** Secret; shown to the citizen once. Whoever holds it can follow, rate and reopen the report. */
  trackingToken: z.string(),
  /** Path of the private tracking page in the browser app. */
  trackingUrl: z.string(),
});
export type CreateReportResult = z.infer<typeof createReportResultSchema>;

export const ratingInputSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const reopenInputSchema = z.object({ reason: z.string().trim().min(10).max(2000) });
export type ReopenInput = z.infer<typeof reopenInputSchema>;

