import type { SessionUser } from '@kota-kit/core';
import { problems, type Kysely, type RequestContext } from '@kota-kit/core/server';
import type { CategoryOption } from '../index.js';
import {
  contactFields,
  stageOf,
  type ContactField,
  type ActorKind,
  type AgencyRef,
  type CreateReportInput,
  type MaskedContact,
  type OfficerAction,
  type OfficerReport,
  type OfficerTimelineEntry,
  type Photo,
  type PublicReport,
  type PublicReportDetail,
  type ReportStatus,
  type TimelineEntry,
  type TrackView,
} from '../schemas.js';
import {
  agencyOpenStatuses,
  agencyStatuses,
  currentDeadline,
  database,
  dueAfter,
  isPast,
  newSecret,
  nextTicket,
  publicStatuses,
  sha256,
  todayOf,
  workingDayLimit,
  workingDaysSince,
  type ContactTable,
  type Ctx,
  type EventKind,
  type EventRow,
  type PhotoRow,
  type ReportRow,
  type Tables,
} from './db.js';
import type { ProcessedPhoto } from './photos.js';

type Db = Kysely<Tables>;

export const statusChangedEvent = 'report.status-changed';
export const overdueEvent = 'report.overdue';

export function categoryOf(ctx: Ctx, id: string): CategoryOption | undefined {
  return ctx.options.categories.find((category) => category.id === id);
}

export function agencyRef(ctx: Ctx, id: string | null): AgencyRef | null {
  if (!id) return null;
  const agency = ctx.region.agencies.find((item) => item.id === id);
  return { id, shortName: agency?.shortName ?? id };
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

// ---------------------------------------------------------------- visibility

/** Whether anyone may see the report without a token or an officer role. */
export function isPublic(row: Pick<ReportRow, 'confidential' | 'status'>): boolean {
  return !row.confidential && publicStatuses.includes(row.status);
}

export interface OfficerScope {
  verifier: boolean;
  /** Agencies whose forwarded reports this officer handles. */
  agencies: string[] | 'all';
}

export function officerScope(ctx: Ctx, user: SessionUser | null): OfficerScope | null {
  if (!user) return null;
  const verifier = ctx.access.hasRole(user, 'verifier');
  const handlerAgencies = ctx.access.agenciesWithRole(user, 'handler');
  if (!verifier && handlerAgencies !== 'all' && handlerAgencies.length === 0) return null;
  // Verifying does not make one a handler: agency work needs laksa:handler of that agency (admins hold every role).
  return { verifier, agencies: handlerAgencies };
}

export function requireOfficer(ctx: Ctx, c: RequestContext): { user: SessionUser; scope: OfficerScope } {
  const user = ctx.access.requireUser(c);
  const scope = officerScope(ctx, user);
  if (!scope) throw problems.forbidden('This needs the role laksa:verifier or laksa:handler.');
  return { user, scope };
}

export function handlesAgency(scope: OfficerScope, agencyId: string): boolean {
  return scope.agencies === 'all' || scope.agencies.includes(agencyId);
}

export function canSeeAsOfficer(scope: OfficerScope, row: Pick<ReportRow, 'status' | 'agency_id'>): boolean {
  return scope.verifier || (agencyStatuses.includes(row.status) && handlesAgency(scope, row.agency_id));
}

// ---------------------------------------------------------------- loading

export async function loadPhotos(db: Db, reportIds: string[]): Promise<Map<string, PhotoRow[]>> {
  const map = new Map<string, PhotoRow[]>();
  if (reportIds.length === 0) return map;
  const rows = await db.selectFrom('laksa_photos').selectAll().where('report_id', 'in', reportIds).orderBy('created_at').orderBy('id').execute();
  for (const row of rows) map.set(row.report_id, [...(map.get(row.report_id) ?? []), row]);
  return map;
}

export function photoView(row: PhotoRow): Photo {
  return { id: row.id, kind: row.kind, url: `/api/laksa/photos/${row.id}`, width: row.width, height: row.height };
}

async function ticketsOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('laksa_reports').select(['id', 'ticket']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.ticket]));
}

export async function findReportByTicket(ctx: Ctx, ticket: string): Promise<ReportRow | undefined> {
  return database(ctx).selectFrom('laksa_reports').selectAll().where('ticket', '=', ticket.trim().toUpperCase()).executeTakeFirst();
}

export async function findReportByToken(ctx: Ctx, token: string): Promise<ReportRow | undefined> {
  return database(ctx).selectFrom('laksa_reports').selectAll().where('tracking_hash', '=', sha256(token)).executeTakeFirst();
}

export async function findReportById(ctx: Ctx, id: string): Promise<ReportRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return database(ctx).selectFrom('laksa_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------- views

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
    duplicateOf: duplicateTicket,
    rating: row.rating,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    resolvedAt: iso(row.resolved_at),
    dueDate: agencyOpenStatuses.includes(row.status) ? dueDate : null,
    overdue: isPast(ctx, dueDate),
  };
}

export async function publicReports(ctx: Ctx, rows: ReportRow[]): Promise<PublicReport[]> {
  const db = database(ctx);
  const photos = await loadPhotos(
    db,
    rows.map((row) => row.id),
  );
  const duplicates = await ticketsOf(
    db,
    rows.map((row) => row.duplicate_of),
  );
  return rows.map((row) =>
    publicReportView(
      ctx,
      row,
      (photos.get(row.id) ?? []).filter((photo) => photo.kind === 'report'),
      row.duplicate_of ? (duplicates.get(row.duplicate_of) ?? null) : null,
    ),
  );
}

function timelineEntry(ctx: Ctx, event: EventRow, photos: PhotoRow[]): TimelineEntry {
  return {
    id: event.id,
    at: iso(event.at)!,
    kind: event.kind as TimelineEntry['kind'],
    fromStatus: event.from_status,
    status: event.to_status,
    note: event.note,
    actor: event.actor_kind,
    agency: event.actor_kind === 'agency' ? agencyRef(ctx, event.agency_id) : null,
    photos: photos.filter((photo) => photo.event_id === event.id).map(photoView),
  };
}

export async function publicTimeline(ctx: Ctx, reportId: string, withNotes = true): Promise<TimelineEntry[]> {
  const db = database(ctx);
  const events = await db.selectFrom('laksa_events').selectAll().where('report_id', '=', reportId).where('internal', '=', false).orderBy('id').execute();
  const photos = withNotes ? ((await loadPhotos(db, [reportId])).get(reportId) ?? []) : [];
  return events.map((event) => {
    const entry = timelineEntry(ctx, event, photos);
    return withNotes ? entry : { ...entry, note: null, photos: [] };
  });
}

export async function publicReportDetail(ctx: Ctx, row: ReportRow): Promise<PublicReportDetail> {
  const [report] = await publicReports(ctx, [row]);
  return { ...report!, timeline: await publicTimeline(ctx, row.id) };
}

export function reopenUntil(ctx: Ctx, row: ReportRow): string | null {
  return row.status === 'resolved' && row.resolved_at ? workingDayLimit(ctx, row.resolved_at, ctx.options.reopenWithinWorkingDays) : null;
}

export function canReopen(ctx: Ctx, row: ReportRow): boolean {
  return row.status === 'resolved' && row.resolved_at !== null && workingDaysSince(ctx, row.resolved_at) <= ctx.options.reopenWithinWorkingDays;
}

export async function trackView(ctx: Ctx, row: ReportRow): Promise<TrackView> {
  let following: TrackView['following'] = null;
  if (row.status === 'duplicate' && row.duplicate_of) {
    const original = await rootOf(ctx, row.duplicate_of);
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
        timeline: await publicTimeline(ctx, original.id, open),
      };
    }
  }
  const until = reopenUntil(ctx, row);
  // Which kinds of contact are held, never the values: whoever holds the tracking link is not necessarily the reporter.
  const contact = await database(ctx).selectFrom('laksa_contacts').select(['name', 'email', 'phone', 'nik']).where('report_id', '=', row.id).executeTakeFirst();
  return {
    report: await publicReportDetail(ctx, row),
    confidential: row.confidential,
    anonymous: row.anonymous,
    canRate: row.status === 'resolved' || row.status === 'closed',
    canReopen: canReopen(ctx, row),
    reopenUntil: until,
    autoCloseOn: row.status === 'resolved' && row.resolved_at ? workingDayLimit(ctx, row.resolved_at, ctx.options.autoCloseAfterWorkingDays) : null,
    ratingComment: row.rating_comment,
    contactFields: contact ? contactFields.filter((field: ContactField) => Boolean(contact[field])) : [],
    contactDeleted: row.contact_deleted_at !== null,
    contactDeletedAt: iso(row.contact_deleted_at),
    following,
  };
}

/** Follows duplicate links to the report that carries the work. */
export async function rootOf(ctx: Ctx, id: string): Promise<ReportRow | undefined> {
  let current = await findReportById(ctx, id);
  for (let hops = 0; current && current.status === 'duplicate' && current.duplicate_of && hops < 10; hops++) {
    current = await findReportById(ctx, current.duplicate_of);
  }
  return current;
}

// ---------------------------------------------------------------- officer views

export function mask(value: string | null, keepStart: number, keepEnd: number): string | null {
  if (!value) return null;
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(Math.max(3, value.length - keepStart - keepEnd)).slice(0, value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

export function maskContact(contact: Omit<ContactTable, 'report_id'>): MaskedContact {
  const email = contact.email;
  let maskedEmail: string | null = null;
  if (email) {
    const [local = '', domain = ''] = email.split('@');
    maskedEmail = `${local.slice(0, 2)}***@${domain}`;
  }
  return {
    name: contact.name ? contact.name.split(/\s+/).map((part, index) => (index === 0 ? part : `${part[0]}.`)).join(' ') : null,
    email: maskedEmail,
    phone: mask(contact.phone?.replace(/[\s-]/g, '') ?? null, 4, 3),
    nik: mask(contact.nik, 4, 2),
  };
}

export function allowedActions(ctx: Ctx, scope: OfficerScope, row: ReportRow): OfficerAction[] {
  const actions: OfficerAction[] = [];
  const handler = handlesAgency(scope, row.agency_id) && agencyStatuses.includes(row.status);
  if (scope.verifier) {
    if (row.status === 'submitted') actions.push('verify');
    if (row.status === 'submitted' || row.status === 'verified') actions.push('reject', 'duplicate');
    if (row.status === 'verified' || agencyOpenStatuses.includes(row.status)) actions.push('forward');
  }
  if (handler) {
    if (agencyOpenStatuses.includes(row.status) && !actions.includes('forward')) actions.push('forward');
    if (row.status === 'forwarded' || row.status === 'reopened') actions.push('start');
    if (agencyOpenStatuses.includes(row.status)) actions.push('assign');
    if (row.status === 'in_progress') actions.push('respond');
  }
  actions.push('note');
  return actions;
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
  const db = database(ctx);
  const events = await db.selectFrom('laksa_events').selectAll().where('report_id', '=', row.id).orderBy('id').execute();
  const photos = (await loadPhotos(db, [row.id])).get(row.id) ?? [];
  const timeline: OfficerTimelineEntry[] = events.map((event) => ({
    ...timelineEntry(ctx, event, photos),
    kind: event.kind,
    internal: event.internal,
    // The citizen's name never appears here: anonymous or not, citizen actions carry no name.
    actorName: event.actor_kind === 'citizen' ? null : event.actor_name,
  }));
  let reporter: MaskedContact | null = null;
  if (!row.anonymous) {
    const contact = await db.selectFrom('laksa_contacts').select(['name', 'email', 'phone', 'nik']).where('report_id', '=', row.id).executeTakeFirst();
    if (contact && (contact.name || contact.email || contact.phone || contact.nik)) {
      reporter = maskContact(contact);
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
    allowedActions: allowedActions(ctx, scope, row),
    verificationDueDate: row.verify_due,
    agencyDueDate: row.agency_due,
  };
}

// ---------------------------------------------------------------- photos

export async function storePhotos(ctx: Ctx, reportId: string, kind: 'report' | 'resolution', photos: ProcessedPhoto[], eventId: number | null): Promise<void> {
  const db = database(ctx);
  for (const photo of photos) {
    const row = await db
      .insertInto('laksa_photos')
      .values({ report_id: reportId, event_id: eventId, kind, storage_key: 'pending', content_type: 'image/jpeg', bytes: photo.data.byteLength, width: photo.width, height: photo.height, created_at: ctx.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const key = `laksa/${reportId}/${row.id}.jpg`;
    await ctx.storage.put(key, photo.data, 'image/jpeg');
    await db.updateTable('laksa_photos').set({ storage_key: key }).where('id', '=', row.id).execute();
  }
}

// ---------------------------------------------------------------- creating

export interface NewReport extends Omit<CreateReportInput, 'confidential' | 'anonymous'> {
  confidential: boolean;
  anonymous: boolean;
}

export async function createReport(
  ctx: Ctx,
  input: NewReport,
  photos: ProcessedPhoto[],
  source: 'web' | 'open311',
): Promise<{ id: string; ticket: string; trackingToken: string; open311Token: string | null }> {
  const db = database(ctx);
  const category = categoryOf(ctx, input.category)!;
  const now = ctx.clock.now();
  const trackingToken = newSecret(24);
  const open311Token = source === 'open311' ? newSecret(12) : null;
  const ticket = await nextTicket(db, todayOf(ctx));
  const id = await db.transaction().execute(async (trx) => {
    const { id: reportId } = await trx
      .insertInto('laksa_reports')
      .values({
        ticket,
        tracking_hash: sha256(trackingToken),
        type: input.type,
        category: category.id,
        title: input.title,
        description: input.description,
        lat: input.location.lat ?? null,
        lng: input.location.lng ?? null,
        address: input.location.address || null,
        kecamatan: input.location.kecamatan || null,
        kelurahan: input.location.kelurahan || null,
        confidential: input.confidential,
        anonymous: input.anonymous,
        status: 'submitted',
        agency_id: category.agency,
        assignee_id: null,
        assignee_name: null,
        source,
        open311_token: open311Token,
        reject_reason: null,
        duplicate_of: null,
        rating: null,
        rating_comment: null,
        verify_due: dueAfter(ctx, now, ctx.options.verifyWithinWorkingDays),
        agency_due: null,
        verify_overdue_at: null,
        agency_overdue_at: null,
        created_at: now,
        updated_at: now,
        verified_at: null,
        forwarded_at: null,
        first_response_at: null,
        resolved_at: null,
        closed_at: null,
        rated_at: null,
        contact_deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contact = input.contact;
    if (contact && (contact.name || contact.email || contact.phone || contact.nik)) {
      await trx
        .insertInto('laksa_contacts')
        .values({ report_id: reportId, name: contact.name ?? null, email: contact.email ?? null, phone: contact.phone ?? null, nik: ctx.options.askNik ? (contact.nik ?? null) : null })
        .execute();
    }
    await trx
      .insertInto('laksa_events')
      .values({ report_id: reportId, at: now, kind: 'status', from_status: null, to_status: 'submitted', note: null, internal: false, actor_kind: 'citizen', actor_id: null, actor_name: null, agency_id: null })
      .execute();
    return reportId;
  });
  await storePhotos(ctx, id, 'report', photos, null);
  const row = (await findReportById(ctx, id))!;
  await emitStatusChanged(ctx, row, null, null);
  return { id, ticket, trackingToken, open311Token };
}

// ---------------------------------------------------------------- transitions

export type Actor = { kind: ActorKind; user: SessionUser | null };

export interface TransitionSpec {
  action: string;
  from: readonly ReportStatus[];
  /** Target status; the current one for events that do not change it (notes, assignment, rating). */
  to: ReportStatus | null;
  kind: EventKind;
  note?: string | null;
  internal?: boolean;
  /** Extra column changes. */
  set?: (row: ReportRow, now: Date) => Partial<ReportRow>;
  /** Checks on the locked row beyond the status (e.g. agency). */
  check?: (row: ReportRow) => void;
}

const watched = ['status', 'agency_id', 'assignee_id', 'assignee_name', 'reject_reason', 'duplicate_of', 'agency_due', 'rating'] as const;
function auditShape(row: ReportRow) {
  return Object.fromEntries(watched.map((key) => [key, row[key]]));
}

/**
 * One step of the workflow: locks the row, checks the current status (409 naming current and wanted status),
 * updates, records an event, then audits and emits. The check and the update run in one transaction, so two
 * officers acting at once cannot both move the same report.
 */
export async function transition(
  ctx: Ctx,
  c: RequestContext | { actor: SessionUser | null },
  actor: Actor,
  reportId: string,
  spec: TransitionSpec,
): Promise<{ before: ReportRow; after: ReportRow; eventId: number }> {
  const db = database(ctx);
  const now = ctx.clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('laksa_reports').selectAll().where('id', '=', reportId).forUpdate().executeTakeFirst();
    if (!before) throw problems.notFound('No such report.');
    if (!spec.from.includes(before.status)) {
      const wanted = spec.to ?? before.status;
      throw problems.conflict(
        `Cannot ${spec.action} a report that is "${before.status}"${spec.to && spec.to !== before.status ? ` (wanted "${wanted}")` : ''}; allowed from: ${spec.from.join(', ')}.`,
        [{ field: 'status', message: `current status "${before.status}", wanted "${wanted}"`, code: 'invalid_transition' }],
      );
    }
    spec.check?.(before);
    const to = spec.to ?? before.status;
    const changes: Partial<ReportRow> = { ...(spec.set?.(before, now) ?? {}), status: to, updated_at: now };
    const after = (await trx.updateTable('laksa_reports').set(changes).where('id', '=', reportId).returningAll().executeTakeFirstOrThrow()) as ReportRow;
    const event = await trx
      .insertInto('laksa_events')
      .values({
        report_id: reportId,
        at: now,
        kind: spec.kind,
        from_status: before.status,
        to_status: to,
        note: spec.note ?? null,
        internal: spec.internal ?? false,
        actor_kind: actor.kind,
        actor_id: actor.kind === 'citizen' ? null : (actor.user?.id ?? null),
        actor_name: actor.kind === 'citizen' ? null : (actor.user?.name ?? null),
        agency_id: actor.kind === 'agency' ? after.agency_id : actor.kind === 'verifier' ? ctx.options.verifierAgency : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { before: before as ReportRow, after, eventId: event.id };
  });
  if (actor.kind !== 'citizen') {
    // Audit entries carry workflow fields only: never the reporter's contact.
    await ctx.audit(c, { action: `report.${spec.action}`, subjectType: 'report', subjectId: result.after.ticket, agencyId: result.after.agency_id, before: auditShape(result.before), after: auditShape(result.after) });
  }
  if (!spec.internal && result.before.status !== result.after.status) await emitStatusChanged(ctx, result.after, result.before.status, spec.note ?? null);
  return result;
}

/**
 * The event regions attach notifications to (email, WhatsApp gateway). It carries the reporter's contact so a
 * hook can reach them; core never logs event payloads, and nothing here logs it either.
 */
export async function emitStatusChanged(ctx: Ctx, row: ReportRow, previous: ReportStatus | null, note: string | null): Promise<void> {
  const contact = await database(ctx).selectFrom('laksa_contacts').select(['name', 'email', 'phone']).where('report_id', '=', row.id).executeTakeFirst();
  await ctx.emit(statusChangedEvent, {
    ticket: row.ticket,
    status: row.status,
    previousStatus: previous,
    stage: stageOf(row.status),
    note,
    agency: row.agency_id,
    confidential: row.confidential,
    anonymous: row.anonymous,
    reporter: contact && (contact.email || contact.phone) ? { name: contact.name, email: contact.email, phone: contact.phone } : null,
  });
}

// ---------------------------------------------------------------- the reporter's right to erasure (UU PDP 27/2022)

/**
 * Deletes the reporter's contact data of one report at their request; the report itself stays (the city still
 * has to handle the complaint). Idempotent: a later call finds nothing to delete and records nothing new.
 *
 * The row in `laksa_contacts` is deleted rather than blanked: that table holds nothing but personal data, so an
 * emptied row would be worthless, and deleting it also removes any personal column added to the table later,
 * which blanking named fields would silently keep. (PostgreSQL frees the dead row's bytes at its next VACUUM;
 * backups follow the region's retention.) Without the row, notifications (`reporter: null`) and officer views
 * (`reporter: null`) have nothing to show.
 */
export async function forgetContact(ctx: Ctx, reportId: string): Promise<ReportRow> {
  const db = database(ctx);
  const now = ctx.clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('laksa_reports').selectAll().where('id', '=', reportId).forUpdate().executeTakeFirst();
    if (!before) throw problems.notFound('No such report.');
    const deleted = await trx.deleteFrom('laksa_contacts').where('report_id', '=', reportId).returning(['name', 'email', 'phone', 'nik']).executeTakeFirst();
    // Only which kinds of data went, never their values.
    const fields = deleted ? contactFields.filter((field) => Boolean(deleted[field])) : [];
    if (before.contact_deleted_at !== null && !deleted) return { row: before as ReportRow, first: false, fields };
    const after = (await trx
      .updateTable('laksa_reports')
      .set({ contact_deleted_at: before.contact_deleted_at ?? now })
      .where('id', '=', reportId)
      .returningAll()
      .executeTakeFirstOrThrow()) as ReportRow;
    // Internal: officers see why the contact is gone; the public timeline and the reporter's timeline do not show it.
    await trx
      .insertInto('laksa_events')
      .values({ report_id: reportId, at: now, kind: 'contact_deleted', from_status: after.status, to_status: after.status, note: null, internal: true, actor_kind: 'citizen', actor_id: null, actor_name: null, agency_id: null })
      .execute();
    return { row: after, first: true, fields };
  });
  if (result.first) {
    await ctx.audit(
      { actor: null },
      { action: 'report.contact.delete', subjectType: 'report', subjectId: result.row.ticket, agencyId: result.row.agency_id, before: { contactFields: result.fields }, after: { contactFields: [], contactDeletedAt: iso(result.row.contact_deleted_at) } },
    );
  }
  return result.row;
}

export const now = (ctx: Ctx) => ctx.clock.now();
export { dueAfter, todayOf };
