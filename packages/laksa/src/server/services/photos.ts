import { randomUUID } from 'node:crypto';
import { ProblemError, problems, type RequestContext } from '@kota-kit/core/server';
import sharp from 'sharp';
import type { Ctx, Db } from '../tables.js';

export interface ProcessedPhoto {
  data: Buffer;
  width: number;
  height: number;
}

const acceptedFormats = new Set(['jpeg', 'png', 'webp']);
/** Bounds decoding work on a hostile "image" (a small file that decodes to gigapixels). */
const maxInputPixels = 50_000_000;

/**
 * Re-encodes an uploaded photo as JPEG. The type is read from the content, never from the name or the
 * declared type. Re-encoding drops every metadata block (EXIF with GPS position, XMP, ICC comments),
 * after turning the picture upright by its EXIF orientation.
 */
export async function processPhoto(data: Uint8Array, field: string, maxBytes: number): Promise<ProcessedPhoto> {
  if (data.byteLength > maxBytes) {
    throw problems.invalid([{ field, message: `Photo is larger than ${Math.round(maxBytes / 100_000) / 10} MB.`, code: 'too_big' }]);
  }
  let format: string | undefined;
  try {
    format = (await sharp(data, { limitInputPixels: maxInputPixels }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !acceptedFormats.has(format)) {
    throw problems.invalid([{ field, message: 'Only JPEG, PNG or WebP photos are accepted.', code: 'invalid_type' }]);
  }
  try {
    const { data: output, info } = await sharp(data, { limitInputPixels: maxInputPixels, failOn: 'error' })
      .rotate()
      .resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data: output, width: info.width, height: info.height };
  } catch {
    throw problems.invalid([{ field, message: 'The photo could not be read; it may be damaged.', code: 'invalid_image' }]);
  }
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
  if (files.length !== entries.length) throw problems.invalid([{ field: `body.${field}`, message: 'Send photos as files.' }]);
  if (files.length > ctx.options.maxPhotos) {
    throw problems.invalid([{ field: `body.${field}`, message: `At most ${ctx.options.maxPhotos} photos.`, code: 'too_big' }]);
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
