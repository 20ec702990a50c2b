/** Job fairs (bursa kerja): a date, a place, the participating employers and their open vacancies on one page. */
import { isoDateSchema, localMessage, z } from '@kota-kit/core';
import { line, optionalLine } from './common.js';
import { publicEmployerSchema } from './employers.js';
import { vacancySchema } from './vacancies.js';

export const fairInputSchema = z
  .object({
    title: line(160, 5),
    description: optionalLine(4000),
    startsOn: isoDateSchema(),
    endsOn: isoDateSchema(),
    place: line(300, 3),
    kecamatan: line(60),
    employerIds: z.array(z.number().int().positive().max(2_147_483_647)).max(200).default([]),
  })
  .refine((value) => value.endsOn >= value.startsOn, { path: ['endsOn'], ...localMessage({ en: 'The fair ends before it starts.', id: 'Bursa kerja berakhir sebelum dimulai.' }) });
export type FairInput = z.input<typeof fairInputSchema>;

export const fairSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  kecamatan: z.string(),
  employers: z.number(),
});
export const fairSchema = fairSummarySchema.extend({
  description: z.string().nullable(),
  participants: z.array(z.object({ employer: publicEmployerSchema, vacancies: z.array(vacancySchema) })),
});
export type Fair = z.infer<typeof fairSchema>;
export const fairListSchema = z.object({ items: z.array(fairSummarySchema) });
