import { randomUUID } from 'node:crypto';
import { ProblemError, problems, type RequestContext } from '@kota-kit/core/server';
import { reencodeImage } from '@kota-kit/core/images';
import type { Ctx, Db } from '../tables.js';

export interface ProcessedPhoto {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Re-encodes an uploaded photo as JPEG without its metadata (EXIF with the GPS position): core's images kit,
 * which reads the type from the content.
 */
export async function processPhoto(data: Uint8Array, field: string, maxBytes: number): Promise<ProcessedPhoto> {
  const { data: output, width, height } = await reencodeImage(data, { field, maxBytes });
  return { data: output, width, height };
}

// ---------------------------------------------------------------- uploads of a request

const multipartLimitSlack = 200_000;

export function isMultipart(c: RequestContext): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** Refuses a body larger than the photos it may carry (413) before reading it. */
export function checkBodySize(ctx: Ctx, c: RequestContext): void {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > ctx.options.maxPhotos * ctx.options.maxPhotoBytes + multipartLimitSlack) {
    throw new ProblemError(413, 'Payload too large', { detail: `At most ${ctx.options.maxPhotos} photos of ${ctx.options.maxPhotoBytes} bytes each.` });
  }
}

/** Reads the files of a multipart field, checking count, size and type; photos come back re-encoded. */
export async function photosFrom(ctx: Ctx, form: FormData, field: string): Promise<ProcessedPhoto[]> {
  const entries = form.getAll(field);
  const files = entries.filter((entry): entry is File => typeof entry !== 'string');
  if (files.length !== entries.length) throw problems.invalid([{ field: `body.${field}`, message: { en: 'Send photos as files.', id: 'Kirim foto sebagai berkas.' } }]);
  if (files.length > ctx.options.maxPhotos) {
    throw problems.invalid([{ field: `body.${field}`, message: { en: `At most ${ctx.options.maxPhotos} photos.`, id: `Paling banyak ${ctx.options.maxPhotos} foto.` }, code: 'too_big' }]);
  }
  const photos: ProcessedPhoto[] = [];
  for (const [index, file] of files.entries()) photos.push(await processPhoto(new Uint8Array(await file.arrayBuffer()), `body.${field}.${index}`, ctx.options.maxPhotoBytes));
  return photos;
}

export interface StoredPhoto extends ProcessedPhoto {
  id: string;
  key: string;
}

/**
 * Writes the files to storage before the unit of work that records their rows: if that work is rolled back,
 * the files are orphans that core's janitor deletes (see `liveUploads`).
 */
export async function storePhotoFiles(ctx: Ctx, reportId: string, photos: ProcessedPhoto[]): Promise<StoredPhoto[]> {
  const stored: StoredPhoto[] = [];
  for (const photo of photos) {
    const id = randomUUID();
    const key = `laksa/${reportId}/${id}.jpg`;
    await ctx.storage.put(key, photo.data, 'image/jpeg');
    stored.push({ ...photo, id, key });
  }
  return stored;
}

/** The rows of stored photos, inside the unit of work of the report or the response they belong to. */
export async function insertPhotoRows(db: Db, reportId: string, kind: 'report' | 'resolution', photos: StoredPhoto[], eventId: number | null, now: Date): Promise<void> {
  for (const photo of photos) {
    await db
      .insertInto('laksa_photos')
      .values({ id: photo.id, report_id: reportId, event_id: eventId, kind, storage_key: photo.key, content_type: 'image/jpeg', bytes: photo.data.byteLength, width: photo.width, height: photo.height, created_at: now })
      .execute();
  }
}
