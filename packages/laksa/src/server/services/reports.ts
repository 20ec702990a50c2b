/** Writing reports: sending one (web or Open311), "me too", and the reporter's right to erasure. */
import { randomUUID } from 'node:crypto';
import { problems, sql, type UnitOfWork, type WorkSource } from '@kota-kit/core/server';
import type { CategoryOption } from '../../index.js';
import { contactFields, kecamatanNames, type CreateReportInput } from '../../schemas.js';
import { insertEvent } from '../queries/events.js';
import { lockById } from '../queries/reports.js';
import type { Ctx, LaksaTables, ReportRow } from '../tables.js';
import { dayRange, dueAfter, todayOf } from './calendar.js';
import { insertPhotoRows, storePhotoFiles, type ProcessedPhoto } from './photos.js';
import { hasContact } from './privacy.js';
import { newSecret, nextTicket, sha256 } from './tickets.js';
import { emitStatusChanged } from './workflow.js';

export function categoryOf(ctx: Ctx, id: string): CategoryOption | undefined {
  return ctx.options.categories.find((category) => category.id === id);
}

/** The region's kecamatan: the `kecamatan` option, else the region's geography, else none (any name is taken). */
export function regionKecamatan(ctx: Ctx): readonly string[] {
  return kecamatanNames(ctx.options, ctx.region);
}

/** The region's spelling of a kecamatan typed in any case, or undefined; as written when the region lists none. */
export function kecamatanOf(ctx: Ctx, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const names = regionKecamatan(ctx);
  if (names.length === 0) return name;
  return names.find((item) => item.toLowerCase() === name.toLowerCase());
}

/** Checks of a new report against the region's options (the schema checks the shape). */
export function checkReportFields(ctx: Ctx, input: Pick<CreateReportInput, 'category' | 'type' | 'location' | 'contact'>, prefix: string): void {
  const errors: { field: string; message: string; code?: string }[] = [];
  const category = categoryOf(ctx, input.category);
  if (!category) errors.push({ field: `${prefix}.category`, message: `Unknown category "${input.category}".` });
  else if (!category.types.includes(input.type)) errors.push({ field: `${prefix}.type`, message: `Category "${category.id}" accepts: ${category.types.join(', ')}.` });
  if (input.location.kecamatan && !kecamatanOf(ctx, input.location.kecamatan)) {
    errors.push({ field: `${prefix}.location.kecamatan`, message: `Unknown kecamatan "${input.location.kecamatan}". One of: ${regionKecamatan(ctx).join(', ')}.` });
  }
  if (input.contact?.nik && !ctx.options.askNik) errors.push({ field: `${prefix}.contact.nik`, message: 'This region does not ask for the NIK; leave it out.' });
  if (errors.length) throw problems.invalid(errors);
}

export interface NewReport extends Omit<CreateReportInput, 'confidential' | 'anonymous'> {
  confidential: boolean;
  anonymous: boolean;
}

/** The signed-in citizen sending a report ("Laporan saya" lists it for them); null without a citizen session. */
function citizenAccountOf(source: WorkSource): string | null {
  const user = 'actor' in source ? source.actor : source.get('user');
  return user?.kind === 'citizen' ? user.id : null;
}

/** Stores a report with its contact, first event and photos in one unit of work; emits `report.status-changed`. */
export async function createReport(
  ctx: Ctx,
  source: WorkSource,
  input: NewReport,
  photos: ProcessedPhoto[],
  channel: 'web' | 'open311',
): Promise<{ id: string; ticket: string; trackingToken: string; open311Token: string | null }> {
  const category = categoryOf(ctx, input.category)!;
  const now = ctx.clock.now();
  const id = randomUUID();
  const trackingToken = newSecret(24);
  const open311Token = channel === 'open311' ? newSecret(12) : null;
  const stored = await storePhotoFiles(ctx, id, photos);
  const ticket = await ctx.unitOfWork(source, async (work) => {
    const ticket = await nextTicket(work.db, todayOf(ctx));
    const row = await work.db
      .insertInto('laksa_reports')
      .values({
        id,
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
        source: channel,
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
        reporter_user_id: channel === 'web' ? citizenAccountOf(source) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const contact = input.contact;
    if (contact && hasContact(contact)) {
      await work.db
        .insertInto('laksa_contacts')
        .values({ report_id: id, name: contact.name ?? null, email: contact.email ?? null, phone: contact.phone ?? null, nik: ctx.options.askNik ? (contact.nik ?? null) : null })
        .execute();
    }
    await insertEvent(work.db, { reportId: id, at: now, kind: 'status', from: null, to: 'submitted', actor: 'citizen' });
    await insertPhotoRows(work.db, id, 'report', stored, null, now);
    await emitStatusChanged(work, row, null, null);
    return ticket;
  });
  return { id, ticket, trackingToken, open311Token };
}

/**
 * Who supports, as a key stored hashed (no address or account id in the database): a signed-in citizen counts
 * once per account; anyone else once per client address and day (the region's day), whatever their browser says
 * (a changed User-Agent is not a new person). The address key is salted with the report and the day, so one
 * address cannot be followed across reports or days, and it is deleted once its day is over.
 */
export function supportKey(ctx: Ctx, row: Pick<ReportRow, 'id'>, who: { userId: string | null; address: string }): string {
  if (who.userId) return accountSupportKey(who.userId);
  return `${dayKeyPrefix}${sha256(`laksa.support|${row.id}|${todayOf(ctx)}|${who.address}`)}`;
}

const dayKeyPrefix = 'day:';

/** A signed-in account's support key, as earlier versions stored it (an account that supported before still counts once). */
export function accountSupportKey(userId: string): string {
  return sha256(`user:${userId}`);
}

/** "Me too": one support per key (`supportKey`); the counter grows in the same unit of work. */
export async function support(ctx: Ctx, source: WorkSource, row: ReportRow, key: string): Promise<{ supporters: number; alreadySupported: boolean }> {
  const now = ctx.clock.now();
  const today = todayOf(ctx);
  return ctx.unitOfWork(source, async (work) => {
    // An address key is of use only on its own day: this report's keys of earlier days go (kept no longer than needed).
    await work.db
      .deleteFrom('laksa_supports')
      .where('report_id', '=', row.id)
      .where('fingerprint', 'like', `${dayKeyPrefix}%`)
      .where('created_at', '<', dayRange(ctx, today, today).start)
      .execute();
    const inserted = await work.db
      .insertInto('laksa_supports')
      .values({ report_id: row.id, fingerprint: key, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('report_id')
      .executeTakeFirst();
    if (!inserted) {
      const current = await work.db.selectFrom('laksa_reports').select('supporters').where('id', '=', row.id).executeTakeFirstOrThrow();
      return { supporters: current.supporters, alreadySupported: true };
    }
    const updated = await work.db.updateTable('laksa_reports').set({ supporters: sql`supporters + 1` }).where('id', '=', row.id).returning('supporters').executeTakeFirstOrThrow();
    return { supporters: updated.supporters, alreadySupported: false };
  });
}

/**
 * Deletes the reporter's contact data of one report at their request (UU PDP 27/2022); the report itself stays
 * (the city still has to handle the complaint). Idempotent: a later call finds nothing to delete and records
 * nothing new.
 *
 * The row in `laksa_contacts` is deleted rather than blanked: that table holds nothing but personal data, so an
 * emptied row would be worthless, and deleting it also removes any personal column added to the table later,
 * which blanking named fields would silently keep. (PostgreSQL frees the dead row's bytes at its next VACUUM;
 * backups follow the region's retention.) Without the row, notifications (`reporter: null`) and officer views
 * (`reporter: null`) have nothing to show.
 */
export async function forgetContact(ctx: Ctx, reportId: string): Promise<ReportRow> {
  const now = ctx.clock.now();
  return ctx.unitOfWork({ actor: null }, async (work) => {
    const before = await lockById(work.db, reportId);
    if (!before) throw problems.notFound('No such report.');
    return forgetContactOf(work, before, now);
  });
}

/** `forgetContact` inside a unit of work already holding the report's row (also used when an account is deleted). */
export async function forgetContactOf(work: UnitOfWork<LaksaTables>, before: ReportRow, now: Date): Promise<ReportRow> {
  const reportId = before.id;
  const deleted = await work.db.deleteFrom('laksa_contacts').where('report_id', '=', reportId).returning(['name', 'email', 'phone', 'nik']).executeTakeFirst();
  // Only which kinds of data went, never their values.
  const fields = deleted ? contactFields.filter((field) => Boolean(deleted[field])) : [];
  if (before.contact_deleted_at !== null && !deleted && before.reporter_user_id === null) return before;
  // The link to the citizen's account goes too: it names the reporter as surely as an email does.
  const after = await work.db.updateTable('laksa_reports').set({ contact_deleted_at: before.contact_deleted_at ?? now, reporter_user_id: null }).where('id', '=', reportId).returningAll().executeTakeFirstOrThrow();
  // Internal: officers see why the contact is gone; the public timeline and the reporter's timeline do not show it.
  await insertEvent(work.db, { reportId, at: now, kind: 'contact_deleted', from: after.status, to: after.status, internal: true, actor: 'citizen' });
  await work.audit({
    action: 'report.contact.delete',
    subjectType: 'report',
    subjectId: after.ticket,
    agencyId: after.agency_id,
    before: { contactFields: fields },
    after: { contactFields: [], contactDeletedAt: after.contact_deleted_at ? new Date(after.contact_deleted_at).toISOString() : null },
  });
  return after;
}
