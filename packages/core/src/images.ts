/**
 * @kota-kit/core/images — uploaded pictures made safe and light (Node only, needs `sharp`, an optional peer:
 * a module that handles images lists `sharp` in its own dependencies).
 *
 * Every picture is re-encoded: the type is read from the content, never from the name or the declared type, and
 * re-encoding drops every metadata block (EXIF with the GPS position, XMP, comments) after turning the picture
 * upright by its EXIF orientation.
 */
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { problems } from './server/http.js';

export type ImageFormat = 'jpeg' | 'webp';

export interface ProcessedImage {
  data: Buffer;
  width: number;
  height: number;
  format: ImageFormat;
  contentType: 'image/jpeg' | 'image/webp';
}

export interface ReencodeOptions {
  /** The request field the picture came in ("body.photos.0"), named in errors. */
  field: string;
  /** Larger uploads are refused (400, code too_big). */
  maxBytes: number;
  /** The longest side after resizing; never enlarged. Default 2048. */
  maxSide?: number;
  /** Default jpeg (what every phone and link preview shows). */
  format?: ImageFormat;
  /** Default 82. */
  quality?: number;
}

const acceptedFormats = new Set(['jpeg', 'png', 'webp']);
/** Bounds decoding work on a hostile "image" (a small file that decodes to gigapixels). */
const maxInputPixels = 50_000_000;

function encode(pipeline: Sharp, format: ImageFormat, quality: number): Sharp {
  // Transparent PNGs get a white background: JPEG has no alpha, and a white page is what readers expect.
  return format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: false }) : pipeline.webp({ quality });
}

function processed(data: Buffer, info: OutputInfo, format: ImageFormat): ProcessedImage {
  return { data, width: info.width, height: info.height, format, contentType: format === 'jpeg' ? 'image/jpeg' : 'image/webp' };
}

/** Checks and re-encodes an uploaded picture (JPEG, PNG or WebP in); a clear 400 naming `field` otherwise. */
export async function reencodeImage(data: Uint8Array, options: ReencodeOptions): Promise<ProcessedImage> {
  const { field, maxBytes, maxSide = 2048, format = 'jpeg', quality = 82 } = options;
  if (data.byteLength > maxBytes) {
    throw problems.invalid([{ field, message: `Picture is larger than ${Math.round(maxBytes / 100_000) / 10} MB.`, code: 'too_big' }]);
  }
  let detected: string | undefined;
  try {
    detected = (await sharp(data, { limitInputPixels: maxInputPixels }).metadata()).format;
  } catch {
    detected = undefined;
  }
  if (!detected || !acceptedFormats.has(detected)) {
    throw problems.invalid([{ field, message: 'Only JPEG, PNG or WebP pictures are accepted.', code: 'invalid_type' }]);
  }
  try {
    const pipeline = sharp(data, { limitInputPixels: maxInputPixels, failOn: 'error' }).rotate().resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    const { data: output, info } = await encode(pipeline, format, quality).toBuffer({ resolveWithObject: true });
    return processed(output, info, format);
  } catch {
    throw problems.invalid([{ field, message: 'The picture could not be read; it may be damaged.', code: 'invalid_image' }]);
  }
}

/**
 * Smaller copies of an already re-encoded picture for `srcset`: one per width narrower than the picture
 * (the picture's own width is always the last one), so phones on slow data load what their screen shows.
 */
export async function imageVariants(image: ProcessedImage, widths: readonly number[], options: { format?: ImageFormat; quality?: number } = {}): Promise<ProcessedImage[]> {
  const format = options.format ?? image.format;
  const quality = options.quality ?? 78;
  const targets = [...new Set(widths.filter((width) => width > 0 && width < image.width))].sort((a, b) => a - b);
  const variants: ProcessedImage[] = [];
  for (const width of targets) {
    const { data, info } = await encode(sharp(image.data).resize({ width }), format, quality).toBuffer({ resolveWithObject: true });
    variants.push(processed(data, info, format));
  }
  if (format === image.format) variants.push(image);
  else {
    const { data, info } = await encode(sharp(image.data), format, quality).toBuffer({ resolveWithObject: true });
    variants.push(processed(data, info, format));
  }
  return variants;
}

/** The pictures of a multipart field, each checked and re-encoded; files only, at most `maxFiles`. */
export async function imagesFromForm(form: FormData, name: string, options: Omit<ReencodeOptions, 'field'> & { maxFiles: number }): Promise<ProcessedImage[]> {
  const entries = form.getAll(name);
  const files = entries.filter((entry): entry is File => typeof entry !== 'string');
  if (files.length !== entries.length) throw problems.invalid([{ field: `body.${name}`, message: 'Send pictures as files.' }]);
  if (files.length > options.maxFiles) throw problems.invalid([{ field: `body.${name}`, message: `At most ${options.maxFiles} pictures.`, code: 'too_big' }]);
  const images: ProcessedImage[] = [];
  for (const [index, file] of files.entries()) images.push(await reencodeImage(new Uint8Array(await file.arrayBuffer()), { ...options, field: `body.${name}.${index}` }));
  return images;
}

/** A picture drawn from SVG (demo data, placeholder logos), encoded like an upload; no file or network needed. */
export async function imageFromSvg(svg: string, options: { format?: ImageFormat; quality?: number } = {}): Promise<ProcessedImage> {
  const format = options.format ?? 'jpeg';
  const { data, info } = await encode(sharp(Buffer.from(svg)), format, options.quality ?? 82).toBuffer({ resolveWithObject: true });
  return processed(data, info, format);
}
