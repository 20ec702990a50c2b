/** Public statistics: counts only, never a person. */
import { z } from '@kota-kit/core';

const row = z.object({ key: z.string(), count: z.number() });
export const statsSchema = z.object({
  seekers: z.object({
    total: z.number(),
    byEducation: z.array(row),
    byAgeBand: z.array(row),
    bySex: z.array(row),
  }),
  vacancies: z.object({ open: z.number(), bySector: z.array(row), byEducation: z.array(row) }),
  months: z.array(z.object({ month: z.string(), applications: z.number(), placements: z.number() })),
  /** Median days from publication to "filled", over the vacancies reported filled. */
  medianDaysToFill: z.number().nullable(),
  filledVacancies: z.number(),
});
export type Stats = z.infer<typeof statsSchema>;

export const officerCountsSchema = z.object({ cards: z.number(), employers: z.number(), vacancies: z.number() });
