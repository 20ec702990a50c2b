/** Places typed into pencaker's forms, held to the region's own kecamatan. */
import { kecamatanNamesOf, kecamatanOfRegion, type FieldErrorInput } from '@kota-kit/core';
import { problems } from '@kota-kit/core/server';
import type { Ctx } from '../tables.js';

/**
 * The region's spelling of each named kecamatan (`fields` maps a request field, "body.kecamatan", to the name
 * given); one 400 naming every field that is not a kecamatan of the region, with the region's list (in the request's language).
 */
export function regionKecamatan<Field extends string>(ctx: Ctx, fields: Record<Field, string>): Record<Field, string> {
  const found = {} as Record<Field, string>;
  const errors: FieldErrorInput[] = [];
  const names = kecamatanNamesOf(ctx.region).join(', ');
  for (const [field, name] of Object.entries(fields) as [Field, string][]) {
    const kecamatan = kecamatanOfRegion(ctx.region, name);
    if (kecamatan !== undefined) found[field] = kecamatan;
    else errors.push({ field, message: { en: `"${name}" is not a kecamatan of this region. One of: ${names}.`, id: `"${name}" bukan kecamatan di wilayah ini. Pilih salah satu: ${names}.` } });
  }
  if (errors.length) throw problems.invalid(errors);
  return found;
}
