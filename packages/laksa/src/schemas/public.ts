/** What the public and the reporter read: reports, timelines, the map, statistics. */
import { isoDateSchema, z } from '@kota-kit/core';
import { contactFields } from './citizen.js';
import { actorKinds, isoDate, isoDateTime, localizedText, reportStatuses, reportTypes, stages } from './vocabulary.js';

export const categorySchema = z.object({
  id: z.string(),
  name: localizedText,
  description: localizedText.optional(),
  /** Types this category accepts. */
  types: z.array(z.enum(reportTypes)),
  agency: z.object({ id: z.string(), shortName: z.string(), name: z.string() }),
  deadlineWorkingDays: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const categoriesResponseSchema = z.object({
  categories: z.array(categorySchema),
  kecamatan: z.array(z.string()),
  maxPhotos: z.number().int(),
  maxPhotoBytes: z.number().int(),
  askNik: z.boolean(),
});
export type CategoriesResponse = z.infer<typeof categoriesResponseSchema>;

export const agencyRefSchema = z.object({ id: z.string(), shortName: z.string() });
export type AgencyRef = z.infer<typeof agencyRefSchema>;

export const photoSchema = z.object({
  id: z.string(),
  kind: z.enum(['report', 'resolution']),
  /** API path of the image (JPEG, metadata stripped). */
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type Photo = z.infer<typeof photoSchema>;

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  at: isoDateTime,
  /** `progress`: an agency's public update that keeps the report open. */
  kind: z.enum(['status', 'response', 'progress', 'reopen', 'rating']),
  fromStatus: z.enum(reportStatuses).nullable(),
  status: z.enum(reportStatuses),
  /** Public text (reason, official response). Plain text: render as text, never as HTML. */
  note: z.string().nullable(),
  /** A note the system wrote, as a code to translate with `params` (e.g. "closed.automatically", { days: 10 }); null for people's words. */
  code: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  actor: z.enum(actorKinds),
  agency: agencyRefSchema.nullable(),
  photos: z.array(photoSchema),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const publicReportSchema = z.object({
  ticket: z.string(),
  type: z.enum(reportTypes),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(reportStatuses),
  stage: z.enum(stages),
  /** The agency handling it (after forwarding), or the one the category routes to before. */
  agency: agencyRefSchema.nullable(),
  address: z.string().nullable(),
  kecamatan: z.string().nullable(),
  kelurahan: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  supporters: z.number().int(),
  photos: z.array(photoSchema),
  /** API path of the first photo for a small picture on cards; only for a public report with a photo, else null. */
  thumbnail: z.string().nullable(),
  /** Ticket of the report this one duplicates. */
  duplicateOf: z.string().nullable(),
  rating: z.number().int().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  /** Date by which the agency must act (region time zone), while it is with the agency. */
  dueDate: isoDate.nullable(),
  overdue: z.boolean(),
});
export type PublicReport = z.infer<typeof publicReportSchema>;

export const publicReportDetailSchema = publicReportSchema.extend({ timeline: z.array(timelineEntrySchema) });
export type PublicReportDetail = z.infer<typeof publicReportDetailSchema>;

export const reportListQuerySchema = z.object({
  category: z.string().optional(),
  status: z.enum(reportStatuses).optional(),
  stage: z.enum(stages).optional(),
  kecamatan: z.string().optional(),
  type: z.enum(reportTypes).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ReportListQuery = z.input<typeof reportListQuerySchema>;

export const reportListSchema = z.object({
  items: z.array(publicReportSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReportList = z.infer<typeof reportListSchema>;

export const mapPointSchema = z.object({
  ticket: z.string(),
  lat: z.number(),
  lng: z.number(),
  status: z.enum(reportStatuses),
  stage: z.enum(stages),
  category: z.string(),
  title: z.string(),
});
export const mapResponseSchema = z.object({ points: z.array(mapPointSchema) });
export type MapPoint = z.infer<typeof mapPointSchema>;

/** What the reporter sees through the private tracking link. */
export const trackViewSchema = z.object({
  report: publicReportDetailSchema,
  confidential: z.boolean(),
  anonymous: z.boolean(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  /** Last day (region time zone) to reopen, while resolved. */
  reopenUntil: isoDate.nullable(),
  /** Auto-close date if the citizen does nothing, while resolved. */
  autoCloseOn: isoDate.nullable(),
  ratingComment: z.string().nullable(),
  /** Which kinds of contact data LAKSA holds for this report now (never the values themselves). */
  contactFields: z.array(z.enum(contactFields)),
  /** true once the reporter had their contact data deleted (`POST /track/{token}/forget-contact`). */
  contactDeleted: z.boolean(),
  contactDeletedAt: isoDateTime.nullable(),
  /**
   * When the room marked this report a duplicate: the report it follows. Its status and timeline; title,
   * description, notes and photos only when that report is public.
   */
  following: z
    .object({
      ticket: z.string(),
      status: z.enum(reportStatuses),
      stage: z.enum(stages),
      public: z.boolean(),
      title: z.string().nullable(),
      updatedAt: isoDateTime,
      resolvedAt: isoDateTime.nullable(),
      timeline: z.array(timelineEntrySchema),
    })
    .nullable(),
});
export type TrackView = z.infer<typeof trackViewSchema>;

export const supportResultSchema = z.object({ supporters: z.number().int(), alreadySupported: z.boolean() });
export type SupportResult = z.infer<typeof supportResultSchema>;

export const statsQuerySchema = z.object({ from: isoDateSchema().optional(), to: isoDateSchema().optional() });
export const statsRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  received: z.number().int(),
  open: z.number().int(),
  resolved: z.number().int(),
  rejected: z.number().int(),
  /** Median hours from forwarding to the agency's first public action (start or response). */
  medianHoursToFirstResponse: z.number().nullable(),
  /** Median hours from submission to resolution. */
  medianHoursToResolution: z.number().nullable(),
  /** Share (0–1) of resolved reports resolved by their agency deadline. */
  resolvedWithinDeadlineShare: z.number().nullable(),
  meanRating: z.number().nullable(),
  ratings: z.number().int(),
});
export type StatsRow = z.infer<typeof statsRowSchema>;
export const statsSchema = z.object({
  from: isoDate,
  to: isoDate,
  total: statsRowSchema,
  byCategory: z.array(statsRowSchema),
  byAgency: z.array(statsRowSchema),
});
export type Stats = z.infer<typeof statsSchema>;

