/** What each reader gets of a report: the public, the reporter through the tracking link, and officers. */
import type { SessionUser } from '@kota-kit/core';
import type { RequestContext } from '@kota-kit/core/server';
import {
  contactFields,
  stageOf,
  type AgencyRef,
  type MaskedContact,
  type OfficerReport,
  type OfficerTimelineEntry,
  type Photo,
  type PublicReport,
  type PublicReportDetail,
  type TimelineEntry,
  type TrackView,
} from '../../schemas.js';
import { contactOf, eventsOf, photosOf, rootOf, ticketsOf } from '../queries/reports.js';
import type { Ctx, Db, EventRow, PhotoRow, ReportRow } from '../tables.js';
import { agencyOpenStatuses, canReopen, currentDeadline, dueAfter, isPast, reopenUntil } from './calendar.js';
import { hasContact, isPublic, maskContact, type OfficerScope } from './privacy.js';
import { allowedActions, officerActions } from './workflow-rules.js';
import { alreadyRated } from './rating.js';

/** A stored time as ISO text, or null. */
export const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function agencyRef(ctx: Ctx, id: string | null): AgencyRef | null {
  if (!id) return null;
  const agency = ctx.region.agencies.find((item) => item.id === id);
  return { id, shortName: agency?.shortName ?? id };
}

export function photoView(row: PhotoRow): Photo {
  return { id: row.id, kind: row.kind, url: `/api/laksa/photos/${row.id}`, width: row.width, height: row.height };
}

export function publicReportView(ctx: Ctx, row: ReportRow, photos: PhotoRow[], duplicateTicket: string | null): PublicReport {
  const { dueDate } = currentDeadline(row);
  return {
    ticket: row.ticket,
    type: row.type,
    category: row.category,
    title: row.title,
    description: row.description,
    status: row.status,
    stage: stageOf(row.status),
    agency: agencyRef(ctx, row.agency_id),
    address: row.address,
    kecamatan: row.kecamatan,
    kelurahan: row.kelurahan,
    lat: row.lat,
    lng: row.lng,
    supporters: row.supporters,
    photos: photos.map(photoView),
    // Only a public report's own photo: a confidential one's photos need the tracking token.
    thumbnail: isPublic(row) ? (photos.filter((photo) => photo.kind === 'report').map(photoView)[0]?.url ?? null) : null,
    duplicateOf: duplicateTicket,
    rating: row.rating,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    resolvedAt: iso(row.resolved_at),
    dueDate: agencyOpenStatuses.includes(row.status) ? dueDate : null,
    overdue: isPast(ctx, dueDate),
  };
}

export async function publicReports(ctx: Ctx, db: Db, rows: ReportRow[]): Promise<PublicReport[]> {
  const photos = await photosOf(db, rows.map((row) => row.id));
  const duplicates = await ticketsOf(db, rows.map((row) => row.duplicate_of));
  return rows.map((row) =>
    publicReportView(ctx, row, (photos.get(row.id) ?? []).filter((photo) => photo.kind === 'report'), row.duplicate_of ? (duplicates.get(row.duplicate_of) ?? null) : null),
  );
}

function timelineEntry(ctx: Ctx, event: EventRow, photos: PhotoRow[]): TimelineEntry {
  return {
    id: event.id,
    at: iso(event.at)!,
    // Public timelines hold only public kinds (the internal ones are filtered out before).
    kind: event.kind as TimelineEntry['kind'],
    fromStatus: event.from_status,
    status: event.to_status,
    note: event.note,
    code: event.note_code,
    params: event.note_params,
    actor: event.actor_kind,
    agency: event.actor_kind === 'agency' ? agencyRef(ctx, event.agency_id) : null,
    photos: photos.filter((photo) => photo.event_id === event.id).map(photoView),
  };
}

export async function publicTimeline(ctx: Ctx, db: Db, reportId: string, withNotes = true): Promise<TimelineEntry[]> {
  const events = await eventsOf(db, reportId, false);
  const photos = withNotes ? ((await photosOf(db, [reportId])).get(reportId) ?? []) : [];
  return events.map((event) => {
    const entry = timelineEntry(ctx, event, photos);
    return withNotes ? entry : { ...entry, note: null, code: null, params: null, photos: [] };
  });
}

export async function publicReportDetail(ctx: Ctx, db: Db, row: ReportRow): Promise<PublicReportDetail> {
  const [report] = await publicReports(ctx, db, [row]);
  return { ...report!, timeline: await publicTimeline(ctx, db, row.id) };
}

export async function trackView(ctx: Ctx, db: Db, row: ReportRow): Promise<TrackView> {
  let following: TrackView['following'] = null;
  if (row.status === 'duplicate' && row.duplicate_of) {
    const original = await rootOf(db, row.duplicate_of);
    if (original) {
      const open = isPublic(original);
      following = {
        ticket: original.ticket,
        status: original.status,
        stage: stageOf(original.status),
        public: open,
        title: open ? original.title : null,
        updatedAt: iso(original.updated_at)!,
        resolvedAt: iso(original.resolved_at),
        // The original's texts belong to its reporter: only when that report is public.
        timeline: await publicTimeline(ctx, db, original.id, open),
      };
    }
  }
  // Which kinds of contact are held, never the values: whoever holds the tracking link is not necessarily the reporter.
  const contact = await contactOf(db, row.id);
  return {
    report: await publicReportDetail(ctx, db, row),
    confidential: row.confidential,
    anonymous: row.anonymous,
    // One rating per answer of the agency: once rated, the form is gone (a new answer after reopening may be rated).
    canRate: (row.status === 'resolved' || row.status === 'closed') && !alreadyRated(row),
    canReopen: canReopen(ctx, row),
    reopenUntil: reopenUntil(ctx, row),
    autoCloseOn: row.status === 'resolved' && row.resolved_at ? dueAfter(ctx, row.resolved_at, ctx.options.autoCloseAfterWorkingDays) : null,
    ratingComment: row.rating_comment,
    contactFields: contact ? contactFields.filter((field) => Boolean(contact[field])) : [],
    contactDeleted: row.contact_deleted_at !== null,
    contactDeletedAt: iso(row.contact_deleted_at),
    following,
  };
}

export function inboxItemView(ctx: Ctx, row: ReportRow) {
  const { deadline, dueDate } = currentDeadline(row);
  return {
    id: row.id,
    ticket: row.ticket,
    type: row.type,
    category: row.category,
    title: row.title,
    status: row.status,
    stage: stageOf(row.status),
    agency: agencyRef(ctx, row.agency_id),
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    kecamatan: row.kecamatan,
    confidential: row.confidential,
    anonymous: row.anonymous,
    supporters: row.supporters,
    source: row.source,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    deadline,
    dueDate,
    overdue: isPast(ctx, dueDate),
  };
}

/** The officer's view. Contact details are masked, absent for anonymous reports, and each view is audited. */
export async function officerReportView(ctx: Ctx, c: RequestContext | { actor: SessionUser }, scope: OfficerScope, row: ReportRow): Promise<OfficerReport> {
  const db = ctx.db;
  const events = await eventsOf(db, row.id, true);
  const photos = (await photosOf(db, [row.id])).get(row.id) ?? [];
  const timeline: OfficerTimelineEntry[] = events.map((event) => ({
    ...timelineEntry(ctx, event, photos),
    kind: event.kind,
    internal: event.internal,
    // The citizen's name never appears here: anonymous or not, citizen actions carry no name.
    actorName: event.actor_kind === 'citizen' ? null : event.actor_name,
  }));
  let reporter: MaskedContact | null = null;
  if (!row.anonymous) {
    const contact = await contactOf(db, row.id);
    if (contact && hasContact(contact)) {
      reporter = maskContact(contact);
      // Reading is not a write of the module: the look itself is what the audit log records.
      await ctx.audit(c, { action: 'report.contact.view', subjectType: 'report', subjectId: row.ticket, agencyId: row.agency_id });
    }
  }
  const duplicates = await ticketsOf(db, [row.duplicate_of]);
  return {
    ...inboxItemView(ctx, row),
    description: row.description,
    address: row.address,
    kelurahan: row.kelurahan,
    lat: row.lat,
    lng: row.lng,
    photos: photos.filter((photo) => photo.kind === 'report').map(photoView),
    timeline,
    reporter,
    rejectReason: row.reject_reason,
    duplicateOf: row.duplicate_of ? (duplicates.get(row.duplicate_of) ?? null) : null,
    rating: row.rating,
    ratingComment: row.rating_comment,
    allowedActions: allowedActions(scope, row),
    actions: officerActions(scope, row),
    verificationDueDate: row.verify_due,
    agencyDueDate: row.agency_due,
  };
}

/** What an officer who just handed a report to another agency gets back: no contact, photos or timeline. */
export function handedOverView(ctx: Ctx, row: ReportRow): OfficerReport {
  return {
    ...inboxItemView(ctx, row),
    description: row.description,
    address: row.address,
    kelurahan: row.kelurahan,
    lat: row.lat,
    lng: row.lng,
    photos: [],
    timeline: [],
    reporter: null,
    rejectReason: row.reject_reason,
    duplicateOf: null,
    rating: row.rating,
    ratingComment: null,
    allowedActions: [],
    actions: [],
    verificationDueDate: row.verify_due,
    agencyDueDate: row.agency_due,
  };
}
