/** The officers' inbox, report view, workflow actions and Open311 keys. */
import { z } from '@kota-kit/core';
import { agencyRefSchema, photoSchema, timelineEntrySchema } from './public.js';
import { isoDate, isoDateTime, rejectReasons, reportStatuses, reportTypes, stages } from './vocabulary.js';

/**
 * What an officer can do on a report. `verifyAndForward` is verify and forward as one step (one unit of work);
 * `progress` is a public update from the agency that keeps the report open.
 */
export const officerActions = ['verify', 'verifyAndForward', 'reject', 'forward', 'start', 'assign', 'note', 'progress', 'respond', 'duplicate'] as const;
export type OfficerAction = (typeof officerActions)[number];

/**
 * The inbox's tabs, by what the officer must do: `verify` (central room: new and verified reports), `handle`
 * (an agency's handlers: forwarded, in progress, reopened), `agency` (central room: reports the agencies hold),
 * `overdue` (open work past its deadline), `done` (finished).
 */
export const inboxTabs = ['verify', 'handle', 'agency', 'overdue', 'done'] as const;
export type InboxTab = (typeof inboxTabs)[number];

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
  /** One of the officer's tabs (see `GET /inbox/tabs`); other status filters narrow it further. */
  tab: z.enum(inboxTabs).optional(),
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
  /**
   * The deadline running now: verification (central room, a new report), forwarding (central room, a verified
   * report not yet forwarded; the same due date) or agency.
   */
  deadline: z.enum(['verification', 'forwarding', 'agency']).nullable(),
  dueDate: isoDate.nullable(),
  overdue: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSchema = z.object({ items: z.array(inboxItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type Inbox = z.infer<typeof inboxSchema>;

export const officerTimelineEntrySchema = timelineEntrySchema.extend({
  /** `contact_deleted`: the reporter had their contact data deleted (internal; carries none of it). */
  kind: z.enum(['status', 'response', 'progress', 'reopen', 'rating', 'note', 'assign', 'contact_deleted']),
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

export const officerActionSchema = z.object({ action: z.enum(officerActions), primary: z.boolean() });
export type OfficerActionView = z.infer<typeof officerActionSchema>;

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
  /**
   * The same actions in the order to show them, from the server's transition table: `primary` marks the next
   * step of the workflow for this officer (at most one; none when the next step is someone else's).
   */
  actions: z.array(officerActionSchema),
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
/** Verify and forward in one step: the same body as forward. */
export const verifyAndForwardInputSchema = forwardInputSchema;
/** A public progress update that keeps the report open. As JSON, or multipart with `note` and `photos` files. */
export const progressInputSchema = z.object({ note: z.string().trim().min(10).max(4000) });
export type ProgressInput = z.infer<typeof progressInputSchema>;
export const duplicateInputSchema = z.object({ of: z.string().trim().min(3).max(30), note: z.string().trim().max(2000).optional() });
export type VerifyInput = z.infer<typeof verifyInputSchema>;
export type RejectInput = z.infer<typeof rejectInputSchema>;
export type ForwardInput = z.infer<typeof forwardInputSchema>;
export type AssignInput = z.infer<typeof assignInputSchema>;
export type InternalNoteInput = z.infer<typeof internalNoteInputSchema>;
export type RespondInput = z.infer<typeof respondInputSchema>;
export type DuplicateInput = z.infer<typeof duplicateInputSchema>;

/** The signed-in officer's inbox tabs with their counts (`count` null for `done`, which is not counted). */
export const inboxTabsSchema = z.object({
  tabs: z.array(z.object({ tab: z.enum(inboxTabs), count: z.number().int().nullable() })),
  /** What waits for this officer: the open reports of the to-do tabs (verify, handle). The home task link shows it. */
  todo: z.number().int(),
});
export type InboxTabs = z.infer<typeof inboxTabsSchema>;

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

