import { problems } from '@kota-kit/core/server';
import sharp from 'sharp';

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
