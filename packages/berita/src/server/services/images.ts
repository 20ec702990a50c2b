/**
 * Article images: re-encoded by core's images kit (JPEG, no EXIF or location), stored at a few widths for
 * `srcset` (the 1200 px one is the link preview WhatsApp shows). Files go to storage first; their row is written
 * in the unit of work, and core's janitor removes files of work that was rolled back.
 */
import { randomBytes } from 'node:crypto';
import { imageVariants, imagesFromForm, type ProcessedImage } from '@kota-kit/core/images';
import { problems, type RequestContext, type WorkSource } from '@kota-kit/core/server';
import type { Ctx } from '../tables.js';

export const imageWidths = [480, 800, 1200] as const;
const maxUploadBytes = 8_000_000;

export const storageKey = (key: string, width: number) => `berita/${key}/${width}.jpg`;

/** Stores a re-encoded picture and its smaller copies; returns its key and size. */
export async function storeImage(ctx: Ctx, source: WorkSource, picture: ProcessedImage, createdBy: string | null) {
  const variants = await imageVariants(picture, imageWidths);
  const key = randomBytes(16).toString('hex');
  for (const variant of variants) await ctx.storage.put(storageKey(key, variant.width), variant.data, 'image/jpeg');
  const largest = variants.at(-1)!;
  await ctx.unitOfWork(source, async (work) => {
    await work.db.insertInto('berita_images').values({ key, width: largest.width, height: largest.height, widths: variants.map((variant) => variant.width), created_by: createdBy, created_at: ctx.clock.now() }).execute();
    if ('req' in source) await work.audit({ action: 'image.upload', subjectType: 'image', subjectId: key, after: { width: largest.width, height: largest.height } });
  });
  return { key, width: largest.width, height: largest.height };
}

export async function uploadImage(ctx: Ctx, c: RequestContext) {
  const user = ctx.access.requireRole(c, ['writer', 'editor']);
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) throw problems.invalid([{ field: 'body.file', message: { en: 'Send the picture as multipart/form-data in the field "file".', id: 'Kirim gambar sebagai multipart/form-data di isian "file".' } }]);
  if (Number(c.req.header('content-length') ?? '0') > maxUploadBytes + 100_000) throw problems.invalid([{ field: 'body.file', message: { en: `At most ${maxUploadBytes} bytes.`, id: `Paling besar ${maxUploadBytes} byte.` } }]);
  await ctx.rateLimit.hit(`berita:upload:${user.id}`, 60, 3600);
  const form = await c.req.formData().catch(() => null);
  if (!form) throw problems.invalid([{ field: 'body.file', message: { en: 'The form could not be read.', id: 'Formulir tidak dapat dibaca.' } }]);
  const [picture] = await imagesFromForm(form, 'file', { maxFiles: 1, maxBytes: maxUploadBytes, maxSide: 1600 });
  if (!picture) throw problems.invalid([{ field: 'body.file', message: { en: 'Choose a picture.', id: 'Pilih gambar.' } }]);
  return storeImage(ctx, c, picture, user.id);
}

/** Of upload keys under "berita/", those an image row still refers to. */
export async function liveUploads(ctx: Ctx, keys: string[]): Promise<string[]> {
  const parsed = keys.map((key) => ({ key, image: /^berita\/([a-f0-9]{32})\//.exec(key)?.[1] })).filter((entry): entry is { key: string; image: string } => !!entry.image);
  if (!parsed.length) return [];
  const rows = await ctx.db.selectFrom('berita_images').select('key').where('key', 'in', [...new Set(parsed.map((entry) => entry.image))]).execute();
  const live = new Set(rows.map((row) => row.key));
  return parsed.filter((entry) => live.has(entry.image)).map((entry) => entry.key);
}
