/**
 * Shared schemas and types of LAKSA's HTTP API: the server validates with them, the browser pages type
 * their requests and responses with them. Isomorphic (no Node imports).
 */
import { z } from '@kota-kit/core';

// ---------------------------------------------------------------- vocabulary

/** LAPOR! SP4N's three kinds: pengaduan, aspirasi, permintaan informasi. */
export const reportTypes = ['complaint', 'aspiration', 'information'] as const;
export type ReportType = (typeof reportTypes)[number];

/**
 * The precise workflow status. submitted → verified | rejected | duplicate; verified → forwarded → in_progress →
 * resolved → closed; resolved → reopened (by the citizen) → in_progress.
 */
export const reportStatuses = ['submitted', 'verified', 'rejected', 'forwarded', 'in_progress', 'reopened', 'resolved', 'closed', 'duplicate'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The colour stage Tangerang's citizens know: red new, yellow in process, green done. */
export const stages = ['red', 'yellow', 'green', 'rejected', 'duplicate'] as const;
export type Stage = (typeof stages)[number];

export function stageOf(status: ReportStatus): Stage {
  switch (status) {
    case 'submitted':
    case 'verified':
      return 'red';
    case 'forwarded':
    case 'in_progress':
    case 'reopened':
      return 'yellow';
    case 'resolved':
    case 'closed':
      return 'green';
    case 'rejected':
      return 'rejected';
    case 'duplicate':
      return 'duplicate';
  }
}

/** Statuses of each stage, for filters. */
export const statusesOfStage: Record<Stage, ReportStatus[]> = {
  red: ['submitted', 'verified'],
  yellow: ['forwarded', 'in_progress', 'reopened'],
  green: ['resolved', 'closed'],
  rejected: ['rejected'],
  duplicate: ['duplicate'],
};

/** Why the central room rejects a report (LAPOR!'s "not our authority", spam, ...). */
export const rejectReasons = ['not_authority', 'spam', 'incomplete', 'other'] as const;
export type RejectReason = (typeof rejectReasons)[number];

/** The 13 kecamatan of Kota Tangerang (the default of the `kecamatan` option). */
export const kecamatanKotaTangerang = [
  'Batuceper',
  'Benda',
  'Cibodas',
  'Ciledug',
  'Cipondoh',
  'Jatiuwung',
  'Karangtengah',
  'Karawaci',
  'Larangan',
  'Neglasari',
  'Periuk',
  'Pinang',
  'Tangerang',
] as const;

export const localizedText = z.object({ id: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedText>;

/** Who acted, as the public and the reporter see it (never an officer's name). */
export const actorKinds = ['citizen', 'verifier', 'agency', 'system'] as const;
export type ActorKind = (typeof actorKinds)[number];

const isoDateTime = z.string().describe('ISO 8601 date-time');
const isoDate = z.iso.date();

// ---------------------------------------------------------------- citizen input

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
      ctx.addIssue({ code: 'custom', path: [value.lat === undefined ? 'lat' : 'lng'], message: 'Give both lat and lng, or neither.' });
    }
    if (value.lat === undefined && !value.address && !value.kecamatan) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'Pick a point on the map or type an address or kecamatan.' });
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

// ---------------------------------------------------------------- public output

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
  kind: z.enum(['status', 'response', 'reopen', 'rating']),
  fromStatus: z.enum(reportStatuses).nullable(),
  status: z.enum(reportStatuses),
  /** Public text (reason, official response). Plain text: render as text, never as HTML. */
  note: z.string().nullable(),
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

export const statsQuerySchema = z.object({ from: isoDate.optional(), to: isoDate.optional() });
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

// ---------------------------------------------------------------- officers

export const officerActions = ['verify', 'reject', 'forward', 'start', 'assign', 'note', 'respond', 'duplicate'] as const;
export type OfficerAction = (typeof officerActions)[number];

export const inboxQuerySchema = z.object({
  status: z.enum(reportStatuses).optional(),
  stage: z.enum(stages).optional(),
  category: z.string().optional(),
  kecamatan: z.string().optional(),
  agency: z.string().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  assignedToMe: z.enum(['true', 'false']).optional(),
  /** Include finished reports (resolved, closed, rejected, duplicate). Default: only open work. */
  all: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(30),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

export const inboxItemSchema = z.object({
  id: z.string(),
  ticket: z.string(),
  type: z.enum(reportTypes),
  category: z.string(),
  title: z.string(),
  status: z.enum(reportStatuses),
  stage: z.enum(stages),
  agency: agencyRefSchema.nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  kecamatan: z.string().nullable(),
  confidential: z.boolean(),
  anonymous: z.boolean(),
  supporters: z.number().int(),
  source: z.enum(['web', 'open311']),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The deadline running now: verification (central room) or agency. */
  deadline: z.enum(['verification', 'agency']).nullable(),
  dueDate: isoDate.nullable(),
  overdue: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSchema = z.object({ items: z.array(inboxItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type Inbox = z.infer<typeof inboxSchema>;

export const officerTimelineEntrySchema = timelineEntrySchema.extend({
  /** `contact_deleted`: the reporter had their contact data deleted (internal; carries none of it). */
  kind: z.enum(['status', 'response', 'reopen', 'rating', 'note', 'assign', 'contact_deleted']),
  internal: z.boolean(),
  /** Officer's name (officers only; never for citizen actions). */
  actorName: z.string().nullable(),
});
export type OfficerTimelineEntry = z.infer<typeof officerTimelineEntrySchema>;

/** Reporter's contact as officers see it: masked, and null for anonymous reports. */
export const maskedContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  nik: z.string().nullable(),
});
export type MaskedContact = z.infer<typeof maskedContactSchema>;

export const officerReportSchema = inboxItemSchema.extend({
  description: z.string(),
  address: z.string().nullable(),
  kelurahan: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  photos: z.array(photoSchema),
  timeline: z.array(officerTimelineEntrySchema),
  /** null when the report is anonymous or no contact was given. */
  reporter: maskedContactSchema.nullable(),
  rejectReason: z.enum(rejectReasons).nullable(),
  duplicateOf: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  /** Actions the signed-in officer may take now. */
  allowedActions: z.array(z.enum(officerActions)),
  verificationDueDate: isoDate.nullable(),
  agencyDueDate: isoDate.nullable(),
});
export type OfficerReport = z.infer<typeof officerReportSchema>;

export const noteOnly = z.object({ note: z.string().trim().max(2000).optional() });
export const verifyInputSchema = noteOnly;
export const startInputSchema = noteOnly;
export const rejectInputSchema = z.object({ reason: z.enum(rejectReasons), note: z.string().trim().min(5).max(2000) });
export const forwardInputSchema = z.object({ agency: z.string().min(1), note: z.string().trim().max(2000).optional() });
export const assignInputSchema = z.object({ userId: z.uuid().nullable() });
export const internalNoteInputSchema = z.object({ text: z.string().trim().min(2).max(4000) });
/** Official public response; resolves the report. As JSON, or multipart with the text in the field `response` and files in `photos`. */
export const respondInputSchema = z.object({ response: z.string().trim().min(10).max(4000) });
export const duplicateInputSchema = z.object({ of: z.string().trim().min(3).max(30), note: z.string().trim().max(2000).optional() });
export type VerifyInput = z.infer<typeof verifyInputSchema>;
export type RejectInput = z.infer<typeof rejectInputSchema>;
export type ForwardInput = z.infer<typeof forwardInputSchema>;
export type AssignInput = z.infer<typeof assignInputSchema>;
export type InternalNoteInput = z.infer<typeof internalNoteInputSchema>;
export type RespondInput = z.infer<typeof respondInputSchema>;
export type DuplicateInput = z.infer<typeof duplicateInputSchema>;

export const colleagueSchema = z.object({ id: z.string(), name: z.string() });
export const colleaguesSchema = z.object({ colleagues: z.array(colleagueSchema) });

export const open311KeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the key, to recognise it. */
  prefix: z.string(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type Open311Key = z.infer<typeof open311KeySchema>;
export const open311KeyCreateSchema = z.object({ name: z.string().trim().min(2).max(100) });
export const open311KeyCreatedSchema = open311KeySchema.extend({ key: z.string().describe('Shown once; stored only as a hash.') });
