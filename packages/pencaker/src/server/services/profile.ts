/** The seeker's profile, CV and the right to be forgotten (UU PDP). Every write is one unit of work. */
import { randomUUID } from 'node:crypto';
import { ProblemError, problems, type RequestContext, type UnitOfWork } from '@kota-kit/core/server';
import type { ProfileData } from '../../schemas/profile.js';
import { findSeeker, profileColumns, toProfile } from '../queries/seekers.js';
import type { Ctx, PencakerTables, SeekerRow } from '../tables.js';
import { findSeekerOfUser, requireSeeker } from './access.js';
import { regionKecamatan } from './places.js';

export async function saveProfile(ctx: Ctx, c: RequestContext, given: ProfileData) {
  const user = ctx.access.requireUser(c);
  const preferred = given.preferences.kecamatan;
  const places: Record<string, string> = regionKecamatan(ctx, { 'body.kecamatan': given.kecamatan, ...Object.fromEntries(preferred.map((name, index) => [`body.preferences.kecamatan.${index}`, name])) });
  const data = { ...given, kecamatan: places['body.kecamatan']!, preferences: { ...given.preferences, kecamatan: preferred.map((_, index) => places[`body.preferences.kecamatan.${index}`]!) } };
  const now = ctx.clock.now();
  return ctx.unitOfWork(c, async (work) => {
    const existing = await findSeekerOfUser(work.db, user.id);
    let row: SeekerRow;
    if (existing) {
      row = await work.db.updateTable('pencaker_seekers').set({ ...profileColumns(data), updated_at: now }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
    } else {
      row = await work.db
        .insertInto('pencaker_seekers')
        .values({ ...profileColumns(data), user_id: user.id, email: user.email, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    // The anonymous facts the statistics count; they outlive the profile.
    const facts = { education_level: data.educationLevel, birth_year: Number(data.birthDate.slice(0, 4)), sex: data.sex };
    const updated = await work.db.updateTable('pencaker_seeker_facts').set(facts).where('seeker_id', '=', row.id).returning('id').executeTakeFirst();
    if (!updated) await work.db.insertInto('pencaker_seeker_facts').values({ ...facts, seeker_id: row.id, registered_at: now }).execute();
    // Personal data: the audit records that the profile changed, not its content.
    await work.audit({ action: existing ? 'profile.update' : 'profile.create', subjectType: 'seeker', subjectId: row.id });
    return toProfile(row);
  });
}

/** A PDF is recognised by its content ("%PDF-" at the start), never by its name or declared type. */
export function isPdf(data: Uint8Array): boolean {
  return data.length > 5 && data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46 && data[4] === 0x2d;
}

/** Refuses a body larger than the largest CV (413) before reading it. */
export function checkCvBodySize(ctx: Ctx, c: RequestContext): void {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > ctx.options.maxCvBytes + 100_000) {
    throw new ProblemError(413, 'Payload too large', { detail: `A CV may be at most ${ctx.options.maxCvBytes} bytes.` });
  }
}

export async function uploadCv(ctx: Ctx, c: RequestContext, file: unknown) {
  const { user, seeker } = await requireSeeker(ctx, c);
  await ctx.rateLimit.hit(`pencaker:cv:${user.id}`, 20, 3600);
  if (!(file instanceof File)) throw problems.invalid([{ field: 'body.cv', message: { en: 'Send the CV as a PDF file in the field "cv".', id: 'Kirim CV sebagai berkas PDF di isian "cv".' } }]);
  if (file.size > ctx.options.maxCvBytes) {
    throw problems.invalid([{ field: 'body.cv', message: { en: `The CV is larger than ${Math.round(ctx.options.maxCvBytes / 100_000) / 10} MB.`, id: `CV lebih besar dari ${Math.round(ctx.options.maxCvBytes / 100_000) / 10} MB.` }, code: 'too_big' }]);
  }
  const data = new Uint8Array(await file.arrayBuffer());
  if (!isPdf(data)) throw problems.invalid([{ field: 'body.cv', message: { en: 'Only PDF files are accepted.', id: 'Hanya berkas PDF yang diterima.' }, code: 'invalid_type' }]);
  // Stored before the unit of work: if it is rolled back, core's janitor removes the orphan (see liveUploads).
  const key = `pencaker/cv/${seeker.id}/${randomUUID()}.pdf`;
  await ctx.storage.put(key, data, 'application/pdf');
  const now = ctx.clock.now();
  const row = await ctx.unitOfWork(c, async (work) => {
    const updated = await work.db
      .updateTable('pencaker_seekers')
      .set({ cv_key: key, cv_bytes: data.byteLength, cv_uploaded_at: now, updated_at: now })
      .where('id', '=', seeker.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await work.audit({ action: 'profile.cv-upload', subjectType: 'seeker', subjectId: seeker.id, after: { bytes: data.byteLength } });
    return updated;
  });
  if (seeker.cv_key) await ctx.storage.delete(seeker.cv_key).catch(() => undefined);
  return toProfile(row);
}

/** The stored CV of a seeker, as a private download. */
export async function cvResponse(ctx: Ctx, c: RequestContext, seekerId: string) {
  const seeker = await findSeeker(ctx.db, seekerId);
  const stored = seeker?.cv_key ? await ctx.storage.get(seeker.cv_key) : null;
  if (!stored) throw problems.notFound('No CV on file.');
  return c.body(new Uint8Array(stored.data), 200, {
    'content-type': 'application/pdf',
    'content-disposition': 'attachment; filename="cv.pdf"',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
}

/**
 * The seeker deletes their job-seeker data (UU PDP right to erasure): profile, CV, card and saved searches go;
 * the anonymous facts (education, birth year, sex, dates) and the applications' stages stay for the statistics,
 * no longer linked to anyone. Their own words (cover letters) are removed too.
 */
export async function deleteSeekerData(ctx: Ctx, c: RequestContext) {
  const user = ctx.access.requireUser(c);
  await ctx.unitOfWork(c, (work) => forgetSeekerOf(ctx, work, user.id));
}

/** `deleteSeekerData` inside a unit of work (also when the account is deleted); the CV file goes after the commit. */
export async function forgetSeekerOf(ctx: Ctx, work: UnitOfWork<PencakerTables>, userId: string): Promise<void> {
  const seeker = await findSeekerOfUser(work.db, userId);
  if (seeker) {
    await work.db.updateTable('pencaker_applications').set({ cover_letter: null, with_cv: false }).where('seeker_id', '=', seeker.id).execute();
    // Cards cascade; applications and facts keep their rows with seeker_id set to null.
    await work.db.deleteFrom('pencaker_seekers').where('id', '=', seeker.id).execute();
  }
  const searches = await work.db.deleteFrom('pencaker_saved_searches').where('user_id', '=', userId).executeTakeFirst();
  if (seeker || searches.numDeletedRows > 0n) await work.audit({ action: 'profile.delete', subjectType: 'seeker', subjectId: seeker?.id ?? userId });
  const cvKey = seeker?.cv_key;
  if (cvKey) work.afterCommit(() => ctx.storage.delete(cvKey));
}
