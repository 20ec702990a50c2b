// Uploaded pictures: type from the content, metadata dropped, sizes bounded, variants for srcset.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageFromSvg, imagesFromForm, imageVariants, reencodeImage } from '../src/images.js';
import { ProblemError } from '../src/server/index.js';

async function photoWithGps(width = 1600, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'KotaPhone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProblemError);
  const problem = error as ProblemError;
  return { status: problem.status, errors: problem.options.errors };
}

describe('reencodeImage', () => {
  it('drops EXIF (camera, GPS) and turns the picture upright by its orientation', async () => {
    const input = await photoWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const image = await reencodeImage(input, { field: 'body.photo', maxBytes: 5_000_000 });
    const meta = await sharp(image.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    expect(image.contentType).toBe('image/jpeg');
    // Orientation 6 = rotated 90°: the upright picture is taller than wide.
    expect([image.width, image.height]).toEqual([900, 1600]);
    expect(image.data.includes(Buffer.from('KotaPhone'))).toBe(false);
  });

  it('reads the type from the content and names the field when it is not a picture', async () => {
    const problem = await problemOf(reencodeImage(Buffer.from('%PDF-1.7 not a photo'), { field: 'body.photos.1', maxBytes: 1_000_000 }));
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'body.photos.1', code: 'invalid_type' })]);
  });

  it('refuses pictures over the size limit and damaged ones', async () => {
    const input = await photoWithGps();
    expect((await problemOf(reencodeImage(input, { field: 'body.photo', maxBytes: 100 }))).errors?.[0]?.code).toBe('too_big');
    const damaged = Buffer.concat([input.subarray(0, 200), Buffer.alloc(400)]);
    const problem = await problemOf(reencodeImage(damaged, { field: 'body.photo', maxBytes: 5_000_000 }));
    expect(['invalid_image', 'invalid_type']).toContain(problem.errors?.[0]?.code);
  });

  it('limits the longest side and can write WebP', async () => {
    const image = await reencodeImage(await sharp({ create: { width: 3000, height: 1000, channels: 4, background: '#00000000' } }).png().toBuffer(), { field: 'f', maxBytes: 10_000_000, maxSide: 1200, format: 'webp' });
    expect([image.width, image.height, image.format]).toEqual([1200, 400, 'webp']);
    expect((await sharp(image.data).metadata()).format).toBe('webp');
  });
});

describe('imageVariants', () => {
  it('gives one copy per narrower width plus the picture itself, widest last', async () => {
    const image = await reencodeImage(await photoWithGps(1600, 900), { field: 'f', maxBytes: 5_000_000 });
    const variants = await imageVariants(image, [1600, 320, 2400, 640, 320]);
    expect(variants.map((variant) => variant.width)).toEqual([320, 640, 900]);
    expect(variants.at(-1)).toBe(image);
    expect(variants[0]!.data.byteLength).toBeLessThan(image.data.byteLength);
  });
});

describe('imagesFromForm', () => {
  it('takes files only, at most maxFiles, naming the failing entry', async () => {
    const good = new File([new Uint8Array(await photoWithGps(400, 300))], 'a.jpg', { type: 'image/jpeg' });
    const form = new FormData();
    form.append('photos', good);
    form.append('photos', new File([new TextEncoder().encode('<svg/>')], 'b.jpg', { type: 'image/jpeg' }));
    const problem = await problemOf(imagesFromForm(form, 'photos', { maxFiles: 3, maxBytes: 5_000_000 }));
    expect(problem.errors?.[0]?.field).toBe('body.photos.1');
    const tooMany = new FormData();
    for (let index = 0; index < 3; index += 1) tooMany.append('photos', good);
    expect((await problemOf(imagesFromForm(tooMany, 'photos', { maxFiles: 2, maxBytes: 5_000_000 }))).errors?.[0]?.code).toBe('too_big');
    const text = new FormData();
    text.append('photos', 'not a file');
    expect((await problemOf(imagesFromForm(text, 'photos', { maxFiles: 2, maxBytes: 5_000_000 }))).errors?.[0]?.field).toBe('body.photos');
  });
});

describe('imageFromSvg', () => {
  it('draws demo pictures without files or network', async () => {
    const image = await imageFromSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#0f5c3a"/></svg>');
    expect([image.width, image.height, image.format]).toEqual([1200, 630, 'jpeg']);
  });
});
