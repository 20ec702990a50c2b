/**
 * @kota-kit/pencaker — the module's table of contents: its id (URL /pencaker, API /api/pencaker, tables
 * pencaker_…, translation namespace), its options and its one role. Safe in the browser and on the server.
 *
 * Who is who, with the least machinery: a job seeker is any signed-in citizen who fills the AK/1 profile; an
 * employer is a citizen account that registered an organisation (a row in pencaker_employer_members links the
 * account to it); the manpower agency's (Disnaker's) staff hold `pencaker:officer` for the agency in `agencyId`.
 */
import { defineModule, z, type OptionIssue } from '@kota-kit/core';

export const pencakerOptionsSchema = z.object({
  /** The region's manpower agency (Disnaker): it verifies AK/1 cards and employers and moderates vacancies. */
  agencyId: z.string().min(1).default('disnaker'),
  /** Vacancies of employers Disnaker marked as trusted are published without moderation. */
  trustedEmployersPublishDirectly: z.boolean().default(true),
  /** Largest CV (PDF) a seeker may upload. */
  maxCvBytes: z.number().int().min(50_000).max(20_000_000).default(2_000_000),
  /** How long an AK/1 card is valid once issued (the regulation: 2 years). */
  cardValidityMonths: z.number().int().min(1).max(120).default(24),
  /** How often the holder reports while looking for work (the regulation: at least every 6 months). */
  reportIntervalMonths: z.number().int().min(1).max(24).default(6),
  /** Days before a report is due that the holder is reminded (event `pencaker.card.report-due`). */
  reminderDaysBefore: z.number().int().min(1).max(60).default(14),
  /** Results per page of the public vacancy search. */
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type PencakerOptionsInput = z.input<typeof pencakerOptionsSchema>;
export type PencakerOptions = z.output<typeof pencakerOptionsSchema>;

export const pencaker = defineModule({
  id: 'pencaker',
  package: '@kota-kit/pencaker',
  hasStyles: true,
  options: pencakerOptionsSchema,
  roles: [
    {
      id: 'officer',
      description: 'Disnaker officer: verifies AK/1 cards and employers, moderates vacancies, runs job fairs, exports statistics',
      agencyScoped: true,
    },
  ],
  checkOptions: (options, region) => {
    const issues: OptionIssue[] = [];
    if (!region.agencies.some((agency) => agency.id === options.agencyId)) issues.push({ path: ['agencyId'], message: `no agency "${options.agencyId}" in the region` });
    return issues;
  },
});

export * from './schemas/index.js';
