/** Employer logos: re-encoded by core's images kit (no metadata, at most 512 px, WebP), stored, served publicly. */
import { randomUUID } from 'node:crypto';
import { imagesFromForm } from '@kota-kit/core/images';
import { ProblemError, problems, type RequestContext } from '@kota-kit/core/server';
import { toEmployer } from '../queries/employers.js';
import type { Ctx } from '../tables.js';
import { requireEmployer } from './access.js';

export const maxLogoBytes = 2_000_000;

export async function uploadLogo(ctx: Ctx, c: RequestContext) {
  const { employer } = await requireEmployer(ctx, c);
  if (Number(c.req.header('content-length') ?? 0) > maxLogoBytes + 100_000) throw new ProblemError(413, 'Payload too large', { detail: `A logo may be at most ${maxLogoBytes} bytes.` });
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw problems.invalid([{ field: 'body', message: { en: 'Send multipart/form-data with the picture in "logo".', id: 'Kirim multipart/form-data dengan gambar di isian "logo".' } }]);
  }
  const [logo] = await imagesFromForm(form, 'logo', { maxFiles: 1, maxBytes: maxLogoBytes, maxSide: 512, format: 'webp' });
  if (!logo) throw problems.invalid([{ field: 'body.logo', message: { en: 'Send the logo as a picture file.', id: 'Kirim logo sebagai berkas gambar.' } }]);
  // Stored before the unit of work: a rolled-back write leaves an orphan that core's janitor removes.
  const key = `pencaker/logos/${employer.id}/${randomUUID()}.webp`;
  await ctx.storage.put(key, logo.data, logo.contentType);
  const row = await ctx.unitOfWork(c, async (work) => {
    const updated = await work.db.updateTable('pencaker_employers').set({ logo_key: key }).where('id', '=', employer.id).returningAll().executeTakeFirstOrThrow();
    await work.audit({ action: 'employer.logo', subjectType: 'employer', subjectId: String(employer.id), agencyId: ctx.options.agencyId, after: { width: logo.width, height: logo.height } });
    return updated;
  });
  if (employer.logo_key) await ctx.storage.delete(employer.logo_key).catch(() => undefined);
  return toEmployer(row);
}
